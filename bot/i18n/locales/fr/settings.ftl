# /settings document : le texte que les commandes lisent par défaut sur un serveur (voir en-US/settings.ftl).
# $title est le titre du document, tel que la bibliothèque le donne.

set-document-reset = Les commandes de ce serveur lisent désormais la résolution **{ $symbol }** sauf indication contraire.
set-document-current = Les commandes de ce serveur lisent la résolution **{ $symbol }** ({ $title }) sauf si une commande désigne un autre texte. Choisissez-en un autre avec l’option `document` ; `/library` les énumère.
set-document-set = Les commandes de ce serveur lisent désormais par défaut la résolution **{ $symbol }** ({ $title }). Chacun peut toujours choisir un autre texte avec l’option `document` d’une commande.
