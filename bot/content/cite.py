"""Ready-to-paste citations for a paragraph, a range, a list or the whole resolution."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from .errors import UserError
from .model import Document, Kind, Ref

STYLES: dict[str, str] = {
    "un": "UN style: General Assembly resolution 62/152, para. 4",
    "symbol": "Document symbol: A/RES/62/152, para. 4",
    "full": "Full reference with date and link",
}
DEFAULT_STYLE = "un"

_NOUN = {
    Kind.OPERATIVE: ("para.", "paras."),
    Kind.PREAMBLE: ("preambular para.", "preambular paras."),
    Kind.FOOTNOTE: ("footnote", "footnotes"),
}


def _runs(numbers: Sequence[int]) -> list[str]:
    """[4, 5, 6, 8] -> ["4–6", "8"]."""
    runs = []
    ordered = sorted(set(numbers))
    for _, group in groupby(enumerate(ordered), key=lambda pair: pair[1] - pair[0]):
        block = [n for _, n in group]
        runs.append(str(block[0]) if len(block) == 1 else f"{block[0]}–{block[-1]}")
    return runs


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def locator(refs: Sequence[Ref]) -> str:
    """ "para. 4", "paras. 4–6 and 8", "preambular para. 3 and para. 4"."""
    parts = []
    for kind in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.FOOTNOTE):
        numbers = [r.number for r in refs if r.kind is kind]
        if numbers:
            runs = _runs(numbers)
            singular, plural = _NOUN[kind]
            many = len(runs) > 1 or "–" in runs[0]
            parts.append(f"{plural if many else singular} {_join(runs)}")
    return _join(parts)


def cite(doc: Document, refs: Sequence[Ref] = (), style: str = DEFAULT_STYLE) -> str:
    """The citation for `refs` (the whole resolution when empty) in `style`."""
    meta = doc.meta
    where = f", {locator(refs)}" if refs else ""
    adopted = f"{meta.adopted.day} {meta.adopted:%B %Y}"
    if style == "un":
        return f"{meta.citation_name}{where}" if refs else f"{meta.citation_name} of {adopted}"
    if style == "symbol":
        return f"{meta.symbol}{where}"
    if style == "full":
        return f"{meta.citation_name} of {adopted} ({meta.symbol}){where}, {meta.url}"
    raise UserError(f"Unknown citation style “{style}”. Choose one of: {', '.join(STYLES)}.")
