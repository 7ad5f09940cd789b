# Lo que escribe el bot: /help, /about y las respuestas de /settings (véase en-US/interface.ftl).
# El código entre acentos graves (`/cite 4`, `PP 3`) es lo que se escribe: no se traduce.

## /help

help-title = **Leer { $symbol }**
help-paragraph = un párrafo tal cual; también `PP 3`, `fn 2`, `4-6`, `4, 7`, `art. 12`, `78/216 para 5`
help-cite = una cita lista para copiar (Naciones Unidas, corta, Bluebook, OSCOLA, AGLC); `quote:True` cita también el texto
help-footnote = una nota a pie de página, sus enlaces y los párrafos que la citan
help-summary = lo que se pide a los Estados (o a otros, o `all` para todos)
help-search = los pasajes más pertinentes de la biblioteca; las «frases entre comillas» funcionan
help-about = los datos de la resolución y la procedencia del texto
help-library = los textos cargados; la opción `document` de cada comando elige uno
help-compare = qué cambió entre dos resoluciones, párrafo por párrafo, con los cambios marcados
help-trace = desde cuándo lo dice la Asamblea: una expresión o un párrafo rastreado en toda la biblioteca
help-daily-set = administradores del servidor: publicar un párrafo cada día en un canal
help-settings-citation-style = administradores del servidor: el estilo de cita por defecto del servidor
help-settings-document = administradores del servidor: el texto que los comandos leen aquí por defecto
help-settings-server-language = administradores del servidor: el idioma de las respuestas públicas y publicaciones diarias
help-settings-language = el idioma en que el bot le responde
help-help = esta ayuda
help-references = **Referencias:** pruebe `4` u `OP 4` (párrafo de la parte dispositiva), `PP 3` (párrafo del preámbulo), `fn 2` (nota a pie de página), un intervalo como `4-6` o una lista como `4, 7`. También `párr. 4`, `párrafos 4 y 7`, `párrafo 3 del preámbulo`, `¶¶ 4–6`, `{ $number }, ¶ 4`, y las formas inglesas `para. 4`, `pmbl. para. 3`, `third preambular paragraph`. En una lista, la parte se mantiene: `PP 3, 5` es PP3 y PP5.
help-discussion = **En una conversación:** clic derecho (o pulsación larga) en un mensaje → Aplicaciones → *{ menu-quote-cited-paragraphs }* muestra todos los párrafos que menciona.
help-contents = Esta resolución tiene los párrafos de la parte dispositiva 1 a { $operative }{ $preambular ->
        [0] {""}
       *[other] {" "}y los párrafos del preámbulo PP1 a PP{ $preambular }
    }, y las notas a pie de página 1 a { $footnotes }.

## /about

about-adopted-on = aprobada el { DATETIME($adopted, dateStyle: "long") }
about-adopted-on-report = aprobada el { DATETIME($adopted, dateStyle: "long") } sobre la base del informe de la comisión ({ $committee }, { $report })
about-adopted-on-report-only = aprobada el { DATETIME($adopted, dateStyle: "long") } (informe { $report })
about-description = **{ $name }**, { $origin }.
about-session = Período de sesiones
    .value = { $session }, tema { $item } del programa
about-adopted = Aprobación
    .value = { DATETIME($adopted, dateStyle: "long") }, { $meeting }
about-distributed = Distribución
    .value = { DATETIME($distributed, dateStyle: "long") } ({ $distribution })
about-contents = Contenido
    .value = { $preambular ->
        [one] { $preambular } párrafo del preámbulo
       *[other] { $preambular } párrafos del preámbulo
    } · { $operative ->
        [one] { $operative } párrafo de la parte dispositiva
       *[other] { $operative } párrafos de la parte dispositiva
    } · { $footnotes ->
        [one] { $footnotes } nota a pie de página
       *[other] { $footnotes } notas a pie de página
    }
about-official-text = Texto oficial
about-commands = Comandos
about-commands-more = `/help` explica qué hace cada uno.
about-footer = El texto es la transcripción fiel del documento oficial distribuido por las Naciones Unidas. Los resúmenes son paráfrasis del bot en lenguaje sencillo, nunca el texto.

## /settings

settings-manage-server = Necesita el permiso Gestionar servidor para cambiar los ajustes de este servidor.
settings-style-current = En este servidor, las citas siguen por defecto el estilo **{ $style }**. Elija otro con la opción `style`.
settings-style-set = En este servidor, las citas siguen ahora por defecto el estilo **{ $style }**. Cualquiera puede elegir un estilo con `/cite … style:`.
settings-language-chosen = Idioma de las respuestas del bot para usted, en todas partes: **{ $language }**. Elija *{ choice-language-auto }* para volver al idioma de Discord.
settings-language-auto = No ha elegido idioma: el bot le responde en su idioma de Discord si lo tiene; si no, en el del servidor; si no, en inglés. Aquí: **{ $language }**.
settings-server-language-set = Idioma de las respuestas públicas y publicaciones diarias de este servidor: **{ $language }**. Cada persona puede elegir su propio idioma con `/settings language`.
settings-server-language-unset = Este servidor no ha elegido idioma: sus respuestas públicas y publicaciones diarias están en el idioma por defecto, **{ $language }**.
