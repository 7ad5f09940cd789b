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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import NamedTuple

from .errors import UserError
from .lazyre import lazy
from .model import Document, Kind, Ref

MAX_INPUT = 200
MAX_REFS = 60  # far more than a message can show; stops "1-99999" work
MAX_SCAN = 4_000  # the finder reads at most this much of a message (Discord's own limit)

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
# A chain of ordinals, then optionally the part it names. The tail is optional so that each
# chain is matched once, whole, and the scan moves past it: requiring the tail made every
# start inside a long chain that never reaches "paragraph" rescan it (quadratic).
_ORDINAL_PHRASE = lazy(
    rf"\b(?:the\s+)?(?P<ords>{_ORD}(?:(?:{_SEP}|{_TO})(?:the\s+)?{_ORD})*)"
    rf"(?P<tail>\s+(?P<part>preambular|operative)\s+(?:paragraphs?|paras?)\b)?"
)

# Another text's designations: resolutions ("resolution 60/161", "53/144", "2200 A (XXI)",
# "194 (III)", "HRC resolution 5/1"), document symbols ("A/62/225", "E/CN.4/2004/94"), other
# instruments' parts ("article 12", "principle 4"), texts named by their kind ("the report",
# "General Comment No. 34", "the handout", "the annex") and resolutions named by pointing back
# ("that resolution", "its resolution", "the same resolution").
_BODY = r"(?:(?:un\s+)?(?:g\.?\s?a\.?|general assembly|hrc|human rights council|security council|s\.?c\.?|ecosoc)\s+)"
_RES_WORD = r"(?:res(?:olution)?s?\.?)"
_ROMAN = r"\((?:[ivxlc]+|\d{4})\)"
_DESIGNATION = lazy(
    # Never inside a word or a path; checked first, so most places in a message cost nothing more.
    r"(?<![^\W_])(?<!/)(?:"
    # "resolution 60/161", "GA res. 53/144", "HRC resolution 5/1", "resolution 1325 (2000)", "res 2200 A (XXI)"
    rf"(?P<body>{_BODY})?{_RES_WORD}\s*(?:no\.?\s*)?(?P<res>\d{{1,4}}(?:/\d{{1,4}})?(?:\s*[a-e]\b)?(?:\s*{_ROMAN})?)"
    # document symbols: "A/RES/62/152", "A/62/225", "E/CN.4/2004/94" (the look-ahead for a digit is
    # bounded, as symbols are short: unbounded, it rescanned "a/a/a/…" from every slash)
    rf"|(?P<symbol>[a-z]{{1,5}}/(?=[a-z0-9.\-/]{{0,40}}\d)[a-z0-9.\-]+(?:/[a-z0-9.\-]+){{0,5}})"
    # a bare session/number: "53/144" (not a date such as 12/10/2024)
    rf"|(?P<body2>{_BODY})?(?P<bare>\d{{2}}/\d{{2,4}}(?!/?\d))"
    # old-style numbers: "2200 A (XXI)", "194 (III)"
    rf"|(?P<roman>\d{{1,5}}\s*(?:[a-e]\s*)?{_ROMAN})"
    # a resolution named by pointing back to one named before ("its previous resolution", "the 2005
    # resolution", "last year's resolution"); "its para 2" likewise points back to the last one named
    r"|(?P<back>\b(?:(?:its|that|said|the|their)\s+(?:(?:same|said|latter|former|above|previous|earlier|prior|last"
    r"|latest|first|original|aforementioned|(?P<year>\d{4}))\s+)?|last\s+year(?:'|\u2019)s\s+)"
    r"(?<!\bthe )resolution\b(?!\s*(?:no\.?\s*)?\d))"
    r"|(?P<its>\bits(?=\s+(?:paragraphs?|paras?\b|¶|op\b|pp\b|preambular|operative)))"
    # a text named by its kind, with its number or whose it is: "general comment no. 34", "report for kenya"
    r"|(?P<kind>\b(?:(?:general\s+)?comments?|reports?|handouts?|annex(?:es)?|decisions?|documents?|conventions?"
    r"|covenants?|declarations?|charters?|treat(?:y|ies)|protocols?|statutes?|guidelines|books?|articles?|papers?"
    r"|iccpr|icescr|udhr|cedaw"
    r"|stud(?:y|ies)|briefs?|submissions?|slides|drafts?|letters?|communications?"
    r"|(?:general\s+)?recommendations?|principles|observations|statements?|opinions?|judge?ments?|records?"
    r"|memos?|memorand(?:um|a)|pdfs?"
    # "note" alone is a footnote ("note 5"): a note is another text only when it is someone's or named
    r"|(?<='s\s)notes?|(?<=\u2019s\s)notes?|(?:concept|explanatory|information)\s+notes?|notes?\s+verbales?)\b)"
    r"(?:\s+(?:no\.?\s*)?\d[\w/.\-]*|\s+(?:for|on)\s+[a-z][\w'\u2019\-]*)?"
    # other instruments' numbered parts: "article 12", "principle 4", "§ 3"
    r"|\b(?:articles?|arts?\.|principles?|rules?|sections?|§§?|chapters?)\s*\d+"
    r"|\bchapters?\s+[ivxlc]+\b"
    r")"
)


def has_annex(doc: Document) -> bool:
    """Whether the document carries an annex, so that "the annex" is part of it rather than another
    text. Asks the model (`Document.annexes`, once annexes are part of it)."""
    return bool(getattr(doc, "annexes", ()))


class _Designation(NamedTuple):
    start: int
    end: int
    ours: bool
    strong: bool  # a resolution word, a body or a symbol: it governs a whole sentence, not only its clause
    shown: str
    annex: bool = False  # "the annex" of this document: its paragraphs are not the operative ones
    by_kind: bool = False  # "report", "comments": also verbs, so tied to a reference only by "of", "in"…


def _designations(text: str, doc: Document) -> list[_Designation]:
    """Every designation in `text`, in order, none overlapping."""
    number = doc.meta.number.lower()
    symbol = doc.meta.symbol.lower()
    found: list[_Designation] = []
    last_ours: bool | None = None  # the last resolution named, for "that resolution"
    for m in _DESIGNATION.finditer(text):
        shown = m.group().strip()
        if m["its"]:  # "Its para 2": the last resolution named, else the one being read
            found.append(_Designation(m.start(), m.end(), last_ours is not False, True, shown))
        elif m["back"]:
            year = m["year"]  # "the 2007 resolution": ours when it is the year this one was adopted
            ours = int(year) == doc.meta.adopted.year if year else bool(last_ours)
            found.append(_Designation(m.start(), m.end(), ours, True, shown))
        elif m["kind"]:
            annex = m["kind"].startswith("annex") and has_annex(doc)
            found.append(_Designation(m.start(), m.end(), annex, False, shown, annex, by_kind=True))
        elif m["res"] or m["symbol"] or m["bare"] or m["roman"]:
            raw = " ".join((m["res"] or m["symbol"] or m["bare"] or m["roman"]).split())
            body = "".join((m["body"] or m["body2"] or "").replace(".", "").split()).removeprefix("un")
            ours = raw == symbol or (raw == number and body in ("", "ga", "generalassembly"))
            found.append(_Designation(m.start(), m.end(), ours, not m["bare"] or bool(body), shown))
            last_ours = ours
        else:
            found.append(_Designation(m.start(), m.end(), False, False, shown))
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
        if not m["tail"]:
            return m.group()
        ords = re.sub(rf"\bthe\s+|({_ORD})", lambda o: str(_ordinal_value(o[1])) if o[1] else "", m["ords"])
        return f"{'pp' if m['part'] == 'preambular' else 'op'} {ords}"

    if "preambular" not in text and "operative" not in text:
        return text  # nothing to rewrite: the phrase always names its part
    return _ORDINAL_PHRASE.sub(replace, text)


# -- the other official languages' paragraph words ---------------------------------
# What the UN's texts and their readers write in French, Spanish, Russian and Chinese, rewritten into
# the grammar's own English forms before the finder reads a message (over lower-cased, NFKC text):
# "paragraphes 4 et 7" -> "paras 4 and 7", "alinéa 3 du préambule" -> "pp 3", "пункт 2 резолюции
# 60/161" -> "para 2 of resolution 60/161", "第60/161号决议第2段" -> "resolution 60/161 para 2", so that
# the same rules keep other texts' paragraphs out.

_L = r"(?<![^\W\d_])"  # a word starts here (\b fails before "¶"-like marks and after digits)
_NUMS = r"\d{1,4}(?:\s*(?:,|et|à|y|a|и|–|-)\s*\d{1,4})*"  # "4 et 7", "9 à 11", "4 y 7", "4 и 7"
_JOINERS = {"et": "and", "y": "and", "и": "and", "à": "to", "a": "to"}
_FOREIGN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        # the preamble and footnotes first: they hold the words for a paragraph
        (rf"{_L}(?:l['’]\s*)?alinéas?\s+(\d{{1,4}})\s+du\s+préambule", r"pp \1"),
        (rf"{_L}párrafos?\s+(\d{{1,4}})\s+del\s+preámbulo", r"pp \1"),
        (rf"{_L}пункт\w*\s+(\d{{1,4}})\s+преамбулы", r"pp \1"),
        (r"序言(?:部分)?第(\d{1,4})段", r" pp \1 "),
        (r"执行部分第(\d{1,4})段", r" op \1 "),
        (rf"{_L}notes?\s+de\s+bas\s+de\s+page\s+(?=\d)", "footnote "),
        (rf"{_L}notas?\s+(?:al\s+pie(?:\s+de\s+página)?|a\s+pie\s+de\s+página)\s+(?=\d)", "footnote "),
        (rf"{_L}сноск\w*\s+(?=\d)", "footnote "),
        (r"脚注\s*(?=\d)", " footnote "),
        # another text's paragraph: the word for "of" that ties it, and the text's own word
        (r"(\d)\s+(?=резолюци|доклад|декларац|решени)", r"\1 of "),
        (
            r"(\d)\s+(?:de\s+(?:la|sa|leur|cette|su|esta)|du|del|de)\s+(?=résolution|resoluci|rapport|informe|déclaration|declaraci|décision|decisi|document|a/res/|\d{1,3}/\d)",
            r"\1 of the ",
        ),
        (rf"{_L}(?:résolution|resolución|резолюци\w*)(?=\s*\d)", "resolution"),
        (rf"{_L}(?:rapport|informe|доклад\w*)\b", "report"),
        (rf"{_L}(?:déclaration|declaración|декларац\w*)\b", "declaration"),
        (rf"{_L}(?:décision|decisión|решени\w*)(?=\s*\d)", "decision"),
        (r"第(\d{1,4}/\d{1,4})号决议", r" resolution \1 "),
        # the paragraph words, with their lists and ranges
        (rf"{_L}(?:paragraphes?|par\.|párrafos?|párrs?\.|пункт(?:ы|а|е|ах|ов|ами)?|пп?\.)\s*(?={_NUMS})", "para "),
        (r"第(\d{1,4})(?:(至|和|、)(\d{1,4}))?段", "\x01"),  # below: Chinese lists and ranges
    )
)
_FOREIGN_LIST = re.compile(rf"\bparas?\s+{_NUMS}")
# A letter of French, Spanish, Russian or Chinese (not any non-ASCII character: "¶", "§", curly
# quotes and dashes are common in English, and rewriting a 4,000-character message for them cost
# more than half of its reading), or a foreign paragraph word written in ASCII.
_FOREIGN_HINT = lazy(r"[À-ɏЀ-ӿ\u3000-\u9fff]|\bpar\.|\bparagraphes?\b|\bnotes?\s+de\b")


def _chinese(m: re.Match[str]) -> str:
    if not m[2]:
        return f" para {m[1]} "
    return f" paras {m[1]} {'to' if m[2] == '至' else 'and'} {m[3]} "


def _rewrite_languages(text: str) -> str:
    """French, Spanish, Russian and Chinese references in the grammar's English forms (see `_FOREIGN`)."""
    if not _FOREIGN_HINT.search(text):
        return text  # plain English (the usual case): nothing to do
    for pattern, replacement in _FOREIGN:
        text = pattern.sub(_chinese, text) if replacement == "\x01" else pattern.sub(replacement, text)
    # "paras 4 et 7", "para 9 à 11", "paras 4 y 7": the joiners inside a rewritten list
    return _FOREIGN_LIST.sub(lambda m: re.sub(r"\s(et|y|и|à|a)\s", lambda j: f" {_JOINERS[j[1]]} ", m.group()), text)


# -- strict parsing: an option that holds references and nothing else -----

_KIND_OF = (
    (re.compile(rf"^{_PP}$"), Kind.PREAMBLE),
    (re.compile(rf"^{_FN_STRICT}$"), Kind.FOOTNOTE),
    (re.compile(rf"^{_OP}$"), Kind.OPERATIVE),
)
_PREFIX = rf"(?:{_PP}|{_OP}|{_FN_STRICT})"
_ITEM = lazy(rf"^(?:(?P<kind>{_PREFIX})\s*)?(?P<start>{_NUM})(?:{_TO}(?:(?P<kind2>{_PREFIX})\s*)?(?P<end>{_NUM}))?$")
_LIST_SPLIT = re.compile(rf"{_SEP}")
_OURS_AROUND = (
    # "A/RES/62/152 para 4", "62/152, ¶ 4", "GA res 62/152's para 4"
    re.compile(r"^(?:(?:in|of)\s+)?(?:the\s+)?@@(?:\s*,|'s|\s*:)?\s*"),
    # "para 4 of resolution 62/152", "para 4 in A/RES/62/152"
    re.compile(r"\s*,?\s*(?:of|in)\s+(?:the\s+)?@@$"),
    re.compile(r"\s*,?\s*\(?@@\)?$"),
)
_WHOLE = {"", "all", "whole", "the whole resolution", "whole resolution", "resolution", "the resolution", "everything"}


@lru_cache(maxsize=256)
def _kind(prefix: str) -> Kind:
    for pattern, kind in _KIND_OF:
        if pattern.match(prefix.strip()):
            return kind
    raise AssertionError(prefix)


def _strip_designations(text: str, doc: Document) -> tuple[str, bool]:
    """Remove this resolution's designation from around the references; refuse another's."""
    named = False
    for d in reversed(_designations(text, doc)):
        if d.annex:
            if any(getattr(a, "articles", ()) for a in getattr(doc, "annexes", ())):
                raise UserError("err-annex-articles", symbol=doc.symbol)
            raise UserError("err-annex-paragraphs", symbol=doc.symbol)
        if not d.ours:
            raise UserError(
                "err-other-text",
                symbol=doc.symbol,
                name=doc.meta.citation_name,
                body=doc.meta.body.casefold().replace(" ", "-"),  # "general-assembly": the catalogues word it
                shown=_quote(d.shown),
                number=doc.meta.number,
            )
        text = f"{text[: d.start]}@@{text[d.end :]}"
        named = True
    for pattern in _OURS_AROUND:
        text = pattern.sub("", text)
    return text.replace("@@", " ").strip(" ,;:."), named


def named_documents(text: str, docs: Iterable[Document]) -> list[Document]:
    """The documents of `docs` that `text` names by symbol or number ("A/RES/78/216 para 5", "78/216 op 5")."""
    cleaned = normalise(text[:MAX_SCAN])
    return [doc for doc in docs if any(d.ours and not d.annex for d in _designations(cleaned, doc))]


def parse_refs(text: str, doc: Document, *, whole: bool = False) -> tuple[Ref, ...]:
    """The references in `text`, in document order, without repeats.

    With `whole=True` an empty result (the resolution itself: "", "all",
    "62/152") is allowed. Raises `UserError` for anything that is not a
    reference to something in `doc`.
    """
    shown = text.strip()
    if len(shown) > MAX_INPUT:
        raise UserError("err-reference-too-long", length=len(shown))
    article = re.fullmatch(r"art(\d{1,3})", shown)  # as `format_refs` writes an article (a daily post's)
    if article is not None:
        annex = next((a for a in doc.annexes if a.articles), None)
        if annex is None or int(article[1]) not in {a.number for a in annex.articles}:
            raise UserError("err-no-article", symbol=doc.symbol, article=article[1])
        return (Ref(Kind.ARTICLE, int(article[1])),)
    cleaned, named = _strip_designations(_rewrite_ordinals(_rewrite_languages(normalise(shown)).strip()), doc)
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
                raise UserError("err-reference-needs-number", item=_quote(item))
            raise UserError("err-reference-unreadable", item=_quote(item))
        kind = _kind(match["kind"]) if match["kind"] else carried or Kind.OPERATIVE
        carried = kind
        start = int(match["start"])
        end = int(match["end"]) if match["end"] else start
        if match["kind2"] and _kind(match["kind2"]) is not kind:
            raise UserError("err-range-mixed", item=_quote(item), kind=kind.value, other=_kind(match["kind2"]).value)
        if end < start:
            raise UserError("err-range-backwards", start=str(start), end=str(end))
        _check_exists(doc, kind, start)
        _check_exists(doc, kind, end)
        if len(refs) + (end - start + 1) > MAX_REFS:
            raise UserError("err-too-many", max=MAX_REFS)
        refs.update(Ref(kind, number) for number in range(start, end + 1))
    if not refs:
        if whole:
            raise UserError("err-which-paragraph-or-all")
        raise UserError("err-which-paragraph")
    return tuple(sorted(refs))


def parse_ref(text: str, doc: Document) -> Ref:
    """Exactly one reference."""
    refs = parse_refs(text, doc)
    if len(refs) != 1:
        raise UserError("err-one-reference", count=len(refs))
    return refs[0]


def parse_footnotes(text: str, doc: Document) -> tuple[Ref, ...]:
    """Footnote references, where a bare number means a footnote: `5`, `fn 5`, `1-2`."""
    stripped = text.strip()
    refs = parse_refs(stripped if stripped[:1].isalpha() or not stripped else f"fn {stripped}", doc)
    if any(r.kind is not Kind.FOOTNOTE for r in refs):
        raise UserError("err-paragraph-not-footnote", ref=_quote(stripped))
    return refs


def _check_exists(doc: Document, kind: Kind, number: int) -> None:
    count = doc.count(kind)
    if 1 <= number <= count:
        return
    if kind is Kind.FOOTNOTE:
        raise UserError("err-no-footnote", number=str(number), footnotes=count)
    if count == 0:
        raise UserError("err-none-of-kind", kind=kind.value, **outline(doc))
    raise UserError("err-no-such-part", kind=kind.value, number=str(number), **outline(doc))


def outline(doc: Document) -> dict[str, int]:
    """The arguments of the catalogue's `err-outline` (what `doc` contains), for the messages that say it."""
    return {"operative": len(doc.operative), "preambular": len(doc.preamble)}


def _quote(text: str) -> str:
    """A short, printable echo of what someone typed (no lone surrogates or control characters)."""
    text = "".join(c if c.isprintable() else "\ufffd" for c in text.encode("utf-8", "replace").decode("utf-8"))
    return text if len(text) <= 40 else text[:39] + "…"


# -- finding references in a chat message ------------------------------------

_CHAT_PREFIX = rf"(?:{_PP}|{_OP}|{_FN_CHAT})"
# A number followed by one of these is a quantity, a time or a date, not a paragraph. Whole words
# only: "para 17 decides", "para 4 secures", "OP 8 marks" are verbs, not December, seconds or March;
# "may" is a month only before a day or a year ("OP 5 may need a vote").
_NOT_A_PARAGRAPH = (
    r"(?!\s*(?:%|(?:percent|per cent|days?|hours?|hrs?|h|mins?|minutes?|secs?|seconds?|weeks?|months?|years?|yrs?"
    r"|am|pm|a\.m|p\.m|o'clock|people|persons|times|countries|members|votes|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?"
    r"|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|may\s*\d)"
    r"|\s*[:/]\s*\d|\.\d|\w)"
)
_CHAT_RANGE = rf"{_NUM}{_NOT_A_PARAGRAPH}(?:{_TO}(?:{_CHAT_PREFIX}\s*)?{_NUM}{_NOT_A_PARAGRAPH})?"
_CHAT_GROUP = lazy(
    rf"(?<![\w/])(?P<kind>{_CHAT_PREFIX})\s*(?P<list>{_CHAT_RANGE}(?:{_SEP}(?:{_CHAT_PREFIX}\s*)?{_CHAT_RANGE})*)"
)
_CHAT_ITEM = lazy(rf"(?:(?P<kind>{_CHAT_PREFIX})\s*)?(?P<start>{_NUM})(?:{_TO}(?:{_CHAT_PREFIX}\s*)?(?P<end>{_NUM}))?")
_NOISE = re.compile(
    r"<(?:@[!&]?|#|a?:\w+:|t:)\d+(?::\w)?>"  # mentions, channels, custom emoji, timestamps
    r"|https?://\S+"  # links carry symbols and numbers of their own
    r"|```.*?```"  # code blocks are not prose (but inline `code` is kept)
    r"|[*_~|`>]",  # Markdown around a reference
    re.S,
)
_ABBREVIATIONS = ("para", "paras", "op", "pp", "pmbl", "fn", "fns", "res", "doc", "no", "art", "arts", "n", "nn")
# A line break ends a sentence: it becomes `_STOP`, which no pattern reads across. ". ", "! " and
# "? " end one too (not "para. " or "op. ") for the rules on other texts; no pattern reads across
# those marks anyway, so they need no `_STOP` and are looked for only when a message both refers
# to paragraphs and names texts.
_STOP = "\x00"
_LINES = str.maketrans("\n\r", _STOP * 2)
_SENTENCE_GAP = re.compile(
    r"[.!?]" + "".join(rf"(?<!\b{word}\.)" for word in _ABBREVIATIONS) + r"\s+|\x00+"
)  # starts with the punctuation, so the scan skips straight to it
# Within a sentence, a new clause starts after these.
_CLAUSE_BREAK = re.compile(
    r";|,\s*(?:and|or|but|while|whereas|although|though|however)\b|\s(?:and|or|but|while|whereas|although|though)\s"
)
# What may stand between a reference and the text it belongs to, after it: "para 2 of resolution
# 60/161", "para 2 of the SR report", "para 4 of its resolution 60/161", "pp. 2-3 of the handout";
# a few words that describe the text, never a verb or a new phrase.
_ATTACHED = re.compile(
    r"\s*,?\s*\(?\s*(?:(?P<link>of|in|from|under|within)\s+(?:(?:the|its|their|his|her|a|an|this|these|those)\s+)?"
    r"(?:(?!(?:that|which|who|whose|is|are|was|were|be|been|by|to|for|with|and|or|but|as|on|at|says?|said|states?"
    r"|the)\b)[\w'\u2019.\-]+\s+){0,3})?\(?\s*$"
)
# ... and before it: "A/62/225, para 5", "62/152's para 4", "General Comment No. 34, para 13".
_LEADING = re.compile(r"(?:\s|,|:|'s|\u2019s){0,6}(?:(?:says?|states?|reads?|in|at|see)\s+){0,3}(?:its\s+)?$")


@dataclass(frozen=True)
class Found:
    """What a message refers to: references to this document, and numbers it lacks ("OP 42")."""

    refs: tuple[Ref, ...]
    missing: tuple[str, ...] = ()


def _prose(text: str) -> str:
    """The message as the finder reads it: no Markdown, mentions or links, lower case, ordinals
    rewritten ("the third preambular paragraph" -> "pp 3"), line breaks impassable."""
    cleaned = _NOISE.sub(" ", unicodedata.normalize("NFKC", text[:MAX_SCAN].translate(_INVISIBLE)).translate(_DASHES))
    return _rewrite_ordinals(_rewrite_languages(re.sub(r"[ \t]+", " ", cleaned.lower().translate(_LINES))))


def find_refs(text: str, doc: Document, *, untied: bool = True) -> Found:
    """The references to `doc` in a chat message, in document order.

    Only numbers that follow a paragraph word (`para`, `¶`, `OP`, `pp`,
    `footnote`, "third preambular paragraph" …) count. A reference that
    belongs to another text is skipped; it does when
    - a designation is tied to it, after ("para 2 of resolution 60/161", "pp. 2-3
      of the handout", "para 4 of its resolution 60/161") or before ("A/62/225,
      para 5", "General Comment No. 34, para 13");
    - else its clause names another text before it ("The UPR report for Kenya,
      para 12"), or its sentence names another resolution or symbol before it
      ("Resolution 60/161 is long, and para 2 is odd").
    A text named after a reference without a tie ("para 9 asks for a report",
    "footnote 5 points to 53/144") is what the paragraph talks about, and
    governs neither it nor later references in its clause.

    With `untied=False` only references the message ties to `doc` itself ("78/216, para 5")
    count: how the other documents of a library are looked for.
    """
    prose = _prose(text)
    groups = list(_CHAT_GROUP.finditer(prose))
    if not groups:
        return Found(())
    elsewhere = _elsewhere(prose, groups, _designations(prose, doc), untied)
    wanted: dict[tuple[Kind, int], None] = {}  # in order of mention, once each
    for group, skip in zip(groups, elsewhere, strict=True):
        if not skip:
            for kind, start, end in _numbers(group.group()):
                for number in range(start, end + 1):
                    wanted.setdefault((kind, number), None)
    refs = [Ref(kind, number) for kind, number in wanted if 1 <= number <= doc.count(kind)]
    missing = [Ref(kind, number).label for kind, number in wanted if not 1 <= number <= doc.count(kind)]
    return Found(tuple(sorted(refs)), tuple(missing))


@lru_cache(maxsize=1024)
def _numbers(group: str) -> tuple[tuple[Kind, int, int], ...]:
    """What a reference group names: (part, first, last) for each item of "paras 4-6 and OP 9"."""
    out = []
    carried = None
    for item in _CHAT_ITEM.finditer(group):
        kind = _kind(item["kind"]) if item["kind"] else carried or Kind.OPERATIVE
        carried = kind
        start = int(item["start"])
        end = int(item["end"]) if item["end"] else start
        if start <= end < start + MAX_REFS:
            out.append((kind, start, end))
    return tuple(out)


def _elsewhere(
    prose: str,
    groups: Sequence[re.Match[str]],
    designations: Sequence[_Designation],
    untied: bool = True,
) -> list[bool]:
    """For each reference group, whether it belongs to another text (see `find_refs`). One pass
    over the groups in order, each placed among the designations by bisection: linear."""
    if not designations:
        return [not untied] * len(groups)
    sentences = [0] + [m.end() for m in _SENTENCE_GAP.finditer(prose)]
    clauses = sorted(sentences + [m.start() for m in _CLAUSE_BREAK.finditer(prose)])
    starts = [d.start for d in designations]
    ends = [d.end for d in designations]
    group_ends = [g.end() for g in groups]

    def sentence(pos: int) -> int:
        return bisect_right(sentences, pos)

    def clause(pos: int) -> int:
        return bisect_right(clauses, pos)

    def talked_about(d: _Designation) -> bool:
        """A text named after a reference in the same clause: the reference's object."""
        before = bisect_right(group_ends, d.start) - 1
        return before >= 0 and clause(groups[before].start()) == clause(d.start)

    def governs(index: int, pos: int) -> bool:
        """Whether a text named before `pos`, and tied to no reference, governs it: within its
        clause, or within its sentence for a resolution or a symbol."""
        d = designations[index]
        if index in consumed:
            return False
        return clause(d.start) == clause(pos) or (d.strong and sentence(d.start) == sentence(pos))

    consumed: set[int] = set()  # designations tied to a reference ("para 2 of res 60/161") govern nothing else
    governing: list[int] = []  # designations before the current reference that may govern it, nearest last
    passed = 0
    out = []
    for group in groups:
        while passed < len(designations) and ends[passed] <= group.start():
            if not talked_about(designations[passed]):
                governing.append(passed)
            passed += 1
        tied: int | None = None
        after = bisect_left(starts, group.end())
        attached = _ATTACHED.match(prose, group.end(), starts[after]) if after < len(designations) else None
        if attached and (attached["link"] or not designations[after].by_kind):  # "para 9 reports …" is a verb
            tied = after
        before = bisect_right(ends, group.start()) - 1
        if tied is None and before >= 0 and _LEADING.match(prose, ends[before], group.start()):
            tied = before
        if tied is not None:
            consumed.add(tied)
        else:
            # The nearest text named before that still governs here; the others never will again.
            while governing and not governs(governing[-1], group.start()):
                governing.pop()
            tied = governing[-1] if governing else None
        # Another text's; or this document's annex, whose paragraphs are not the operative ones.
        if tied is None:
            out.append(not untied)
        else:
            out.append(not designations[tied].ours or designations[tied].annex)
    return out


# -- writing references back -------------------------------------------------

_COMPACT = {Kind.PREAMBLE: "PP", Kind.OPERATIVE: "OP", Kind.FOOTNOTE: "fn"}


def format_refs(refs: Iterable[Ref], sep: str = ", ") -> str:
    """A compact reference string that `parse_refs` reads back: "PP14-15, OP1-3, fn2"."""
    parts = []
    refs = list(refs)
    if len(refs) == 1:  # one reference, as every autocomplete choice's value: nothing to group
        (ref,) = refs
        if ref.kind in _COMPACT:
            return f"{_COMPACT[ref.kind]}{ref.number}"
        if ref.kind is Kind.ARTICLE:
            return f"art{ref.number}"
    for kind in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.FOOTNOTE):
        numbers = sorted({r.number for r in refs if r.kind is kind})
        for _, group in groupby(enumerate(numbers), key=lambda pair: pair[1] - pair[0]):
            block = [n for _, n in group]
            prefix = _COMPACT[kind]
            parts.append(f"{prefix}{block[0]}" if len(block) == 1 else f"{prefix}{block[0]}-{block[-1]}")
    parts += [f"art{r.number}" for r in sorted(set(refs)) if r.kind is Kind.ARTICLE]
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
_ARTICLE = lazy(
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
