# /settings document: el texto que los comandos leen por defecto en un servidor (véase en-US/settings.ftl).
# $title es el título del documento, tal como lo da la biblioteca.

set-document-reset = A partir de ahora, los comandos de este servidor leen la resolución **{ $symbol }** salvo que se indique otra cosa.
set-document-current = Los comandos de este servidor leen la resolución **{ $symbol }** ({ $title }) salvo que un comando indique otro texto. Elija otro con la opción `document`; `/library` los enumera.
set-document-set = A partir de ahora, los comandos de este servidor leen por defecto la resolución **{ $symbol }** ({ $title }). Cualquiera puede seguir eligiendo otro texto con la opción `document` de un comando.
