# Ce qu’écrivent les commandes de lecture et de citation : /paragraph, /footnote, /summary, /search, /cite,
# /library, le menu « Citer les paragraphes mentionnés » et les boutons sous leurs réponses.
# Le code entre accents graves (`/paragraph 4`, `PP 3`) est ce que l’on tape : il reste tel quel.

## Un paragraphe, une note ou un article

read-title = { $kind ->
        [preamble] alinéa du préambule { $number }
        [footnote] note de bas de page { $number }
       *[operative] paragraphe du dispositif { $number }
    }
read-article = article { $number }{ $rest }
read-declaration = Déclaration
read-annexed = { $annex }, { $article }
read-footnotes = Notes de bas de page
read-links = Liens
read-cited-in = Citée dans
read-showing = { $shown } sur { $total } affichés (un message Discord contient au plus { $embeds } intégrations et { $chars } caractères). Non affichés : { $rest } ; { $how }.
read-more-all = **Suite** les affiche, ou `/paragraph { $rest }`
read-more-some = **Suite** affiche { $shows } ; `/paragraph { $rest }` les affiche tous
read-more-none = `/paragraph { $rest }` les affiche

## Un message cité (menu « Citer les paragraphes mentionnés »)

read-quoted-where = { $title } · cité dans { $where }
read-also-cited = *(Également cités : { $others }.)*
read-not-in = *(Absents de { $symbol } : { $missing }.)*

## /summary

read-strength = { $strength ->
        [urges] Exhorte
        [calls-upon] Demande
        [requests] Prie
        [encourages] Encourage
        [invites] Invite
       *[other] Autres dispositions (rien n’est demandé)
    }
read-also-to = *(également à : { $who })*
read-summary-everyone = qui est appelé à faire quoi
read-summary-who = { $plural ->
        [yes] ce qui est demandé : { $who }
       *[no] ce qui est demandé : { $who }
    }
read-summary-continued = { $title } (suite)
read-summary-footer = Résumés en langage simple rédigés (en anglais) pour ce bot, et non le libellé de la résolution. Utilisez /paragraph avec le numéro pour le texte officiel.
read-summary-footer-opening = Aucun résumé n’a encore été rédigé pour ce texte : chaque ligne entre guillemets reprend les premiers mots du paragraphe. Utilisez /paragraph avec le numéro pour l’intégralité du texte officiel.
read-summary-footer-mixed = Les lignes entre guillemets reprennent les premiers mots du paragraphe (aucun résumé encore rédigé) ; les autres sont des résumés en langage simple rédigés (en anglais) pour ce bot, et non le libellé de la résolution. Utilisez /paragraph avec le numéro pour le texte officiel.
read-page-more = Page { $page } sur { $pages } : **Suite** affiche le reste.
read-page = Page { $page } sur { $pages }.

## /search

read-search-corrected = Aucune correspondance exacte ; j’ai donc cherché des mots proches : { $fixed }.
read-search-correction = « { $typed } » → « { $searched } »
read-search-unknown = Introuvables : { $words }.
read-search-some = Aucun paragraphe ne contient tous ces mots ; ceux-ci en contiennent certains.
read-search-nothing-library = Rien dans les textes que je propose ne correspond à « { $query } ».
read-search-nothing = Rien dans { $symbol } ne correspond à « { $query } ».
read-search-close = Mots proches dans le texte : { $words }.
read-search-try = Essayez moins de mots ou d’autres mots, ou parcourez le texte avec `/paragraph`.
read-sentences = { $first } { $next }
read-list-separator = {", "}
read-search-title = recherche : { $query }
read-search-best = { $total } résultats, les { $shown } meilleurs affichés · /paragraph avec un numéro pour le texte intégral
read-search-count = { $total ->
        [one] { $total } résultat
       *[other] { $total } résultats
    } · /paragraph avec un numéro pour le texte intégral

## /cite

read-style = { $style ->
        [un] Usage de l’ONU
        [short] Cote du document
       *[other] { $name }
    }
read-cite-running = Dans le corps du texte :
read-cite-official = Texte officiel : <{ $url }>
read-cite-whole = *(La résolution entière est trop longue pour être citée ici : citez des paragraphes pour les reproduire.)*
read-cite-whole-declaration = *(La Déclaration entière est trop longue pour être citée ici : citez un article pour le reproduire.)*
read-quote-shortened = *(Citation abrégée pour tenir en un message ; `/paragraph { $refs }` l’affiche en entier.)*
read-not-quoted = *(Non reproduits, faute de place dans un message : { $rest } ; { $ask }.)*
read-not-quoted-ask = `/paragraph { $refs }` les affiche
read-not-quoted-ask-bare = `/paragraph` les affiche

## /library

read-library-title = { $count ->
        [one] La bibliothèque : { $count } document
       *[other] La bibliothèque : { $count } documents
    }
read-library-default = ← texte par défaut ici
read-library-sizes = { $preambular ->
        [one] { $preambular } alinéa du préambule
       *[other] { $preambular } alinéas du préambule
    }, { $operative ->
        [one] { $operative } paragraphe du dispositif
       *[other] { $operative } paragraphes du dispositif
    }, { $footnotes ->
        [one] { $footnotes } note de bas de page
       *[other] { $footnotes } notes de bas de page
    }
read-library-articles = , articles 1 à { $count }
read-library-annex = { $name } (annexe{ $number })
read-library-footer = Chaque commande de lecture et de citation a une option document : une cote, un numéro (78/216), une année (2023) ou des mots du titre (Declaration). Une référence qui nomme son document (A/RES/78/216 para 5) n’en a pas besoin.

## Les boutons

read-button-previous = Précédent
read-button-next = Suivant
read-button-footnotes = Notes de bas de page
read-button-cite = Citer
read-button-official = Texte officiel
read-button-more = Suite
read-button-post = Publier dans le salon
read-button-open = Ouvrir la { $number }
read-button-open-annex = Ouvrir la { $number }, annexe

## Publier dans le salon, quand le bot ne publie pas

read-post-locked = Ce fil est verrouillé : seules les personnes ayant l’autorisation **Gérer les fils** peuvent y publier ; je ne le publierai donc pas ici pour vous. Votre copie privée reste visible pour vous.
read-post-refused = Vous ne pouvez pas publier vous-même dans { $where ->
        [thread] ce fil
       *[channel] ce salon
    } (il faut { $count ->
        [one] l’autorisation
       *[other] les autorisations
    } { $needed }) ; je ne le publierai donc pas ici pour vous. Votre copie privée reste visible pour vous.
read-permission = { $permission ->
        [threads] Envoyer des messages dans les fils
       *[send] Envoyer des messages
    }
read-permissions = { $first } et { $second }
read-post-wait = Vous venez de publier : vous pourrez publier à nouveau dans { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } secondes
    }. Votre copie privée reste visible pour vous.

## La console (python -m bot console)

read-console-no-locale = Il n’y a pas de langue d’interface « { $typed } ». Choisissez parmi : { $locales }.

## Références des pieds de page et des en-têtes (paragraphes du dispositif d’une résolution de l’Assemblée générale)

read-reference = résolution { $number } de l’Assemblée générale, { $pin }

## Saisie semi-automatique : le reste du nom d’un choix (sa valeur est ce que l’on tape, dans toutes les langues)

read-choice-items = { $count } éléments
read-choice-footnote = { $text } (dans { $where })
read-choice-everyone = Tout le monde (tous les destinataires)
