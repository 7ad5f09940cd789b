"""Full-text search over one document: ranked, accent- and case-insensitive, typo-tolerant.

The index is built once per document at start-up; a query touches only
memory. Words must all appear (falling back to any of them when no unit has
all); "quoted phrases" must appear in order; a word that appears nowhere is
corrected to the closest word of the text, so `impunty` still finds impunity.
"""

from __future__ import annotations

import bisect
import difflib
import math
import re
import unicodedata
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from .errors import UserError
from .model import FOOTNOTE_MARKER, Document, Ref

_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]*)[\"“”„«»]?")
PREFIX_MIN = 4  # a query word this long also matches words it begins
PREFIX_WEIGHT = 0.6
MAX_QUERY = 200
SNIPPET_CHARS = 220
PREFIX_CACHE = 1_024  # recent query words whose completions are kept


def fold(word: str) -> str:
    """Case- and accent-insensitive form of one word."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def plain_text(text: str) -> str:
    """Text without footnote markers or italic markup, as searched and quoted in snippets."""
    return FOOTNOTE_MARKER.sub("", text).replace("*", "")


class Token(NamedTuple):  # a tuple: hundreds of thousands are built for a large library
    word: str  # folded
    start: int
    end: int


@dataclass(frozen=True)
class Unit:
    ref: Ref
    text: str  # plain text
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Term:
    """One query element: a word, or a phrase (several words in order)."""

    words: tuple[str, ...]
    shown: str

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True)
class Hit:
    ref: Ref
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...]  # spans of `snippet` to mark


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]  # best first, at most `limit`
    total: int  # how many units matched
    all_terms: bool  # False when no unit had every term and we fell back to any
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, used instead)
    unknown: tuple[str, ...] = ()  # terms found nowhere and not corrected
    suggestions: tuple[str, ...] = field(default=())


def tokenize(text: str, folded: dict[str, str] | None = None) -> tuple[Token, ...]:
    """The words of `text`, folded. `folded` memoises folding while an index is built (texts
    repeat their words); queries fold afresh, so nothing grows with what people type."""
    if folded is None:
        return tuple(Token(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text))
    tokens = []
    for m in _WORD.finditer(text):
        word = m.group()
        if word not in folded:
            folded[word] = fold(word)
        tokens.append(Token(folded[word], m.start(), m.end()))
    return tuple(tokens)


def parse_query(query: str) -> tuple[Term, ...]:
    terms: list[Term] = []
    rest_parts: list[str] = []
    last = 0
    for m in _QUOTED.finditer(query):
        rest_parts.append(query[last : m.start()])
        last = m.end()
        words = tuple(t.word for t in tokenize(m.group(1)))
        if words:
            terms.append(Term(words, f"“{m.group(1).strip()}”"))
    rest_parts.append(query[last:])
    for chunk in " ".join(rest_parts).split():
        words = tuple(t.word for t in tokenize(chunk))
        if words:
            terms.append(Term(words, chunk))
    unique: dict[tuple[str, ...], Term] = {}
    for term in terms:
        unique.setdefault(term.words, term)
    return tuple(unique.values())


class SearchIndex:
    """An inverted index of every paragraph and footnote of one document."""

    def __init__(self, doc: Document) -> None:
        folded: dict[str, str] = {}
        texts = [(p.ref, plain_text(p.full_text)) for p in doc.paragraphs()]
        texts += [(f.ref, plain_text(f.text)) for f in doc.footnotes]
        units = [Unit(ref, text, tokenize(text, folded)) for ref, text in texts]
        self.units: tuple[Unit, ...] = tuple(units)
        # word -> unit index -> token positions
        self._postings: dict[str, dict[int, list[int]]] = defaultdict(dict)
        for u, unit in enumerate(self.units):
            for pos, token in enumerate(unit.tokens):
                self._postings[token.word].setdefault(u, []).append(pos)
        self.vocabulary: tuple[str, ...] = tuple(sorted(self._postings))
        # Query word -> indexed words it begins; bounded, so random text never grows it without end.
        self._by_prefix: OrderedDict[str, tuple[str, ...]] = OrderedDict()

    # -- matching -----------------------------------------------------------

    def _variants(self, word: str, *, allow_prefix: bool) -> list[tuple[str, float]]:
        """Indexed words that `word` matches, with their weight."""
        found = [(word, 1.0)] if word in self._postings else []
        if allow_prefix and len(word) >= PREFIX_MIN:
            found += [(w, PREFIX_WEIGHT) for w in self._words_beginning(word)]
        return found

    def _words_beginning(self, prefix: str) -> tuple[str, ...]:
        """Indexed words that begin with `prefix` (not the word itself): a binary search of the
        sorted vocabulary, remembered for the most recent queries."""
        cached = self._by_prefix.get(prefix)
        if cached is not None:
            self._by_prefix.move_to_end(prefix)
            return cached
        start = bisect.bisect_left(self.vocabulary, prefix)
        end = bisect.bisect_left(self.vocabulary, prefix + "\U0010ffff", start)
        words = tuple(w for w in self.vocabulary[start:end] if w != prefix)
        self._by_prefix[prefix] = words
        if len(self._by_prefix) > PREFIX_CACHE:
            self._by_prefix.popitem(last=False)
        return words

    def _matches(self, term: Term) -> dict[int, list[tuple[int, int, float]]]:
        """unit -> [(first token, last token, weight)] where the term occurs."""
        result: dict[int, list[tuple[int, int, float]]] = defaultdict(list)
        last = len(term.words) - 1
        # The last word of a phrase may be a prefix ("human rights defend").
        first_variants = self._variants(term.words[0], allow_prefix=last == 0)
        for variant, weight in first_variants:
            for u, positions in self._postings[variant].items():
                tokens = self.units[u].tokens
                for pos in positions:
                    end = pos + last
                    if end >= len(tokens):
                        continue
                    ok = all(tokens[pos + i].word == term.words[i] for i in range(1, last))
                    if ok and last:
                        final = tokens[end].word
                        want = term.words[last]
                        ok = final == want or (len(want) >= PREFIX_MIN and final.startswith(want))
                    if ok:
                        result[u].append((pos, end, weight))
        return result

    def _correct(self, word: str) -> str | None:
        close = difflib.get_close_matches(word, self.vocabulary, n=1, cutoff=0.75)
        return close[0] if close else None

    # -- searching ----------------------------------------------------------

    def search(self, query: str, limit: int = 5) -> SearchResult:
        """Ranked matches for `query`; raises `UserError` for an empty or oversized query."""
        shown = " ".join(query.split())
        if len(shown) > MAX_QUERY:
            raise UserError(f"That search is too long ({len(shown)} characters); keep it under {MAX_QUERY}.")
        terms = parse_query(shown)
        if not terms:
            raise UserError('Search for at least one word, e.g. `impunity` or `"freedom of expression"`.')

        corrections: list[tuple[str, str]] = []
        unknown: list[str] = []
        matched: list[tuple[Term, dict[int, list[tuple[int, int, float]]]]] = []
        for term in terms:
            found = self._matches(term)
            if not found:
                fixed = Term(tuple(self._correct(w) or w for w in term.words), term.shown)
                if fixed.words != term.words:
                    found = self._matches(fixed)
                    if found:
                        corrections.append((term.shown, " ".join(fixed.words)))
                        term = fixed
            if found:
                matched.append((term, found))
            else:
                unknown.append(term.shown)

        if not matched:
            suggestions = sorted(
                {s for t in terms for w in t.words for s in difflib.get_close_matches(w, self.vocabulary, 3, 0.6)}
            )
            return SearchResult(shown, (), 0, False, (), tuple(unknown), tuple(suggestions))

        candidates = set.intersection(*(set(found) for _, found in matched))
        all_terms = bool(candidates) and not unknown
        if not candidates:
            candidates = set().union(*(set(found) for _, found in matched))

        n = len(self.units)
        scored: list[tuple[float, int]] = []
        for u in candidates:
            score = 0.0
            for term, found in matched:
                spots = found.get(u)
                if not spots:
                    continue
                idf = math.log(1 + n / len(found))
                best = max(w for _, _, w in spots)
                score += idf * best * (1 + math.log(len(spots))) * (1.5 if term.is_phrase else 1.0)
            # Shorter units with the same hits are more to the point.
            score /= 1 + len(self.units[u].tokens) / 400
            scored.append((score, u))
        scored.sort(key=lambda s: (-s[0], self.units[s[1]].ref))

        hits = []
        for score, u in scored[:limit]:
            spans = [(p, e, t) for t, (_, found) in enumerate(matched) for (p, e, _) in found.get(u, [])]
            snippet, marks = self._snippet(self.units[u], spans)
            hits.append(Hit(self.units[u].ref, round(score, 4), snippet, marks))
        return SearchResult(shown, tuple(hits), len(scored), all_terms, tuple(corrections), tuple(unknown))

    def _snippet(self, unit: Unit, spans: list[tuple[int, int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The window of the text that shows the most different terms; hit spans relative to it."""
        text = unit.text
        char_spans = sorted((unit.tokens[a].start, unit.tokens[b].end, t) for a, b, t in spans)
        lead = SNIPPET_CHARS // 4

        def terms_in_window(anchor: int) -> int:
            lo, hi = anchor - lead, anchor - lead + SNIPPET_CHARS
            return len({t for a, b, t in char_spans if a >= lo and b <= hi})

        first = max((a for a, _, _ in char_spans), key=lambda a: (terms_in_window(a), -a))
        start = max(0, first - lead)
        if start:
            space = text.rfind(" ", 0, start)
            start = space + 1 if space >= 0 else 0
        end = min(len(text), start + SNIPPET_CHARS)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > first else end
        prefix = "…" if start else ""
        suffix = "…" if end < len(text) else ""
        shift = len(prefix) - start
        marks = tuple(
            (a + shift, b + shift) for a, b in _merge([(a, b) for a, b, _ in char_spans]) if a >= start and b <= end
        )
        return prefix + text[start:end] + suffix, marks


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
