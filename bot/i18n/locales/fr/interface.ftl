# Ce que le bot écrit : /help, /about et les réponses de /settings (voir en-US/interface.ftl).
# Le code entre accents graves (`/cite 4`, `PP 3`) est ce qu’on tape : il ne se traduit pas.

## /help

help-title = **Lire { $symbol }**
help-paragraph = un paragraphe tel quel ; aussi `PP 3`, `fn 2`, `4-6`, `4, 7`, `art. 12`, `78/216 para 5`
help-cite = une citation prête à copier (ONU, courte, Bluebook, OSCOLA, AGLC) ; `quote:True` cite aussi le texte
help-footnote = une note de bas de page, ses liens et les paragraphes qui la citent
help-summary = ce qui est demandé aux États (ou à d’autres, ou `all` pour tous)
help-search = les passages les plus pertinents de la bibliothèque ; les « expressions entre guillemets » fonctionnent
help-about = les informations sur la résolution et la provenance du texte
help-library = les textes chargés ; l’option `document` de chaque commande en choisit un
help-compare = ce qui a changé entre deux résolutions, paragraphe par paragraphe, avec les modifications apparentes
help-trace = depuis quand l’Assemblée dit cela : une expression ou un paragraphe suivi dans toute la bibliothèque
help-daily-set = gestionnaires du serveur : publier un paragraphe chaque jour dans un salon
help-settings-citation-style = gestionnaires du serveur : le style de citation par défaut du serveur
help-settings-document = gestionnaires du serveur : le texte que les commandes lisent ici par défaut
help-settings-server-language = gestionnaires du serveur : la langue des réponses publiques et des publications quotidiennes
help-settings-language = la langue dans laquelle le bot vous répond
help-help = cette aide
help-references = **Références :** essayez `4` ou `OP 4` (paragraphe du dispositif), `PP 3` (alinéa du préambule), `fn 2` (note de bas de page), une plage comme `4-6` ou une liste comme `4, 7`. Aussi `par. 4`, `paragraphes 4 et 7`, `alinéa 3 du préambule`, `¶¶ 4–6`, `{ $number }, ¶ 4`, et les formes anglaises `para. 4`, `pmbl. para. 3`, `third preambular paragraph`. Dans une liste, la partie se reporte : `PP 3, 5` désigne PP3 et PP5.
help-discussion = **Dans une discussion :** clic droit (ou appui long) sur un message → Applications → *{ menu-quote-cited-paragraphs }* affiche tous les paragraphes qu’il mentionne.
help-contents = Cette résolution compte les paragraphes du dispositif 1 à { $operative }{ $preambular ->
        [0] {""}
       *[other] {" "}et les alinéas du préambule PP1 à PP{ $preambular }
    }, ainsi que les notes de bas de page 1 à { $footnotes }.

## /about

about-adopted-on = adoptée le { DATETIME($adopted, dateStyle: "long") }
about-adopted-on-report = adoptée le { DATETIME($adopted, dateStyle: "long") } sur le rapport de la commission ({ $committee }, { $report })
about-adopted-on-report-only = adoptée le { DATETIME($adopted, dateStyle: "long") } (rapport { $report })
about-description = **{ $name }**, { $origin }.
about-session = Session
    .value = { $session }, point { $item } de l’ordre du jour
about-adopted = Adoption
    .value = { DATETIME($adopted, dateStyle: "long") }, { $meeting }
about-distributed = Distribution
    .value = { DATETIME($distributed, dateStyle: "long") } ({ $distribution })
about-contents = Contenu
    .value = { $preambular ->
        [one] { $preambular } alinéa du préambule
       *[other] { $preambular } alinéas du préambule
    } · { $operative ->
        [one] { $operative } paragraphe du dispositif
       *[other] { $operative } paragraphes du dispositif
    } · { $footnotes ->
        [one] { $footnotes } note de bas de page
       *[other] { $footnotes } notes de bas de page
    }
about-official-text = Texte officiel
about-commands = Commandes
about-commands-more = `/help` explique ce que fait chacune.
about-footer = Le texte est la transcription fidèle du document officiel distribué par l’Organisation des Nations Unies. Les résumés sont des paraphrases du bot en langage simple, jamais le texte.

## /settings

settings-manage-server = Il faut l’autorisation Gérer le serveur pour changer les réglages de ce serveur.
settings-style-current = Sur ce serveur, les citations suivent par défaut le style **{ $style }**. Choisissez-en un autre avec l’option `style`.
settings-style-set = Sur ce serveur, les citations suivent désormais par défaut le style **{ $style }**. Chacun peut toujours choisir un style avec `/cite … style:`.
settings-language-chosen = Langue des réponses du bot pour vous, partout : **{ $language }**. Choisissez *{ choice-language-auto }* pour revenir à la langue de Discord.
settings-language-auto = Vous n’avez pas choisi de langue : le bot vous répond dans votre langue de Discord s’il la connaît, sinon dans celle du serveur, sinon en anglais. Ici : **{ $language }**.
settings-server-language-set = Langue des réponses publiques et des publications quotidiennes de ce serveur : **{ $language }**. Chacun peut toujours choisir sa propre langue avec `/settings language`.
settings-server-language-unset = Ce serveur n’a pas choisi de langue : ses réponses publiques et publications quotidiennes sont en langue par défaut, **{ $language }**.
