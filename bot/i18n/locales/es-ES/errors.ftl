# Lo que responde el bot cuando no puede atender lo pedido (véase en-US/errors.ftl).
# El código entre acentos graves (`/cite 4`, `PP 3`, `art 12`) es lo que se escribe: no se traduce.
# $kind: pp (párrafo del preámbulo), op (párrafo de la parte dispositiva), fn (nota a pie de página), art (artículo).

## Lo que contiene una resolución, dicho dentro de otros mensajes

err-outline = los párrafos de la parte dispositiva 1 a { $operative }{ $preambular ->
        [0] {""}
       *[other] {" "}y los párrafos del preámbulo PP1 a PP{ $preambular }
    }
err-syntax-help = Pruebe `4` u `OP 4` (párrafo de la parte dispositiva), `PP 3` (párrafo del preámbulo), `fn 2` (nota a pie de página), un intervalo como `4-6` o una lista como `4, 7`.

## Referencias (/paragraph, /cite, /footnote)

err-annex-articles = La resolución { $symbol } tiene un anexo que se lee por artículos: pida un artículo, por ejemplo `art 12` o `Article 12(2)`. Los párrafos del preámbulo del anexo todavía no pueden pedirse aquí.
err-annex-paragraphs = La resolución { $symbol } tiene un anexo, pero sus párrafos todavía no pueden pedirse aquí.
err-other-text = Este bot ofrece la resolución { $symbol } ({ $body ->
        [general-assembly] resolución { $number } de la Asamblea General
       *[other] { $name }
    }); «{ $shown }» designa otro texto. Pida un párrafo de la resolución { $number }, por ejemplo `4` o `PP 3`.
err-reference-too-long = Esa referencia es demasiado larga para leerla ({ $length } caracteres). { err-syntax-help }
err-no-article = La resolución { $symbol } no tiene artículo { $article }.
err-reference-needs-number = ¿Qué número? «{ $item }» necesita uno, por ejemplo `{ $item } 3`. { err-syntax-help }
err-reference-unreadable = No he podido leer «{ $item }» como referencia a un párrafo. { err-syntax-help }
err-range-mixed = Un intervalo no sale de una misma parte: «{ $item }» mezcla { $kind ->
        [pp] párrafos del preámbulo
        [fn] notas a pie de página
        [art] artículos
       *[op] párrafos de la parte dispositiva
    } y { $other ->
        [pp] párrafos del preámbulo
        [fn] notas a pie de página
        [art] artículos
       *[op] párrafos de la parte dispositiva
    }. Pídalos mejor como lista, por ejemplo `PP 15, OP 1`.
err-range-backwards = El intervalo { $start }-{ $end } va al revés: ¿quería decir { $end }-{ $start }?
err-too-many = Eso pide más de { $max } elementos a la vez; pida un intervalo más corto.
err-which-paragraph = ¿Qué párrafo? { err-syntax-help }
err-which-paragraph-or-all = ¿Qué párrafo? { err-syntax-help } Deje `all` para citar la resolución entera.
err-one-reference = Indique aquí una sola referencia, no { $count }.
err-paragraph-not-footnote = «{ $ref }» es un párrafo, no una nota a pie de página: use `/paragraph { $ref }`.
err-no-footnote = No existe la nota a pie de página { $number }: esta resolución { $footnotes ->
        [0] no tiene notas a pie de página
        [one] solo tiene la nota a pie de página 1
       *[other] tiene las notas a pie de página 1 a { $footnotes }
    }.
err-none-of-kind = Esta resolución no tiene { $kind ->
        [pp] párrafos del preámbulo
        [fn] notas a pie de página
        [art] artículos
       *[op] párrafos de la parte dispositiva
    }; tiene { err-outline }.
err-no-such-part = { $kind ->
        [pp] No existe el párrafo del preámbulo { $number }
        [fn] No existe la nota a pie de página { $number }
        [art] No existe el artículo { $number }
       *[op] No existe el párrafo de la parte dispositiva { $number }
    }: esta resolución tiene { err-outline }.

## Artículos de una declaración anexa (/paragraph art 12)

err-no-articles-anywhere = Ningún texto de la biblioteca tiene artículos: los artículos pertenecen a una declaración que figura en un anexo.
err-no-articles = La resolución { $symbol } no tiene artículos: tiene { err-outline }.
err-no-articles-elsewhere = La resolución { $symbol } no tiene artículos: tiene { err-outline }. Los artículos de la Declaración están en la resolución { $declaration }.
err-no-such-article = No existe el artículo { $article }: la Declaración tiene los artículos { $first } a { $last }.
err-no-such-clause = El artículo { $article } { $clauses ->
        [0] no tiene párrafos numerados
        [one] solo tiene el párrafo 1
       *[other] tiene los párrafos 1 a { $clauses }
    }; no existe el artículo { $article }({ $clause }).
err-no-such-item = El artículo { $article }{ $clause ->
        [none] {""}
       *[other] ({ $clause })
    } { $first ->
        [none] no tiene apartados con letra
       *[other] tiene los apartados ({ $first }) a ({ $last })
    }; no existe el artículo { $article }{ $clause ->
        [none] {""}
       *[other] ({ $clause })
    }({ $item }).

## Documentos de la biblioteca

err-no-document = No hay ningún documento «{ $name }» en la biblioteca. Contiene { $symbols }: indique uno por su signatura, su número (62/152), su año o palabras de su título.
err-resolution-not-in-library = La resolución { $number } no está en la biblioteca; contiene { $symbols }.
err-document-conflict = «{ $text }» designa la resolución { $named }, pero la opción document eligió la resolución { $chosen }: deje la opción vacía o quite la signatura de la referencia.

## /cite, /search, /summary, Citar los párrafos mencionados

err-no-style = No existe el estilo de cita «{ $style }». Elija uno de estos: { $styles }. (Ni APA ni Harvard: ninguno de los dos manuales tiene una forma publicada para las resoluciones de las Naciones Unidas.)
err-search-too-long = Esa búsqueda es demasiado larga ({ $length } caracteres); no pase de { $max }.
err-search-empty = Busque al menos una palabra, por ejemplo `impunidad` o `"libertad de expresión"`.
err-not-addressee = «{ $text }» no es destinatario de esta resolución. Elija uno de estos: { $choices }, o `all`.
err-nobody-addressed = Ningún párrafo de la parte dispositiva de la resolución { $symbol } se dirige a: { $addressee }.
err-nobody-addressed-anyone = Ningún párrafo de la parte dispositiva de la resolución { $symbol } se dirige a nadie.
err-finder-forms = Reconozco formas como «párrafo 4», «nota a pie de página 5» y, para los párrafos del preámbulo, «párrafo 3 del preámbulo»; también las del inglés: `para 4`, `OP 7`, `¶¶ 4–6`, `paras. 4 and 7`, `PP 3`, `third preambular paragraph`, `footnote 5` o `{ $number }, ¶ 4`. Un número suelto, una fecha o el párrafo de otra resolución nunca se toman por una referencia.
err-finder-nothing = No he encontrado ninguna referencia a la resolución { $symbol } en ese mensaje. { err-finder-forms }
err-finder-missing = No he encontrado ninguna referencia a la resolución { $symbol } en ese mensaje. Menciona { $missing }, que la resolución { $symbol } no tiene ({ err-outline }). { err-finder-forms }

## Botones

err-old-button = Ese botón es de una versión del bot que ya no existe; vuelva a ejecutar el comando.

## La consola (python -m bot console)

err-console-needs = Este comando necesita { $what ->
        [cite] qué citar, por ejemplo `/cite 4` o `/cite all`
        [paragraph] una referencia a un párrafo, por ejemplo `/paragraph 4`
        [footnote] un número de nota a pie de página, por ejemplo `/footnote 5`
       *[search] algo que buscar, por ejemplo `/search impunity`
    }.
err-console-language = No existe el idioma oficial «{ $language }». Elija uno de estos: { $languages }.
err-console-command = No existe el comando /{ $name }. Comandos: { $commands }.

## Cualquier otro fallo de un comando (bot.client)

err-command-gone = Este comando ya no está disponible; puede tardar un minuto en desaparecer de Discord.
err-invalid-option = «{ $value }» no es válido para esta opción: { $type ->
        [choice] elija uno de los valores propuestos
        [integer] se espera un número entero
        [channel] se espera un canal
        [number] se espera un número
        [boolean] se espera verdadero o falso
        [user] se espera un usuario
        [role] se espera un rol
        [mentionable] se espera un usuario o un rol
        [attachment] se espera un archivo adjunto
       *[other] se espera un valor de tipo { $type }
    }.
err-servers-only = Este comando solo funciona en servidores.
err-missing-permissions = Necesita { $count ->
        [one] el permiso
       *[other] los permisos
    } { $permissions } para hacer eso.
err-not-here = No puede usar este comando aquí.
err-discord-problem = Discord ha tenido un problema con esa solicitud; vuelva a intentarlo dentro de un momento.
err-unexpected = Lo siento, algo ha fallado por mi parte. Ha quedado registrado; vuelva a intentarlo.

# Entre los nombres de una lista (de permisos).
err-list-separator = {", "}
# Un permiso de Discord, con el nombre que le da la configuración de Discord en español.
err-permission = { $permission ->
        [administrator] Administrador
        [manage_guild] Gestionar servidor
        [manage_channels] Gestionar canales
        [manage_messages] Gestionar mensajes
        [manage_threads] Gestionar hilos
        [send_messages] Enviar mensajes
        [send_messages_in_threads] Enviar mensajes en hilos
        [embed_links] Insertar enlaces
        [read_message_history] Leer el historial de mensajes
        [view_channel] Ver canales
       *[other] { $permission }
    }
