# /compare et /trace : vue d’ensemble, pages, un paragraphe, historique, boutons et erreurs (voir en-US/compare.ftl).
# Les marques ~~barré~~ et **gras** restent telles quelles ; les paragraphes cités sont le texte de l’ONU.
# `OP 5`, `PP 3` et les numéros de résolution s’écrivent de la même façon dans toutes les langues.

## Les parties d’une résolution

cmp-part-preamble = Préambule
cmp-part-operative = Dispositif
cmp-jump-preamble = Préambule
cmp-jump-operative = Dispositif

## Ce qu’il est advenu d’un paragraphe

cmp-change-unchanged = inchangé
cmp-change-modified = modifié
cmp-change-new = nouveau
cmp-change-dropped = supprimé
cmp-change-split = scindé
cmp-change-merged = fusionné
cmp-change-moved = déplacé
cmp-alike = similaire à { $percent } %
cmp-modified-alike = modifié (similaire à { $percent } %)
cmp-run-unchanged = { $refs } · inchangés
cmp-run-unchanged-renumbered = { $refs } · inchangés (anciennement { $old })

## Nombre de paragraphes d’une partie, par type de changement

cmp-count-unchanged = { $count ->
        [one] { $count } inchangé
       *[other] { $count } inchangés
    }
cmp-count-modified = { $count ->
        [one] { $count } modifié
       *[other] { $count } modifiés
    }
cmp-count-new = { $count ->
        [one] { $count } nouveau
       *[other] { $count } nouveaux
    }
cmp-count-dropped = { $count ->
        [one] { $count } supprimé
       *[other] { $count } supprimés
    }
cmp-count-split = { $count ->
        [one] { $count } scindé
       *[other] { $count } scindés
    }
cmp-count-merged = { $count ->
        [one] { $count } fusionné
       *[other] { $count } fusionnés
    }
cmp-count-moved = { $count ->
        [one] { $count } déplacé
       *[other] { $count } déplacés
    }
cmp-count-nothing = néant

## Les mots introductifs (le verbe du dispositif)

cmp-direction = { $direction ->
        [stronger] plus ferme
        [weaker] moins ferme
       *[changed] différent
    }
cmp-lead-words = Mots introductifs

## La vue d’ensemble

cmp-overview-title = { $old } → { $new } · ce qui a changé
cmp-overview-description = Paragraphes appariés par leur texte, non par leur numéro : { $old } ({ $old_year }) → { $new } ({ $new_year }).
cmp-addressees = Destinataires
cmp-addressee-new = nouveau : { $name }
cmp-addressee-dropped = retiré : { $name }
cmp-references-new = Nouvelles références
cmp-references-dropped = Références qui ne figurent plus
cmp-footnotes = Notes de bas de page (comparées par leur contenu)
cmp-footnote-dropped = ~~{ $old }~~ supprimée : { $text }
cmp-footnote-new = { $new } nouvelle : { $text }
cmp-footnote-renumbered = { $new } (anciennement { $old }) : { $text }
cmp-overview-footer = Modifications apparentes : ~~supprimé~~ **ajouté**. { cmp-more } : chaque paragraphe, partie par partie.
cmp-overview-more = Page 1 sur { $total } : **{ cmp-more }** affiche chaque paragraphe.
cmp-and-more = … et { $count ->
        [one] { $count } autre
       *[other] { $count } autres
    }

## Les pages

cmp-legend = ~~supprimé~~ **ajouté**
cmp-page-footer = Page { $page } sur { $total } · { cmp-legend }

## Un paragraphe (/compare … paragraph:)

cmp-paragraph-new = Nouveau dans la résolution { $new } : la résolution { $old } n’a pas d’équivalent.
cmp-paragraph-dropped = Supprimé : la résolution { $new } n’a pas d’équivalent.
cmp-paragraph-footer = { cmp-legend } · appariés par le texte, non par le numéro

## /trace

cmp-trace-title = Historique : { $query }
cmp-trace-first = Première occurrence : { $number } { $ref } ({ $year }).
cmp-trace-first-strengthened = Première occurrence : { $number } { $ref } ({ $year }) ; formulation renforcée dans { $later }.
cmp-trace-first-appearance = première occurrence
cmp-trace-unchanged-since = inchangé depuis { $symbol }
cmp-trace-elsewhere = dans un autre paragraphe
cmp-trace-lead = { $direction ->
        [stronger] mots introductifs plus fermes
        [weaker] mots introductifs moins fermes
       *[changed] autres mots introductifs
    }
cmp-trace-against = par rapport à { $symbol } :
cmp-trace-footer = { $found ->
        [one] Dans { $found } résolution sur { $searched }, par ordre d’adoption
       *[other] Dans { $found } résolutions sur { $searched }, par ordre d’adoption
    }
cmp-trace-page = page { $page } sur { $total }
cmp-trace-choice-words = « { $text } »

## Boutons

cmp-previous = Précédent
cmp-more = Suite
cmp-official-text = Texte officiel
cmp-post = Publier dans le salon

## Erreurs

cmp-error-same = Les deux désignent { $symbol } : choisissez deux résolutions différentes à comparer.
cmp-error-not-a-part = « { $part } » n’est pas une partie : choisissez le préambule (`preamble`) ou le dispositif (`operative`).
cmp-error-not-compared = { $symbol } ne fait pas partie des deux résolutions comparées.
cmp-error-footnote = Comparez ici des paragraphes ; les notes de bas de page sont comparées par leur contenu dans la vue d’ensemble.
cmp-error-no-match = Aucune résolution de la bibliothèque ne contient « { $query } ». Essayez avec moins de mots, ou un paragraphe comme `78/216 op 5`.
cmp-error-old-button = Ce bouton provient d’une version du bot qui n’existe plus ; relancez la commande.
cmp-error-trace-footnote = L’historique suit des paragraphes : indiquez un paragraphe, par exemple `78/216 op 5`, ou citez les mots.
cmp-error-trace-too-long = Ce texte est trop long pour en retracer l’historique ({ $length } caractères) ; limitez-le à moins de { $limit } caractères.
cmp-error-trace-empty = Indiquez des mots dont retracer l’historique, ou un paragraphe comme `78/216 op 5`.
