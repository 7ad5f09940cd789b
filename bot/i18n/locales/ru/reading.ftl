# Что пишут команды чтения и цитирования: /paragraph, /footnote, /summary, /search, /cite, /library,
# меню «Процитировать упомянутые пункты» и кнопки под их ответами.
# Код в обратных кавычках (`/paragraph 4`, `PP 3`) — то, что вводят: он не переводится.

## Пункт, сноска или статья

read-title = { $kind ->
        [preamble] пункт преамбулы { $number }
        [footnote] сноска { $number }
       *[operative] пункт постановляющей части { $number }
    }
read-article = статья { $number }{ $rest }
read-declaration = Декларация
read-annexed = { $annex }, { $article }
read-footnotes = Сноски
read-links = Ссылки
read-cited-in = Упоминается в
read-showing = Показано { $shown } из { $total } (одно сообщение Discord вмещает не более { $embeds } вставок и { $chars } символов). Не показаны: { $rest }; { $how }.
read-more-all = их покажет кнопка **Ещё** или `/paragraph { $rest }`
read-more-some = **Ещё** покажет { $shows }; `/paragraph { $rest }` покажет все
read-more-none = их покажет `/paragraph { $rest }`

## Процитированное сообщение (меню «Процитировать упомянутые пункты»)

read-quoted-where = { $title } · упомянуто в { $where }
read-also-cited = *(Упомянуты также: { $others }.)*
read-not-in = *(Нет в { $symbol }: { $missing }.)*

## /summary

read-strength = { $strength ->
        [urges] Настоятельно призывает
        [calls-upon] Призывает
        [requests] Просит
        [encourages] Рекомендует
        [invites] Предлагает
       *[other] Прочие положения (без просьб)
    }
read-also-to = *(обращено также к: { $who })*
read-summary-everyone = кого что просят сделать
read-summary-who = { $plural ->
        [yes] что просят сделать: { $who }
       *[no] что просят сделать: { $who }
    }
read-summary-continued = { $title } (продолжение)
read-summary-footer = Резюме простыми словами, написанные (на английском языке) для этого бота, а не формулировки резолюции. Официальный текст — /paragraph с номером пункта.
read-summary-footer-opening = Резюме этого текста пока не написано: каждая строка в кавычках — начальные слова самого пункта. Полный официальный текст — /paragraph с номером пункта.
read-summary-footer-mixed = Строки в кавычках — начальные слова самого пункта (резюме пока не написано); остальные — резюме простыми словами, написанные (на английском языке) для этого бота, а не формулировки резолюции. Официальный текст — /paragraph с номером пункта.
read-page-more = Страница { $page } из { $pages }: остальное покажет кнопка **Ещё**.
read-page = Страница { $page } из { $pages }.

## /search

read-search-corrected = Точных совпадений нет, поэтому я искал похожие слова: { $fixed }.
read-search-correction = «{ $typed }» → «{ $searched }»
read-search-unknown = Нигде не найдено: { $words }.
read-search-some = Ни один пункт не содержит всех этих слов; эти содержат некоторые из них.
read-search-nothing-library = В текстах, которые я предоставляю, нет совпадений с «{ $query }».
read-search-nothing = В { $symbol } нет совпадений с «{ $query }».
read-search-close = Похожие слова в тексте: { $words }.
read-search-try = Попробуйте меньше слов или другие слова либо просмотрите текст с помощью `/paragraph`.
read-sentences = { $first } { $next }
read-list-separator = {", "}
read-search-title = поиск: { $query }
read-search-best = Совпадений: { $total }, показаны { $shown } лучших · /paragraph с номером — полный текст
read-search-count = { $total ->
        [one] { $total } совпадение
        [few] { $total } совпадения
        [many] { $total } совпадений
       *[other] { $total } совпадения
    } · /paragraph с номером — полный текст

## /cite

read-style = { $style ->
        [un] Практика ООН
        [short] Условное обозначение документа
       *[other] { $name }
    }
read-cite-running = В тексте:
read-cite-official = Официальный текст: <{ $url }>
read-cite-whole = *(Вся резолюция слишком длинна, чтобы привести её здесь: укажите пункты, чтобы их процитировать.)*
read-cite-whole-declaration = *(Вся Декларация слишком длинна, чтобы привести её здесь: укажите статью, чтобы её процитировать.)*
read-quote-shortened = *(Цитата сокращена, чтобы уместиться в одно сообщение; `/paragraph { $refs }` покажет её полностью.)*
read-not-quoted = *(Не процитированы, чтобы уместиться в одно сообщение: { $rest }; { $ask }.)*
read-not-quoted-ask = их покажет `/paragraph { $refs }`
read-not-quoted-ask-bare = их покажет `/paragraph`

## /library

read-library-title = { $count ->
        [one] Библиотека: { $count } документ
        [few] Библиотека: { $count } документа
        [many] Библиотека: { $count } документов
       *[other] Библиотека: { $count } документа
    }
read-library-default = ← здесь по умолчанию
read-library-sizes = { $preambular ->
        [one] { $preambular } пункт преамбулы
        [few] { $preambular } пункта преамбулы
        [many] { $preambular } пунктов преамбулы
       *[other] { $preambular } пункта преамбулы
    }, { $operative ->
        [one] { $operative } пункт постановляющей части
        [few] { $operative } пункта постановляющей части
        [many] { $operative } пунктов постановляющей части
       *[other] { $operative } пункта постановляющей части
    }, { $footnotes ->
        [one] { $footnotes } сноска
        [few] { $footnotes } сноски
        [many] { $footnotes } сносок
       *[other] { $footnotes } сноски
    }
read-library-articles = , статьи 1–{ $count }
read-library-annex = { $name } (приложение{ $number })
read-library-footer = У каждой команды чтения и цитирования есть параметр document: условное обозначение, номер (78/216), год (2023) или слова названия (Declaration). Ссылке, в которой назван документ (A/RES/78/216 para 5), он не нужен.

## Кнопки

read-button-previous = Назад
read-button-next = Далее
read-button-footnotes = Сноски
read-button-cite = Цитировать
read-button-official = Официальный текст
read-button-more = Ещё
read-button-post = Опубликовать в канале
read-button-open = Открыть { $number }
read-button-open-annex = Открыть { $number }, приложение

## «Опубликовать в канале», когда бот не публикует

read-post-locked = Эта ветка закрыта: писать в ней могут только те, у кого есть право **Управлять ветками**, поэтому я не опубликую это здесь за вас. Ваша личная копия остаётся видна вам.
read-post-refused = Вы не можете сами писать в { $where ->
        [thread] этой ветке
       *[channel] этом канале
    } (для этого { $count ->
        [one] нужно право
       *[other] нужны права
    } { $needed }), поэтому я не опубликую это здесь за вас. Ваша личная копия остаётся видна вам.
read-permission = { $permission ->
        [threads] Отправлять сообщения в ветках
       *[send] Отправлять сообщения
    }
read-permissions = { $first } и { $second }
read-post-wait = Вы только что публиковали: опубликовать снова можно через { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунды
        [many] { $seconds } секунд
       *[other] { $seconds } секунды
    }. Ваша личная копия остаётся видна вам.

## Консоль (python -m bot console)

read-console-no-locale = Языка интерфейса «{ $typed }» нет. Выберите один из: { $locales }.

## Ссылки в подписях и заголовках (пункты постановляющей части резолюции Генеральной Ассамблеи)

read-reference = резолюция Генеральной Ассамблеи { $number }, { $pin }

## Автодополнение: остальная часть названия варианта (его значение — то, что вводят, на любом языке)

read-choice-items = { $count ->
        [one] { $count } элемент
        [few] { $count } элемента
        [many] { $count } элементов
       *[other] { $count } элемента
    }
read-choice-footnote = { $text } (в: { $where })
read-choice-everyone = Все (все адресаты)
