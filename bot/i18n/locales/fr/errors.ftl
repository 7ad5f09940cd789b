# Ce que le bot répond quand il ne peut pas répondre à la demande (voir en-US/errors.ftl).
# Le code entre accents graves (`/cite 4`, `PP 3`, `art 12`) est ce qu’on tape : il ne se traduit pas.
# $kind : pp (alinéa du préambule), op (paragraphe du dispositif), fn (note de bas de page), art (article).

## Ce que contient une résolution, dit à l’intérieur d’autres messages

err-outline = les paragraphes du dispositif 1 à { $operative }{ $preambular ->
        [0] {""}
       *[other] {" "}et les alinéas du préambule PP1 à PP{ $preambular }
    }
err-syntax-help = Essayez `4` ou `OP 4` (paragraphe du dispositif), `PP 3` (alinéa du préambule), `fn 2` (note de bas de page), une plage comme `4-6` ou une liste comme `4, 7`.

## Références (/paragraph, /cite, /footnote)

err-annex-articles = La résolution { $symbol } comporte une annexe qui se lit par article : demandez un article, par exemple `art 12` ou `Article 12(2)`. Les alinéas du préambule de l’annexe ne peuvent pas encore être demandés ici.
err-annex-paragraphs = La résolution { $symbol } comporte une annexe, mais ses paragraphes ne peuvent pas encore être demandés ici.
err-other-text = Ce bot sert la résolution { $symbol } ({ $body ->
        [general-assembly] résolution { $number } de l’Assemblée générale
       *[other] { $name }
    }) ; « { $shown } » désigne un autre texte. Demandez un paragraphe de la résolution { $number }, par exemple `4` ou `PP 3`.
err-reference-too-long = Cette référence est trop longue pour être lue ({ $length } caractères). { err-syntax-help }
err-no-article = La résolution { $symbol } n’a pas d’article { $article }.
err-reference-needs-number = Quel numéro ? « { $item } » en demande un, par exemple `{ $item } 3`. { err-syntax-help }
err-reference-unreadable = Je n’ai pas pu lire « { $item } » comme une référence à un paragraphe. { err-syntax-help }
err-range-mixed = Une plage reste dans une seule partie : « { $item } » mélange { $kind ->
        [pp] des alinéas du préambule
        [fn] des notes de bas de page
        [art] des articles
       *[op] des paragraphes du dispositif
    } et { $other ->
        [pp] des alinéas du préambule
        [fn] des notes de bas de page
        [art] des articles
       *[op] des paragraphes du dispositif
    }. Demandez-les plutôt sous forme de liste, par exemple `PP 15, OP 1`.
err-range-backwards = La plage { $start }-{ $end } est à l’envers : vouliez-vous dire { $end }-{ $start } ?
err-too-many = Cela fait plus de { $max } éléments à la fois ; demandez une plage plus courte.
err-which-paragraph = Quel paragraphe ? { err-syntax-help }
err-which-paragraph-or-all = Quel paragraphe ? { err-syntax-help } Laissez `all` pour citer toute la résolution.
err-one-reference = Donnez ici une seule référence, pas { $count }.
err-paragraph-not-footnote = « { $ref } » est un paragraphe, pas une note de bas de page : utilisez `/paragraph { $ref }`.
err-no-footnote = Il n’y a pas de note de bas de page { $number } : cette résolution { $footnotes ->
        [0] ne comporte aucune note de bas de page
        [one] ne comporte que la note de bas de page 1
       *[other] comporte les notes de bas de page 1 à { $footnotes }
    }.
err-none-of-kind = Cette résolution ne comporte { $kind ->
        [pp] aucun alinéa du préambule
        [fn] aucune note de bas de page
        [art] aucun article
       *[op] aucun paragraphe du dispositif
    } ; elle comporte { err-outline }.
err-no-such-part = { $kind ->
        [pp] L’alinéa du préambule { $number } n’existe pas
        [fn] La note de bas de page { $number } n’existe pas
        [art] L’article { $number } n’existe pas
       *[op] Le paragraphe du dispositif { $number } n’existe pas
    } : cette résolution comporte { err-outline }.

## Articles d’une déclaration annexée (/paragraph art 12)

err-no-articles-anywhere = Aucun texte de la bibliothèque ne comporte d’articles : les articles appartiennent à une déclaration figurant en annexe.
err-no-articles = La résolution { $symbol } ne comporte pas d’articles : elle comporte { err-outline }.
err-no-articles-elsewhere = La résolution { $symbol } ne comporte pas d’articles : elle comporte { err-outline }. Les articles de la Déclaration se trouvent dans la résolution { $declaration }.
err-no-such-article = L’article { $article } n’existe pas : la Déclaration compte les articles { $first } à { $last }.
err-no-such-clause = L’article { $article } { $clauses ->
        [0] n’a pas de paragraphes numérotés
        [one] n’a que le paragraphe 1
       *[other] compte les paragraphes 1 à { $clauses }
    } ; l’article { $article }({ $clause }) n’existe pas.
err-no-such-item = L’article { $article }{ $clause ->
        [none] {""}
       *[other] ({ $clause })
    } { $first ->
        [none] n’a pas d’alinéas désignés par une lettre
       *[other] compte les alinéas ({ $first }) à ({ $last })
    } ; l’article { $article }{ $clause ->
        [none] {""}
       *[other] ({ $clause })
    }({ $item }) n’existe pas.

## Documents de la bibliothèque

err-no-document = Aucun document « { $name } » dans la bibliothèque. Elle contient { $symbols } : désignez-en un par sa cote, son numéro (62/152), son année ou des mots de son titre.
err-resolution-not-in-library = La résolution { $number } ne figure pas dans la bibliothèque ; elle contient { $symbols }.
err-document-conflict = « { $text } » désigne la résolution { $named }, mais l’option document a choisi la résolution { $chosen } : laissez l’option vide, ou retirez la cote de la référence.

## /cite, /search, /summary, Citer les paragraphes mentionnés

err-no-style = Il n’existe pas de style de citation « { $style } ». Choisissez parmi : { $styles }. (Ni APA ni Harvard : aucun de ces deux manuels ne prévoit de forme publiée pour les résolutions de l’ONU.)
err-search-too-long = Cette recherche est trop longue ({ $length } caractères) ; restez sous { $max }.
err-search-empty = Cherchez au moins un mot, par exemple `impunité` ou `"liberté d’expression"`.
err-not-addressee = « { $text } » n’est pas un destinataire de cette résolution. Choisissez parmi : { $choices }, ou `all`.
err-nobody-addressed = Aucun paragraphe du dispositif de la résolution { $symbol } ne s’adresse à : { $addressee }.
err-nobody-addressed-anyone = Aucun paragraphe du dispositif de la résolution { $symbol } ne s’adresse à qui que ce soit.
err-finder-forms = Je reconnais des formes comme « paragraphe 4 », « note de bas de page 5 » et, pour les alinéas du préambule, « alinéa 3 du préambule » ; aussi celles de l’anglais : `para 4`, `OP 7`, `¶¶ 4–6`, `paras. 4 and 7`, `PP 3`, `third preambular paragraph`, `footnote 5` ou `{ $number }, ¶ 4` ; un nombre seul, une date ou le paragraphe d’une autre résolution n’est jamais pris pour une référence.
err-finder-nothing = Je n’ai trouvé aucune référence à la résolution { $symbol } dans ce message. { err-finder-forms }
err-finder-missing = Je n’ai trouvé aucune référence à la résolution { $symbol } dans ce message. Il mentionne { $missing }, que la résolution { $symbol } ne comporte pas ({ err-outline }). { err-finder-forms }

## Boutons

err-old-button = Ce bouton vient d’une version du bot qui n’existe plus ; relancez la commande.

## La console (python -m bot console)

err-console-needs = Cette commande demande { $what ->
        [cite] ce qu’il faut citer, par exemple `/cite 4` ou `/cite all`
        [paragraph] une référence de paragraphe, par exemple `/paragraph 4`
        [footnote] un numéro de note de bas de page, par exemple `/footnote 5`
       *[search] quelque chose à chercher, par exemple `/search impunity`
    }.
err-console-language = Il n’existe pas de langue officielle « { $language } ». Choisissez parmi : { $languages }.
err-console-command = Il n’existe pas de commande /{ $name }. Commandes : { $commands }.

## Tout autre problème d’une commande (bot.client)

err-command-gone = Cette commande n’est plus disponible ; elle peut mettre une minute à disparaître de Discord.
err-invalid-option = « { $value } » n’est pas valide pour cette option : { $type ->
        [choice] choisissez l’une des valeurs proposées
        [integer] un nombre entier est attendu
        [channel] un salon est attendu
        [number] un nombre est attendu
        [boolean] vrai ou faux est attendu
        [user] un utilisateur est attendu
        [role] un rôle est attendu
        [mentionable] un utilisateur ou un rôle est attendu
        [attachment] un fichier joint est attendu
       *[other] valeur attendue de type { $type }
    }.
err-servers-only = Cette commande ne fonctionne que sur les serveurs.
err-missing-permissions = Il vous faut { $count ->
        [one] l’autorisation
       *[other] les autorisations
    } { $permissions } pour faire cela.
err-not-here = Vous ne pouvez pas utiliser cette commande ici.
err-discord-problem = Discord a rencontré un problème avec cette demande ; veuillez réessayer dans un instant.
err-unexpected = Désolé, une erreur s’est produite de mon côté. Elle a été consignée ; veuillez réessayer.

# Entre les noms d’une liste (d’autorisations).
err-list-separator = {", "}
# Une autorisation Discord, sous le nom que lui donnent les paramètres de Discord en français.
err-permission = { $permission ->
        [administrator] Administrateur
        [manage_guild] Gérer le serveur
        [manage_channels] Gérer les salons
        [manage_messages] Gérer les messages
        [manage_threads] Gérer les fils
        [send_messages] Envoyer des messages
        [send_messages_in_threads] Envoyer des messages dans les fils
        [embed_links] Intégrer des liens
        [read_message_history] Voir les anciens messages
        [view_channel] Voir les salons
       *[other] { $permission }
    }
