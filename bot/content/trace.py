"""Since when does the Assembly say this? A phrase or a paragraph followed through the library.

Given a phrase, or a reference such as `78/216 op 5`, find in each resolution of the
library the paragraph that carries that language, in adoption order, with how close it
is and what changed since the previous appearance. The search index names the few
paragraphs sharing the text's rarer words; only those are compared closely, so the cost
does not grow with every paragraph of every resolution.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from .compare import LeadChange, lead_change, words
from .errors import UserError
from .library import Library
from .model import Document, Kind, Paragraph, Ref
from .redline import Segment, redline
from .refs import parse_ref
from .search import words_of

MAX_TEXT = 1_000
PHRASE_CLOSE = 0.8  # share of a phrase's words a paragraph must hold, in order
PARAGRAPH_CLOSE = 0.5  # similarity of words for a paragraph to carry another's language
PER_DOCUMENT = 4  # candidates per resolution compared closely
_REFERENCE = re.compile(r"^\s*(?:A/RES/)?(?P<doc>\d{1,3}/\d{1,4})\b[\s,:;]*(?P<ref>\S.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Appearance:
    """One resolution's paragraph carrying the language."""

    document: Document
    paragraph: Paragraph
    similarity: float  # to the text traced, 0–1
    previous: Paragraph | None  # the appearance before, None for the first
    previous_symbol: str | None = None

    @property
    def symbol(self) -> str:
        return self.document.symbol

    @property
    def adopted(self) -> dt.date:
        return self.document.meta.adopted

    @property
    def first(self) -> bool:
        return self.previous is None

    @cached_property
    def changes(self) -> tuple[Segment, ...]:
        """Redline against the previous appearance (empty for the first)."""
        if self.previous is None:
            return ()
        return redline(self.previous.full_text, self.paragraph.full_text)

    @cached_property
    def lead(self) -> LeadChange | None:
        """How the lead verb changed since the previous appearance, if it did."""
        return lead_change(self.previous, self.paragraph) if self.previous is not None else None

    @property
    def unchanged(self) -> bool:
        return self.previous is not None and self.previous.full_text == self.paragraph.full_text


@dataclass(frozen=True)
class Trace:
    query: str
    source: tuple[str, Ref] | None  # (symbol, ref) when a paragraph was traced
    appearances: tuple[Appearance, ...]  # adoption order
    searched: int  # how many resolutions were searched


def parse_source(text: str, library: Library) -> tuple[Document, Paragraph] | None:
    """The paragraph a reference like `78/216 op 5` names; None when the text is not one.

    Raises `UserError` when it names a resolution that is not loaded or a unit it lacks."""
    m = _REFERENCE.match(text)
    if m is None:
        return None
    doc = library.entry(m["doc"]).document
    ref = parse_ref(m["ref"], doc)
    if ref.kind is Kind.FOOTNOTE:
        raise UserError("Trace follows paragraphs; give a paragraph, e.g. `78/216 op 5`, or quote the words.")
    return doc, doc.paragraph(ref)


def trace(library: Library, text: str) -> Trace:
    """Every resolution's paragraph carrying `text` (a phrase or a paragraph reference)."""
    text = " ".join(text.split())
    if len(text) > MAX_TEXT:
        raise UserError(f"That text is too long to trace ({len(text):,} characters); keep it under {MAX_TEXT:,}.")
    source = parse_source(text, library)
    measure: Callable[[Sequence[str], Sequence[str]], float]
    if source is not None:
        wanted = words(source[1])
        close, measure = PARAGRAPH_CLOSE, _similarity
    else:
        wanted = words_of(text.strip('"“”«»'))
        close, measure = PHRASE_CLOSE, _containment
    if not wanted:
        raise UserError("Give some words to trace, or a paragraph such as `78/216 op 5`.")

    shared = library.index.sharing(set(wanted))
    by_doc: dict[str, list[tuple[int, Ref]]] = {}
    for (symbol, ref), n in shared.items():
        if ref.kind is not Kind.FOOTNOTE:
            by_doc.setdefault(symbol, []).append((n, ref))
    found: list[tuple[Document, Paragraph, float]] = []
    for symbol, candidates in by_doc.items():
        doc = library.entry(symbol).document
        if source is not None and doc is source[0]:
            found.append((doc, source[1], 1.0))
            continue
        best: tuple[float, Paragraph] | None = None
        for _, ref in sorted(candidates, key=lambda c: (-c[0], c[1]))[:PER_DOCUMENT]:
            paragraph = doc.paragraph(ref)
            value = measure(wanted, words(paragraph))
            if value >= close and (best is None or value > best[0]):
                best = (value, paragraph)
        if best is not None:
            found.append((doc, best[1], round(best[0], 3)))
    found.sort(key=lambda f: (f[0].meta.adopted, f[0].symbol))
    appearances = []
    previous: tuple[Document, Paragraph] | None = None
    for doc, paragraph, value in found:
        appearances.append(
            Appearance(
                doc, paragraph, value, previous[1] if previous else None, previous[0].symbol if previous else None
            )
        )
        previous = (doc, paragraph)
    origin = (source[0].symbol, source[1].ref) if source is not None else None
    return Trace(text, origin, tuple(appearances), len(library.symbols))


def _containment(phrase: Sequence[str], paragraph: Sequence[str]) -> float:
    """Share of the phrase's words found in the paragraph in the same order."""
    if (
        not set(phrase) <= set(paragraph)
        and sum((Counter(phrase) & Counter(paragraph)).values()) < len(phrase) * PHRASE_CLOSE
    ):
        return 0.0
    blocks = difflib.SequenceMatcher(None, phrase, paragraph, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(phrase)


def _similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Dice coefficient of the two word bags."""
    total = len(a) + len(b)
    return 2 * sum((Counter(a) & Counter(b)).values()) / total if total else 1.0
