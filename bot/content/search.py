"""Full-text search over the library: ranked, accent- and case-insensitive, typo-tolerant.

One index covers every document; it is built once at start-up and a query
touches only memory. Words must all appear (falling back to any of them when
no unit has all); "quoted phrases" must appear in order; a word that appears
nowhere is corrected to the closest word of the texts, so `impunty` still
finds impunity. A search covers the whole library or one document.

Every language of a document is indexed (bot.content.langs): accents are folded in all of them;
French, Spanish and Russian words also match the other forms of their Snowball stem ("défenseurs"
finds "défenseur", "защитников" finds "защитники"); Chinese, written without spaces, is indexed by
overlapping character pairs ("人权维护者" → 人权 权维 维护 护者) and a query is the same pairs in order.
"""

from __future__ import annotations

import bisect
import difflib
import heapq
import math
import operator
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate, chain, compress, repeat
from typing import Any

from .errors import UserError
from .lazyre import lazy
from .model import FOOTNOTE_MARKER, Article, Document, Footnote, Kind, Paragraph, Ref

_WORD = re.compile(r"\w+")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAS_CJK = lazy(f"[{_CJK}]")
_CJK_OR_WORD = lazy(f"[{_CJK}]+|(?:(?![{_CJK}])\\w)+")
STEMMED = ("fr", "es", "ru")  # the languages of the content that Snowball stems (English: prefixes do it)
STEM_WEIGHT = 0.9
_CYRILLIC = re.compile("[\u0400-\u04ff]")
STEM_CANDIDATES = 40  # words beginning with a stem that are checked for it, at most
_STEMMER_NAMES = {"fr": "french", "es": "spanish", "ru": "russian"}
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]*)[\"“”„«»]?")
PREFIX_MIN = 4  # a query word this long also matches words it begins
PREFIX_WEIGHT = 0.6
MAX_QUERY = 200
SNIPPET_CHARS = 220
CLOSE_POOL = 40  # words sharing the most letter triples with a typo, compared closely


def _strip_marks(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Latin with accents, Greek and Cyrillic fold through one table (as the slow path would fold them);
# anything else (Chinese, ligatures, full-width forms) takes the slow path.
_FOLD_TABLE = {c: _strip_marks(chr(c)) for c in range(0x80, 0x500) if _strip_marks(chr(c)) != chr(c)}
_BEYOND_TABLE = re.compile("[^\x00-\u04ff]")


def fold(word: str) -> str:
    """Case- and accent-insensitive form of one word."""
    if word.isascii():
        return word.lower()
    if _BEYOND_TABLE.search(word) is None:
        return word.translate(_FOLD_TABLE).casefold()
    return _strip_marks(word).casefold()


def plain_text(text: str) -> str:
    """Text without footnote markers or italic markup, as searched and quoted in snippets."""
    return FOOTNOTE_MARKER.sub("", text).replace("*", "")


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
    symbol: str = ""  # the document the unit belongs to
    language: str = "en"  # the language of the text the snippet is from


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]  # best first, at most `limit`
    total: int  # how many units matched
    all_terms: bool  # False when no unit had every term and we fell back to any
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, used instead)
    unknown: tuple[str, ...] = ()  # terms found nowhere and not corrected
    suggestions: tuple[str, ...] = field(default=())


def spans_of(text: str) -> list[tuple[int, int]]:
    """Where the words of `text` are: each run of letters, and in Chinese each pair of characters."""
    if not _HAS_CJK.search(text):
        return [m.span() for m in _WORD.finditer(text)]
    spans: list[tuple[int, int]] = []
    for m in _CJK_OR_WORD.finditer(text):
        start, end = m.span()
        if end - start > 1 and _HAS_CJK.match(text, start):
            spans.extend((i, i + 2) for i in range(start, end - 1))
        else:
            spans.append((start, end))
    return spans


def tokens_of(text: str) -> list[str]:
    """The words of `text` as written, in order (Chinese as character pairs)."""
    if not _HAS_CJK.search(text):
        return _WORD.findall(text)
    return [text[a:b] for a, b in spans_of(text)]


def words_of(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return [fold(w) for w in tokens_of(text)]


def is_cjk(word: str) -> bool:
    return bool(_HAS_CJK.match(word))


_STEMMERS: dict[str, Any] = {}


def stem(word: str, language: str) -> str:
    """The Snowball stem of a folded word in `language` (fr, es, ru)."""
    stemmer = _STEMMERS.get(language)
    if stemmer is None:
        import snowballstemmer  # type: ignore[import-untyped]  # pure Python, loaded when a text in one of these languages is indexed

        stemmer = _STEMMERS[language] = snowballstemmer.stemmer(_STEMMER_NAMES[language])
    result: str = stemmer.stemWord(word)
    return result


def parse_query(query: str) -> tuple[Term, ...]:
    terms: list[Term] = []
    rest_parts: list[str] = []
    last = 0
    for m in _QUOTED.finditer(query):
        rest_parts.append(query[last : m.start()])
        last = m.end()
        words = tuple(words_of(m.group(1)))
        if words:
            terms.append(Term(words, f"“{m.group(1).strip()}”"))
    rest_parts.append(query[last:])
    for chunk in " ".join(rest_parts).split():
        words = tuple(words_of(chunk))
        if words and is_cjk(words[0]) and len(words) > 1:
            terms.append(Term(words, chunk))  # Chinese: its character pairs, in order
        elif words:
            terms.append(Term(words, chunk))
    unique: dict[tuple[str, ...], Term] = {}
    for term in terms:
        unique.setdefault(term.words, term)
    return tuple(unique.values())


class _WordIds(dict[str, int]):
    """Word as written -> id of its folded form, assigning ids as new words appear (while an index is built).

    Keyed on the written form so each distinct spelling is folded once while an index is
    built; `dict.__getitem__` runs in C, so mapping a text's words costs little per word."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, int] = {}  # folded word -> id
        self.words: list[str] = []  # id -> folded word

    def __missing__(self, written: str) -> int:
        word = fold(written)
        wid = self.ids.get(word)
        if wid is None:
            wid = self.ids[word] = len(self.words)
            self.words.append(word)
        self[written] = wid
        return wid


_Found = dict[int, float]  # unit -> how well it matches one term: best weight × (1 + log occurrences)


class SearchIndex:
    """One inverted index over every paragraph and footnote of every document.

    Built once at start-up and compact, so a library of hundreds of resolutions stays
    small and fast. All units' words form one stream of word ids (units numbered in
    document order, one free position between units so no phrase spans two); each word
    has three runs of postings: the units it occurs in, how often, and its positions in the
    stream. A phrase starts from its rarest word's positions and checks the others in the
    stream; a document is a contiguous range of units; nothing holds a copy of the texts
    (snippets re-read the few units shown).

    The postings of all words lie end to end in a few large arrays, word after word, with the
    offset where each word's run starts (`_group`): most words occur once or twice, and an
    array, a dict entry or an int object per word cost more than the numbers it holds (issue 17:
    the index was ~10 MB in ~115,000 blocks, most of them per word or per letter triple; now
    ~6 MB at its peak while built, ~9,500 blocks, nearly all of them the words themselves). Runs
    are read through memoryviews, so no run is copied; a word is found in the sorted
    vocabulary by bisection, a letter triple in a hash table of arrays and one string.
    """

    def __init__(self, documents: Document | Iterable[Document]) -> None:
        docs = (documents,) if isinstance(documents, Document) else tuple(documents)
        self._sources: list[Paragraph | Footnote | Article] = []  # unit -> what it indexes
        self._symbols: list[str] = []  # unit -> document symbol
        self._starts = array("I")  # unit -> its first position in the stream
        # Every unit's word ids in order, a gap after each. A phrase is checked here; padded at the
        # end so the longest phrase a query can hold never reads past it.
        self._stream = array("I", [_GAP])
        self._ranges: dict[str, tuple[int, int]] = {}  # symbol -> [first unit, end)
        lengths = array("I")
        written = _WordIds()
        # Each unit's distinct words, how often each occurs, and the unit, in unit order: grouped
        # by word once all are read (`_group`), so no word has a container of its own even then.
        pair_words, pair_counts, pair_units = array("I"), array("B"), array("I")
        position = 1
        self._languages: list[str] = []  # unit -> the language of its text
        by_language: dict[str, set[int]] = defaultdict(set)  # language -> ids of the words of its texts
        for original in docs:
            first = len(self._sources)
            for doc in (original, *(version for _, version in original.versions)):
                language = doc.meta.language
                articles = [a for annex in doc.annexes for a in annex.articles]  # the Declaration's, in 53/144
                sources: list[Paragraph | Footnote | Article] = [*doc.paragraphs(), *doc.footnotes, *articles]
                for source in sources:
                    unit = len(self._sources)
                    tokens = list(map(written.__getitem__, tokens_of(_source_text(source))))
                    if language in STEMMED:
                        by_language[language].update(tokens)
                    counted = Counter(tokens)
                    pair_words.extend(counted)
                    pair_counts.extend(map(min, counted.values(), repeat(255)))  # at most 255
                    pair_units.extend(repeat(unit, len(counted)))
                    self._stream.extend(tokens)
                    self._stream.append(_GAP)
                    self._starts.append(position)
                    lengths.append(len(tokens))
                    position += len(tokens) + 1
                    self._sources.append(source)
                    self._symbols.append(doc.symbol)
                    self._languages.append(language)
            self._ranges[original.symbol] = (first, len(self._sources))
        self._starts.append(position)
        self._stream.extend(repeat(_GAP, MAX_QUERY))
        self._brevity = array("d", (1 / (1 + n / 400) for n in lengths))  # shorter units rank higher
        self._words = written.words  # id -> folded word
        self.vocabulary: tuple[str, ...] = tuple(sorted(written.ids))
        self._id_at = array("I", map(written.ids.__getitem__, self.vocabulary))  # place in vocabulary -> id
        del written  # its dicts are the largest things made here, and no longer needed
        # Each word's postings, end to end: units[unit_starts[id]:unit_starts[id + 1]] are its units.
        self._unit_starts, self._units, self._counts = _group(len(self._words), pair_words, pair_units, pair_counts)
        del pair_words, pair_units, pair_counts
        stream = self._stream
        self._position_starts, self._positions, _ = _group(len(self._words), stream, range(len(stream)))
        self._units_view, self._counts_view = memoryview(self._units), memoryview(self._counts)
        self._positions_view = memoryview(self._positions)
        # letter triple -> ids of the words that contain it, to find close words for typos
        grams: dict[str, array[int]] = defaultdict(partial(array, "I"))  # smaller than lists, and no ints
        for wid, word in enumerate(self._words):
            for gram in _grams(word):
                grams[gram].append(wid)
        # Kept as a hash table without an object per triple: the triples in one string, grouped by
        # slot (their hash's low bits), where each slot's triples start in it, and each triple's ids
        # end to end. A lookup reads the string in place, as a dict would compare its keys. (Slots
        # follow this process's string hashes, as a dict's do: the index is never stored.)
        slots = 1 << max(0, len(grams) - 1).bit_length()  # a power of two, at least one per triple
        mask = slots - 1
        triples = list(grams)
        where = list(map(mask.__and__, map(hash, triples)))  # each triple's slot
        ordered = list(map(triples.__getitem__, sorted(range(len(triples)), key=where.__getitem__)))
        per_slot = Counter(where)
        self._gram_slots = array("I", accumulate(map(per_slot.get, range(slots), repeat(0)), initial=0))
        self._gram_text = "".join(ordered)  # three characters a triple
        self._gram_starts, self._gram_ids = _postings(map(grams.__getitem__, ordered))
        self._gram_ids_view = memoryview(self._gram_ids)
        del grams, triples, where, ordered
        # For each word, which stemmed languages' texts hold it (a bit per language, `_STEM_BITS`).
        # Stems are not computed here (that would cost start-up ~0.2 s per six-language document
        # pair) but for the words a query could match, which begin with its stem: a handful per
        # query, nothing kept.
        self._in_languages = bytearray(len(self._words))
        for language, wids in by_language.items():
            bit = _STEM_BITS[language]
            for wid in wids:
                self._in_languages[wid] |= bit
        self._stemmed = tuple(sorted(by_language))

    # -- matching -----------------------------------------------------------

    def _variants(self, word: str, *, allow_prefix: bool) -> list[tuple[int, float]]:
        """Ids of the indexed words that `word` matches, with their weight."""
        wid = self._id(word)
        found = [(wid, 1.0)] if wid is not None else []
        if allow_prefix and (len(word) >= PREFIX_MIN or (len(word) == 1 and is_cjk(word))):
            found += zip(self._ids_beginning(word), repeat(PREFIX_WEIGHT))
        if self._stemmed and not is_cjk(word):
            seen = {w for w, _ in found}
            cyrillic = bool(_CYRILLIC.search(word))
            for language in self._stemmed:
                if (language == "ru") == cyrillic:  # a Russian word is stemmed as Russian only, others never
                    found += [(wid, STEM_WEIGHT) for wid in self._same_stem(word, language, seen)]
        return found

    def _same_stem(self, word: str, language: str, seen: set[int]) -> list[int]:
        """Ids of the words of `language`'s texts with the Snowball stem of `word` (not in `seen`).

        A Snowball stem is what is left of a word once its ending is cut, so the words that share it
        begin with it: only those are stemmed. Stems shorter than PREFIX_MIN are left alone (they
        would gather too many words to be worth it, and prefixes already cover them)."""
        root = stem(word, language)
        if len(root) < PREFIX_MIN:
            return []
        bit = _STEM_BITS[language]
        candidates = [*self._ids_beginning(root)[:STEM_CANDIDATES]]
        itself = self._id(root)
        if itself is not None:
            candidates.append(itself)
        out = []
        for wid in candidates:
            if wid not in seen and self._in_languages[wid] & bit and stem(self._words[wid], language) == root:
                seen.add(wid)
                out.append(wid)
        return out

    def _id(self, word: str) -> int | None:
        """The id of an indexed word (folded), by bisection of the sorted vocabulary; None if not indexed."""
        vocabulary = self.vocabulary
        at = bisect.bisect_left(vocabulary, word)
        return self._id_at[at] if at < len(vocabulary) and vocabulary[at] == word else None

    def _ids_beginning(self, prefix: str) -> memoryview:
        """Ids of the indexed words that begin with `prefix` (not the word itself), in vocabulary order."""
        start = bisect.bisect_left(self.vocabulary, prefix)
        end = bisect.bisect_left(self.vocabulary, prefix + "\U0010ffff", start)
        if start < end and self.vocabulary[start] == prefix:
            start += 1
        return memoryview(self._id_at)[start:end]

    def _words_beginning(self, prefix: str) -> list[str]:
        """Indexed words that begin with `prefix` (not the word itself): two binary searches of
        the sorted vocabulary. Nothing is remembered, so nothing grows with what people type."""
        start = bisect.bisect_left(self.vocabulary, prefix)
        end = bisect.bisect_left(self.vocabulary, prefix + "\U0010ffff", start)
        return [w for w in self.vocabulary[start:end] if w != prefix]

    def _unit_run(self, wid: int, lo: int, hi: int) -> tuple[int, int]:
        """Where in `_units` (and `_counts`) the units of word `wid` in [lo, hi) are."""
        return _within(self._units, self._unit_starts[wid], self._unit_starts[wid + 1], lo, hi)

    def _position_run(self, wid: int, first: int, end: int) -> tuple[int, int]:
        """Where in `_positions` the positions of word `wid` in [first, end) are."""
        return _within(self._positions, self._position_starts[wid], self._position_starts[wid + 1], first, end)

    def _matches(self, term: Term, lo: int, hi: int) -> _Found:
        """How well each unit in [lo, hi) matches the term; units without it are left out."""
        if term.is_phrase:
            return self._phrase(term, lo, hi)
        variants = self._variants(term.words[0], allow_prefix=True)
        if len(variants) == 1:  # the usual case: built in C
            wid, weight = variants[0]
            units, counts = self._units_view, self._counts_view
            a, b = self._unit_run(wid, lo, hi)
            found = dict(zip(units[a:b], map(_LOG_COUNT.__getitem__, counts[a:b]), strict=True))
            return found if weight == 1.0 else {unit: weight * value for unit, value in found.items()}
        # Several words begin with it: add up the occurrences, keep the best weight.
        occurrences: dict[int, int] = {}
        best: dict[int, float] = {}
        units, counts = self._units_view, self._counts_view
        for wid, weight in variants:
            a, b = self._unit_run(wid, lo, hi)
            for unit, count in zip(units[a:b], counts[a:b], strict=True):
                occurrences[unit] = occurrences.get(unit, 0) + count
                if weight > best.get(unit, 0.0):
                    best[unit] = weight
        return {unit: best[unit] * _LOG_COUNT[min(count, 255)] for unit, count in occurrences.items()}

    def _phrase(self, term: Term, lo: int, hi: int) -> _Found:
        """A phrase: start from the positions of its rarest word, then keep those where every
        other word is in place in the stream (filtered in C); the last word may be a prefix
        ("human rights defend")."""
        *before, last = term.words
        wanted: list[set[int]] = []
        for word in before:
            wid = self._id(word)
            if wid is None:
                return {}
            wanted.append({wid})
        wanted.append({wid for wid, _ in self._variants(last, allow_prefix=True)})
        first, end = self._starts[lo], self._starts[hi]
        counts = [sum(operator.sub(*reversed(self._position_run(w, first, end))) for w in ws) for ws in wanted]
        anchor = min(range(len(wanted)), key=counts.__getitem__)
        starts: list[int] = []
        positions = self._positions_view
        for wid in wanted[anchor]:
            a, b = self._position_run(wid, first, end)
            starts += map(operator.sub, positions[a:b], repeat(anchor))
        stream = self._stream
        for shift, ids in enumerate(wanted):
            if shift == anchor or not starts:
                continue
            seen = map(stream.__getitem__, map(operator.add, starts, repeat(shift)))
            starts = list(compress(starts, map(ids.__contains__, seen)))
        per_unit = Counter(map(bisect.bisect_right, repeat(self._starts), starts))
        return {unit - 1: _LOG_COUNT[min(count, 255)] for unit, count in per_unit.items()}

    def _close(self, word: str, n: int, cutoff: float) -> list[str]:
        """Up to `n` indexed words closest to `word` (difflib's ratio at least `cutoff`).

        Only the words sharing the most letter triples with it are compared, so the cost stays
        the same however large the vocabulary grows."""
        table, text, starts, ids = self._gram_slots, self._gram_text, self._gram_starts, self._gram_ids_view
        mask = len(table) - 2
        runs = []
        # In a fixed order, not the set's (which follows the process's hash seed): words tied at
        # the pool's edge are then the same ones in every process, and so is the answer.
        for gram in sorted(_grams(word)):
            slot = hash(gram) & mask  # its hash is already made: the set of triples made it
            for at in range(table[slot], table[slot + 1]):
                if text.startswith(gram, 3 * at):
                    runs.append(ids[starts[at] : starts[at + 1]])
                    break
        shared = Counter(chain.from_iterable(runs))  # counted in one call, in the order of the triples
        pool = [self._words[wid] for wid, _ in shared.most_common(CLOSE_POOL)]
        return difflib.get_close_matches(word, pool, n=n, cutoff=cutoff)

    def _correct(self, word: str) -> str | None:
        close = self._close(word, 1, 0.75)
        return close[0] if close else None

    # -- searching ----------------------------------------------------------

    def search(self, query: str, limit: int = 5, *, within: str | None = None, snippets: bool = True) -> SearchResult:
        """Ranked matches for `query` in every document, or only in the one named by `within`;
        without their snippets when `snippets` is False (autocomplete needs only the references).

        Raises `UserError` for an empty or oversized query."""
        shown = " ".join(query.split())
        if len(shown) > MAX_QUERY:
            raise UserError("err-search-too-long", length=len(shown), max=MAX_QUERY)
        terms = parse_query(shown)
        if not terms:
            raise UserError("err-search-empty")
        lo, hi = self._ranges[within] if within is not None else (0, len(self._sources))

        corrections: list[tuple[str, str]] = []
        unknown: list[str] = []
        matched: list[tuple[Term, _Found]] = []
        for term in terms:
            found = self._matches(term, lo, hi)
            if not found:
                fixed = Term(tuple(self._correct(w) or w for w in term.words), term.shown)
                if fixed.words != term.words:
                    found = self._matches(fixed, lo, hi)
                    if found:
                        corrections.append((term.shown, " ".join(fixed.words)))
                        term = fixed
            if found:
                matched.append((term, found))
            else:
                unknown.append(term.shown)

        if not matched:
            suggestions = sorted({s for t in terms for w in t.words for s in self._close(w, 3, 0.6)})
            return SearchResult(shown, (), 0, False, (), tuple(unknown), tuple(suggestions))

        by_size = sorted((found for _, found in matched), key=len)
        having_all: Iterable[int] = by_size[0]
        for found in by_size[1:]:  # walk the rarest term's units only, in C
            having_all = filter(found.__contains__, having_all)
        candidates = set(having_all)
        all_terms = bool(candidates) and not unknown
        if not candidates:
            candidates = set().union(*by_size)

        # Scored in C (map over the candidates), as a large library can match thousands of units.
        units = list(candidates)
        weighted = [0.0] * len(units)
        for term, found in matched:
            rarity = math.log(1 + (hi - lo) / len(found)) * (1.5 if term.is_phrase else 1.0)
            fits = map(found.__getitem__, units) if all_terms else map(found.get, units, repeat(0.0))
            weighted = list(map(operator.add, weighted, map(operator.mul, repeat(rarity), fits)))
        # Shorter units with the same hits are more to the point; best first, ties in document order.
        scores = map(operator.mul, weighted, map(self._brevity.__getitem__, units))
        best = heapq.nsmallest(limit, zip(map(operator.neg, scores), units, strict=True))

        if not snippets:
            hits = [self._bare_hit(unit, -negative) for negative, unit in best]
            return SearchResult(shown, tuple(hits), len(units), all_terms, tuple(corrections), tuple(unknown))
        used = [term for term, _ in matched]
        # what each term's last word matched (itself, longer words, its stem's): worked out once
        lasts = [{self._words[w] for w, _ in self._variants(t.words[-1], allow_prefix=True)} for t in used]
        hits = [self._hit(unit, -negative, used, lasts) for negative, unit in best]
        return SearchResult(shown, tuple(hits), len(units), all_terms, tuple(corrections), tuple(unknown))

    # -- for /trace: the few units worth comparing closely --------------------

    def sharing(self, words: Iterable[str], *, rarest: int = 12) -> dict[int, int]:
        """Units holding any of the `rarest` least common of `words` (folded), with how many of
        them each holds: a short list to compare closely. Units are numbered in document order."""
        ids = {wid for wid in map(self._id, words) if wid is not None}
        starts = self._unit_starts
        chosen = sorted(ids, key=lambda wid: starts[wid + 1] - starts[wid])[:rarest]
        found: Counter[int] = Counter()
        for wid in chosen:
            found.update(self._units_view[starts[wid] : starts[wid + 1]])
        return dict(found)

    def containing(self, words: tuple[str, ...]) -> list[int]:
        """Units holding `words` (folded) in this order, as a quoted search matches them; ascending."""
        if not words:
            return []
        return sorted(self._matches(Term(words, " ".join(words)), 0, len(self._sources)))

    def unit(self, unit: int) -> tuple[str, Paragraph | Footnote | Article]:
        """The document symbol and the paragraph, footnote or article a unit number stands for."""
        return self._symbols[unit], self._sources[unit]

    def _bare_hit(self, unit: int, score: float) -> Hit:
        source = self._sources[unit]
        ref = Ref(Kind.ARTICLE, source.number) if isinstance(source, Article) else source.ref
        return Hit(ref, round(score, 4), "", (), self._symbols[unit], self._languages[unit])

    def _hit(self, unit: int, score: float, terms: list[Term], lasts: list[set[str]]) -> Hit:
        source = self._sources[unit]
        text = _source_text(source)
        spans = spans_of(text)
        words = [fold(text[a:b]) for a, b in spans]
        places = [
            (spans[a][0], spans[b][1], t)
            for t, (term, last) in enumerate(zip(terms, lasts, strict=True))
            for a, b in _places(term, words, last)
        ]
        snippet, marks = _snippet(text, places)
        ref = Ref(Kind.ARTICLE, source.number) if isinstance(source, Article) else source.ref
        return Hit(ref, round(score, 4), snippet, marks, self._symbols[unit], self._languages[unit])


def _places(term: Term, words: list[str], last: set[str]) -> list[tuple[int, int]]:
    """(first word, last word) of each place `term` occurs among `words`, as the index matches it:
    every word exactly, but the last (or only) one may be any of the words `last` it matched (itself,
    the words it begins, the words of its stem)."""
    *before, _ = term.words
    span = len(before)
    ends = [i for i, word in enumerate(words) if word in last]
    return [(i - span, i) for i in ends if i >= span and words[i - span : i] == before]


def _snippet(text: str, char_spans: list[tuple[int, int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The window of the text that shows the most different terms; hit spans relative to it."""
    char_spans = sorted(char_spans)
    lead = SNIPPET_CHARS // 4

    def terms_in_window(anchor: int) -> int:
        lo, hi = anchor - lead, anchor - lead + SNIPPET_CHARS
        return len({t for a, b, t in char_spans if a >= lo and b <= hi})

    if not char_spans:  # matched as a whole, nothing to mark: the opening words
        end = min(len(text), SNIPPET_CHARS)
        return text[:end] + ("…" if end < len(text) else ""), ()
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


_GAP = 0xFFFF_FFFF  # no word's id: between units in the stream
_LOG_COUNT = [0.0] + [1 + math.log(c) for c in range(1, 256)]  # 1 + log(occurrences), for 0-255
_STEM_BITS = {language: 1 << i for i, language in enumerate(STEMMED)}  # a word's flags: which texts hold it


def _source_text(source: Paragraph | Footnote | Article) -> str:
    return plain_text(source.text if isinstance(source, Footnote) else source.full_text)


def _grams(word: str) -> set[str]:
    padded = f" {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _postings(runs: Iterable[array[int]]) -> tuple[array[int], array[int]]:
    """Runs of numbers end to end, and where each starts (one more offset: where the last ends)."""
    runs = list(runs)
    return array("I", accumulate(map(len, runs), initial=0)), array("I", chain.from_iterable(runs))


def _group(
    n: int, keys: array[int], values: Iterable[int], others: array[int] | None = None
) -> tuple[array[int], array[int], array[int]]:
    """`values` (and `others`, alongside) grouped by their keys 0..n-1, keeping their order within each
    key (a counting sort; keys of `_GAP` are left out): where each key's run starts (and one more
    offset, where the last ends), the values, the others (empty without)."""
    sizes = Counter(keys)
    starts = array("I", accumulate(map(sizes.__getitem__, range(n)), initial=0))
    total = starts[-1]
    grouped = array("I", [0]) * total
    slots = starts.tolist()  # each key's next free place
    if others is None:
        gap = _GAP
        for key, value in zip(keys, values, strict=True):
            if key != gap:
                at = slots[key]
                grouped[at] = value
                slots[key] = at + 1
        return starts, grouped, array("B")
    alongside = array(others.typecode, [0]) * total
    for key, value, other in zip(keys, values, others, strict=True):
        at = slots[key]
        grouped[at] = value
        alongside[at] = other
        slots[key] = at + 1
    return starts, grouped, alongside


def _within(values: array[int], start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The slice of values[start:end] (ascending) holding the values in [lo, hi), as indices of `values`."""
    a = bisect.bisect_left(values, lo, start, end)
    return a, bisect.bisect_left(values, hi, a, end)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
