# Las publicaciones diarias: cada respuesta y error de /daily, lo que /daily status dice de los incidentes, el encabezado de la publicación.

## La publicación (en el idioma del servidor)

daily-date = { $day } de { $month ->
        [1] enero
        [2] febrero
        [3] marzo
        [4] abril
        [5] mayo
        [6] junio
        [7] julio
        [8] agosto
        [9] septiembre
        [10] octubre
        [11] noviembre
       *[12] diciembre
    } de { $year }
daily-header = **Párrafo del día** · { $date }
daily-post = { $header } · { $index } de { $total }

## Listas y nombres

daily-list-separator = {", "}
daily-perm-view-channel = Ver canales
daily-perm-embed-links = Insertar enlaces
daily-perm-send-messages = Enviar mensajes
daily-perm-send-messages-in-threads = Enviar mensajes en hilos
daily-order = { $order ->
        [document] { choice-order-document }
        [operative] { choice-order-operative }
        [preamble] { choice-order-preamble }
        [random] { choice-order-random }
       *[articles] { choice-order-articles }
    }
daily-order-short = { $order ->
        [document] orden del documento
        [operative] parte dispositiva
        [preamble] preámbulo
        [random] orden aleatorio
       *[articles] artículo por artículo
    }
daily-channel-named = #{ $name }
daily-channel-number = el canal { $id }
daily-choice-channel-number = canal { $id }

## /daily set, stop, skip, preview

daily-set-done = Publicaciones diarias { $verb ->
        [resumed] reanudadas
        [updated] actualizadas
       *[set] configuradas
    } en { $channel }: cada día a las { $time } { $zone }, { $order }, de { $symbol }.
daily-set-next = Próxima publicación el { $when } ({ $relative }): { $label } ({ $index } de { $total }).
daily-stopped = Publicaciones diarias detenidas en { $channel }.
daily-stopped-named = Publicaciones diarias detenidas en { $channel } (#{ $name }).
daily-skipped = Se ha saltado { $skipped } en { $channel }. Próxima publicación el { $when }: { $label } ({ $index } de { $total }).
daily-preview = Vista previa de la próxima publicación en { $channel }, { $when }:

## /daily status

daily-status-title = **Publicaciones diarias** ({ $count } de { $most })
daily-status-none = No hay publicaciones diarias en este servidor. Configúrelas con `/daily set channel:`.
daily-status-line = • { $channel } a las { $time } { $zone }, { $order } — próxima publicación el { $when }: { $what }
daily-status-next = { $label } ({ $index } de { $total })
daily-status-invalid = (los ajustes ya no son válidos)
daily-status-paused = ⏸ **En pausa**: { $reason }. Corríjalo y vuelva a ejecutar `/daily set` en este canal para reanudarlas.
daily-status-problem = ⚠ Último problema { $when }: { $problem }.
daily-status-overdue = ⚠ La publicación del { $day } no salió antes de que terminara su plazo de recuperación: el bot se bloqueó mientras la enviaba. Se registrará como perdida y nunca se publicará con retraso.
daily-status-no-history = ⚠ No tengo el permiso **Leer el historial de mensajes** en ese canal: si se pierde la respuesta a una publicación, no puedo comprobar si llegó, así que no la volveré a publicar. Concédamelo para que las publicaciones sean fiables.
daily-status-notice = • { $channel }: { $message } ({ $when }).
daily-status-more = … y { $count ->
        [one] { $count } más
       *[other] { $count } más
    }.

## Incidentes de una publicación (se guardan y /daily status los muestra)

daily-why-no-history = no tengo el permiso Leer el historial de mensajes en el canal para buscarla
daily-why-unknown-permission = no pude comprobar si puedo leer el historial del canal, y no la encontré en él
daily-why-refused = Discord se negó a mostrarme el historial del canal
daily-why-too-busy = desde entonces se publicaron más de { $count } mensajes en el canal, demasiados para revisarlos
daily-why-unread = no pude leer a tiempo el historial del canal
daily-why-late = el bot no pudo enviarla a tiempo
daily-why-gone = el canal se eliminó
daily-why-not-found = Discord no encontró el canal
daily-why-lost-access = perdí el acceso a este canal o el permiso para publicar en él
daily-why-server-problem = Discord tuvo un problema de servidor (se volverá a intentar)
daily-why-slow-down = Discord me pidió que fuera más despacio
daily-why-refused-post = Discord rechazó la publicación
daily-why-unreachable = no pude conectar con Discord (se volverá a intentar)
daily-why-no-answer = Discord no respondió a tiempo (se volverá a intentar)
daily-why-temporary = un problema pasajero al conectar con Discord
daily-why-attempts = { $problem }, tras { $count ->
        [one] { $count } intento
       *[other] { $count } intentos
    }
daily-retrying = { $problem }; se volverá a intentar
daily-unconfirmed = puede que la publicación del { $day } llegara a Discord, pero { $reason }, así que no pude confirmar si Discord la aceptó; no la volví a publicar para que nunca aparezca dos veces
daily-missed = la publicación del { $day } se perdió: { $why }, y su plazo de recuperación ({ $hours } h después de su hora) ha terminado, así que no se publicó con retraso
daily-down-one = la publicación del { $day } se perdió: el bot estaba detenido (o no podía conectar con su base de datos) en ese momento y no volvió hasta después del plazo de recuperación ({ $hours } h después de la hora de publicación), así que no se publicó con retraso
daily-down-range = las publicaciones del { $first } al { $last } se perdieron: el bot estaba detenido (o no podía conectar con su base de datos) en ese momento y no volvió hasta después del plazo de recuperación ({ $hours } h después de la hora de publicación), así que no se publicaron con retraso
daily-deleted = el canal se eliminó, así que sus publicaciones diarias se detuvieron
daily-zone-gone = su zona horaria «{ $zone }» ya no existe en la base de datos de zonas horarias; ejecute `/daily set` con una zona vigente, como Europe/Zurich
daily-settings-invalid = sus ajustes guardados ya no son válidos; vuelva a ejecutar `/daily set` para este canal
daily-keeps-failing = algo fallaba una y otra vez por parte del bot al preparar la publicación

## Errores

daily-need-manage = Necesita el permiso Gestionar servidor, o Gestionar canales, para cambiar las publicaciones diarias.
daily-need-manage-in = Necesita el permiso Gestionar servidor, o Gestionar canales en { $channel }, para cambiar las publicaciones diarias.
daily-status-need-manage = Necesita el permiso Gestionar servidor o Gestionar canales para ver las publicaciones diarias.
daily-not-postable = { $channel } es { $kind ->
        [voice] un canal de voz
        [stage_voice] un canal de escenario
        [category] una categoría
        [forum] un canal de foro
        [media] un canal multimedia
       *[other] un canal de tipo «{ $kind }»
    }. Las publicaciones diarias van a un canal de texto, un canal de anuncios o un hilo.
daily-cannot-see = No puedo ver { $channel }. Deme el permiso Ver canales allí (o añádame al hilo) y vuelva a intentarlo.
daily-not-a-channel = { $channel } no es un canal en el que pueda publicar.
daily-cannot-check = Ahora mismo no puedo comprobar mis permisos en este servidor; vuelva a intentarlo dentro de un minuto.
daily-missing-permissions = No puedo publicar en { $channel }: me faltan estos permisos allí: { $missing }. Concédalos en los ajustes del canal → Permisos y vuelva a ejecutar el comando.
daily-locked-thread = { $channel } es un hilo bloqueado, así que no puedo publicar en él. Desbloquéelo o elija otro canal.
daily-private-thread = { $channel } es un hilo privado del que no formo parte. Añádame primero (mencióneme allí).
daily-pick-from-list = Elija el canal de la lista que aparece mientras escribe (también figuran los canales eliminados).
daily-need-history = Necesito el permiso Leer el historial de mensajes en { $channel } para las publicaciones diarias: así compruebo si una publicación llegó a Discord antes de volver a intentarlo, para que ninguna aparezca dos veces. Concédalo en los ajustes del canal → Permisos y vuelva a ejecutar el comando.
daily-too-many = Este servidor ya tiene { $count } publicaciones diarias, el máximo permitido. Detenga una con `/daily stop` o cambie la de un canal existente con `/daily set`.
daily-nothing-in-order = { $symbol } no tiene nada que publicar en ese orden ({ daily-order }); contiene los párrafos de la parte dispositiva 1 a { $operative }{ $preambular ->
        [0] {""}
       *[other] {" "}y los párrafos del preámbulo PP1 a PP{ $preambular }
    }.
daily-no-schedule-there = { $channel } no tiene publicaciones diarias. Configúrelas con `/daily set`.
daily-none-yet = Este servidor aún no tiene publicaciones diarias. Configúrelas con `/daily set channel:`.
daily-say-which = Este servidor tiene publicaciones diarias en { $channels }: indique cuál con la opción `{ $option }`.
daily-just-stopped = Esas publicaciones diarias se acaban de detener.
daily-bad-time = «{ $text }» no es una hora: use el formato de 24 horas HH:MM, por ejemplo 09:00 o 18:30.
daily-bad-zone = «{ $zone }» no es una zona horaria que conozca. Use un nombre IANA como Europe/Geneva, America/New_York o UTC (empiece a escribir para ver sugerencias).
