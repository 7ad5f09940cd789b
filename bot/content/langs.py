"""The six official languages of the UN: which one a reader gets, and how right-to-left text is shown.

Discord-free. A document carries each language the UN published (`Document.versions`); the reader's
Discord locale, or a `language` option, picks one. Paragraph and footnote numbers are the same in every
language, so a reference means the same thing in each.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Document, Paragraph

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
"""The UN's six official languages, ISO 639-1, in the UN's own order (Arabic, Chinese, English…)."""

ENDONYMS = {
    "ar": "العربية",
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}
ENGLISH_NAMES = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}

RIGHT_TO_LEFT = frozenset({"ar"})

# Discord's locales of a UN language (developer documentation, "Locales"). Discord has no Arabic locale:
# Arabic is reached through the `language` option only.
_LOCALES = {
    "en-US": "en",
    "en-GB": "en",
    "fr": "fr",
    "es-ES": "es",
    "es-419": "es",
    "ru": "ru",
    "zh-CN": "zh",
    "zh-TW": "zh",
}


def text_language(locale: str | None) -> str | None:
    """The UN language of a Discord locale ("es-419" → "es"), or of a language code itself; None for others."""
    if locale is None:
        return None
    if locale in LANGUAGES:
        return locale
    return _LOCALES.get(locale)


def reader_version(doc: Document, locale: str | None) -> Document:
    """`doc` in the official language of a reader's locale, where the library holds that version; else `doc`."""
    return doc.in_language(text_language(locale) or doc.meta.language) or doc


def parse_language(value: str | None) -> str | None:
    """A `language` option: a code ("fr"), an English name ("French") or the language's own name; None if blank.

    Raises ValueError for anything else."""
    if value is None or not value.strip():
        return None
    wanted = value.strip().casefold()
    for code in LANGUAGES:
        if wanted in (code, ENGLISH_NAMES[code].casefold(), ENDONYMS[code].casefold()):
            return code
    found = text_language(value.strip())
    if found is None:
        raise ValueError(value)
    return found


# "The text is not available in X": one line, in the language asked for (the official languages are the
# ones a reader can ask for), so each sentence names that language as its own grammar wants ("en français",
# "на русском языке"), and names the original in that language too, as CLDR does (`LANGUAGE_NAMES`).
_NOT_AVAILABLE = {
    "en": "The official text is not available in {name}; this is the original ({original}).",
    "fr": "Le texte officiel n’existe pas en français dans la bibliothèque ; voici l’original ({original}).",
    "es": "El texto oficial no está disponible en español; este es el original ({original}).",
    "ru": "Официальный текст на русском языке недоступен; это оригинал ({original}).",
    "zh": "没有中文的正式文本；以下是原文（{original}）。",
    "ar": "النص الرسمي غير متاح باللغة العربية؛ هذا هو النص الأصلي ({original}).",
}

# The six languages' names in each of them, as in running text (lower case in French, Spanish and
# Russian): CLDR's, which a test checks against Babel's copy; kept here so a note costs no locale data.
LANGUAGE_NAMES = {
    "en": {"en": "English", "fr": "French", "es": "Spanish", "ru": "Russian", "zh": "Chinese", "ar": "Arabic"},
    "fr": {"en": "anglais", "fr": "français", "es": "espagnol", "ru": "russe", "zh": "chinois", "ar": "arabe"},
    "es": {"en": "inglés", "fr": "francés", "es": "español", "ru": "ruso", "zh": "chino", "ar": "árabe"},
    "ru": {
        "en": "английский",
        "fr": "французский",
        "es": "испанский",
        "ru": "русский",
        "zh": "китайский",
        "ar": "арабский",
    },
    "zh": {"en": "英语", "fr": "法语", "es": "西班牙语", "ru": "俄语", "zh": "中文", "ar": "阿拉伯语"},
    "ar": {
        "en": "الإنجليزية",
        "fr": "الفرنسية",
        "es": "الإسبانية",
        "ru": "الروسية",
        "zh": "الصينية",
        "ar": "العربية",
    },
}


def not_available(wanted: str, original: str) -> str:
    """The one line said when a document lacks the reader's language, in that language."""
    said = wanted if wanted in _NOT_AVAILABLE else "en"
    names = LANGUAGE_NAMES[said]
    return _NOT_AVAILABLE[said].format(name=names.get(wanted, wanted), original=names.get(original, original))


# -- right to left -------------------------------------------------------------------------
# Discord lays a message out left to right. An Arabic line is therefore wrapped in a right-to-left
# isolate (RLI … PDI), so its words, its closing punctuation and a number at its head come out in
# Arabic order whatever the surrounding layout; Latin runs inside it (symbols such as A/RES/78/216,
# "A.96.IV.13") and the paragraph number are wrapped in left-to-right isolates (LRI … PDI), so their
# slashes and dots stay between the right characters.

RLI, LRI, PDI, RLM = "\u2067", "\u2066", "\u2069", "\u200f"
BIDI_CONTROLS = frozenset({RLI, LRI, PDI, RLM, "\u2068", "\u200e"})
_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9/.,()\-]*[A-Za-z0-9)]|[A-Za-z]")
_HAS_LATIN = re.compile(r"[A-Za-z]")


def ltr(text: str) -> str:
    """`text` as a left-to-right island inside right-to-left text."""
    return f"{LRI}{text}{PDI}"


def rtl_line(line: str) -> str:
    """One line of right-to-left text, with its Latin runs isolated; an empty line stays empty."""
    if not line.strip():
        return line

    def island(m: re.Match[str]) -> str:
        run = m.group(0)
        if not _HAS_LATIN.search(run):
            return run  # the Arabic text's own numbers (53/144) are fine as they are
        if run.endswith(")") and run.count("(") < run.count(")"):
            return ltr(run[:-1]) + ")"  # "(… A.96.IV.13)": the bracket closes the Arabic text's own pair
        return ltr(run)

    return f"{RLI}{_LATIN_RUN.sub(island, line)}{PDI}"


def rtl(text: str) -> str:
    """Every line of `text` as right-to-left (see `rtl_line`)."""
    return "\n".join(rtl_line(line) for line in text.split("\n"))


def strip_bidi(text: str) -> str:
    """The text without the direction marks `rtl` adds: what a reader copies, for tests and search."""
    return "".join(c for c in text if c not in BIDI_CONTROLS)


# -- the language versions of one document agree ---------------------------------------------


def disagreements(reference: Document, other: Document) -> list[str]:
    """What in `other` does not match `reference`: counts, numbers, each paragraph's footnotes and sub-paragraphs."""
    a, b = reference.meta.language, other.meta.language
    found: list[str] = []
    if reference.symbol != other.symbol:
        found.append(f"symbol {reference.symbol} in {a}, {other.symbol} in {b}")
    for name, mine, theirs in (
        ("preambular paragraphs", reference.preamble, other.preamble),
        ("operative paragraphs", reference.operative, other.operative),
    ):
        if len(mine) != len(theirs):
            found.append(f"{len(mine)} {name} in {a}, {len(theirs)} in {b}")
        for p, q in zip(mine, theirs, strict=False):
            found.extend(_paragraph(p, q, a, b))
    numbers = [f.number for f in reference.footnotes], [f.number for f in other.footnotes]
    if numbers[0] != numbers[1]:
        found.append(f"footnotes {numbers[0]} in {a}, {numbers[1]} in {b}")
    if len(reference.annexes) != len(other.annexes):
        found.append(f"{len(reference.annexes)} annexes in {a}, {len(other.annexes)} in {b}")
    for i, (x, y) in enumerate(zip(reference.annexes, other.annexes, strict=False), start=1):
        counts = (
            (len(x.preamble), len(x.articles), len(x.paragraphs)),
            (len(y.preamble), len(y.articles), len(y.paragraphs)),
        )
        if counts[0] != counts[1]:
            found.append(f"annex {i}: (preamble, articles, paragraphs) {counts[0]} in {a}, {counts[1]} in {b}")
    return found


def _paragraph(p: Paragraph, q: Paragraph, a: str, b: str) -> list[str]:
    what = p.ref.title
    found = []
    if p.number != q.number:
        found.append(f"{what} is numbered {q.number} in {b}")
    if p.footnotes != q.footnotes:
        found.append(f"{what}: footnotes {list(p.footnotes)} in {a}, {list(q.footnotes)} in {b}")
    if len(p.items) != len(q.items):
        found.append(f"{what}: {len(p.items)} sub-paragraphs in {a}, {len(q.items)} in {b}")
    return found
