# Ежедневные публикации: все ответы и ошибки /daily, что /daily status сообщает о сбоях, заголовок публикации.

## Публикация (на языке сервера)

daily-date = { $day } { $month ->
        [1] января
        [2] февраля
        [3] марта
        [4] апреля
        [5] мая
        [6] июня
        [7] июля
        [8] августа
        [9] сентября
        [10] октября
        [11] ноября
       *[12] декабря
    } { $year } г.
daily-header = **Пункт дня** · { $date }
daily-post = { $header } · { $index } из { $total }

## Списки и названия

daily-list-separator = {", "}
daily-perm-view-channel = Просматривать каналы
daily-perm-embed-links = Встраивать ссылки
daily-perm-send-messages = Отправлять сообщения
daily-perm-send-messages-in-threads = Отправлять сообщения в ветках
daily-order = { $order ->
        [document] { choice-order-document }
        [operative] { choice-order-operative }
        [preamble] { choice-order-preamble }
        [random] { choice-order-random }
       *[articles] { choice-order-articles }
    }
daily-order-short = { $order ->
        [document] по порядку документа
        [operative] по пунктам постановляющей части
        [preamble] по пунктам преамбулы
        [random] в случайном порядке
       *[articles] по статьям
    }
daily-channel-named = #{ $name }
daily-channel-number = канал { $id }
daily-choice-channel-number = канал { $id }

## /daily set, stop, skip, preview

daily-set-done = Ежедневные публикации в { $channel } { $verb ->
        [resumed] возобновлены
        [updated] изменены
       *[set] настроены
    }: каждый день в { $time } { $zone }, { $order }, из { $symbol }.
daily-set-next = Следующая публикация { $when } ({ $relative }): { $label } ({ $index } из { $total }).
daily-stopped = Ежедневные публикации в { $channel } остановлены.
daily-stopped-named = Ежедневные публикации в { $channel } (#{ $name }) остановлены.
daily-skipped = Пропущено: { $skipped } в { $channel }. Следующая публикация { $when }: { $label } ({ $index } из { $total }).
daily-preview = Предпросмотр следующей публикации в { $channel }, { $when }:

## /daily status

daily-status-title = **Ежедневные публикации** ({ $count } из { $most })
daily-status-none = На этом сервере нет ежедневных публикаций. Настройте их командой `/daily set channel:`.
daily-status-line = • { $channel } в { $time } { $zone }, { $order } — следующая { $when }: { $what }
daily-status-next = { $label } ({ $index } из { $total })
daily-status-invalid = (настройки больше не действительны)
daily-status-paused = ⏸ **Приостановлено**: { $reason }. Устраните причину, затем выполните `/daily set` для этого канала, чтобы возобновить.
daily-status-problem = ⚠ Последний сбой { $when }: { $problem }.
daily-status-overdue = ⚠ Публикация за { $day } не вышла до закрытия окна навёрстывания: бот завис во время отправки. Она будет отмечена как пропущенная и не будет опубликована с опозданием.
daily-status-no-history = ⚠ У меня нет права **Читать историю сообщений** в этом канале: если ответ на публикацию потеряется, я не смогу проверить, дошла ли она, и поэтому не опубликую её повторно. Выдайте это право, чтобы публикации были надёжными.
daily-status-notice = • { $channel }: { $message } ({ $when }).
daily-status-more = … и ещё { $count }.

## Что случилось с публикацией (сохраняется и показывается в /daily status)

daily-why-no-history = у меня нет права «Читать историю сообщений» в канале, чтобы её найти
daily-why-unknown-permission = я не смог проверить, могу ли я читать историю канала, и не нашёл её там
daily-why-refused = Discord отказался показать мне историю канала
daily-why-too-busy = с тех пор в канале опубликовано более { $count } сообщений — слишком много, чтобы их просмотреть
daily-why-unread = я не успел прочитать историю канала
daily-why-late = бот не успел её отправить
daily-why-gone = канал удалён
daily-why-not-found = Discord не нашёл канал
daily-why-lost-access = я потерял доступ к этому каналу или право публиковать в нём
daily-why-server-problem = у Discord был сбой сервера (будет повторная попытка)
daily-why-slow-down = Discord попросил меня сбавить темп
daily-why-refused-post = Discord отклонил публикацию
daily-why-unreachable = я не смог связаться с Discord (будет повторная попытка)
daily-why-no-answer = Discord не ответил вовремя (будет повторная попытка)
daily-why-temporary = временная проблема связи с Discord
daily-why-attempts = { $problem }, после { $count ->
        [one] { $count } попытки
       *[other] { $count } попыток
    }
daily-retrying = { $problem }; повторная попытка
daily-unconfirmed = публикация за { $day } могла дойти до Discord, но { $reason }, поэтому я не смог подтвердить, принял ли её Discord; я не стал публиковать её снова, чтобы она никогда не появилась дважды
daily-missed = публикация за { $day } пропущена: { $why }, а её окно навёрстывания ({ $hours } ч после назначенного времени) закрылось, поэтому она не была опубликована с опозданием
daily-down-one = публикация за { $day } пропущена: бот в то время не работал (или не мог связаться со своей базой данных) и вернулся только после закрытия окна навёрстывания ({ $hours } ч после времени публикации), поэтому она не была опубликована с опозданием
daily-down-range = публикации с { $first } по { $last } пропущены: бот в то время не работал (или не мог связаться со своей базой данных) и вернулся только после закрытия окна навёрстывания ({ $hours } ч после времени публикации), поэтому они не были опубликованы с опозданием
daily-deleted = канал удалён, поэтому его ежедневные публикации прекращены
daily-zone-gone = его часового пояса «{ $zone }» больше нет в базе часовых поясов; выполните `/daily set` с действующим поясом, например Europe/Zurich
daily-settings-invalid = его сохранённые настройки больше не действительны; снова выполните `/daily set` для этого канала
daily-keeps-failing = при подготовке публикации у бота раз за разом что-то шло не так

## Ошибки

daily-need-manage = Чтобы изменять ежедневные публикации, нужно право «Управлять сервером» или «Управлять каналами».
daily-need-manage-in = Чтобы изменять ежедневные публикации, нужно право «Управлять сервером» или «Управлять каналами» в { $channel }.
daily-status-need-manage = Чтобы видеть ежедневные публикации, нужно право «Управлять сервером» или «Управлять каналами».
daily-not-postable = { $channel } — { $kind ->
        [voice] голосовой канал
        [stage_voice] трибуна
        [category] категория
        [forum] форум
        [media] медиаканал
       *[other] канал типа «{ $kind }»
    }. Ежедневные публикации идут в текстовый канал, канал объявлений или ветку.
daily-cannot-see = Я не вижу { $channel }. Выдайте мне там право «Просматривать каналы» (или добавьте меня в ветку) и повторите попытку.
daily-not-a-channel = В { $channel } я не могу публиковать.
daily-cannot-check = Сейчас я не могу проверить свои права на этом сервере; повторите попытку через минуту.
daily-missing-permissions = Я не могу публиковать в { $channel }: мне там не хватает прав: { $missing }. Выдайте их в настройках канала → Права доступа, затем выполните команду снова.
daily-locked-thread = { $channel } — закрытая ветка, я не могу в ней публиковать. Откройте её или выберите другой канал.
daily-private-thread = { $channel } — приватная ветка, в которой меня нет. Сначала добавьте меня в неё (упомяните меня там).
daily-pick-from-list = Выберите канал из списка, который появляется при вводе (удалённые каналы там тоже есть).
daily-need-history = Для ежедневных публикаций мне нужно право «Читать историю сообщений» в { $channel }: так я проверяю, дошла ли публикация до Discord, прежде чем пробовать снова, чтобы ни одна не появилась дважды. Выдайте его в настройках канала → Права доступа, затем выполните команду снова.
daily-too-many = На этом сервере уже { $count ->
        [one] { $count } ежедневная публикация
        [few] { $count } ежедневные публикации
       *[other] { $count } ежедневных публикаций
    } — это максимум. Сначала остановите одну командой `/daily stop` или измените публикации существующего канала командой `/daily set`.
daily-nothing-in-order = В { $symbol } нечего публиковать в этом порядке ({ daily-order }); в нём есть пункты постановляющей части 1–{ $operative }{ $preambular ->
        [0] {""}
       *[other] {" "}и пункты преамбулы PP1–PP{ $preambular }
    }.
daily-no-schedule-there = В { $channel } нет ежедневных публикаций. Настройте их командой `/daily set`.
daily-none-yet = На этом сервере пока нет ежедневных публикаций. Настройте их командой `/daily set channel:`.
daily-say-which = На этом сервере есть ежедневные публикации в { $channels }: укажите, какие, с помощью параметра `{ $option }`.
daily-just-stopped = Эти ежедневные публикации только что остановлены.
daily-bad-time = «{ $text }» — это не время: укажите его в 24-часовом формате ЧЧ:ММ, например 09:00 или 18:30.
daily-bad-zone = «{ $zone }» — незнакомый мне часовой пояс. Укажите название IANA, например Europe/Geneva, America/New_York или UTC (начните вводить, чтобы увидеть подсказки).
