## Qui un paragraphe du dispositif sollicite (/summary, /compare), nommé comme les textes officiels
## en français de l’ONU le nomment.

addressee-states = États
addressee-secretary-general = Secrétaire général
addressee-special-rapporteur = Rapporteur spécial
addressee-special-representative = Représentant spécial
addressee-ohchr = Haut-Commissariat aux droits de l’homme
addressee-un-bodies = organes, organismes et organisations des Nations Unies
addressee-non-state-actors = acteurs non étatiques et entreprises
addressee-general-assembly = Assemblée générale
