# Что бот отвечает, когда не может выполнить запрос (см. en-US/errors.ftl).
# Код в обратных кавычках (`/cite 4`, `PP 3`, `art 12`) — то, что набирают: он не переводится.
# $kind: pp (пункт преамбулы), op (пункт постановляющей части), fn (сноска), art (статья).

## Что есть в резолюции (внутри других сообщений)

err-outline = пункты постановляющей части 1–{ $operative }{ $preambular ->
        [0] {""}
       *[other] {" "}и пункты преамбулы PP1–PP{ $preambular }
    }
err-syntax-help = Попробуйте `4` или `OP 4` (пункт постановляющей части), `PP 3` (пункт преамбулы), `fn 2` (сноска), диапазон, например `4-6`, или список, например `4, 7`.

## Ссылки (/paragraph, /cite, /footnote)

err-annex-articles = У резолюции { $symbol } есть приложение, которое читается по статьям: запросите статью, например `art 12` или `Article 12(2)`. Пункты преамбулы приложения здесь пока запросить нельзя.
err-annex-paragraphs = У резолюции { $symbol } есть приложение, но его пункты здесь пока запросить нельзя.
err-other-text = Этот бот работает с резолюцией { $symbol } ({ $body ->
        [general-assembly] резолюция Генеральной Ассамблеи { $number }
       *[other] { $name }
    }); «{ $shown }» указывает на другой текст. Запросите пункт резолюции { $number }, например `4` или `PP 3`.
err-reference-too-long = Ссылка слишком длинная, её не прочитать ({ $length ->
        [one] { $length } символ
        [few] { $length } символа
        [many] { $length } символов
       *[other] { $length } символа
    }). { err-syntax-help }
err-no-article = В резолюции { $symbol } нет статьи { $article }.
err-reference-needs-number = Какой номер? Для «{ $item }» нужен номер, например `{ $item } 3`. { err-syntax-help }
err-reference-unreadable = Не удалось прочитать «{ $item }» как ссылку на пункт. { err-syntax-help }
err-range-mixed = Диапазон должен оставаться в одной части: «{ $item }» смешивает { $kind ->
        [pp] пункты преамбулы
        [fn] сноски
        [art] статьи
       *[op] пункты постановляющей части
    } и { $other ->
        [pp] пункты преамбулы
        [fn] сноски
        [art] статьи
       *[op] пункты постановляющей части
    }. Запросите их списком, например `PP 15, OP 1`.
err-range-backwards = Диапазон { $start }-{ $end } идёт в обратном порядке: может быть, вы имели в виду { $end }-{ $start }?
err-too-many = Это больше { $max } элементов сразу; запросите диапазон поменьше.
err-which-paragraph = Какой пункт? { err-syntax-help }
err-which-paragraph-or-all = Какой пункт? { err-syntax-help } Оставьте `all`, чтобы процитировать всю резолюцию.
err-one-reference = Укажите здесь одну ссылку, а не { $count }.
err-paragraph-not-footnote = «{ $ref }» — это пункт, а не сноска: используйте `/paragraph { $ref }`.
err-no-footnote = Сноски { $number } нет: { $footnotes ->
        [0] в этой резолюции нет сносок
        [1] в этой резолюции только сноска 1
       *[other] в этой резолюции сноски 1–{ $footnotes }
    }.
err-none-of-kind = В этой резолюции нет { $kind ->
        [pp] пунктов преамбулы
        [fn] сносок
        [art] статей
       *[op] пунктов постановляющей части
    }; в ней есть { err-outline }.
err-no-such-part = { $kind ->
        [pp] Пункта преамбулы
        [fn] Сноски
        [art] Статьи
       *[op] Пункта постановляющей части
    } { $number } нет: в этой резолюции есть { err-outline }.

## Статьи декларации, содержащейся в приложении (/paragraph art 12)

err-no-articles-anywhere = Ни в одном тексте библиотеки нет статей: статьи бывают только у декларации, содержащейся в приложении.
err-no-articles = В резолюции { $symbol } нет статей: в ней есть { err-outline }.
err-no-articles-elsewhere = В резолюции { $symbol } нет статей: в ней есть { err-outline }. Статьи Декларации — в резолюции { $declaration }.
err-no-such-article = Статьи { $article } нет: в Декларации статьи { $first }–{ $last }.
err-no-such-clause = В статье { $article } { $clauses ->
        [0] нет нумерованных пунктов
        [1] есть только пункт 1
       *[other] есть пункты 1–{ $clauses }
    }; статьи { $article }({ $clause }) нет.
err-no-such-item = В статье { $article }{ $clause ->
        [none] {""}
       *[other] ({ $clause })
    } { $first ->
        [none] нет подпунктов, обозначенных буквами
       *[other] есть подпункты ({ $first })–({ $last })
    }; статьи { $article }{ $clause ->
        [none] {""}
       *[other] ({ $clause })
    }({ $item }) нет.

## Документы библиотеки

err-no-document = В библиотеке нет документа «{ $name }». В ней есть { $symbols }: укажите документ по условному обозначению, номеру (62/152), году или словам из названия.
err-resolution-not-in-library = Резолюции { $number } нет в библиотеке; в ней есть { $symbols }.
err-document-conflict = «{ $text }» указывает на резолюцию { $named }, а в параметре document выбрана резолюция { $chosen }: оставьте параметр пустым или уберите обозначение из ссылки.

## /cite, /search, /summary, Цитировать упомянутые пункты

err-no-style = Стиля ссылок «{ $style }» нет. Выберите один из: { $styles }. (APA и Harvard нет: ни в одном из этих руководств нет опубликованной формы ссылки на резолюции ООН.)
err-search-too-long = Запрос слишком длинный ({ $length ->
        [one] { $length } символ
        [few] { $length } символа
        [many] { $length } символов
       *[other] { $length } символа
    }); он должен быть короче { $max } символов.
err-search-empty = Введите хотя бы одно слово, например `безнаказанность` или `«свобода выражения мнений»`.
err-not-addressee = «{ $text }» — не адресат этой резолюции. Выберите один из вариантов: { $choices } или `all`.
err-nobody-addressed = Ни один пункт постановляющей части резолюции { $symbol } не обращён к адресату { $addressee }.
err-nobody-addressed-anyone = Ни один пункт постановляющей части резолюции { $symbol } ни к кому не обращён.
err-finder-forms = Я распознаю такие формы, как «пункт 4», «сноска 5», а для пунктов преамбулы — «пункт 3 преамбулы»; а также английские: `para 4`, `OP 7`, `¶¶ 4–6`, `paras. 4 and 7`, `PP 3`, `third preambular paragraph`, `footnote 5` и `{ $number }, ¶ 4`. Отдельное число, дата или пункт другой резолюции никогда не принимаются за ссылку.
err-finder-nothing = В этом сообщении нет ссылок на резолюцию { $symbol }. { err-finder-forms }
err-finder-missing = В этом сообщении нет ссылок на резолюцию { $symbol }. В нём упомянуто: { $missing }, но в резолюции { $symbol } этого нет ({ err-outline }). { err-finder-forms }

## Кнопки

err-old-button = Эта кнопка осталась от версии бота, которой больше нет; выполните команду ещё раз.

## Консоль (python -m bot console)

err-console-needs = Для этой команды укажите { $what ->
        [cite] что цитировать, например `/cite 4` или `/cite all`
        [paragraph] ссылку на пункт, например `/paragraph 4`
        [footnote] номер сноски, например `/footnote 5`
       *[search] что искать, например `/search impunity`
    }.
err-console-language = Официального языка «{ $language }» нет. Выберите один из: { $languages }.
err-console-command = Команды /{ $name } нет. Команды: { $commands }.

## Любой другой сбой команды (bot.client)

err-command-gone = Эта команда больше недоступна; из Discord она может исчезнуть не сразу, а через минуту.
err-invalid-option = «{ $value }» не подходит для этого параметра: { $type ->
        [choice] выберите один из предложенных вариантов
        [integer] ожидается целое число
        [channel] ожидается канал
        [number] ожидается число
        [boolean] ожидается «да» или «нет»
        [user] ожидается пользователь
        [role] ожидается роль
        [mentionable] ожидается пользователь или роль
        [attachment] ожидается вложение
       *[other] ожидается значение типа { $type }
    }.
err-servers-only = Эта команда работает только на серверах.
err-missing-permissions = Для этого { $count ->
        [one] нужно право
       *[other] нужны права
    } «{ $permissions }».
err-not-here = Здесь эту команду использовать нельзя.
err-discord-problem = У Discord возникла проблема с этим запросом; повторите попытку чуть позже.
err-unexpected = Извините, у меня что-то пошло не так. Ошибка записана в журнал; попробуйте ещё раз.

# Между названиями в списке (прав): каждое право в своих кавычках.
err-list-separator = {"», «"}
# Право Discord — так, как оно называется в настройках Discord на русском.
err-permission = { $permission ->
        [administrator] Администратор
        [manage_guild] Управлять сервером
        [manage_channels] Управлять каналами
        [manage_messages] Управлять сообщениями
        [manage_threads] Управлять ветками
        [send_messages] Отправлять сообщения
        [send_messages_in_threads] Отправлять сообщения в ветках
        [embed_links] Встраивать ссылки
        [read_message_history] Читать историю сообщений
        [view_channel] Просматривать каналы
       *[other] { $permission }
    }
