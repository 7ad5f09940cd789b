# Lo que escriben los comandos de lectura y cita: /paragraph, /footnote, /summary, /search, /cite, /library,
# el menú «Citar los párrafos mencionados» y los botones bajo sus respuestas.
# El código entre acentos graves (`/paragraph 4`, `PP 3`) es lo que se escribe: no se traduce.

## Un párrafo, una nota o un artículo

read-title = { $kind ->
        [preamble] párrafo del preámbulo { $number }
        [footnote] nota a pie de página { $number }
       *[operative] párrafo de la parte dispositiva { $number }
    }
read-article = artículo { $number }{ $rest }
read-declaration = Declaración
read-annexed = { $annex }, { $article }
read-footnotes = Notas a pie de página
read-links = Enlaces
read-cited-in = Citada en
read-showing = Se muestran { $shown } de { $total } (un mensaje de Discord admite como máximo { $embeds } incrustaciones y { $chars } caracteres). Sin mostrar: { $rest }; { $how }.
read-more-all = **Más** los muestra, o `/paragraph { $rest }`
read-more-some = **Más** muestra { $shows }; `/paragraph { $rest }` los muestra todos
read-more-none = `/paragraph { $rest }` los muestra

## Un mensaje citado (menú «Citar los párrafos mencionados»)

read-quoted-where = { $title } · citado en { $where }
read-also-cited = *(También citados: { $others }.)*
read-not-in = *(No figuran en { $symbol }: { $missing }.)*

## /summary

read-strength = { $strength ->
        [urges] Insta
        [calls-upon] Exhorta
        [requests] Solicita
        [encourages] Alienta
        [invites] Invita
       *[other] Otras disposiciones (no se pide nada)
    }
read-also-to = *(también a: { $who })*
read-summary-everyone = a quién se pide qué
read-summary-who = { $plural ->
        [yes] lo que se pide a: { $who }
       *[no] lo que se pide a: { $who }
    }
read-summary-continued = { $title } (continuación)
read-summary-footer = Resúmenes en lenguaje sencillo redactados (en inglés) para este bot, no el texto de la resolución. Use /paragraph con el número para ver el texto oficial.
read-summary-footer-opening = Aún no se ha redactado un resumen de este texto: cada línea entre comillas reproduce las primeras palabras del párrafo. Use /paragraph con el número para ver el texto oficial completo.
read-summary-footer-mixed = Las líneas entre comillas reproducen las primeras palabras del párrafo (aún sin resumen); las demás son resúmenes en lenguaje sencillo redactados (en inglés) para este bot, no el texto de la resolución. Use /paragraph con el número para ver el texto oficial.
read-page-more = Página { $page } de { $pages }: **Más** muestra el resto.
read-page = Página { $page } de { $pages }.

## /search

read-search-corrected = No hay coincidencias exactas, así que busqué palabras parecidas: { $fixed }.
read-search-correction = «{ $typed }» → «{ $searched }»
read-search-unknown = No se encontraron en ningún texto: { $words }.
read-search-some = Ningún párrafo contiene todas esas palabras; estos contienen algunas.
read-search-nothing-library = Nada en los textos que ofrezco coincide con «{ $query }».
read-search-nothing = Nada en { $symbol } coincide con «{ $query }».
read-search-close = Palabras parecidas en el texto: { $words }.
read-search-try = Pruebe con menos palabras o con otras, o recorra el texto con `/paragraph`.
read-sentences = { $first } { $next }
read-list-separator = {", "}
read-search-title = búsqueda: { $query }
read-search-best = { $total } coincidencias, se muestran las { $shown } mejores · /paragraph con un número para el texto completo
read-search-count = { $total ->
        [one] { $total } coincidencia
       *[other] { $total } coincidencias
    } · /paragraph con un número para el texto completo

## /cite

read-style = { $style ->
        [un] Uso de las Naciones Unidas
        [short] Signatura del documento
       *[other] { $name }
    }
read-cite-running = En el cuerpo del texto:
read-cite-official = Texto oficial: <{ $url }>
read-cite-whole = *(La resolución completa es demasiado larga para citarla aquí: cite párrafos para reproducirlos.)*
read-cite-whole-declaration = *(La Declaración completa es demasiado larga para citarla aquí: cite un artículo para reproducirlo.)*
read-quote-shortened = *(Cita abreviada para que quepa en un mensaje; `/paragraph { $refs }` la muestra completa.)*
read-not-quoted = *(No se reproducen, por falta de espacio en un mensaje: { $rest }; { $ask }.)*
read-not-quoted-ask = `/paragraph { $refs }` los muestra
read-not-quoted-ask-bare = `/paragraph` los muestra

## /library

read-library-title = { $count ->
        [one] La biblioteca: { $count } documento
       *[other] La biblioteca: { $count } documentos
    }
read-library-default = ← texto por defecto aquí
read-library-sizes = { $preambular ->
        [one] { $preambular } párrafo del preámbulo
       *[other] { $preambular } párrafos del preámbulo
    }, { $operative ->
        [one] { $operative } párrafo de la parte dispositiva
       *[other] { $operative } párrafos de la parte dispositiva
    }, { $footnotes ->
        [one] { $footnotes } nota a pie de página
       *[other] { $footnotes } notas a pie de página
    }
read-library-articles = , artículos 1 a { $count }
read-library-annex = { $name } (anexo{ $number })
read-library-footer = Todos los comandos de lectura y cita tienen una opción document: una signatura, un número (78/216), un año (2023) o palabras del título (Declaration). Una referencia que nombra su documento (A/RES/78/216 para 5) no la necesita.

## Los botones

read-button-previous = Anterior
read-button-next = Siguiente
read-button-footnotes = Notas a pie de página
read-button-cite = Citar
read-button-official = Texto oficial
read-button-more = Más
read-button-post = Publicar en el canal
read-button-open = Abrir la { $number }
read-button-open-annex = Abrir la { $number }, anexo

## Publicar en el canal, cuando el bot no publica

read-post-locked = Este hilo está bloqueado: solo quienes tienen el permiso **Gestionar hilos** pueden publicar en él, así que no lo publicaré aquí por usted. Su copia privada sigue visible para usted.
read-post-refused = No puede publicar usted mismo en { $where ->
        [thread] este hilo
       *[channel] este canal
    } (se { $count ->
        [one] necesita el permiso
       *[other] necesitan los permisos
    } { $needed }), así que no lo publicaré aquí por usted. Su copia privada sigue visible para usted.
read-permission = { $permission ->
        [threads] Enviar mensajes en hilos
       *[send] Enviar mensajes
    }
read-permissions = { $first } y { $second }
read-post-wait = Acaba de publicar: podrá volver a hacerlo dentro de { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }. Su copia privada sigue visible para usted.

## La consola (python -m bot console)

read-console-no-locale = No existe el idioma de interfaz «{ $typed }». Elija uno de estos: { $locales }.

## Referencias de pies y encabezados (párrafos de la parte dispositiva de una resolución de la Asamblea General)

read-reference = resolución { $number } de la Asamblea General, { $pin }

## Autocompletado: el resto del nombre de una opción (su valor es lo que se escribe, en todos los idiomas)

read-choice-items = { $count } elementos
read-choice-footnote = { $text } (en { $where })
read-choice-everyone = Todos (todos los destinatarios)
