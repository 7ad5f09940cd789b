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
import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from weakref import WeakKeyDictionary

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
RAREST = 12  # of a paragraph's words, how many of the rarest the index looks up
SHARED_RARE = 0.25  # the least share of those a candidate must hold
MAX_HOPS = 24  # versions looked up in turn when following a paragraph
DOCUMENTS_PER_HOP = 24  # resolutions compared closely at each step
CANDIDATES_PER_HOP = 256  # units holding most of the rarer words, looked at each step
MAX_PER_DOCUMENT = 8  # for a phrase found word for word: at most this many per resolution
BUDGET = 600  # and at most about this many in all
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
        raise UserError("cmp-error-trace-footnote")
    return doc, doc.paragraph(ref)


def trace(library: Library, text: str) -> Trace:
    """Every resolution's paragraph carrying `text` (a phrase or a paragraph reference)."""
    text = " ".join(text.split())
    if len(text) > MAX_TEXT:
        raise UserError("cmp-error-trace-too-long", length=len(text), limit=MAX_TEXT)
    source = parse_source(text, library)
    wanted = words(source[1]) if source is not None else words_of(text.strip('"“”«»'))
    if not wanted:
        raise UserError("cmp-error-trace-empty")

    index, documents = library.index, _documents(library)
    # The units worth comparing closely, per resolution, best first: for a phrase, those holding it
    # word for word (the index's phrase search); else those holding most of the text's rarer words.
    exact = index.containing(tuple(wanted)) if source is None else []
    by_doc: dict[str, list[int]] = {}
    if exact:
        for unit in exact:
            symbol, found_in = index.unit(unit)
            if isinstance(found_in, Paragraph):
                by_doc.setdefault(symbol, []).append(unit)
        # All of them, to follow the one paragraph that carries the language on, within a budget:
        # a phrase of common words ("of the") is everywhere and says little.
        per_document = max(2, min(MAX_PER_DOCUMENT, BUDGET // max(1, len(by_doc))))
        by_doc = {symbol: units[:per_document] for symbol, units in by_doc.items()}
    # Per resolution, the paragraphs close enough to the text.
    close_ones: list[tuple[Document, list[tuple[float, Paragraph, list[str]]]]] = []
    if source is not None:
        close_ones = _chain(library, source, wanted, documents)
    elif not exact:  # no paragraph has the words in this order: those holding most of them, nearly in order
        least = max(1, math.ceil(PHRASE_CLOSE * min(RAREST, len(set(wanted)))))
        for unit, n in index.sharing(set(wanted), rarest=RAREST).items():
            symbol, found_in = index.unit(unit)
            if n >= least and isinstance(found_in, Paragraph):
                by_doc.setdefault(symbol, []).append(unit)
    for symbol, units in by_doc.items():
        kept = []
        for unit in units[:MAX_PER_DOCUMENT]:
            paragraph = index.unit(unit)[1]
            assert isinstance(paragraph, Paragraph)
            said = words(paragraph)
            value = 1.0 if exact else round(_containment(wanted, said), 3)
            if value >= PHRASE_CLOSE:
                kept.append((value, paragraph, said))
        if kept:
            close_ones.append((documents[symbol], kept))
    close_ones.sort(key=lambda item: (item[0].meta.adopted, item[0].symbol))
    # Where several paragraphs carry the words, follow the one that continues the previous
    # appearance (the same paragraph, reworded), else the closest to the text.
    appearances = []
    previous: tuple[Document, Paragraph, list[str]] | None = None
    for doc, kept in close_ones:
        if previous is not None:
            before = previous[2]
            likeness, value, paragraph, found = max(
                ((_similarity(before, k[2]), *k) for k in kept), key=lambda c: (c[0], c[1])
            )
            continued = likeness >= PARAGRAPH_CLOSE
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


_LOOKUP: WeakKeyDictionary[Library, dict[str, Document]] = WeakKeyDictionary()


def _documents(library: Library) -> dict[str, Document]:
    """Symbol -> document, made once per library."""
    found = _LOOKUP.get(library)
    if found is None:
        found = _LOOKUP[library] = {s: library.entry(s).document for s in library.symbols}
    return found


def _chain(
    library: Library, source: tuple[Document, Paragraph], wanted: list[str], documents: dict[str, Document]
) -> list[tuple[Document, list[tuple[float, Paragraph, list[str]]]]]:
    """A paragraph's versions: its closest counterpart in each resolution, found hop by hop.

    The oldest and the newest version found are looked up in turn, so a paragraph reworded a
    little every cycle is followed back to its first appearance even when its oldest form
    shares few of the newest words (the rarest words of a text are often the ones added last)."""
    index = library.index
    found: dict[str, tuple[Document, list[tuple[float, Paragraph, list[str]]]]] = {
        source[0].symbol: (source[0], [(1.0, source[1], wanted)])
    }
    queue = [wanted]
    first = last = _when(source[0])
    added: list[tuple[tuple[dt.date, str], list[str]]] = []
    wanted_set = set(wanted)
    seen: dict[int, list[str]] = {}  # unit -> its words, each read once
    for _ in range(MAX_HOPS):
        if not queue:
            break
        current = queue.pop(0)
        distinct = set(current)
        # A version of the paragraph keeps many of its rarer words; one sharing a few is another text.
        least = max(1, math.ceil(SHARED_RARE * min(RAREST, len(distinct))))
        ranked: dict[str, list[tuple[int, int]]] = {}
        shared = index.sharing(distinct, rarest=RAREST)
        # Only the units holding most of those words go further (a version keeps most of them).
        best_units = [(n, unit) for unit, n in shared.items() if n >= least]
        if len(best_units) > CANDIDATES_PER_HOP:
            best_units = heapq.nlargest(CANDIDATES_PER_HOP, best_units)
        for n, unit in best_units:
            symbol, found_in = index.unit(unit)
            if symbol not in found and isinstance(found_in, Paragraph):
                ranked.setdefault(symbol, []).append((-n, unit))
        # The resolutions whose best candidate holds most of those words; a paragraph has one version
        # in each resolution of its series, so a few dozen is plenty.
        strongest = sorted(ranked.items(), key=lambda item: min(item[1]))[:DOCUMENTS_PER_HOP]
        for symbol, units in strongest:
            best: tuple[float, Paragraph, list[str]] | None = None
            best_link = PARAGRAPH_CLOSE
            for _, unit in sorted(units)[:PER_DOCUMENT]:
                paragraph = index.unit(unit)[1]
                assert isinstance(paragraph, Paragraph)
                text = seen.get(unit)
                if text is None:
                    text = seen[unit] = words(paragraph)
                link = _dice(distinct, set(text))
                if link >= best_link:
                    best, best_link = (round(_dice(wanted_set, set(text)), 3), paragraph, text), link
            if best is not None:
                found[symbol] = (documents[symbol], [best])
                added.append((_when(documents[symbol]), best[2]))
        # Look further only from the ends: the oldest version found, if older than any found before,
        # and the newest, if newer (the ones in between were found already).
        if added:
            oldest, newest = min(added, key=lambda a: a[0]), max(added, key=lambda a: a[0])
            if oldest[0] < first:
                queue.append(oldest[1])
                first = oldest[0]
            if newest[0] > last:
                queue.append(newest[1])
                last = newest[0]
        added.clear()
    return list(found.values())


def _when(doc: Document) -> tuple[dt.date, str]:
    return doc.meta.adopted, doc.symbol


def _containment(phrase: Sequence[str], paragraph: Sequence[str]) -> float:
    """Share of the phrase's words found in the paragraph in the same order."""
    if (
        not set(phrase) <= set(paragraph)
        and sum((Counter(phrase) & Counter(paragraph)).values()) < len(phrase) * PHRASE_CLOSE
    ):
        return 0.0
    blocks = difflib.SequenceMatcher(None, phrase, paragraph, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(phrase)


def _dice(x: set[str], y: set[str]) -> float:
    total = len(x) + len(y)
    return 2 * len(x & y) / total if total else 1.0


def _similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Dice coefficient of the two texts' sets of words."""
    x, y = set(a), set(b)
    total = len(x) + len(y)
    return 2 * len(x & y) / total if total else 1.0
