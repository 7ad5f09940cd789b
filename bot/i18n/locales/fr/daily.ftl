# Les publications quotidiennes : chaque réponse et erreur de /daily, ce que /daily status dit des incidents, l’en-tête de la publication.

## La publication (dans la langue du serveur)

daily-date = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }
daily-header = **Paragraphe du jour** · { $date }
daily-post = { $header } · { $index } sur { $total }

## Listes et noms

daily-list-separator = {", "}
daily-perm-view-channel = Voir les salons
daily-perm-embed-links = Intégrer des liens
daily-perm-send-messages = Envoyer des messages
daily-perm-send-messages-in-threads = Envoyer des messages dans les fils
daily-order = { $order ->
        [document] { choice-order-document }
        [operative] { choice-order-operative }
        [preamble] { choice-order-preamble }
        [random] { choice-order-random }
       *[articles] { choice-order-articles }
    }
daily-order-short = { $order ->
        [document] ordre du document
        [operative] paragraphes du dispositif
        [preamble] alinéas du préambule
        [random] ordre aléatoire
       *[articles] article par article
    }
daily-channel-named = #{ $name }
daily-channel-number = le salon { $id }
daily-choice-channel-number = salon { $id }

## /daily set, stop, skip, preview

daily-set-done = Publications quotidiennes { $verb ->
        [resumed] reprises
        [updated] modifiées
       *[set] mises en place
    } dans { $channel } : chaque jour à { $time } { $zone }, { $order }, tirées de { $symbol }.
daily-set-next = Prochaine publication le { $when } ({ $relative }) : { $label } ({ $index } sur { $total }).
daily-stopped = Publications quotidiennes arrêtées dans { $channel }.
daily-stopped-named = Publications quotidiennes arrêtées dans { $channel } (#{ $name }).
daily-skipped = { $skipped } sauté dans { $channel }. Prochaine publication le { $when } : { $label } ({ $index } sur { $total }).
daily-preview = Aperçu de la prochaine publication dans { $channel }, { $when } :

## /daily status

daily-status-title = **Publications quotidiennes** ({ $count } sur { $most })
daily-status-none = Aucune publication quotidienne sur ce serveur. Mettez-les en place avec `/daily set channel:`.
daily-status-line = • { $channel } à { $time } { $zone }, { $order } — prochaine publication le { $when } : { $what }
daily-status-next = { $label } ({ $index } sur { $total })
daily-status-invalid = (réglages devenus invalides)
daily-status-paused = ⏸ **En pause** : { $reason }. Corrigez cela, puis lancez `/daily set` pour ce salon afin de reprendre.
daily-status-problem = ⚠ Dernier incident { $when } : { $problem }.
daily-status-overdue = ⚠ La publication du { $day } n’est pas partie avant la fin de son délai de rattrapage : le bot s’est bloqué pendant l’envoi. Elle sera enregistrée comme manquée, jamais publiée en retard.
daily-status-no-history = ⚠ Je n’ai pas l’autorisation **Voir les anciens messages** dans ce salon : si la réponse à une publication se perd, je ne peux pas vérifier si elle est arrivée, et je ne la publierai donc pas une seconde fois. Accordez-la pour des publications fiables.
daily-status-notice = • { $channel } : { $message } ({ $when }).
daily-status-more = … et { $count ->
        [one] { $count } autre
       *[other] { $count } autres
    }.

## Incidents d’une publication (conservés, puis affichés par /daily status)

daily-why-no-history = je n’ai pas l’autorisation Voir les anciens messages dans le salon pour la chercher
daily-why-unknown-permission = je n’ai pas pu vérifier si je peux lire l’historique du salon, et je ne l’y ai pas trouvée
daily-why-refused = Discord a refusé de me montrer l’historique du salon
daily-why-too-busy = plus de { $count } messages ont été publiés dans le salon depuis, trop pour tous les parcourir
daily-why-unread = je n’ai pas pu lire l’historique du salon à temps
daily-why-late = le bot n’a pas pu l’envoyer à temps
daily-why-gone = le salon a été supprimé
daily-why-not-found = Discord n’a pas trouvé le salon
daily-why-lost-access = j’ai perdu l’accès à ce salon ou l’autorisation d’y publier
daily-why-server-problem = Discord a eu un problème de serveur (nouvel essai prévu)
daily-why-slow-down = Discord m’a demandé de ralentir
daily-why-refused-post = Discord a refusé la publication
daily-why-unreachable = je n’ai pas pu joindre Discord (nouvel essai prévu)
daily-why-no-answer = Discord n’a pas répondu à temps (nouvel essai prévu)
daily-why-temporary = un problème passager pour joindre Discord
daily-why-attempts = { $problem }, après { $count ->
        [one] { $count } tentative
       *[other] { $count } tentatives
    }
daily-retrying = { $problem } ; nouvel essai
daily-unconfirmed = la publication du { $day } est peut-être parvenue à Discord, mais { $reason } ; je n’ai donc pas pu confirmer que Discord l’avait acceptée, et je ne l’ai pas republiée, pour qu’elle ne paraisse jamais deux fois
daily-missed = la publication du { $day } a été manquée : { $why } ; son délai de rattrapage ({ $hours } h après son heure) est passé, elle n’a donc pas été publiée en retard
daily-down-one = la publication du { $day } a été manquée : le bot était arrêté (ou ne pouvait pas joindre sa base de données) à ce moment-là, et n’est revenu qu’après le délai de rattrapage ({ $hours } h après l’heure de publication) ; elle n’a donc pas été publiée en retard
daily-down-range = les publications du { $first } au { $last } ont été manquées : le bot était arrêté (ou ne pouvait pas joindre sa base de données) à ce moment-là, et n’est revenu qu’après le délai de rattrapage ({ $hours } h après l’heure de publication) ; elles n’ont donc pas été publiées en retard
daily-deleted = le salon a été supprimé, ses publications quotidiennes ont donc cessé
daily-zone-gone = son fuseau horaire « { $zone } » n’existe plus dans la base des fuseaux horaires ; lancez `/daily set` avec un fuseau actuel, par exemple Europe/Zurich
daily-settings-invalid = ses réglages enregistrés ne sont plus valides ; relancez `/daily set` pour ce salon
daily-keeps-failing = quelque chose échouait sans cesse du côté du bot lors de la préparation de la publication

## Erreurs

daily-need-manage = Il faut l’autorisation Gérer le serveur, ou Gérer les salons, pour modifier les publications quotidiennes.
daily-need-manage-in = Il faut l’autorisation Gérer le serveur, ou Gérer les salons dans { $channel }, pour modifier les publications quotidiennes.
daily-status-need-manage = Il faut l’autorisation Gérer le serveur ou Gérer les salons pour voir les publications quotidiennes.
daily-not-postable = { $channel } est { $kind ->
        [voice] un salon vocal
        [stage_voice] un salon de conférence
        [category] une catégorie
        [forum] un salon forum
        [media] un salon multimédia
       *[other] un salon de type « { $kind } »
    }. Les publications quotidiennes vont dans un salon textuel, un salon d’annonces ou un fil.
daily-cannot-see = Je ne vois pas { $channel }. Donnez-moi l’autorisation Voir les salons dans ce salon (ou ajoutez-moi au fil), puis réessayez.
daily-not-a-channel = { $channel } n’est pas un salon où je peux publier.
daily-cannot-check = Je ne peux pas vérifier mes autorisations sur ce serveur pour l’instant ; réessayez dans une minute.
daily-missing-permissions = Je ne peux pas publier dans { $channel } : il me manque { $missing } dans ce salon. Accordez-les dans les paramètres du salon → Permissions, puis relancez la commande.
daily-locked-thread = { $channel } est un fil verrouillé : je ne peux pas y publier. Déverrouillez-le ou choisissez un autre salon.
daily-private-thread = { $channel } est un fil privé dont je ne fais pas partie. Ajoutez-moi d’abord (mentionnez-moi dans le fil).
daily-pick-from-list = Choisissez le salon dans la liste qui s’affiche pendant la saisie (les salons supprimés y figurent aussi).
daily-need-history = Il me faut l’autorisation Voir les anciens messages dans { $channel } pour les publications quotidiennes : c’est ainsi que je vérifie si une publication est parvenue à Discord avant de la réessayer, pour qu’aucune ne paraisse deux fois. Accordez-la dans les paramètres du salon → Permissions, puis relancez la commande.
daily-too-many = Ce serveur a déjà { $count } publications quotidiennes, le maximum autorisé. Arrêtez-en une avec `/daily stop`, ou modifiez celle d’un salon existant avec `/daily set`.
daily-nothing-in-order = La résolution { $symbol } n’a rien à publier dans cet ordre ({ daily-order }) ; elle contient les paragraphes du dispositif 1 à { $operative }{ $preambular ->
        [0] {""}
       *[other] {" "}et les alinéas du préambule 1 à { $preambular } (PP1–PP{ $preambular })
    }.
daily-no-schedule-there = { $channel } n’a pas de publications quotidiennes. Mettez-les en place avec `/daily set`.
daily-none-yet = Ce serveur n’a pas encore de publications quotidiennes. Mettez-les en place avec `/daily set channel:`.
daily-say-which = Ce serveur a des publications quotidiennes dans { $channels } : précisez lequel avec l’option `{ $option }`.
daily-just-stopped = Ces publications quotidiennes viennent d’être arrêtées.
daily-bad-time = « { $text } » n’est pas une heure : écrivez HH:MM sur 24 heures, par exemple 09:00 ou 18:30.
daily-bad-zone = « { $zone } » n’est pas un fuseau horaire que je connais. Utilisez un nom IANA comme Europe/Geneva, America/New_York ou UTC (commencez à taper pour voir des suggestions).
