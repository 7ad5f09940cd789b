"""The language versions of one resolution, checked against each other.

The UN numbers paragraphs and footnotes identically in its six languages, so a reference means the
same thing in each. Where two versions do not agree (a paragraph more, a footnote elsewhere), that is
reported as a doubt of the version that differs from the reference one (English where it is there),
never smoothed over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.content.langs import disagreements

from .common import Doubt, Imported

REFERENCE_LANGUAGE = "en"
__all__ = ["cross_check", "disagreements"]


def cross_check(results: Sequence[Imported]) -> list[Imported]:
    """Each result with a doubt for every way it disagrees with its symbol's reference version."""
    by_symbol: dict[str, list[Imported]] = {}
    for result in results:
        by_symbol.setdefault(result.document.symbol, []).append(result)
    checked: list[Imported] = []
    for result in results:
        group = by_symbol[result.document.symbol]
        reference = next((r for r in group if r.document.meta.language == REFERENCE_LANGUAGE), group[0])
        if result is reference:
            checked.append(result)
            continue
        source = result.doubts[0].source if result.doubts else _source(result)
        extra = tuple(
            Doubt(
                source,
                0,
                f"the {result.document.meta.language} and {reference.document.meta.language} texts disagree: {d}",
            )
            for d in disagreements(reference.document, result.document)
        )
        checked.append(replace(result, doubts=result.doubts + extra) if extra else result)
    return checked


def _source(result: Imported) -> str:
    """The source named in the provenance ("Imported from X (AKN4UN XML).")."""
    head = result.provenance[0] if result.provenance else ""
    return head.removeprefix("Imported from ").rsplit(" (", 1)[0] or result.document.symbol
