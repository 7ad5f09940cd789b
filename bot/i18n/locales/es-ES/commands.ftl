# Textos de los comandos (véase en-US/commands.ftl). Los nombres de comandos y opciones quedan en inglés.

cmd-paragraph = Muestra un párrafo tal cual: 4, OP 4, PP 3, fn 2, un intervalo 4-6 o una lista 4, 7
    .ref = Número o palabras: 4, PP 3, 4-6, 4, 7… (un número solo es un párrafo de la parte dispositiva)
    .language = El texto oficial en otro idioma de la ONU (por defecto: el suyo, si existe)
cmd-footnote = Muestra una nota a pie de página, sus enlaces y los párrafos que la citan
    .number = Número de la nota a pie de página, p. ej. 5 (o varias: 1-2)
    .language = El texto oficial en otro idioma de la ONU (por defecto: el suyo, si existe)
cmd-summary = Lo que se pide a los Estados (u otro destinatario), en lenguaje sencillo
    .addressee = Quién: States (por defecto), Secretary-General… o all para todos
cmd-search = Busca en la resolución: palabras o "frases entre comillas"
    .query = Palabras (en inglés) o una "frase entre comillas", p. ej. impunity o "freedom of expression"
cmd-cite = Una cita lista para copiar: párrafo, intervalo, lista, nota a pie de página o el texto entero
    .ref = Qué citar: 4, PP 3, 4-6, 4, 7, fn 5… o all para toda la resolución
    .style = Estilo de cita (por defecto: el del servidor, si no, el uso de las Naciones Unidas)
    .quote = Cita el texto encima de la referencia
    .language = El idioma de la cita y del extracto (por defecto: el suyo); uno de los seis de la ONU
cmd-about = La resolución: signatura, fechas, enlace oficial, comandos
cmd-help = Cómo usar este bot (solo usted ve la respuesta)
menu-quote-cited-paragraphs = Mostrar los párrafos citados

cmd-daily = Publica cada día un párrafo de la resolución
cmd-daily-set = Publica un párrafo cada día en un canal (o cambia sus ajustes)
    .channel = Un canal de texto, un canal de anuncios o un hilo
    .time = Hora local, formato 24 horas HH:MM (por defecto 09:00)
    .timezone = Zona horaria IANA, p. ej. Europe/Madrid o America/Bogota (por defecto UTC)
    .order = Qué párrafos y en qué orden (por defecto: el orden del documento)
cmd-daily-stop = Detiene las publicaciones diarias de un canal (incluso si se eliminó)
    .schedule = Las publicaciones de qué canal (empiece a escribir; necesario si hay varias)
cmd-daily-status = Las publicaciones diarias de este servidor: cuándo, dónde y qué viene después
cmd-daily-preview = Ver cómo será la próxima publicación diaria (solo usted la ve)
    .channel = Qué canal (solo si varios tienen publicaciones diarias)
cmd-daily-skip = Salta el próximo párrafo: se publica el siguiente en su lugar
    .channel = Qué canal (solo si varios tienen publicaciones diarias)

cmd-settings = Su idioma y los ajustes del bot en este servidor
cmd-settings-citation-style = El estilo de cita que /cite usa aquí por defecto
    .style = El estilo por defecto de este servidor (déjelo vacío para ver el actual)
cmd-settings-language = El idioma en que el bot le responde, en todas partes (solo usted lo ve)
    .language = Su idioma (déjelo vacío para ver el actual)
cmd-settings-server-language = El idioma de las respuestas públicas y publicaciones diarias del servidor
    .language = El idioma de este servidor (déjelo vacío para ver el actual)

choice-style-un = Naciones Unidas: resolución 62/152 de la Asamblea General, de 18 de diciembre de 2007, párr. 4
choice-style-short = Signatura del documento: A/RES/62/152, párr. 4
choice-style-bluebook = Bluebook: G.A. Res. 62/152, ¶ 4, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)
choice-style-oscola = OSCOLA: UNGA Res 62/152 (18 December 2007) UN Doc A/RES/62/152, para 4
choice-style-aglc = AGLC: Title, GA Res 62/152, UN Doc A/RES/62/152 (6 March 2008, adopted 18 December 2007) para 4
choice-order-document = orden del documento (PP1…, luego OP1…, y vuelta a empezar)
choice-order-operative = solo los párrafos de la parte dispositiva
choice-order-preamble = solo los párrafos del preámbulo
choice-order-random = al azar, sin repetir hasta haber publicado todos los párrafos
choice-language-auto = Automático: mi idioma de Discord
choice-language-unset = Ninguno: inglés
