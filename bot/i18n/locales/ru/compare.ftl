# /compare и /trace: обзор, страницы, один пункт, история формулировки, кнопки и ошибки (см. en-US/compare.ftl).
# Пометки ~~зачёркнуто~~ и **жирный** остаются как есть; цитируемые пункты — это текст ООН.
# `OP 5`, `PP 3` и номера резолюций пишутся одинаково на всех языках.

## Части резолюции

cmp-part-preamble = Преамбула
cmp-part-operative = Постановляющая часть
cmp-jump-preamble = Преамбула
cmp-jump-operative = Постановляющая часть

## Что произошло с пунктом

cmp-change-unchanged = без изменений
cmp-change-modified = изменён
cmp-change-new = новый
cmp-change-dropped = исключён
cmp-change-split = разделён
cmp-change-merged = объединён
cmp-change-moved = перемещён
cmp-alike = сходство { $percent } %
cmp-modified-alike = изменён (сходство { $percent } %)
cmp-run-unchanged = { $refs } · без изменений
cmp-run-unchanged-renumbered = { $refs } · без изменений (ранее { $old })

## Сколько пунктов части, по видам изменений

cmp-count-unchanged = без изменений: { $count }
cmp-count-modified = изменено: { $count }
cmp-count-new = новых: { $count }
cmp-count-dropped = исключено: { $count }
cmp-count-split = разделено: { $count }
cmp-count-merged = объединено: { $count }
cmp-count-moved = перемещено: { $count }
cmp-count-nothing = нет

## Вводные слова (глагол постановляющей части)

cmp-direction = { $direction ->
        [stronger] сильнее
        [weaker] мягче
       *[changed] иначе
    }
cmp-lead-words = Вводные слова

## Обзор

cmp-overview-title = { $old } → { $new } · что изменилось
cmp-overview-description = Пункты сопоставлены по тексту, а не по номерам: { $old } ({ $old_year }) → { $new } ({ $new_year }).
cmp-addressees = Адресаты
cmp-addressee-new = новый: { $name }
cmp-addressee-dropped = исключён: { $name }
cmp-references-new = Новые ссылки
cmp-references-dropped = Ссылки, которые больше не приводятся
cmp-footnotes = Сноски (сравниваются по содержанию)
cmp-footnote-dropped = ~~{ $old }~~ исключена: { $text }
cmp-footnote-new = { $new } новая: { $text }
cmp-footnote-renumbered = { $new } (ранее { $old }): { $text }
cmp-overview-footer = Изменения: ~~удалено~~ **добавлено**. { cmp-more }: все пункты, по частям.
cmp-overview-more = Страница 1 из { $total }: кнопка **{ cmp-more }** показывает все пункты.
cmp-and-more = … и ещё { $count }

## Страницы

cmp-legend = ~~удалено~~ **добавлено**
cmp-page-footer = Страница { $page } из { $total } · { cmp-legend }

## Один пункт (/compare … paragraph:)

cmp-paragraph-new = Новый пункт в резолюции { $new }: в резолюции { $old } соответствующего пункта нет.
cmp-paragraph-dropped = Пункт исключён: в резолюции { $new } соответствующего пункта нет.
cmp-paragraph-footer = { cmp-legend } · сопоставлено по тексту, а не по номеру

## /trace

cmp-trace-title = История формулировки: { $query }
cmp-trace-first = Впервые: { $number } { $ref } ({ $year }).
cmp-trace-first-strengthened = Впервые: { $number } { $ref } ({ $year }); формулировка усилена в { $later }.
cmp-trace-first-appearance = впервые
cmp-trace-unchanged-since = без изменений по сравнению с { $symbol }
cmp-trace-elsewhere = в другом пункте
cmp-trace-lead = { $direction ->
        [stronger] вводные слова сильнее
        [weaker] вводные слова мягче
       *[changed] вводные слова изменены
    }
cmp-trace-against = по сравнению с { $symbol }:
cmp-trace-footer = { $searched ->
        [one] В { $found } из { $searched } резолюции, в порядке принятия
       *[other] В { $found } из { $searched } резолюций, в порядке принятия
    }
cmp-trace-page = страница { $page } из { $total }
cmp-trace-choice-words = «{ $text }»

## Кнопки

cmp-previous = Назад
cmp-more = Далее
cmp-official-text = Официальный текст
cmp-post = Опубликовать в канале

## Ошибки

cmp-error-same = Оба варианта указывают на { $symbol }: выберите для сравнения две разные резолюции.
cmp-error-not-a-part = «{ $part }» не является частью резолюции: выберите преамбулу (`preamble`) или постановляющую часть (`operative`).
cmp-error-not-compared = { $symbol } не входит в число двух сравниваемых резолюций.
cmp-error-footnote = Здесь сравниваются пункты; сноски сравниваются по содержанию в обзоре.
cmp-error-no-match = Ни одна резолюция в библиотеке не содержит «{ $query }». Попробуйте указать меньше слов или пункт, например `78/216 op 5`.
cmp-error-old-button = Эта кнопка осталась от версии бота, которой больше нет; выполните команду ещё раз.
cmp-error-trace-footnote = История прослеживается по пунктам: укажите пункт, например `78/216 op 5`, или процитируйте слова.
cmp-error-trace-too-long = Текст слишком длинный ({ $length ->
        [one] { $length } символ
        [few] { $length } символа
       *[other] { $length } символов
    }); сократите его до { $limit } символов.
cmp-error-trace-empty = Укажите слова, историю которых нужно проследить, или пункт, например `78/216 op 5`.
