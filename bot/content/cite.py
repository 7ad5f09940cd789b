"""Ready-to-paste citations of a paragraph, a range, a list, a footnote or the whole resolution.

Each style follows its manual's published examples for UN resolutions:

- `un`: UN usage, "General Assembly resolution 62/152 of 18 December 2007, para. 4";
  in running text "paragraph 4 of General Assembly resolution 62/152".
- `short`: the document symbol, "A/RES/62/152, para. 4".
- `bluebook` (rule 21.7): "G.A. Res. 62/228, ¶ 35, U.N. Doc. A/RES/62/228 (Dec. 22, 2007)".
- `oscola`: "UNGA Res 51/210 (17 December 1996) UN Doc A/RES/51/210", pinpoint ", para 4";
  several pinpoints separated by commas, ", paras 4, 7, 9" (as in AGLC).
- `aglc` (AGLC4 rule 9.2): "Millennium Summit of the United Nations, GA Res 54/254,
  UN Doc A/RES/54/254 (23 March 2000, adopted 15 March 2000) para 3".

No manual shows a preambular paragraph. The bot's choice: "pmbl. para. 3"
(Bluebook-based journals) in bluebook, the same without full stops in oscola
and aglc (which use none), and "the third preambular paragraph of …" in un.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from .errors import UserError
from .model import Annex, Document, Kind, Metadata, Ref
from .refs import ORDINAL_WORDS, ArticlePoint

STYLES: dict[str, str] = {
    "un": "UN usage: General Assembly resolution 62/152 of 18 December 2007, para. 4",
    "short": "Document symbol: A/RES/62/152, para. 4",
    "bluebook": "Bluebook: G.A. Res. 62/152, ¶ 4, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)",
    "oscola": "OSCOLA: UNGA Res 62/152 (18 December 2007) UN Doc A/RES/62/152, para 4",
    "aglc": "AGLC: Title, GA Res 62/152, UN Doc A/RES/62/152 (6 March 2008, adopted 18 December 2007) para 4",
}
DEFAULT_STYLE = "un"


@dataclass(frozen=True)
class Citation:
    style: str
    text: str  # the citation itself, as a footnote or reference list has it
    running: str | None = None  # the form for running text, where the style has one


def check_style(style: str) -> str:
    """The style's key, or `UserError` naming the ones there are."""
    key = style.strip().casefold()
    if key not in STYLES:
        raise UserError("err-no-style", style=style.strip()[:30], styles=", ".join(STYLES))
    return key


# -- pieces ------------------------------------------------------------------


def _runs(numbers: Sequence[int], shortest: int = 2) -> list[str]:
    """[4, 5, 6, 8] -> ["4–6", "8"]; a run needs `shortest` numbers, else they are listed."""
    runs: list[str] = []
    ordered = sorted(set(numbers))
    for _, group in groupby(enumerate(ordered), key=lambda pair: pair[1] - pair[0]):
        block = [n for _, n in group]
        if len(block) >= shortest:
            runs.append(f"{block[0]}–{block[-1]}")
        else:
            runs.extend(str(n) for n in block)
    return runs


def _join(items: Sequence[str], last: str = " and ") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + last + items[-1]


def _numbers(refs: Sequence[Ref], kind: Kind) -> list[int]:
    return sorted({r.number for r in refs if r.kind is kind})


def _many(runs: Sequence[str]) -> bool:
    return len(runs) > 1 or "–" in runs[0]


# Each style's words for one part: (singular, plural, joiner, space after the word).
_PINPOINTS: dict[str, dict[Kind, tuple[str, str, str]]] = {
    "un": {Kind.PREAMBLE: ("preambular para.", "preambular paras.", " and "), Kind.OPERATIVE: ("para.", "paras.", " and "), Kind.FOOTNOTE: ("footnote", "footnotes", " and ")},
    "bluebook": {Kind.PREAMBLE: ("pmbl. para.", "pmbl. paras.", ", "), Kind.OPERATIVE: ("¶", "¶¶", ", "), Kind.FOOTNOTE: ("n.", "nn.", ", ")},
    "oscola": {Kind.PREAMBLE: ("pmbl para", "pmbl paras", ", "), Kind.OPERATIVE: ("para", "paras", ", "), Kind.FOOTNOTE: ("n", "nn", ", ")},
}  # fmt: skip
_PINPOINTS["short"] = _PINPOINTS["un"]
_PINPOINTS["aglc"] = _PINPOINTS["oscola"]
# Bluebook, OSCOLA and AGLC separate several pinpoints with commas ("¶¶ 4, 7", "paras 4, 7, 9",
# "pmbl para 3, para 4"); UN usage lists them with "and" ("paras. 4 and 7").
_COMMAS = ("bluebook", "oscola", "aglc")
# The shortest run written as a span. UN usage: two numbers in a row are listed, in the citation
# as in running text ("paras. 4 and 5", "paragraphs 4 and 5"), three or more are a span ("paras.
# 4–6", "paragraphs 4 to 6"). The others span two ("¶¶ 4–5"; OSCOLA's "paras 47-48").
_SHORTEST_SPAN = {"un": 3, "short": 3, "bluebook": 2, "oscola": 2, "aglc": 2}


def locator(refs: Sequence[Ref], style: str = DEFAULT_STYLE) -> str:
    """The pinpoint: "para. 4", "paras. 4–6 and 8", "¶¶ 4–6, 8", "pmbl para 3, paras 4, 7"."""
    words = _PINPOINTS[style]
    parts = []
    for kind in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.FOOTNOTE):
        numbers = _numbers(refs, kind)
        if numbers:
            runs = _runs(numbers, _SHORTEST_SPAN[style])
            singular, plural, joiner = words[kind]
            word = plural if _many(runs) else singular
            glue = "" if word in ("n.", "nn.") else " "  # Bluebook writes "n.5"
            parts.append(f"{word}{glue}{_join(runs, joiner)}")
    return _join(parts, ", " if style in _COMMAS else " and ")


def ordinal(n: int) -> str:
    if 1 <= n <= len(ORDINAL_WORDS):
        return ORDINAL_WORDS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def running_locator(refs: Sequence[Ref]) -> str:
    """UN running text: "paragraph 4", "paragraphs 4 to 6 and 8", "the third and fourth preambular paragraphs"."""
    parts = []
    preamble = _numbers(refs, Kind.PREAMBLE)
    if preamble:
        spans = [r.split("–") for r in _runs(preamble, _SHORTEST_SPAN["un"])]
        words = [" to ".join(ordinal(int(n)) for n in span) for span in spans]
        plural = len(preamble) > 1
        parts.append(f"the {_join(words)} preambular paragraph{'s' if plural else ''}")
    for kind, noun in ((Kind.OPERATIVE, "paragraph"), (Kind.FOOTNOTE, "footnote")):
        numbers = _numbers(refs, kind)
        if numbers:
            runs = [r.replace("–", " to ") for r in _runs(numbers, _SHORTEST_SPAN["un"])]
            parts.append(f"{noun}{'s' if len(numbers) > 1 else ''} {_join(runs)}")
    return _join(parts)


# -- dates and names ---------------------------------------------------------

_BLUEBOOK_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_BODIES = {
    # body: (Bluebook, OSCOLA, AGLC)
    "General Assembly": ("G.A.", "UNGA", "GA"),
    "Security Council": ("S.C.", "UNSC", "SC"),
    "Human Rights Council": ("Human Rights Council", "UNHRC", "HRC"),
    "Economic and Social Council": ("E.S.C.", "ECOSOC", "ESC"),
}


def long_date(day: dt.date) -> str:
    """18 December 2007."""
    return f"{day.day} {day:%B %Y}"


def bluebook_date(day: dt.date) -> str:
    """Dec. 18, 2007; Sept. 22, 1992 (Bluebook table T12)."""
    return f"{_BLUEBOOK_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _body(meta: Metadata, style: int) -> str:
    return _BODIES.get(meta.body, (meta.body, meta.body, meta.body))[style]


# -- citations ---------------------------------------------------------------


def reference(doc: Document, refs: Sequence[Ref] = ()) -> str:
    """The short UN form for headers and footers: "General Assembly resolution 62/152, para. 4"."""
    if not refs:
        return f"{doc.meta.citation_name} of {long_date(doc.meta.adopted)}"
    return f"{doc.meta.citation_name}, {locator(refs, 'un')}"


def cite(doc: Document, refs: Sequence[Ref] = (), style: str = DEFAULT_STYLE) -> str:
    """The citation for `refs` (the whole resolution when empty) in `style`."""
    return citation(doc, refs, style).text


def citation(
    doc: Document, refs: Sequence[Ref] = (), style: str = DEFAULT_STYLE, *, language: str | None = None
) -> Citation:
    """The citation for `refs` (the whole resolution when empty), with its running-text form where there is one.

    `language`: the `un` style in the UN's own wording in that official language (bot.content.un_wording)."""
    key = check_style(style)
    meta = doc.meta
    pin = locator(refs, key) if refs else ""
    if key == "un" and language not in (None, "en"):
        from .un_wording import un_citation

        worded = un_citation(meta, refs, language)
        if worded is not None:
            return Citation(key, worded, None)
    if key == "un":
        name = meta.citation_name
        running = f"{running_locator(refs)} of {name}" if refs else name
        if any(r.kind is Kind.PREAMBLE for r in refs):
            return Citation(key, running, None)  # no manual has a short form for the preamble
        text = f"{name} of {long_date(meta.adopted)}" + (f", {pin}" if pin else "")
        return Citation(key, text, running)
    if key == "short":
        return Citation(key, f"{meta.symbol}, {pin}" if pin else meta.symbol)
    if key == "bluebook":
        where = f", {pin}" if pin else ""
        return Citation(
            key, f"{_body(meta, 0)} Res. {meta.number}{where}, U.N. Doc. {meta.symbol} ({bluebook_date(meta.adopted)})"
        )
    if key == "oscola":
        where = f", {pin}" if pin else ""
        return Citation(
            key, f"{_body(meta, 1)} Res {meta.number} ({long_date(meta.adopted)}) UN Doc {meta.symbol}{where}"
        )
    # aglc
    where = f" {pin}" if pin else ""
    dates = f"{long_date(meta.distributed)}, adopted {long_date(meta.adopted)}"
    return Citation(key, f"{meta.title}, {_body(meta, 2)} Res {meta.number}, UN Doc {meta.symbol} ({dates}){where}")


# -- articles of an annexed declaration ------------------------------------------------
# The manuals' canonical example of a declaration adopted by the General Assembly is the
# Universal Declaration of Human Rights (resolution 217 A (III)); the tests hold each manual's
# published form and check the bot writes it. A declaration is cited by its title, then the
# resolution, then the article: OSCOLA "Universal Declaration of Human Rights (adopted 10 December
# 1948 UNGA Res 217 A(III)) art 5"; AGLC4 (rule 9.2: title, resolution, document, dates, annex,
# pinpoint) "United Nations Declaration on the Rights of Indigenous Peoples, GA Res 61/295, UN Doc
# A/RES/61/295 (2 October 2007, adopted 13 September 2007)"; Bluebook (rule 21.7.2) the
# resolution form with the title before it and the article as pinpoint.


def article_locator(point: ArticlePoint, style: str = DEFAULT_STYLE) -> str:
    """ "art. 9, para. 3 (a)" (UN), "art. 9, ¶ 3(a)" (Bluebook), "art 9(3)(a)" (OSCOLA, AGLC)."""
    item = f"({point.item})" if point.item else ""
    if style in ("oscola", "aglc"):
        return f"art {point.article}" + (f"({point.clause})" if point.clause else "") + item
    if style == "bluebook":
        return f"art. {point.article}" + (f", ¶ {point.clause}{item}" if point.clause else item)
    return f"art. {point.article}" + (f", para. {point.clause}" if point.clause else "") + (f" {item}" if item else "")


def annex_reference(doc: Document, annex: Annex, point: ArticlePoint | None = None) -> str:
    """The short UN form for headers and footers: "General Assembly resolution 53/144, annex, art. 12"."""
    where = f", {article_locator(point)}" if point else ""
    return f"{doc.meta.citation_name}, {annex.label.lower()}{where}"


def article_citation(doc: Document, annex: Annex, point: ArticlePoint | None, style: str = DEFAULT_STYLE) -> Citation:
    """The citation of an annexed declaration (the whole of it when `point` is None) or one of its articles."""
    key = check_style(style)
    meta = doc.meta
    pin = article_locator(point, key) if point else ""
    if key == "un":
        running = f"{_running_article(point)} of the {annex.title}" if point else f"the {annex.title}"
        text = f"{annex.title} ({meta.citation_name} of {long_date(meta.adopted)}, {annex.label.lower()})"
        return Citation(key, text + (f", {pin}" if pin else ""), f"{running} ({meta.citation_name}, annex)")
    if key == "short":
        return Citation(key, f"{meta.symbol}, {annex.label.lower()}" + (f", {pin}" if pin else ""))
    if key == "bluebook":
        where = f", {pin}" if pin else ""
        return Citation(
            key,
            f"{annex.title}, {_body(meta, 0)} Res. {meta.number}, {annex.label.lower()}{where}, "
            f"U.N. Doc. {meta.symbol} ({bluebook_date(meta.adopted)})",
        )
    if key == "oscola":
        return Citation(
            key,
            f"{annex.title} (adopted {long_date(meta.adopted)} {_body(meta, 1)} Res {meta.number})"
            + (f" {pin}" if pin else ""),
        )
    dates = f"{long_date(meta.distributed)}, adopted {long_date(meta.adopted)}"
    tail = " ".join(part for part in (annex.label.lower(), pin) if part)
    return Citation(
        key,
        f"{annex.title}, {_body(meta, 2)} Res {meta.number}, UN Doc {meta.symbol} ({dates})"
        + (f" {tail}" if tail else ""),
    )


def _running_article(point: ArticlePoint) -> str:
    """UN running text: "article 9, paragraph 3 (a)"."""
    out = f"article {point.article}"
    if point.clause:
        out += f", paragraph {point.clause}"
    if point.item:
        out += f" ({point.item})"
    return out
