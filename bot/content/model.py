"""The document model: an immutable, validated UN resolution."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cached_property, total_ordering

# `[^N]` marks where footnote N is cited, at its exact place in a text.
FOOTNOTE_MARKER = re.compile(r"\[\^(\d+)\]")


class Kind(Enum):
    """The three numbered parts of a resolution."""

    PREAMBLE = "pp"
    OPERATIVE = "op"
    FOOTNOTE = "fn"

    @property
    def noun(self) -> str:
        return _NOUNS[self]


_NOUNS = {
    Kind.PREAMBLE: "preambular paragraph",
    Kind.OPERATIVE: "operative paragraph",
    Kind.FOOTNOTE: "footnote",
}


@total_ordering
@dataclass(frozen=True)
class Ref:
    """A reference to one numbered unit: PP3, OP4 or footnote 2."""

    kind: Kind
    number: int

    def __lt__(self, other: object) -> bool:
        """Document order: preamble, then operative, then footnotes."""
        if not isinstance(other, Ref):
            return NotImplemented
        return (_ORDER[self.kind], self.number) < (_ORDER[other.kind], other.number)

    @property
    def label(self) -> str:
        """Short label used in lists and autocomplete: "OP 4", "PP 3", "fn 2"."""
        return f"{_SHORT[self.kind]} {self.number}"

    @property
    def title(self) -> str:
        """Long label: "operative paragraph 4"."""
        return f"{self.kind.noun} {self.number}"


_ORDER = {Kind.PREAMBLE: 0, Kind.OPERATIVE: 1, Kind.FOOTNOTE: 2}
_SHORT = {Kind.PREAMBLE: "PP", Kind.OPERATIVE: "OP", Kind.FOOTNOTE: "fn"}


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    links: tuple[Link, ...] = ()

    @property
    def ref(self) -> Ref:
        return Ref(Kind.FOOTNOTE, self.number)


@dataclass(frozen=True)
class Paragraph:
    """A preambular or operative paragraph.

    `text` is verbatim and may carry `[^N]` footnote markers and `*italics*`.
    For operative paragraphs `verb` is the italic opening verb and `text` what
    follows it; `addressees`, `summary` and `ask` are editorial, not the text.
    """

    kind: Kind
    number: int
    text: str
    verb: str | None = None
    addressees: tuple[str, ...] = ()
    summary: str | None = None
    ask: str | None = None

    @property
    def ref(self) -> Ref:
        return Ref(self.kind, self.number)

    @cached_property
    def footnotes(self) -> tuple[int, ...]:
        """Footnote numbers cited here, in order of appearance."""
        return tuple(int(m) for m in FOOTNOTE_MARKER.findall(self.text))

    @property
    def full_text(self) -> str:
        """The paragraph as printed, verb included, with markers still in."""
        return f"*{self.verb}* {self.text}" if self.verb else self.text


@dataclass(frozen=True)
class Metadata:
    symbol: str
    number: str
    body: str
    title: str
    distribution: str
    distributed: dt.date
    session: str
    agenda_item: str
    adopted: dt.date
    committee: str | None
    report: str | None
    meeting: str
    url: str
    report_url: str | None
    opening: str

    @property
    def citation_name(self) -> str:
        """How UN style names the text: "General Assembly resolution 62/152"."""
        return f"{self.body} resolution {self.number}"


@dataclass(frozen=True)
class Document:
    meta: Metadata
    addressees: tuple[tuple[str, str], ...]  # (id, label), in content order
    preamble: tuple[Paragraph, ...]
    operative: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]

    @property
    def symbol(self) -> str:
        return self.meta.symbol

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph in document order: PP1… then OP1…."""
        yield from self.preamble
        yield from self.operative

    def part(self, kind: Kind) -> tuple[Paragraph, ...] | tuple[Footnote, ...]:
        if kind is Kind.PREAMBLE:
            return self.preamble
        if kind is Kind.OPERATIVE:
            return self.operative
        return self.footnotes

    def count(self, kind: Kind) -> int:
        return len(self.part(kind))

    def paragraph(self, ref: Ref) -> Paragraph:
        part = self.preamble if ref.kind is Kind.PREAMBLE else self.operative
        return part[ref.number - 1]

    def footnote(self, number: int) -> Footnote:
        return self.footnotes[number - 1]

    def citing(self, number: int) -> tuple[Paragraph, ...]:
        """The paragraphs that cite footnote `number`."""
        return tuple(p for p in self.paragraphs() if number in p.footnotes)

    def addressee_label(self, ident: str) -> str:
        return dict(self.addressees)[ident]

    def outline(self) -> str:
        """What this document contains, for messages: "operative paragraphs 1–17, …"."""
        parts = [f"operative paragraphs 1–{len(self.operative)}"]
        if self.preamble:
            parts.append(f"preambular paragraphs PP1–PP{len(self.preamble)}")
        return " and ".join(parts)
