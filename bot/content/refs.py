"""One reference grammar: what people and legal texts write to point at a paragraph.

`parse_refs` reads a command option that must be nothing but references
(`4`, `OP 4`, `pp3`, `fn. 2`, `¶¶ 4–6`, `paras. 16-17`, `third preambular
paragraph`, `A/RES/62/152 para 4`, `62/152, ¶ 4` …) and raises `UserError`
with a precise answer for anything else. `find_refs` reads free chat text
and picks out only what is clearly a reference to *this* resolution, never
dates, times, other resolutions, document symbols or their paragraphs.

A bare number means the operative paragraph, as in UN usage ("para. 4").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from .errors import UserError
from .model import Document, Kind, Ref

MAX_INPUT = 200
MAX_REFS = 60  # far more than a message can show; stops "1-99999" work
MAX_SCAN = 4_000  # the finder reads at most this much of a message (Discord's own limit)

SYNTAX_HELP = (
    "Try `4` or `OP 4` (operative paragraph), `PP 3` (preambular paragraph), "
    "`fn 2` (footnote), a range like `4-6`, or a list like `4, 7`."
)

# -- normalising ------------------------------------------------------------

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))


def normalise(text: str) -> str:
    """NFKC (full-width digits, no-break spaces), one kind of dash, no invisible characters, lower case."""
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).translate(_DASHES)
    return re.sub(r"\s+", " ", text.lower()).strip()


# -- the pieces of the grammar (over normalised text) ----------------------

_NUM = r"\d{1,4}(?!\d)"
_PARA = r"(?:paragraphs?|paras?\.?|¶¶?)"
_PP = rf"(?:preambular(?:\s+{_PARA})?|pmbl\.?(?:\s*{_PARA})?|preamble|pp\.?(?:\s*{_PARA})?)"
_OP = rf"(?:operative(?:\s+{_PARA})?|op\.?(?:\s*{_PARA})?|{_PARA})"
_FN_STRICT = r"(?:footnotes?|fns?\.?|notes?|nn?\.?)"
_FN_CHAT = r"(?:footnotes?|fns?\.?)"  # "n 5" and "note 5" are too common in chat
_SEP = r"\s*(?:,\s*(?:and\s+|or\s+)?|;\s*|&\s*|\band\s+|\bor\s+)"
_TO = r"\s*(?:-|\bto\b|\bthrough\b)\s*"

ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
_ORDINALS = {word: n for n, word in enumerate(ORDINAL_WORDS, start=1)}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40}
_UNITS = dict(list(_ORDINALS.items())[:9])
_ORD = (
    rf"(?:(?:{'|'.join(_TENS)})-?(?:{'|'.join(_UNITS)})|{'|'.join(sorted(_ORDINALS, key=len, reverse=True))}"
    r"|\d{1,3}(?:st|nd|rd|th))"
)
_ORDINAL_PHRASE = re.compile(
    rf"\b(?:the\s+)?(?P<ords>{_ORD}(?:{_SEP}(?:the\s+)?{_ORD}|{_TO}(?:the\s+)?{_ORD})*)\s+"
    rf"(?P<part>preambular|operative)\s+paragraphs?\b"
)

# Another text's designations: resolutions ("resolution 60/161", "53/144", "2200 A (XXI)",
# "194 (III)", "HRC resolution 5/1"), document symbols ("A/62/225", "E/CN.4/2004/94") and
# other instruments' parts ("article 12", "principle 4").
_BODY = r"(?:(?:un\s+)?(?:g\.?\s?a\.?|general assembly|hrc|human rights council|security council|s\.?c\.?|ecosoc)\s+)"
_RES_WORD = r"(?:res(?:olution)?s?\.?)"
_ROMAN = r"\((?:[ivxlc]+|\d{4})\)"
_DESIGNATION = re.compile(
    # "resolution 60/161", "GA res. 53/144", "HRC resolution 5/1", "resolution 1325 (2000)", "res 2200 A (XXI)"
    rf"(?P<body>{_BODY})?{_RES_WORD}\s*(?:no\.?\s*)?(?P<res>\d{{1,4}}(?:/\d{{1,4}})?(?:\s*[a-e]\b)?(?:\s*{_ROMAN})?)"
    # document symbols: "A/RES/62/152", "A/62/225", "E/CN.4/2004/94"
    rf"|(?P<symbol>[a-z]{{1,3}}/(?=[a-z0-9.\-/]*\d)[a-z0-9.\-]+(?:/[a-z0-9.\-]+){{0,5}})"
    # a bare session/number: "53/144" (not a date such as 12/10/2024)
    rf"|(?P<body2>{_BODY})?(?P<bare>\d{{2}}/\d{{2,4}}(?!/?\d))"
    # old-style numbers: "2200 A (XXI)", "194 (III)"
    rf"|(?P<roman>\d{{1,5}}\s*(?:[a-e]\s*)?{_ROMAN})"
)
_INSTRUMENT = re.compile(
    r"\b(?:articles?|arts?\.|principles?|rules?|sections?|§§?|chapters?|annex)\s*\d+"
    r"|\b(?:of|in)\s+(?:the\s+)?(?:universal\s+)?(?:declaration|covenant|charter|convention|iccpr|icescr|udhr|report|"
    r"statute|protocol|guidelines|principles)\b"
)


@dataclass(frozen=True)
class _Designation:
    start: int
    end: int
    ours: bool
    strong: bool  # a resolution word, a body or a symbol: it governs a whole sentence, not only what touches it
    shown: str


def _designations(text: str, doc: Document) -> list[_Designation]:
    number = doc.meta.number.lower()
    symbol = doc.meta.symbol.lower()
    found = []
    for m in _DESIGNATION.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "/"):
            continue
        raw = re.sub(r"\s+", " ", (m["res"] or m["symbol"] or m["bare"] or m["roman"]).strip())
        body = re.sub(r"[.\s]", "", (m["body"] or m["body2"] or "")).removeprefix("un")
        ours = raw == symbol or (raw == number and body in ("", "ga", "generalassembly"))
        strong = not m["bare"] or bool(body)
        found.append(_Designation(m.start(), m.end(), ours, strong, m.group().strip()))
    found += [_Designation(m.start(), m.end(), False, False, m.group().strip()) for m in _INSTRUMENT.finditer(text)]
    found.sort(key=lambda d: d.start)
    return found


def _ordinal_value(word: str) -> int:
    word = word.strip()
    if word[:1].isdigit():
        return int(re.sub(r"\D", "", word))
    if word in _ORDINALS:
        return _ORDINALS[word]
    for tens, value in _TENS.items():
        if word.startswith(tens):
            return value + _UNITS[word[len(tens) :].lstrip("-")]
    raise ValueError(word)


def _rewrite_ordinals(text: str) -> str:
    """ "the third and fourth preambular paragraphs" -> "pp 3 and 4" (the grammar's own form)."""

    def replace(m: re.Match[str]) -> str:
        ords = re.sub(rf"\bthe\s+|({_ORD})", lambda o: str(_ordinal_value(o[1])) if o[1] else "", m["ords"])
        return f"{'pp' if m['part'] == 'preambular' else 'op'} {ords}"

    return _ORDINAL_PHRASE.sub(replace, text)


# -- strict parsing: an option that holds references and nothing else -----

_KIND_OF = (
    (re.compile(rf"^{_PP}$"), Kind.PREAMBLE),
    (re.compile(rf"^{_FN_STRICT}$"), Kind.FOOTNOTE),
    (re.compile(rf"^{_OP}$"), Kind.OPERATIVE),
)
_PREFIX = rf"(?:{_PP}|{_OP}|{_FN_STRICT})"
_ITEM = re.compile(
    rf"^(?:(?P<kind>{_PREFIX})\s*)?(?P<start>{_NUM})(?:{_TO}(?:(?P<kind2>{_PREFIX})\s*)?(?P<end>{_NUM}))?$"
)
_LIST_SPLIT = re.compile(rf"{_SEP}")
_OURS_AROUND = (
    # "A/RES/62/152 para 4", "62/152, ¶ 4", "GA res 62/152's para 4"
    re.compile(r"^(?:(?:in|of)\s+)?(?:the\s+)?@@(?:\s*,|'s|\s*:)?\s*"),
    # "para 4 of resolution 62/152", "para 4 in A/RES/62/152"
    re.compile(r"\s*,?\s*(?:of|in)\s+(?:the\s+)?@@$"),
    re.compile(r"\s*,?\s*\(?@@\)?$"),
)
_WHOLE = {"", "all", "whole", "the whole resolution", "whole resolution", "resolution", "the resolution", "everything"}


def _kind(prefix: str) -> Kind:
    for pattern, kind in _KIND_OF:
        if pattern.match(prefix.strip()):
            return kind
    raise AssertionError(prefix)


def _strip_designations(text: str, doc: Document) -> tuple[str, bool]:
    """Remove this resolution's designation from around the references; refuse another's."""
    named = False
    for d in reversed(_designations(text, doc)):
        if not d.ours:
            raise UserError(
                f"This bot serves {doc.symbol} ({doc.meta.citation_name}); “{_quote(d.shown)}” names another "
                f"text. Ask for a paragraph of {doc.meta.number}, e.g. `4` or `PP 3`."
            )
        text = f"{text[: d.start]}@@{text[d.end :]}"
        named = True
    for pattern in _OURS_AROUND:
        text = pattern.sub("", text)
    return text.replace("@@", " ").strip(" ,;:"), named


def named_documents(text: str, docs: Iterable[Document]) -> list[Document]:
    """The documents of `docs` that `text` names by symbol or number ("A/RES/78/216 para 5", "78/216 op 5")."""
    cleaned = normalise(text[:MAX_SCAN])
    return [doc for doc in docs if any(d.ours for d in _designations(cleaned, doc))]


def parse_refs(text: str, doc: Document, *, whole: bool = False) -> tuple[Ref, ...]:
    """The references in `text`, in document order, without repeats.

    With `whole=True` an empty result (the resolution itself: "", "all",
    "62/152") is allowed. Raises `UserError` for anything that is not a
    reference to something in `doc`.
    """
    shown = text.strip()
    if len(shown) > MAX_INPUT:
        raise UserError(f"That reference is too long to read ({len(shown)} characters). {SYNTAX_HELP}")
    cleaned, named = _strip_designations(_rewrite_ordinals(normalise(shown)), doc)
    if whole and (cleaned in _WHOLE or (named and not cleaned)):
        return ()
    refs: set[Ref] = set()
    carried: Kind | None = None
    items = [item.strip() for item in _LIST_SPLIT.split(cleaned)]
    for item in items:
        if not item:
            continue
        match = _ITEM.match(item)
        if match is None:
            if re.fullmatch(_PREFIX, item):
                raise UserError(f"Which number? “{_quote(item)}” needs one, e.g. `{item} 3`. {SYNTAX_HELP}")
            raise UserError(f"I couldn't read “{_quote(item)}” as a paragraph reference. {SYNTAX_HELP}")
        kind = _kind(match["kind"]) if match["kind"] else carried or Kind.OPERATIVE
        carried = kind
        start = int(match["start"])
        end = int(match["end"]) if match["end"] else start
        if match["kind2"] and _kind(match["kind2"]) is not kind:
            raise UserError(
                f"A range stays within one part: “{_quote(item)}” mixes {kind.noun}s and "
                f"{_kind(match['kind2']).noun}s. Ask for them as a list instead, e.g. `PP 15, OP 1`."
            )
        if end < start:
            raise UserError(f"The range {start}-{end} runs backwards: did you mean {end}-{start}?")
        _check_exists(doc, kind, start)
        _check_exists(doc, kind, end)
        if len(refs) + (end - start + 1) > MAX_REFS:
            raise UserError(f"That asks for more than {MAX_REFS} items at once; ask for a smaller range.")
        refs.update(Ref(kind, number) for number in range(start, end + 1))
    if not refs:
        if whole:
            raise UserError(f"Which paragraph? {SYNTAX_HELP} Leave it as `all` to cite the whole resolution.")
        raise UserError(f"Which paragraph? {SYNTAX_HELP}")
    return tuple(sorted(refs))


def parse_ref(text: str, doc: Document) -> Ref:
    """Exactly one reference."""
    refs = parse_refs(text, doc)
    if len(refs) != 1:
        raise UserError(f"Give one reference here, not {len(refs)}.")
    return refs[0]


def parse_footnotes(text: str, doc: Document) -> tuple[Ref, ...]:
    """Footnote references, where a bare number means a footnote: `5`, `fn 5`, `1-2`."""
    stripped = text.strip()
    refs = parse_refs(stripped if stripped[:1].isalpha() or not stripped else f"fn {stripped}", doc)
    if any(r.kind is not Kind.FOOTNOTE for r in refs):
        raise UserError(f"“{_quote(stripped)}” is a paragraph, not a footnote: use `/paragraph {_quote(stripped)}`.")
    return refs


def _check_exists(doc: Document, kind: Kind, number: int) -> None:
    count = doc.count(kind)
    if 1 <= number <= count:
        return
    if kind is Kind.FOOTNOTE:
        has = f"footnotes 1–{count}" if count else "no footnotes"
        raise UserError(f"There is no footnote {number}: this resolution has {has}.")
    if count == 0:
        raise UserError(f"This resolution has no {kind.noun}s; it has {doc.outline()}.")
    raise UserError(f"There is no {kind.noun} {number}: this resolution has {doc.outline()}.")


def _quote(text: str) -> str:
    """A short, printable echo of what someone typed (no lone surrogates or control characters)."""
    text = "".join(c if c.isprintable() else "\ufffd" for c in text.encode("utf-8", "replace").decode("utf-8"))
    return text if len(text) <= 40 else text[:39] + "…"


# -- finding references in a chat message ------------------------------------

_CHAT_PREFIX = rf"(?:{_PP}|{_OP}|{_FN_CHAT})"
# A number followed by one of these is a quantity, a time or a date, not a paragraph.
_NOT_A_PARAGRAPH = (
    r"(?!\s*(?:%|percent|per cent|days?|hours?|hrs?|h\b|mins?|minutes?|secs?|seconds?|weeks?|months?|years?|yrs?"
    r"|am\b|pm\b|a\.m|p\.m|o'clock|people|persons|times|states|countries|members|votes|jan|feb|mar|apr|may|jun|jul"
    r"|aug|sep|oct|nov|dec)|\s*[:/]\s*\d|\.\d|\w)"
)
_CHAT_RANGE = rf"{_NUM}{_NOT_A_PARAGRAPH}(?:{_TO}(?:{_CHAT_PREFIX}\s*)?{_NUM}{_NOT_A_PARAGRAPH})?"
_CHAT_GROUP = re.compile(
    rf"(?<![\w/])(?P<kind>{_CHAT_PREFIX})\s*(?P<list>{_CHAT_RANGE}(?:{_SEP}(?:{_CHAT_PREFIX}\s*)?{_CHAT_RANGE})*)"
)
_CHAT_ITEM = re.compile(
    rf"(?:(?P<kind>{_CHAT_PREFIX})\s*)?(?P<start>{_NUM})(?:{_TO}(?:{_CHAT_PREFIX}\s*)?(?P<end>{_NUM}))?"
)
_NOISE = re.compile(
    r"<(?:@[!&]?|#|a?:\w+:|t:)\d+(?::\w)?>"  # mentions, channels, custom emoji, timestamps
    r"|https?://\S+"  # links carry symbols and numbers of their own
    r"|```.*?```"  # code blocks are not prose (but inline `code` is kept)
    r"|[*_~|`>]",  # Markdown around a reference
    re.S,
)
_ABBREVIATIONS = ("para", "paras", "op", "pp", "pmbl", "fn", "fns", "res", "doc", "no", "art", "arts", "n", "nn")
_ATTACHED = re.compile(r"^\s*,?\s*(?:(?:of|in|from)\s+(?:the\s+)?)?$")
_LEADING = re.compile(r"^[\s,:'s]*(?:(?:says?|states?|reads?|in|at|see)\s+)*(?:its\s+)?$")


@dataclass(frozen=True)
class Found:
    """What a message refers to: references to this document, and numbers it lacks ("OP 42")."""

    refs: tuple[Ref, ...]
    missing: tuple[str, ...] = ()


def _sentences(text: str) -> list[str]:
    """Split prose into sentences, but not after "para." or "op."."""
    out, start = [], 0
    for m in re.finditer(r"[.!?]+\s+|\n+", text):
        before = re.search(r"(\w+)[.!?]*$", text[start : m.start() + 1])
        if m.group()[0] == "." and before and before.group(1).lower() in _ABBREVIATIONS:
            continue
        out.append(text[start : m.end()])
        start = m.end()
    out.append(text[start:])
    return [s for s in out if s.strip()]


def find_refs(text: str, doc: Document, *, untied: bool = True) -> Found:
    """The references to `doc` in a chat message, in document order.

    Only numbers that follow a paragraph word (`para`, `¶`, `OP`, `pp`,
    `footnote`, "third preambular paragraph" …) count. A reference that a
    sentence ties to another text ("para 2 of resolution 60/161",
    "A/62/225, para 5", "article 12, para 2") is skipped. With `untied=False`
    only references the message ties to `doc` itself ("78/216, para 5") count:
    how the other documents of a library are looked for.
    """
    cleaned = _NOISE.sub(" ", unicodedata.normalize("NFKC", text[:MAX_SCAN].translate(_INVISIBLE)).translate(_DASHES))
    refs: set[Ref] = set()
    missing: list[str] = []
    for sentence in _sentences(cleaned):
        sentence = _rewrite_ordinals(re.sub(r"[ \t]+", " ", sentence.lower()))
        designations = _designations(sentence, doc)
        consumed: set[_Designation] = set()  # "para 2 of res 60/161" does not govern what follows
        for group in _CHAT_GROUP.finditer(sentence):
            tied = _governing(sentence, group, designations)
            if tied is None:
                earlier = [d for d in designations if d.end <= group.start() and d.strong and d not in consumed]
                tied = earlier[-1] if earlier else None
            else:
                consumed.add(tied)
            if (tied is not None and not tied.ours) or (tied is None and not untied):
                continue
            carried = _kind(group["kind"])
            for item in _CHAT_ITEM.finditer(group.group()):
                kind = _kind(item["kind"]) if item["kind"] else carried
                carried = kind
                start = int(item["start"])
                end = int(item["end"]) if item["end"] else start
                if end < start or end - start >= MAX_REFS:
                    continue
                for number in range(start, end + 1):
                    ref = Ref(kind, number)
                    if 1 <= number <= doc.count(kind):
                        refs.add(ref)
                    elif ref.label not in missing:
                        missing.append(ref.label)
    return Found(tuple(sorted(refs)), tuple(missing))


def _governing(sentence: str, group: re.Match[str], designations: Sequence[_Designation]) -> _Designation | None:
    """The text a reference is tied to: one it touches ("para 2 of resolution 60/161",
    "A/62/225, para 5"), else a resolution or symbol named earlier in the sentence."""
    for d in designations:
        if d.start >= group.end() and _ATTACHED.match(sentence[group.end() : d.start]):
            return d
    for d in reversed(designations):
        if d.end <= group.start() and _LEADING.match(sentence[d.end : group.start()]):
            return d
    return None


# -- writing references back -------------------------------------------------

_COMPACT = {Kind.PREAMBLE: "PP", Kind.OPERATIVE: "OP", Kind.FOOTNOTE: "fn"}


def format_refs(refs: Iterable[Ref], sep: str = ", ") -> str:
    """A compact reference string that `parse_refs` reads back: "PP14-15, OP1-3, fn2"."""
    parts = []
    refs = list(refs)
    for kind in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.FOOTNOTE):
        numbers = sorted({r.number for r in refs if r.kind is kind})
        for _, group in groupby(enumerate(numbers), key=lambda pair: pair[1] - pair[0]):
            block = [n for _, n in group]
            prefix = _COMPACT[kind]
            parts.append(f"{prefix}{block[0]}" if len(block) == 1 else f"{prefix}{block[0]}-{block[-1]}")
    return sep.join(parts)


# -- articles of an annexed declaration ----------------------------------------------
# "art. 12", "Article 12(2)", "article 9, para. 3 (a)", "annex, art. 12", "53/144 art 12",
# "Article 12 of the Declaration". An article belongs to a resolution's annex: the resolution is
# the one the reference names (by number or symbol), else the document being read if it has
# articles, else the one document of the library that has.

_DECLARATION = r"(?:the\s+)?(?:declaration(?:\s+on\s+human\s+rights\s+defenders)?|annex)(?![\w-]|\s+(?:of|on|for)\b)"
_ART_WORD = r"(?:articles?|arts?\.?)"
_ART_DOC = (
    rf"(?:(?:{_BODY})?(?:{_RES_WORD}\s*)?(?:a/res/)?(?P<{{name}}>\d{{{{2}}}}/\d{{{{1,4}}}})(?![\d/])|{_DECLARATION})"
)
_ARTICLE_BODY = (
    rf"{_ART_WORD}\s*(?P<art>\d{{1,3}})(?!\d)"
    rf"(?:\s*\((?P<clause>\d{{1,2}})\)|\s*,?\s*(?:paragraphs?|paras?\.?|¶)\s*(?P<clause2>\d{{1,2}})(?!\d))?"
    rf"(?:\s*\((?P<item>[a-z]{{1,4}})\))?"
)
_ARTICLE = re.compile(
    rf"(?:(?P<pre>{_ART_DOC.format(name='prenum')})(?:'s|\s*[,:])?\s*)?"
    + _ARTICLE_BODY
    + rf"(?:\s*,?\s*(?:(?:of|in)\s+)?(?P<post>{_ART_DOC.format(name='postnum')}))?"
)


@dataclass(frozen=True)
class ArticlePoint:
    """An article of an annex, or one of its paragraphs, or a sub-paragraph of that: Article 9(3)(a)."""

    article: int
    clause: int | None = None
    item: str | None = None

    @property
    def label(self) -> str:
        """ "Article 9(3)(a)"."""
        return (
            f"Article {self.article}"
            + (f"({self.clause})" if self.clause else "")
            + (f"({self.item})" if self.item else "")
        )

    @property
    def compact(self) -> str:
        """ "art9.3.a": what a button's source holds, read back by `parse_article`."""
        return (
            f"art{self.article}" + (f".{self.clause}" if self.clause else "") + (f".{self.item}" if self.item else "")
        )


@dataclass(frozen=True)
class ArticleRef:
    point: ArticlePoint
    number: str | None  # the resolution the reference names ("53/144"), if it names one
    declaration: bool  # it says "the Declaration" or "annex"


_COMPACT_ARTICLE = re.compile(r"art(?P<art>\d{1,3})(?:\.(?P<clause>\d{1,2}))?(?:\.(?P<item>[a-z]{1,4}))?")


def parse_article(text: str) -> ArticleRef | None:
    """An article reference that is the whole of `text`, or None when `text` is not one."""
    cleaned = normalise(text)[:MAX_INPUT].strip(" .;:")
    compact = _COMPACT_ARTICLE.fullmatch(cleaned)
    if compact:
        return ArticleRef(_point(compact), None, False)
    m = _ARTICLE.fullmatch(cleaned)
    if m is None:
        return None
    named = m["prenum"] or m["postnum"]
    said = bool((m["pre"] and not m["prenum"]) or (m["post"] and not m["postnum"]))
    return ArticleRef(_point(m), named, said)


def _point(m: re.Match[str]) -> ArticlePoint:
    groups = m.groupdict()
    clause = groups.get("clause") or groups.get("clause2")
    return ArticlePoint(int(m["art"]), int(clause) if clause else None, groups.get("item") or None)


def find_articles(text: str) -> list[ArticleRef]:
    """Article references in a chat message that say whose they are: "Article 12 of the Declaration",
    "53/144 art 12", "annex, art. 12". A bare "article 12" could be any instrument's and is skipped."""
    cleaned = _NOISE.sub(" ", normalise(text[:MAX_SCAN]))
    found: list[ArticleRef] = []
    for m in _ARTICLE.finditer(cleaned):
        if m.start() and (cleaned[m.start() - 1].isalnum() or cleaned[m.start() - 1] == "/"):
            continue
        before = cleaned[max(0, m.start() - 12) : m.start()]
        if re.search(r"universal\s*$", before):
            continue
        named = m["prenum"] or m["postnum"]
        said = bool((m["pre"] and not m["prenum"]) or (m["post"] and not m["postnum"]))
        if named or said:
            ref = ArticleRef(_point(m), named, said)
            if ref not in found:
                found.append(ref)
    return found
