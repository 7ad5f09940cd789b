## К кому обращен пункт постановляющей части (/summary, /compare): так, как их называют официальные
## тексты ООН на русском языке.

addressee-states = государства
addressee-secretary-general = Генеральный секретарь
addressee-special-rapporteur = Специальный докладчик
addressee-special-representative = Специальный представитель
addressee-ohchr = Управление Верховного комиссара
addressee-un-bodies = органы, учреждения и организации системы ООН
addressee-non-state-actors = негосударственные субъекты и предприятия
addressee-general-assembly = Генеральная Ассамблея
