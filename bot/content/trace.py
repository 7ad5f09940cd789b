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
from .redline import Segment, changed, redline
from .refs import parse_ref
from .search import words_of

MAX_TEXT = 1_000
PHRASE_CLOSE = 0.8  # share of a phrase's words a paragraph must hold, in order
PARAGRAPH_CLOSE = 0.5  # similarity of words for a paragraph to carry another's language
PER_DOCUMENT = 4  # candidates per resolution compared closely
MAX_TIED = 40  # at most this many more when they share as many of the words
_REFERENCE = re.compile(r"^\s*(?:A/RES/)?(?P<doc>\d{1,3}/\d{1,4})\b[\s,:;]*(?P<ref>\S.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Appearance:
    """One resolution's paragraph carrying the language."""

    document: Document
    paragraph: Paragraph
    similarity: float  # to the text traced, 0–1
    previous: Paragraph | None  # the appearance before, None for the first
    previous_symbol: str | None = None
    continued: bool = False  # the same paragraph as the previous appearance, perhaps reworded

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
        """Redline against the previous appearance (empty for the first, or for another paragraph)."""
        if self.previous is None or not self.continued:
            return ()
        return redline(self.previous.full_text, self.paragraph.full_text)

    @cached_property
    def lead(self) -> LeadChange | None:
        """How the lead verb changed since the previous appearance, if it did."""
        return lead_change(self.previous, self.paragraph) if self.previous is not None and self.continued else None

    @property
    def unchanged(self) -> bool:
        """The same paragraph as before, word for word (typography aside)."""
        return self.continued and not changed(self.changes)


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
    # Per resolution, the paragraphs close enough to the text, in adoption order.
    close_ones: list[tuple[Document, list[tuple[float, Paragraph, list[str]]]]] = []
    for symbol, candidates in by_doc.items():
        doc = library.entry(symbol).document
        if source is not None and doc is source[0]:
            close_ones.append((doc, [(1.0, source[1], wanted)]))
            continue
        kept = []
        ranked = sorted(candidates, key=lambda c: (-c[0], c[1]))
        best_n = ranked[0][0]
        # The few sharing most of the rarer words, and every paragraph tied with the best (a short
        # phrase's words are all "rare" and found in many paragraphs), up to a bound.
        chosen = [c for i, c in enumerate(ranked) if i < PER_DOCUMENT or c[0] == best_n][:MAX_TIED]
        for _, ref in chosen:
            paragraph = doc.paragraph(ref)
            found = words(paragraph)
            value = measure(wanted, found)
            if value >= close:
                kept.append((round(value, 3), paragraph, found))
        if kept:
            close_ones.append((doc, kept))
    close_ones.sort(key=lambda item: (item[0].meta.adopted, item[0].symbol))
    # Where several paragraphs carry the words, follow the one that continues the previous
    # appearance (the same paragraph, reworded), else the closest to the text.
    appearances = []
    previous: tuple[Document, Paragraph, list[str]] | None = None
    for doc, kept in close_ones:
        if previous is not None:
            before = previous[2]
            value, paragraph, found = max(kept, key=lambda k: (_similarity(before, k[2]), k[0]))
            continued = _similarity(before, found) >= PARAGRAPH_CLOSE
        else:
            value, paragraph, found = max(kept, key=lambda k: k[0])
            continued = False
        appearances.append(
            Appearance(
                doc,
                paragraph,
                value,
                previous[1] if previous else None,
                previous[0].symbol if previous else None,
                continued,
            )
        )
        previous = (doc, paragraph, found)
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
