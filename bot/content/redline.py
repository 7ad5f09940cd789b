"""Word-level redlines: what was deleted and inserted between two texts, as data.

A redline is a sequence of `Segment`s. Joining the old sides gives the old text and
joining the new sides the new text, exactly (spacing, punctuation and footnote markers
included). `markdown` writes it the way Discord shows track changes: deletions as
~~old~~ and insertions as **new**; `read_markdown` reads that back.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from .model import FOOTNOTE_MARKER

# Words, footnote markers and single punctuation marks, each with the spacing after it (spacing alone
# only at the start): every character in one token, and no token as common as a lone space, which
# would make the diff slow.
_TOKEN = re.compile(r"^\s+|(?:\[\^\d+\]|\w+|[^\w\s])\s*")
_CORE = re.compile(r"^\s+|\[\^\d+\]|\w+|[^\w\s]")
# Typographic variants that are the same text to a reader: non-breaking hyphen and spaces, curly apostrophe.
TYPOGRAPHY = str.maketrans({"\u2011": "-", "\u00a0": " ", "\u202f": " ", "\u2019": "'"})
_MARKDOWN_SPECIAL = re.compile(r"([\\*_~|`>\[\]])")


class Op(Enum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True)
class Segment:
    """One stretch of the redline. For EQUAL, `old` and `new` differ only in typography
    (a non-breaking hyphen for a hyphen) or when a footnote marker was renumbered but
    points to the same note (see `redline`'s `same_notes`)."""

    op: Op
    old: str
    new: str


def tokens(text: str) -> list[str]:
    """The tokens a redline works on; they join back to `text`."""
    return _TOKEN.findall(text)


def redline(old: str, new: str, same_notes: Mapping[int, int] | None = None) -> tuple[Segment, ...]:
    """The word-level changes from `old` to `new`.

    `same_notes` maps an old footnote number to the new number of the same note (compared
    by content), so a marker that was only renumbered does not show as a change."""
    a, b = tokens(old), tokens(new)
    keys_a = _keys(old)
    if same_notes:
        keys_a = [_marker_key(k, same_notes) for k in keys_a]
    matcher = difflib.SequenceMatcher(None, keys_a, _keys(new), autojunk=False)
    # (changed, old, new) pieces; tokens matched by their words may differ in the spacing after them.
    pieces: list[tuple[bool, str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            pieces.append((True, "".join(a[i1:i2]), "".join(b[j1:j2])))
            continue
        same_a, same_b = "".join(a[i1:i2]), "".join(b[j1:j2])
        if same_a == same_b:
            pieces.append((False, same_a, same_b))
            continue
        for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
            core_x, core_y = x.rstrip(), y.rstrip()
            if (
                x == y
                or core_x == core_y == ""
                or (x != y and core_x != core_y and x[len(core_x) :] == y[len(core_y) :])
            ):
                pieces.append((False, x, y))  # the same, or the same in another typography
            else:
                pieces.append((False, core_x, core_y))
                pieces.append((True, x[len(core_x) :], y[len(core_y) :]))
    return tuple(_segments(pieces))


def _segments(pieces: list[tuple[bool, str, str]]) -> list[Segment]:
    """Changes next to each other as one deletion and one insertion; spacing both end with is kept, not
    changed, so the marks close on the words ("~~encourages~~**urges** States")."""
    out: list[Segment] = []
    old, new = "", ""

    def flush() -> None:
        nonlocal old, new
        space = ""
        if old and new:
            common = min(len(old) - len(old.rstrip()), len(new) - len(new.rstrip()))
            while common and old[-common:] != new[-common:]:
                common -= 1
            if common:
                space, old, new = old[-common:], old[:-common], new[:-common]
        if old:
            out.append(Segment(Op.DELETE, old, ""))
        if new:
            out.append(Segment(Op.INSERT, "", new))
        if space:
            _equal(out, space, space)
        old, new = "", ""

    for changed_, x, y in pieces:
        if changed_:
            old, new = old + x, new + y
            continue
        flush()
        if x or y:
            _equal(out, x, y)
    flush()
    return out


def _equal(out: list[Segment], x: str, y: str) -> None:
    if out and out[-1].op is Op.EQUAL:
        last = out.pop()
        x, y = last.old + x, last.new + y
    out.append(Segment(Op.EQUAL, x, y))


def _keys(text: str) -> list[str]:
    """What each token is compared by: without the spacing after it, typography made plain.
    One per token of `tokens(text)` (the same matches, less the trailing spacing)."""
    return _CORE.findall(text.translate(TYPOGRAPHY))


def _marker_key(token: str, notes: Mapping[int, int]) -> str:
    """A marker of a renumbered note compares equal to the new marker of the same note."""
    m = FOOTNOTE_MARKER.match(token)
    if m is None:
        return token
    rest = token[m.end() :]
    number = int(m.group(1))
    if number not in notes:
        return f"[^old{number}]{rest}"  # an unmapped old note never equals a new one
    return f"[^{notes[number]}]{rest}"


def old_text(segments: Iterable[Segment]) -> str:
    return "".join(s.old for s in segments)


def new_text(segments: Iterable[Segment]) -> str:
    return "".join(s.new for s in segments)


def similarity(segments: Sequence[Segment]) -> float:
    """Share of characters kept, 0–1 (1 when nothing changed)."""
    kept = sum(len(s.old) + len(s.new) for s in segments if s.op is Op.EQUAL)
    total = sum(len(s.old) + len(s.new) for s in segments)
    return kept / total if total else 1.0


def changed(segments: Sequence[Segment]) -> bool:
    return any(s.op is not Op.EQUAL for s in segments)


# -- Markdown -----------------------------------------------------------------


def escape(text: str) -> str:
    """Discord markdown characters escaped, so the text shows as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown(segments: Iterable[Segment]) -> str:
    """Deletions as ~~old~~, insertions as **new**, the rest as the new text, all escaped.

    Read back, it gives the new text exactly, and the old one exactly except where the redline
    saw no change: typography (`TYPOGRAPHY`) and markers of renumbered notes show as in the new text."""
    out: list[str] = []
    for seg in segments:
        if seg.op is Op.EQUAL:
            out.append(escape(seg.new))
        elif seg.op is Op.DELETE:
            out.append(f"~~{escape(seg.old)}~~")
        else:
            out.append(f"**{escape(seg.new)}**")
    return "".join(out)


_READ = re.compile(r"~~((?:\\.|[^\\~])*)~~|\*\*((?:\\.|[^\\*])*)\*\*|((?:\\.|[^\\~*])+)", re.DOTALL)
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)


def read_markdown(text: str) -> tuple[str, str]:
    """The (old, new) texts a `markdown` redline shows."""
    old: list[str] = []
    new: list[str] = []
    for deleted, inserted, same in _READ.findall(text):
        if deleted:
            old.append(_UNESCAPE.sub(r"\1", deleted))
        elif inserted:
            new.append(_UNESCAPE.sub(r"\1", inserted))
        else:
            plain = _UNESCAPE.sub(r"\1", same)
            old.append(plain)
            new.append(plain)
    return "".join(old), "".join(new)
