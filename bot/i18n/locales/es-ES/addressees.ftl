## A quién pide algo un párrafo de la parte dispositiva (/summary, /compare), con el nombre que le dan
## los textos oficiales de las Naciones Unidas en español.

addressee-states = Estados
addressee-secretary-general = Secretario General
addressee-special-rapporteur = Relator Especial
addressee-special-representative = Representante Especial
addressee-ohchr = Oficina del Alto Comisionado
addressee-un-bodies = órganos, organismos y organizaciones de las Naciones Unidas
addressee-non-state-actors = agentes no estatales y empresas
addressee-general-assembly = Asamblea General
