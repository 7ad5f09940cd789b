"""The `un` citation style in the UN's own wording in its other official languages.

Each form is how the official texts of that language cite a General Assembly resolution, its date and
a paragraph (the UN's XML, GitHub UNxml/GAresolutions; tests/content/test_un_wording.py quotes an
example of each from a named file and line):

- French: "résolution 67/290 de l’Assemblée générale en date du 9 juillet 2013"; "Résolution 60/1, par. 94".
- Spanish: "resolución 72/241 de la Asamblea General, de 20 de diciembre de 2017"; "Resolución 60/1, párr. 135".
- Russian: "резолюции Генеральной Ассамблеи 68/167 от 18 декабря 2013 года"; "Резолюция 69/277, п. 2".
- Chinese: "大会2016年10月27日第71/6号决议"; "第2016/6号决议，第3段".
- Arabic: "قرار الجمعية العامة 72/241 المؤرخ 20 كانون الأول/ديسمبر 2017"; "القرار 5/3، الفقرة 6".

Several paragraphs: "par. 72 et 73", "par. 124 à 128"; "párrs. 124 a 128"; "пп."; "第13和14段",
"第1至10段"; "الفقرات". Only operative paragraphs and the whole resolution are worded so: for a
preambular paragraph or a footnote the texts show no one form, and the English citation is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import groupby

from .model import Kind, Metadata, Ref

_MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "ar": ("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
           "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
           "كانون الأول/ديسمبر"),
}  # fmt: skip


def un_date(day: dt.date, language: str) -> str:
    """A date as the official texts of `language` write it: "1er juillet 2013", "18 декабря 2007 года"."""
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    month = _MONTHS[language][day.month - 1]
    if language == "fr":
        return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
    if language == "es":
        return f"{day.day} de {month} de {day.year}"
    if language == "ru":
        return f"{day.day} {month} {day.year} года"
    return f"{day.day} {month} {day.year}"


# (singular, plural, "and", "to"); Chinese wraps the numbers: 第4段, 第4和7段, 第4至6段.
_PARAGRAPHS = {
    "fr": ("par.", "par.", " et ", " à "),
    "es": ("párr.", "párrs.", " y ", " a "),
    "ru": ("п.", "пп.", " и ", "–"),
    "ar": ("الفقرة", "الفقرات", " و", "-"),
    "zh": ("", "", "和", "至"),
}


def _spans(numbers: Sequence[int], to: str) -> list[str]:
    """[4, 5, 6, 8] -> ["4 à 6", "8"]: three or more in a row are a span, as in UN usage."""
    out: list[str] = []
    for _, group in groupby(enumerate(sorted(set(numbers))), key=lambda pair: pair[1] - pair[0]):
        block = [n for _, n in group]
        out.extend([f"{block[0]}{to}{block[-1]}"] if len(block) >= 3 else [str(n) for n in block])
    return out


def paragraphs(numbers: Sequence[int], language: str) -> str:
    """ "par. 4", "par. 4 et 7", "párrs. 4 a 6", "第4段", "الفقرة 4"."""
    singular, plural, and_, to = _PARAGRAPHS[language]
    spans = _spans(numbers, to)
    listed = spans[0] if len(spans) == 1 else ", ".join(spans[:-1]) + and_ + spans[-1]
    if language == "zh":
        return f"第{listed}段"
    word = plural if len(numbers) > 1 else singular
    return f"{word} {listed}"


# Preambular paragraphs and footnotes, with the glossary's words (bot/i18n/glossary.yaml: "alinéa …
# du préambule", "párrafo … del preámbulo", "пункт … преамбулы", "序言部分第…段"): (singular, plural).
_PREAMBULAR = {
    "fr": ("alinéa {} du préambule", "alinéas {} du préambule"),
    "es": ("párrafo {} del preámbulo", "párrafos {} del preámbulo"),
    "ru": ("пункт {} преамбулы", "пункты {} преамбулы"),
    "ar": ("الفقرة {} من الديباجة", "الفقرات {} من الديباجة"),
    "zh": ("序言部分第{}段", "序言部分第{}段"),
}
_FOOTNOTES = {
    "fr": ("note {}", "notes {}"),
    "es": ("nota {}", "notas {}"),
    "ru": ("сноска {}", "сноски {}"),
    "ar": ("الحاشية {}", "الحواشي {}"),
    "zh": ("脚注{}", "脚注{}"),
}


def pinpoints(refs: Sequence[Ref], language: str) -> str:
    """Paragraphs of every part in `language`, part by part in document order: "alinéa 3 du
    préambule, par. 4 et 7", "序言部分第2和3段，第4段"."""
    _, _, and_, to = _PARAGRAPHS[language]
    pieces: list[str] = []
    for kind in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.FOOTNOTE):
        numbers = [r.number for r in refs if r.kind is kind]
        if not numbers:
            continue
        if kind is Kind.OPERATIVE:
            pieces.append(paragraphs(numbers, language))
            continue
        spans = _spans(numbers, to)
        listed = spans[0] if len(spans) == 1 else ", ".join(spans[:-1]) + and_ + spans[-1]
        singular, plural = (_PREAMBULAR if kind is Kind.PREAMBLE else _FOOTNOTES)[language]
        pieces.append((plural if len(numbers) > 1 else singular).format(listed))
    return {"zh": "，", "ar": "، "}.get(language, ", ").join(pieces)


def resolution_name(meta: Metadata, language: str) -> str | None:
    """ "General Assembly resolution 78/216" as the official texts in `language` write it, capitalised
    to open a sentence; None where they give no form to follow (the same forms as `un_citation`)."""
    if language not in _PARAGRAPHS or meta.body != "General Assembly":
        return None
    number = meta.number
    names = {
        "fr": f"Résolution {number} de l’Assemblée générale",
        "es": f"Resolución {number} de la Asamblea General",
        "ru": f"Резолюция Генеральной Ассамблеи {number}",
        "zh": f"大会第{number}号决议",
        "ar": f"قرار الجمعية العامة {number}",
    }
    return names.get(language)


def un_citation(meta: Metadata, refs: Sequence[Ref], language: str) -> str | None:
    """The `un` citation in `language`, or None where the official texts give no form to follow."""
    if language not in _PARAGRAPHS or meta.body != "General Assembly":
        return None
    if any(r.kind is not Kind.OPERATIVE for r in refs):
        return None
    date, number = un_date(meta.adopted, language), meta.number
    pin = paragraphs([r.number for r in refs], language) if refs else ""
    if language == "fr":
        return f"résolution {number} de l’Assemblée générale en date du {date}" + (f", {pin}" if pin else "")
    if language == "es":
        return f"resolución {number} de la Asamblea General, de {date}" + (f", {pin}" if pin else "")
    if language == "ru":
        return f"резолюция Генеральной Ассамблеи {number} от {date}" + (f", {pin}" if pin else "")
    if language == "zh":
        return f"大会{date}第{number}号决议" + (f"，{pin}" if pin else "")
    return f"قرار الجمعية العامة {number} المؤرخ {date}" + (f"، {pin}" if pin else "")
