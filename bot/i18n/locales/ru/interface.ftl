# Что пишет бот: /help, /about и ответы /settings (см. en-US/interface.ftl).
# Код в обратных кавычках (`/cite 4`, `PP 3`) — то, что набирают: он не переводится.

## /help

help-title = **Чтение { $symbol }**
help-paragraph = текст пункта; также `PP 3`, `fn 2`, `4-6`, `4, 7`, `art. 12`, `78/216 para 5`
help-cite = готовая ссылка (ООН, краткая, Bluebook, OSCOLA, AGLC); `quote:True` добавляет текст
help-footnote = сноска, её ссылки и пункты, которые на неё ссылаются
help-summary = чего резолюция ждёт от государств (или от других, или `all` — от всех)
help-search = наиболее подходящие места в библиотеке; «фразы в кавычках» тоже работают
help-about = сведения о резолюции и источник текста
help-library = загруженные тексты; параметр `document` любой команды выбирает один из них
help-compare = что изменилось между двумя резолюциями, пункт за пунктом, с выделенной правкой
help-trace = с каких пор Ассамблея говорит это: фраза или пункт, прослеженные по всей библиотеке
help-daily-set = для управляющих сервером: публиковать пункт каждый день в канале
help-settings-citation-style = для управляющих сервером: стиль ссылок сервера по умолчанию
help-settings-document = для управляющих сервером: текст, который команды используют здесь по умолчанию
help-settings-server-language = для управляющих сервером: язык публичных ответов и ежедневных публикаций
help-settings-language = язык, на котором бот отвечает вам
help-help = эта справка
help-references = **Ссылки:** попробуйте `4` или `OP 4` (пункт постановляющей части), `PP 3` (пункт преамбулы), `fn 2` (сноска), диапазон `4-6` или список `4, 7`. Также `para. 4`, `¶¶ 4–6`, `pmbl. para. 3`, `third preambular paragraph`, `{ $number }, ¶ 4` (ссылки пишутся по-английски). В списке часть сохраняется: `PP 3, 5` — это PP3 и PP5.
help-discussion = **В обсуждении:** щёлкните правой кнопкой (или нажмите и удерживайте) сообщение → Приложения → *{ menu-quote-cited-paragraphs }* — бот покажет все пункты, на которые оно ссылается.
help-contents = В этой резолюции пункты постановляющей части 1–{ $operative }{ $preambular ->
        [0] {""}
       *[other] {" "}и пункты преамбулы PP1–PP{ $preambular }
    }, а также сноски 1–{ $footnotes }.

## /about

about-adopted-on = принята { DATETIME($adopted, dateStyle: "long") }
about-adopted-on-report = принята { DATETIME($adopted, dateStyle: "long") } по докладу комитета ({ $committee }, { $report })
about-adopted-on-report-only = принята { DATETIME($adopted, dateStyle: "long") } (доклад { $report })
about-description = **{ $name }**, { $origin }.
about-session = Сессия
    .value = { $session }, пункт { $item } повестки дня
about-adopted = Принята
    .value = { DATETIME($adopted, dateStyle: "long") }, { $meeting }
about-distributed = Распространена
    .value = { DATETIME($distributed, dateStyle: "long") } ({ $distribution })
about-contents = Содержание
    .value = { $preambular ->
        [one] { $preambular } пункт преамбулы
        [few] { $preambular } пункта преамбулы
       *[many] { $preambular } пунктов преамбулы
    } · { $operative ->
        [one] { $operative } пункт постановляющей части
        [few] { $operative } пункта постановляющей части
       *[many] { $operative } пунктов постановляющей части
    } · { $footnotes ->
        [one] { $footnotes } сноска
        [few] { $footnotes } сноски
       *[many] { $footnotes } сносок
    }
about-official-text = Официальный текст
about-commands = Команды
about-commands-more = Что делает каждая из них, объясняет `/help`.
about-footer = Текст дословно воспроизводит официальный документ в том виде, в каком его распространила Организация Объединенных Наций. Резюме — пересказ бота простыми словами, а не текст резолюции.

## /settings

settings-manage-server = Чтобы менять настройки этого сервера, нужно право «Управлять сервером».
settings-style-current = На этом сервере ссылки по умолчанию оформляются в стиле **{ $style }**. Другой стиль можно выбрать параметром `style`.
settings-style-set = Теперь на этом сервере ссылки по умолчанию оформляются в стиле **{ $style }**. Каждый по-прежнему может выбрать стиль через `/cite … style:`.
settings-language-chosen = Где бы вы ни обращались к боту, он отвечает вам на этом языке: **{ $language }**. Выберите *{ choice-language-auto }*, чтобы снова следовать языку Discord.
settings-language-auto = Вы не выбрали язык: бот отвечает на языке вашего Discord, если знает его, иначе на языке сервера, иначе по-английски. Здесь: **{ $language }**.
settings-server-language-set = Язык публичных ответов и ежедневных публикаций этого сервера: **{ $language }**. Каждый по-прежнему может выбрать свой язык через `/settings language`.
settings-server-language-unset = Язык этого сервера не выбран: публичные ответы и ежедневные публикации идут на языке по умолчанию — **{ $language }**.
