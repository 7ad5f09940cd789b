# /compare y /trace: resumen, páginas, un párrafo, trayectoria, botones y errores (véase en-US/compare.ftl).
# Las marcas ~~tachado~~ y **negrita** no cambian; los párrafos citados son el texto de las Naciones Unidas.
# `OP 5`, `PP 3` y los números de resolución se escriben igual en todos los idiomas.

## Las partes de una resolución

cmp-part-preamble = Preámbulo
cmp-part-operative = Parte dispositiva
cmp-jump-preamble = Preámbulo
cmp-jump-operative = Parte dispositiva

## Qué le ocurrió a un párrafo

cmp-change-unchanged = sin cambios
cmp-change-modified = modificado
cmp-change-new = nuevo
cmp-change-dropped = suprimido
cmp-change-split = dividido
cmp-change-merged = fusionado
cmp-change-moved = desplazado
cmp-alike = similitud del { $percent } %
cmp-modified-alike = modificado (similitud del { $percent } %)
cmp-run-unchanged = { $refs } · sin cambios
cmp-run-unchanged-renumbered = { $refs } · sin cambios (antes { $old })

## Cuántos párrafos de una parte, por tipo de cambio

cmp-count-unchanged = { $count } sin cambios
cmp-count-modified = { $count ->
        [one] { $count } modificado
       *[other] { $count } modificados
    }
cmp-count-new = { $count ->
        [one] { $count } nuevo
       *[other] { $count } nuevos
    }
cmp-count-dropped = { $count ->
        [one] { $count } suprimido
       *[other] { $count } suprimidos
    }
cmp-count-split = { $count ->
        [one] { $count } dividido
       *[other] { $count } divididos
    }
cmp-count-merged = { $count ->
        [one] { $count } fusionado
       *[other] { $count } fusionados
    }
cmp-count-moved = { $count ->
        [one] { $count } desplazado
       *[other] { $count } desplazados
    }
cmp-count-nothing = ninguno

## Las palabras iniciales (el verbo de la parte dispositiva)

cmp-direction = { $direction ->
        [stronger] más firme
        [weaker] menos firme
       *[changed] distinto
    }
cmp-lead-words = Palabras iniciales

## El resumen

cmp-overview-title = { $old } → { $new } · qué cambió
cmp-overview-description = Párrafos emparejados por su texto, no por su número: { $old } ({ $old_year }) → { $new } ({ $new_year }).
cmp-addressees = Destinatarios
cmp-addressee-new = nuevo: { $name }
cmp-addressee-dropped = suprimido: { $name }
cmp-references-new = Nuevas referencias
cmp-references-dropped = Referencias que ya no figuran
cmp-footnotes = Notas a pie de página (comparadas por su contenido)
cmp-footnote-dropped = ~~{ $old }~~ suprimida: { $text }
cmp-footnote-new = { $new } nueva: { $text }
cmp-footnote-renumbered = { $new } (antes { $old }): { $text }
cmp-overview-footer = Cambios: ~~suprimido~~ **añadido**. { cmp-more }: todos los párrafos, parte por parte.
cmp-overview-more = Página 1 de { $total }: **{ cmp-more }** muestra todos los párrafos.
cmp-and-more = … y { $count } más

## Las páginas

cmp-legend = ~~suprimido~~ **añadido**
cmp-page-footer = Página { $page } de { $total } · { cmp-legend }

## Un párrafo (/compare … paragraph:)

cmp-paragraph-new = Nuevo en la resolución { $new }: la resolución { $old } no tiene equivalente.
cmp-paragraph-dropped = Suprimido: la resolución { $new } no tiene equivalente.
cmp-paragraph-footer = { cmp-legend } · emparejados por el texto, no por el número

## /trace

cmp-trace-title = Trayectoria: { $query }
cmp-trace-first = Primera aparición: { $number } { $ref } ({ $year }).
cmp-trace-first-strengthened = Primera aparición: { $number } { $ref } ({ $year }); formulación reforzada en { $later }.
cmp-trace-first-appearance = primera aparición
cmp-trace-unchanged-since = sin cambios desde { $symbol }
cmp-trace-elsewhere = en otro párrafo
cmp-trace-lead = { $direction ->
        [stronger] palabras iniciales más firmes
        [weaker] palabras iniciales menos firmes
       *[changed] otras palabras iniciales
    }
cmp-trace-against = respecto de { $symbol }:
cmp-trace-footer = { $searched ->
        [one] En { $found } de { $searched } resolución, por orden de aprobación
       *[other] En { $found } de { $searched } resoluciones, por orden de aprobación
    }
cmp-trace-page = página { $page } de { $total }
cmp-trace-choice-words = «{ $text }»

## Botones

cmp-previous = Anterior
cmp-more = Más
cmp-official-text = Texto oficial
cmp-post = Publicar en el canal

## Errores

cmp-error-same = Ambas son { $symbol }: elija dos resoluciones distintas para compararlas.
cmp-error-not-a-part = «{ $part }» no es una parte: elija el preámbulo (`preamble`) o la parte dispositiva (`operative`).
cmp-error-not-compared = { $symbol } no es ninguna de las dos resoluciones comparadas.
cmp-error-footnote = Aquí se comparan párrafos; las notas a pie de página se comparan por su contenido en el resumen.
cmp-error-no-match = Ninguna resolución de la biblioteca contiene «{ $query }». Pruebe con menos palabras o con un párrafo como `78/216 op 5`.
cmp-error-old-button = Ese botón es de una versión del bot que ya no existe; vuelva a ejecutar el comando.
cmp-error-trace-footnote = La trayectoria sigue párrafos: indique un párrafo, por ejemplo `78/216 op 5`, o cite las palabras.
cmp-error-trace-too-long = Ese texto es demasiado largo para seguir su trayectoria ({ $length } caracteres); no supere los { $limit } caracteres.
cmp-error-trace-empty = Indique las palabras cuya trayectoria quiere seguir, o un párrafo como `78/216 op 5`.
