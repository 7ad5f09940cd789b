"""What changed between two resolutions: paragraphs aligned by text, never by number.

Numbers shift every cycle, so each paragraph of the earlier text is paired with its
counterpart in the later one by the words they share, within the same part (preamble
with preamble, operative with operative), never across parts. Each pair is then
unchanged, modified (with a word-level redline), new, dropped, split or merged, and
marked as moved when it left its place among the others. The overview lists what
matters most: lead verbs that got stronger or weaker, addressees and instruments that
appear or disappear, and footnotes compared by content.

Everything here is data; bot/compare_render.py words it.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from itertools import pairwise
from typing import Any

from .model import FOOTNOTE_MARKER, Document, Footnote, Kind, Paragraph, Ref
from .redline import Segment, changed, redline
from .search import fold
from .summary import OTHER, STRENGTHS, strength_of

PARTS = (Kind.PREAMBLE, Kind.OPERATIVE)
MATCH = 0.48  # least similarity for two paragraphs to be one paragraph, modified
GAP_MATCH = 0.2  # the same, for two paragraphs left over in the same place with the same opening word
PIECE = 0.6  # least share of a paragraph's weight found in another for it to be a piece of it
GAIN = 0.05  # how much more of the whole a piece must cover beyond what the main counterpart covers
_WORD = re.compile(r"\w+")
_ITALIC_LEAD = re.compile(r"^\*([^*]+)\*")
# Words that make a lead verb more insistent without changing what it asks.
INTENSIFIERS = frozenset({"strongly", "deeply", "gravely", "seriously", "urgently", "firmly", "profoundly", "most"})
# Words that only say the verb is repeated ("Also calls upon", "Further requests").
_REPEATS = frozenset({"also", "further", "again", "once", "more", "moreover", "furthermore", "in", "addition"})


class Change(Enum):
    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    NEW = "new"
    DROPPED = "dropped"
    SPLIT = "split"  # one old paragraph became several new ones
    MERGED = "merged"  # several old paragraphs became one new one


@dataclass(frozen=True)
class Pair:
    """Old paragraph(s) and their counterpart(s) in the new text, in one part."""

    part: Kind
    old: tuple[Paragraph, ...]
    new: tuple[Paragraph, ...]
    change: Change
    similarity: float  # 0–1, of the words; 1 for unchanged, 0 for new and dropped
    moved: bool = False  # out of its place among the paragraphs both texts keep
    redline: tuple[Segment, ...] = ()  # old text(s) → new text(s), for modified, split and merged

    @property
    def old_refs(self) -> tuple[Ref, ...]:
        return tuple(p.ref for p in self.old)

    @property
    def new_refs(self) -> tuple[Ref, ...]:
        return tuple(p.ref for p in self.new)


class Direction(Enum):
    STRONGER = "stronger"
    WEAKER = "weaker"
    CHANGED = "changed"  # different, but not comparable on the scale


@dataclass(frozen=True)
class LeadChange:
    """A paragraph whose lead verb or words changed: "Encourages" → "Urges"."""

    old: Ref
    new: Ref
    before: str
    after: str
    direction: Direction


@dataclass(frozen=True)
class NoteChange:
    """A footnote, compared by content: `old`/`new` are its numbers, None where it is absent."""

    old: int | None
    new: int | None
    text: str  # the new text, else the old
    change: Change  # UNCHANGED (possibly renumbered), MODIFIED, NEW or DROPPED


@dataclass(frozen=True)
class Comparison:
    old: Document
    new: Document
    pairs: tuple[Pair, ...]  # per part, in the new text's order, dropped ones where they stood
    leads: tuple[LeadChange, ...]
    addressees_added: tuple[str, ...]
    addressees_dropped: tuple[str, ...]
    instruments_added: tuple[str, ...]
    instruments_dropped: tuple[str, ...]
    notes: tuple[NoteChange, ...]
    same_notes: dict[int, int] = field(default_factory=dict)  # old footnote number -> new, same content

    def part(self, kind: Kind) -> tuple[Pair, ...]:
        return tuple(p for p in self.pairs if p.part is kind)

    def counts(self, kind: Kind) -> dict[Change, int]:
        """How many pairs of each change in a part (every change present, zeros included)."""
        found = Counter(p.change for p in self.part(kind))
        return {change: found[change] for change in Change}

    def moved(self, kind: Kind) -> int:
        return sum(p.moved for p in self.part(kind))

    def counterpart(self, ref: Ref, *, in_new: bool = True) -> Pair:
        """The pair holding paragraph `ref` of the new text (or of the old one)."""
        for pair in self.pairs:
            if ref in (pair.new_refs if in_new else pair.old_refs):
                return pair
        raise KeyError(ref)


# -- words and weights ---------------------------------------------------------


def words(paragraph: Paragraph) -> list[str]:
    """The folded words a paragraph is compared by: lead verb included, markers and markup left out."""
    plain = FOOTNOTE_MARKER.sub(" ", paragraph.full_text).replace("*", "")
    if plain.isascii():  # the usual case, folded at once
        return _WORD.findall(plain.lower())
    return [fold(w) for w in _WORD.findall(plain)]


class _Weights:
    """Inverse document frequency over the paragraphs of both texts: shared boilerplate
    ("human rights defenders") weighs little, the words that set a paragraph apart much."""

    def __init__(self, paragraphs: Iterable[Paragraph]) -> None:
        self._bags = {id(p): (p, _bag(p)) for p in paragraphs}  # the paragraph is kept so its id stays its own
        seen: Counter[str] = Counter()
        for _, bag in self._bags.values():
            seen.update(bag)
        total = len(self._bags) or 1
        self._idf = {w: math.log(1 + total / n) for w, n in seen.items()}

    def bag(self, paragraph: Paragraph) -> frozenset[str]:
        return self._bags[id(paragraph)][1]

    def of(self, bag: Iterable[str]) -> float:
        return sum(map(self._idf.__getitem__, bag))


def _bag(paragraph: Paragraph) -> frozenset[str]:
    """The paragraph's words and word pairs (the pairs keep some of the order)."""
    found = words(paragraph)
    return frozenset((*found, *map(" ".join, pairwise(found))))


# -- alignment -----------------------------------------------------------------


@dataclass
class _Side:
    paragraphs: Sequence[Paragraph]
    bags: list[frozenset[str]]
    weights: list[float]


def _side(paragraphs: Sequence[Paragraph], left: Sequence[int], weights: _Weights) -> _Side:
    """The bags of words of the paragraphs `left` to pair (the others' are empty)."""
    bags = [frozenset[str]()] * len(paragraphs)
    for k in left:
        bags[k] = weights.bag(paragraphs[k])
    return _Side(paragraphs, bags, [weights.of(b) for b in bags])


def align_part(
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    weights: _Weights | None = None,
    same_notes: dict[int, int] | None = None,
) -> list[Pair]:
    """Pair the paragraphs of one part; see the module's docstring."""
    if not old and not new:
        return []
    kind = (old or new)[0].kind
    # Paragraphs kept word for word pair first, in order; only the rest are compared word by word.
    match_old: dict[int, int] = {}
    match_new: dict[int, int] = {}
    waiting: dict[str, list[int]] = {}
    for j, p in enumerate(new):
        waiting.setdefault(p.full_text, []).append(j)
    for i, p in enumerate(old):
        same = waiting.get(p.full_text)
        if same:
            j = same.pop(0)
            match_old[i], match_new[j] = j, i
    left_old = [i for i in range(len(old)) if i not in match_old]
    left_new = [j for j in range(len(new)) if j not in match_new]
    # Word weights from the paragraphs left to pair: what sets them apart from each other.
    weights = weights or _Weights([*(old[i] for i in left_old), *(new[j] for j in left_new)])
    a, b = _side(old, left_old, weights), _side(new, left_new, weights)
    shared = [[0.0] * len(new) for _ in old]
    for i in left_old:
        row, bag = shared[i], a.bags[i]
        for j in left_new:
            row[j] = weights.of(bag & b.bags[j])

    def dice(i: int, j: int) -> float:
        total = a.weights[i] + b.weights[j]
        return 2 * shared[i][j] / total if total else 1.0

    # Greedy on similarity, best first: each paragraph once. Ties go to the pair closest in place.
    scored = sorted(
        ((dice(i, j), -abs(i / max(len(old), 1) - j / max(len(new), 1)), i, j) for i in left_old for j in left_new),
        reverse=True,
    )
    for score, _, i, j in scored:
        if score < MATCH:
            break
        if i not in match_old and j not in match_new:
            match_old[i], match_new[j] = j, i

    _fill_gaps(old, new, match_old, match_new, dice)

    # Pieces: an unmatched paragraph mostly made of a matched one's words, that together with
    # its counterpart covers that paragraph clearly better, is a split (new side) or a merge (old side).
    pieces_new: dict[int, list[int]] = {}  # old i -> extra new paragraphs it was split into
    for j in range(len(new)):
        if j in match_new:
            continue
        best = _best_whole(j, b, [row[j] for row in shared], match_old)
        if best is not None and _gains(a.bags[best], [b.bags[match_old[best]], b.bags[j]], weights, a.weights[best]):
            pieces_new.setdefault(best, []).append(j)
    pieces_old: dict[int, list[int]] = {}  # new j -> extra old paragraphs merged into it
    for i in range(len(old)):
        if i in match_old:
            continue
        best = _best_whole(i, a, shared[i], match_new)
        if best is not None and _gains(b.bags[best], [a.bags[match_new[best]], a.bags[i]], weights, b.weights[best]):
            pieces_old.setdefault(best, []).append(i)

    moved = _moved(match_old)
    pairs: list[tuple[float, Pair]] = []
    used_new = {j for js in pieces_new.values() for j in js}
    used_old = {i for is_ in pieces_old.values() for i in is_}
    for i, j in match_old.items():
        olds = sorted([i, *pieces_old.get(j, [])])
        news = sorted([j, *pieces_new.get(i, [])])
        if len(olds) > 1 and len(news) > 1:  # both at once is too tangled to call either: keep the main pair
            olds, news = [i], [j]
            used_new.difference_update(pieces_new.get(i, []))
            used_old.difference_update(pieces_old.get(j, []))
        pairs.append((news[0], _pair(kind, [old[k] for k in olds], [new[k] for k in news], i in moved, same_notes)))
    for j in range(len(new)):
        if j not in match_new and j not in used_new:
            pairs.append((j, Pair(kind, (), (new[j],), Change.NEW, 0.0)))
    for i in range(len(old)):
        if i not in match_old and i not in used_old:
            pairs.append((_place_of_dropped(i, match_old), Pair(kind, (old[i],), (), Change.DROPPED, 0.0)))
    pairs.sort(key=lambda item: (item[0], item[1].change is not Change.DROPPED))
    return [pair for _, pair in pairs]


def _fill_gaps(
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    match_old: dict[int, int],
    match_new: dict[int, int],
    dice: Callable[[int, int], float],
) -> None:
    """Pair what is left where it stands: an old and a new paragraph between the same two kept
    paragraphs, opening with the same word, are one paragraph rewritten (a list of resolutions
    recalled is updated every cycle) if they share enough (`GAP_MATCH`)."""
    kept = sorted((i, match_old[i]) for i in set(match_old) - _moved(match_old))
    kept_old = [i for i, _ in kept]
    kept_new = [j for _, j in kept]
    left_old = [i for i in range(len(old)) if i not in match_old]
    left_new = [j for j in range(len(new)) if j not in match_new]
    scored = sorted(
        (
            (dice(i, j), i, j)
            for i in left_old
            for j in left_new
            if bisect_left(kept_old, i) == bisect_left(kept_new, j) and _opening(old[i]) == _opening(new[j])
        ),
        reverse=True,
    )
    for score, i, j in scored:
        if score < GAP_MATCH:
            break
        if i not in match_old and j not in match_new:
            match_old[i], match_new[j] = j, i


def _opening(paragraph: Paragraph) -> str:
    found = _WORD.search(paragraph.verb or paragraph.text)
    return fold(found.group(0)) if found else ""


def _best_whole(k: int, side: _Side, share: Sequence[float], matched: dict[int, int]) -> int | None:
    """The matched paragraph on the other side that holds most of paragraph k's weight, if enough."""
    if not side.weights[k]:
        return None
    best, best_share = None, 0.0
    for m in matched:
        value = share[m] / side.weights[k]
        if value > best_share:
            best, best_share = m, value
    return best if best_share >= PIECE else None


def _gains(whole: frozenset[str], pieces: list[frozenset[str]], weights: _Weights, whole_weight: float) -> bool:
    if not whole_weight:
        return False
    main = weights.of(whole & pieces[0]) / whole_weight
    together = weights.of(whole & (pieces[0] | pieces[1])) / whole_weight
    return together - main >= GAIN


def _moved(match_old: dict[int, int]) -> set[int]:
    """Old indexes of the matched paragraphs outside the longest run both texts keep in order."""
    order = sorted(match_old)
    seq = [match_old[i] for i in order]
    # Longest increasing subsequence, patience sorting with back-links.
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(seq)
    for k, value in enumerate(seq):
        pos = bisect_left(tails, value)
        if pos == len(tails):
            tails.append(value)
            tail_at.append(k)
        else:
            tails[pos] = value
            tail_at[pos] = k
        back[k] = tail_at[pos - 1] if pos else -1
    keep: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(order[k])
        k = back[k]
    return set(order) - keep


def _place_of_dropped(i: int, match_old: dict[int, int]) -> float:
    """Where a dropped paragraph is listed: just after the counterpart of the kept one before it."""
    before = [match_old[k] for k in match_old if k < i]
    return (max(before) if before else -1) + 0.5


def _pair(
    kind: Kind, old: list[Paragraph], new: list[Paragraph], moved: bool, same_notes: dict[int, int] | None
) -> Pair:
    before = "\n".join(p.full_text for p in old)
    after = "\n".join(p.full_text for p in new)
    if len(old) > 1:
        change = Change.MERGED
    elif len(new) > 1:
        change = Change.SPLIT
    else:
        change = Change.MODIFIED if before != after else Change.UNCHANGED
    if change is Change.UNCHANGED:
        return Pair(kind, tuple(old), tuple(new), change, 1.0, moved)
    segments = redline(before, after, same_notes)
    if change is Change.MODIFIED and not changed(segments):  # only typography differs
        return Pair(kind, tuple(old), tuple(new), Change.UNCHANGED, 1.0, moved, segments)
    return Pair(kind, tuple(old), tuple(new), change, _word_similarity(old, new), moved, segments)


def _word_similarity(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> float:
    a = Counter(w for p in old for w in words(p))
    b = Counter(w for p in new for w in words(p))
    total = sum(a.values()) + sum(b.values())
    return round(2 * sum((a & b).values()) / total, 3) if total else 1.0


# -- the overview ----------------------------------------------------------------


def lead_words(paragraph: Paragraph) -> str | None:
    """The italic opening: the operative verb, or a preambular paragraph's lead words where marked."""
    if paragraph.verb:
        return paragraph.verb
    m = _ITALIC_LEAD.match(paragraph.text)
    return m.group(1) if m else None


def _core(lead: str) -> tuple[str, int]:
    """The lead words without repetition markers and intensifiers, and how many intensifiers."""
    kept, intensity = [], 0
    for word in lead.casefold().split():
        if word in INTENSIFIERS:
            intensity += 1
        elif word not in _REPEATS:
            kept.append(word)
    return " ".join(kept), intensity


def lead_change(old: Paragraph, new: Paragraph) -> LeadChange | None:
    """How the lead verb changed, if it changed in more than "Also" or "Further"."""
    before, after = lead_words(old), lead_words(new)
    if not before or not after:
        return None
    (core_a, more_a), (core_b, more_b) = _core(before), _core(after)
    if (core_a, more_a) == (core_b, more_b):
        return None
    rank_a, rank_b = _rank(old, core_a), _rank(new, core_b)
    if rank_a is not None and rank_b is not None and rank_a != rank_b:
        direction = Direction.STRONGER if rank_b < rank_a else Direction.WEAKER
    elif core_a == core_b or (rank_a is not None and rank_a == rank_b):
        direction = (
            Direction.STRONGER if more_b > more_a else Direction.WEAKER if more_b < more_a else Direction.CHANGED
        )
    else:
        direction = Direction.CHANGED
    return LeadChange(old.ref, new.ref, before, after, direction)


def _rank(paragraph: Paragraph, core: str) -> int | None:
    """Place on /summary's scale, 0 the strongest; None when the verb asks nothing."""
    strength = strength_of(paragraph) if paragraph.kind is Kind.OPERATIVE else OTHER
    if strength == OTHER:
        strength = core if core in STRENGTHS else OTHER
    return STRENGTHS.index(strength) if strength in STRENGTHS else None


def addressees(doc: Document) -> dict[str, str]:
    """Folded label -> label of every addressee an operative paragraph names."""
    labels = dict(doc.addressees)
    found: dict[str, str] = {}
    for p in doc.operative:
        for ident in p.addressees:
            label = labels.get(ident, ident)
            found.setdefault(label.casefold(), label)
    return found


# Named instruments: capitalised titles around one of these nouns, and numbered resolutions.
_INSTRUMENT_NOUN = (
    r"(?:Convention|Covenants?|Declaration|Protocol|Agenda|Charter|Principles|Statute|Agreement|Framework|"
    r"Programme of Action|Platform for Action|Guidelines|Rules)"
)
_CAP = r"(?:[A-Z][\w’'-]*|\d{4})"
_LINK = r"(?:of|on|for|the|and|to|in|against|with|all|its|at|by)"
_TITLE = re.compile(rf"\b(?:{_CAP}\s+(?:{_LINK}\s+)*)*{_INSTRUMENT_NOUN}(?:\s+(?:(?:{_LINK}|\d{{4}})\s+)*{_CAP})*")
_RESOLUTIONS = re.compile(
    r"\b((?:Human Rights Council|Security Council|Economic and Social Council|Commission on Human Rights)\s+)?"
    r"resolutions?\s+((?:(?:\d{1,4}/\d{1,4}|\d{1,4}\s*[A-Z]?\s*\([IVXLC]+\))(?:\s+of\s+\d{1,2}\s+\w+\s+\d{4})?"
    r"(?:,\s*|\s+and\s+|\s+)?(?:\[\^\d+\])?,?\s*(?:and\s+)?)+)"
)
_NUMBER = re.compile(r"\d{1,4}/\d{1,4}|\d{1,4}\s*[A-Z]?\s*\([IVXLC]+\)")
_TRIVIAL_TITLES = frozenset({"the declaration", "declaration", "the charter", "charter", "the agenda"})
_BODY_AFTER = re.compile(
    r",?\s+(?:and|of|by)\s+(?:the\s+)?(?:Human Rights Council|Security Council|General Assembly|"
    r"Economic and Social Council|Commission on Human Rights|Secretary-General)\b.*$"
    r"|\s+by\s+the\s+United Nations\b.*$"  # "support the Declaration by the United Nations"
)
_JOINED = re.compile(r",?\s+and\s+the\s+|,\s+the\s+")


def instruments(doc: Document) -> dict[str, str]:
    """Folded name -> name of every instrument and numbered resolution the text refers to."""
    found: dict[str, str] = {}
    for p in doc.paragraphs():
        for name in _named_in(p.full_text, doc.meta.body):
            found.setdefault(name.casefold(), name)
    return found


@lru_cache(maxsize=4096)
def _named_in(text: str, body: str) -> tuple[str, ...]:
    """The instruments one paragraph names. Remembered by text: most paragraphs recur from one
    resolution to the next, and every page of a /compare reply compares the texts again."""
    text = FOOTNOTE_MARKER.sub("", text).replace("*", "")
    names = []
    for m in _TITLE.finditer(text):
        for name in _titles(_BODY_AFTER.sub("", " ".join(m.group(0).split()))):
            if name.casefold() not in _TRIVIAL_TITLES and len(name.split()) > 1:
                names.append(name)
    for m in _RESOLUTIONS.finditer(text):
        named_body = (m.group(1) or "").strip() or body
        names += [f"{named_body} resolution {' '.join(number.split())}" for number in _NUMBER.findall(m.group(2))]
    return tuple(names)


def _titles(match: str) -> list[str]:
    """ "A and the B": two titles when each part names an instrument, else one."""
    names: list[str] = []
    last = 0
    for m in _JOINED.finditer(match):
        piece = match[last : m.start()]
        rest = match[m.end() :]
        if re.search(_INSTRUMENT_NOUN, piece) and re.match(rf"(?:{_CAP}\s+(?:{_LINK}\s+)*)*{_INSTRUMENT_NOUN}", rest):
            names.append(piece)
            last = m.end()
    names.append(match[last:])
    return [re.sub(r"^(?:The|the)\s+", "", n) for n in names]


def _compare_notes(old: Sequence[Footnote], new: Sequence[Footnote]) -> tuple[list[NoteChange], dict[int, int]]:
    key = _note_key
    by_text: dict[str, list[Footnote]] = {}
    for note in new:
        by_text.setdefault(key(note.text), []).append(note)
    same: dict[int, int] = {}
    out: list[NoteChange] = []
    left_old: list[Footnote] = []
    for note in old:
        candidates = by_text.get(key(note.text))
        if candidates:
            match = candidates.pop(0)
            same[note.number] = match.number
        else:
            left_old.append(note)
    taken = set(same.values())
    left_new = [n for n in new if n.number not in taken]
    for note in new:
        if note.number in taken:
            old_number = next(o for o, n in same.items() if n == note.number)
            out.append(NoteChange(old_number, note.number, note.text, Change.UNCHANGED))
    for note in left_new:
        out.append(NoteChange(None, note.number, note.text, Change.NEW))
    for note in left_old:
        out.append(NoteChange(note.number, None, note.text, Change.DROPPED))
    out.sort(key=lambda c: (c.new if c.new is not None else math.inf, c.old or 0))
    return out, same


def _note_key(text: str) -> str:
    return " ".join(fold(w) for w in _WORD.findall(text))


def compare(old: Document, new: Document) -> Comparison:
    """Everything that changed from `old` to `new`."""
    notes, same_notes = _compare_notes(old.footnotes, new.footnotes)
    pairs: list[Pair] = []
    for kind in PARTS:
        pairs.extend(align_part(_part(old, kind), _part(new, kind), same_notes=same_notes))
    leads = []
    for pair in pairs:
        if pair.change in (Change.UNCHANGED, Change.MODIFIED):  # a split's or merge's first words are another's
            change = lead_change(pair.old[0], pair.new[0])
            if change is not None:
                leads.append(change)
    who_old, who_new = addressees(old), addressees(new)
    cited_old, cited_new = instruments(old), instruments(new)
    return Comparison(
        old,
        new,
        tuple(pairs),
        tuple(leads),
        tuple(label for key, label in who_new.items() if key not in who_old),
        tuple(label for key, label in who_old.items() if key not in who_new),
        tuple(name for key, name in cited_new.items() if key not in cited_old),
        tuple(name for key, name in cited_old.items() if key not in cited_new),
        tuple(notes),
        same_notes,
    )


def _part(doc: Document, kind: Kind) -> tuple[Paragraph, ...]:
    return doc.preamble if kind is Kind.PREAMBLE else doc.operative


# -- as data -----------------------------------------------------------------------


def as_data(result: Comparison) -> dict[str, Any]:
    """The comparison as plain data (JSON-ready): pairs with their kind of change and similarity."""

    def refs(paragraphs: Sequence[Paragraph]) -> list[str]:
        return [p.ref.label for p in paragraphs]

    return {
        "old": result.old.symbol,
        "new": result.new.symbol,
        "parts": {
            kind.value: {**{c.value: n for c, n in result.counts(kind).items()}, "moved": result.moved(kind)}
            for kind in PARTS
        },
        "pairs": [
            {
                "part": p.part.value,
                "old": refs(p.old),
                "new": refs(p.new),
                "change": p.change.value,
                "similarity": p.similarity,
                "moved": p.moved,
                "redline": [
                    {"op": s.op.value, "old": s.old, "new": s.new}
                    for s in p.redline
                    if p.change is not Change.UNCHANGED
                ],
            }
            for p in result.pairs
        ],
        "lead_words": [
            {
                "old": c.old.label,
                "new": c.new.label,
                "before": c.before,
                "after": c.after,
                "direction": c.direction.value,
            }
            for c in result.leads
        ],
        "addressees": {"added": list(result.addressees_added), "dropped": list(result.addressees_dropped)},
        "instruments": {"added": list(result.instruments_added), "dropped": list(result.instruments_dropped)},
        "footnotes": [{"old": n.old, "new": n.new, "change": n.change.value, "text": n.text} for n in result.notes],
    }
