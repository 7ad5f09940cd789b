## Who an operative paragraph asks (/summary, /compare), by the addressee ids of the content files
## (bot/importers/common.py ADDRESSEES). English shows each document's own label; the other
## languages name them as the UN's official texts in that language do.

addressee-states = States
addressee-secretary-general = Secretary-General
addressee-special-rapporteur = Special Rapporteur
addressee-special-representative = Special Representative
addressee-ohchr = Office of the High Commissioner
addressee-un-bodies = UN bodies, agencies and organizations
addressee-non-state-actors = Non-State actors and business
addressee-general-assembly = General Assembly
