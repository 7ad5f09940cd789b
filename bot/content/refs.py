"""Parse what people type to point at a paragraph: `4`, `OP 4`, `pp3`, `fn2`, `¶¶ 4–6`, `4, 7`.

A bare number means the operative paragraph, as in UN usage ("para. 4").
Everything that cannot be answered raises `UserError` with a message that
says what the document does contain.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import groupby

from .errors import UserError
from .model import Document, Kind, Ref

MAX_INPUT = 200
MAX_REFS = 60  # far more than a message can show; stops "1-99999" work

_PREFIXES: dict[str, Kind] = {}
for _kind, _words in {
    Kind.OPERATIVE: ("op", "operative", "para", "paras", "paragraph", "paragraphs", "¶", "¶¶"),
    Kind.PREAMBLE: ("pp", "pp.", "preamble", "preambular", "preambular paragraph", "preambular para"),
    Kind.FOOTNOTE: ("fn", "footnote", "footnotes", "note", "notes", "n"),
}.items():
    for _word in _words:
        _PREFIXES[_word] = _kind

_PREFIX_RE = "|".join(sorted((re.escape(w) for w in _PREFIXES), key=len, reverse=True))
_ITEM = re.compile(
    rf"^(?:(?P<kind>{_PREFIX_RE})\s*)?(?P<start>\d+)"
    rf"(?:\s*-\s*(?:(?P<kind2>{_PREFIX_RE})\s*)?(?P<end>\d+))?$"
)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")

SYNTAX_HELP = (
    "Try `4` or `OP 4` (operative paragraph), `PP 3` (preambular paragraph), "
    "`fn 2` (footnote), a range like `4-6`, or a list like `4, 7`."
)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).casefold().strip()
    text = re.sub(r"\bpara\.", "para", text)
    text = re.sub(r"\bparas\.", "paras", text)
    text = re.sub(r"\bop\.", "op", text)
    text = re.sub(r"\bfn\.", "fn", text)
    text = re.sub(r"\bn\.", "n", text)
    text = re.sub(r"\s+", " ", text)
    return text


def parse_refs(text: str, doc: Document) -> tuple[Ref, ...]:
    """The references in `text`, in the order given, without repeats.

    Raises `UserError` for anything that is not a reference to something in `doc`.
    """
    shown = text.strip()
    if not shown:
        raise UserError(f"Which paragraph? {SYNTAX_HELP}")
    if len(shown) > MAX_INPUT:
        raise UserError(f"That reference is too long to read ({len(shown)} characters). {SYNTAX_HELP}")
    cleaned = _normalise(shown)
    items = [item.strip() for item in re.split(r"\s*(?:,|;|&|\band\b)\s*", cleaned)]
    refs: list[Ref] = []
    carried: Kind | None = None
    for item in items:
        if not item:
            continue
        match = _ITEM.match(item)
        if match is None:
            raise UserError(f"I couldn't read “{_quote(item)}” as a paragraph reference. {SYNTAX_HELP}")
        kind = _PREFIXES[match["kind"]] if match["kind"] else carried or Kind.OPERATIVE
        carried = kind
        start = int(match["start"])
        end = int(match["end"]) if match["end"] else start
        if match["kind2"] and _PREFIXES[match["kind2"]] is not kind:
            raise UserError(
                f"A range stays within one part: “{_quote(item)}” mixes {kind.noun}s and "
                f"{_PREFIXES[match['kind2']].noun}s. Ask for them as a list instead, e.g. `PP 15, OP 1`."
            )
        if end < start:
            raise UserError(f"The range {start}-{end} runs backwards: did you mean {end}-{start}?")
        _check_exists(doc, kind, start)
        _check_exists(doc, kind, end)
        if len(refs) + (end - start + 1) > MAX_REFS:
            raise UserError(f"That asks for more than {MAX_REFS} items at once; ask for a smaller range.")
        for number in range(start, end + 1):
            ref = Ref(kind, number)
            if ref not in refs:
                refs.append(ref)
    if not refs:
        raise UserError(f"Which paragraph? {SYNTAX_HELP}")
    return tuple(refs)


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
    return text if len(text) <= 40 else text[:39] + "…"


def format_refs(refs: Sequence[Ref]) -> str:
    """A compact reference string that `parse_refs` reads back: "PP14-15, OP1-3, fn2"."""
    parts = []
    for kind in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.FOOTNOTE):
        numbers = sorted({r.number for r in refs if r.kind is kind})
        for _, group in groupby(enumerate(numbers), key=lambda pair: pair[1] - pair[0]):
            block = [n for _, n in group]
            prefix = _COMPACT[kind]
            parts.append(f"{prefix}{block[0]}" if len(block) == 1 else f"{prefix}{block[0]}-{block[-1]}")
    return ", ".join(parts)


_COMPACT = {Kind.PREAMBLE: "PP", Kind.OPERATIVE: "OP", Kind.FOOTNOTE: "fn"}
