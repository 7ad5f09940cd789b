# Textes des commandes (voir en-US/commands.ftl). Les noms des commandes et des options restent en anglais.

cmd-paragraph = Affiche un paragraphe tel quel : 4, OP 4, PP 3, fn 2, une plage 4-6 ou une liste 4, 7
    .ref = Numéro ou mots : 4, PP 3, 4-6, 4, 7… (un nombre seul désigne un paragraphe du dispositif)
    .language = Le texte officiel dans une autre langue de l’ONU (par défaut : la vôtre, s’il existe)
cmd-footnote = Affiche une note de bas de page, ses liens et les paragraphes qui la citent
    .number = Numéro de la note de bas de page, p. ex. 5 (ou plusieurs : 1-2)
    .language = Le texte officiel dans une autre langue de l’ONU (par défaut : la vôtre, s’il existe)
cmd-summary = Ce qui est demandé aux États (ou à un autre destinataire), en langage simple
    .addressee = Qui : States (par défaut), Secretary-General… ou all pour tous
cmd-search = Cherche dans la résolution : des mots ou des "expressions entre guillemets"
    .query = Mots (en anglais) ou "expression entre guillemets", p. ex. impunity ou "freedom of expression"
cmd-cite = Une citation prête à copier : paragraphe, plage, liste, note de bas de page ou texte entier
    .ref = Quoi citer : 4, PP 3, 4-6, 4, 7, fn 5… ou all pour toute la résolution
    .style = Style de citation (par défaut : celui du serveur, sinon l’usage de l’ONU)
    .quote = Cite le texte au-dessus de la référence
    .language = La langue de la citation et de l’extrait (par défaut : la vôtre) ; l’une des six de l’ONU
cmd-about = La résolution : cote, dates, lien officiel, commandes
cmd-help = Comment utiliser ce bot (vous seul voyez la réponse)
menu-quote-cited-paragraphs = Afficher les paragraphes cités

cmd-daily = Publie chaque jour un paragraphe de la résolution
cmd-daily-set = Publie un paragraphe chaque jour dans un salon (ou en change les réglages)
    .channel = Un salon textuel, un salon d’annonces ou un fil
    .time = Heure locale, sur 24 heures, HH:MM (par défaut 09:00)
    .timezone = Fuseau horaire IANA, p. ex. Europe/Paris ou America/Montreal (par défaut UTC)
    .order = Quels paragraphes, dans quel ordre (par défaut : l’ordre du document)
cmd-daily-stop = Arrête les publications quotidiennes d’un salon (même supprimé)
    .schedule = Les publications de quel salon (commencez à taper ; utile s’il y en a plusieurs)
cmd-daily-status = Les publications quotidiennes du serveur : quand, où, et la suivante
cmd-daily-preview = Voir la prochaine publication quotidienne (vous seul la voyez)
    .channel = Quel salon (seulement si plusieurs ont des publications quotidiennes)
cmd-daily-skip = Saute le prochain paragraphe : le suivant est publié à sa place
    .channel = Quel salon (seulement si plusieurs ont des publications quotidiennes)

cmd-settings = Votre langue, et les réglages du bot pour ce serveur
cmd-settings-citation-style = Le style de citation que /cite utilise ici par défaut
    .style = Le style par défaut de ce serveur (laissez vide pour voir l’actuel)
cmd-settings-language = La langue dans laquelle le bot vous répond, partout (vous seul le voyez)
    .language = Votre langue (laissez vide pour voir l’actuelle)
cmd-settings-server-language = La langue des réponses publiques et des publications quotidiennes du serveur
    .language = La langue de ce serveur (laissez vide pour voir l’actuelle)

choice-style-un = Usage de l’ONU : résolution 62/152 de l’Assemblée générale du 18 décembre 2007, par. 4
choice-style-short = Cote du document : A/RES/62/152, par. 4
choice-style-bluebook = Bluebook : G.A. Res. 62/152, ¶ 4, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)
choice-style-oscola = OSCOLA : UNGA Res 62/152 (18 December 2007) UN Doc A/RES/62/152, para 4
choice-style-aglc = AGLC : Title, GA Res 62/152, UN Doc A/RES/62/152 (6 March 2008, adopted 18 December 2007) para 4
choice-order-document = ordre du document (PP1…, puis OP1…, puis on recommence)
choice-order-operative = paragraphes du dispositif seulement
choice-order-preamble = alinéas du préambule seulement
choice-order-random = au hasard, sans répétition avant que tous aient été publiés
choice-language-auto = Automatique : ma langue de Discord
choice-language-unset = Aucune : anglais
