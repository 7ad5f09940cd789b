"""The document model: an immutable, validated UN resolution."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property, total_ordering

from .lazyre import lazy

# `[^N]` marks where footnote N is cited, at its exact place in a text.
FOOTNOTE_MARKER = re.compile(r"\[\^(\d+)\]")


class Kind(Enum):
    """The three numbered parts of a resolution, and the articles of its annexed declaration."""

    PREAMBLE = "pp"
    OPERATIVE = "op"
    FOOTNOTE = "fn"
    ARTICLE = "art"  # of the first annex that has articles: what a daily post of the Declaration walks

    @property
    def noun(self) -> str:
        return _NOUNS[self]


_NOUNS = {
    Kind.PREAMBLE: "preambular paragraph",
    Kind.OPERATIVE: "operative paragraph",
    Kind.FOOTNOTE: "footnote",
    Kind.ARTICLE: "article",
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


_ORDER = {Kind.PREAMBLE: 0, Kind.OPERATIVE: 1, Kind.FOOTNOTE: 2, Kind.ARTICLE: 3}
_SHORT = {Kind.PREAMBLE: "PP", Kind.OPERATIVE: "OP", Kind.FOOTNOTE: "fn", Kind.ARTICLE: "Article"}


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
class Item:
    """A lettered sub-paragraph, "(a) To meet or assemble peacefully;", with its own (i), (ii)…."""

    label: str  # "a", "ii": the letter or numeral without brackets
    text: str
    items: tuple[Item, ...] = ()

    def lines(self, depth: int = 0) -> Iterator[str]:
        """ "(a) text", then its own sub-items, one line each."""
        yield f"({self.label}) {self.text}"
        for item in self.items:
            yield from item.lines(depth + 1)


# Chinese writes no space between words: none between the lead words and what follows ("*敦促*各国").
_CJK = lazy(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def join_verb(verb: str | None, text: str) -> str:
    """ "*Stressing*, in this regard…": no space before the punctuation that may follow the lead words."""
    if not verb:
        return text
    if not text:
        return f"*{verb}*"
    tight = text[0] in ",;:.)" or bool(_CJK.match(text[0]) and _CJK.match(verb[-1]))
    return f"*{verb}*{'' if tight else ' '}{text}"


def _with_items(text: str, items: tuple[Item, ...]) -> str:
    if not items:
        return text
    lines = [line for item in items for line in item.lines()]
    return "\n".join([text, *lines]) if text else "\n".join(lines)


@dataclass(frozen=True)
class Paragraph:
    """A preambular or operative paragraph.

    `text` is verbatim and may carry `[^N]` footnote markers and `*italics*`.
    `verb` is the italic opening verb (operative) or lead words (preambular,
    where the content names them) and `text` what follows it; `items` are the
    sub-paragraphs (a), (b)…. `addressees`, `summary` and `ask` are editorial,
    not the text; `summary` is None where none has been written yet.
    """

    kind: Kind
    number: int
    text: str
    verb: str | None = None
    addressees: tuple[str, ...] = ()
    summary: str | None = None
    ask: str | None = None
    items: tuple[Item, ...] = ()
    links: tuple[Link, ...] = ()

    @property
    def ref(self) -> Ref:
        return Ref(self.kind, self.number)

    @cached_property
    def footnotes(self) -> tuple[int, ...]:
        """Footnote numbers cited here, in order of appearance."""
        return tuple(int(m) for m in FOOTNOTE_MARKER.findall(self.full_text))

    @property
    def full_text(self) -> str:
        """The paragraph as printed, verb included, sub-paragraphs on their own lines, with markers still in."""
        return _with_items(join_verb(self.verb, self.text), self.items)


@dataclass(frozen=True)
class Clause:
    """A paragraph of an article: numbered ("Article 12(2)") or, in a one-paragraph article, not."""

    number: int | None
    text: str
    items: tuple[Item, ...] = ()

    @property
    def full_text(self) -> str:
        prefix = f"{self.number}. " if self.number is not None else ""
        return prefix + _with_items(self.text, self.items)


@dataclass(frozen=True)
class Article:
    """An article of an annexed declaration: "Article 12", its paragraphs and sub-paragraphs."""

    number: int
    clauses: tuple[Clause, ...]

    @property
    def heading(self) -> str:
        return f"Article {self.number}"

    def clause(self, number: int) -> Clause:
        """Paragraph `number` of the article; KeyError if it has none such."""
        for clause in self.clauses:
            if clause.number == number:
                return clause
        raise KeyError(number)

    @property
    def full_text(self) -> str:
        return "\n".join(c.full_text for c in self.clauses)

    @cached_property
    def footnotes(self) -> tuple[int, ...]:
        return tuple(int(m) for m in FOOTNOTE_MARKER.findall(self.full_text))


@dataclass(frozen=True)
class Annex:
    """A text annexed to the resolution, e.g. the Declaration of 53/144: part of its resolution.

    Its footnotes are the resolution's (numbered through the whole document). A
    declaration has an `opening` ("The General Assembly,"), a `preamble`, a
    `proclamation` ("Declares:") and `articles`; other annexes may have only
    numbered `paragraphs`.
    """

    label: str  # the heading as printed: "Annex", "Annex I"
    title: str
    opening: str | None = None
    preamble: tuple[Paragraph, ...] = ()
    proclamation: str | None = None
    articles: tuple[Article, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()

    def article(self, number: int) -> Article:
        """Article `number`; KeyError if the annex has none such."""
        for article in self.articles:
            if article.number == number:
                return article
        raise KeyError(number)

    def units(self) -> Iterator[Paragraph | Article]:
        """Everything that can cite a footnote, in order."""
        yield from self.preamble
        yield from self.articles
        yield from self.paragraphs


@dataclass(frozen=True)
class Metadata:
    """The header. Imported documents may lack what their source does not say (`distributed`…)."""

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
    language: str = "en"  # ISO 639-1 code of this text's language
    published: dt.date | None = None  # the publication date, where the source gives one

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
    annexes: tuple[Annex, ...] = ()
    # The same resolution in the UN's other official languages, by ISO 639-1 code ("fr"), each a
    # Document of its own with the same numbering (bot.content.langs); empty in those versions.
    versions: tuple[tuple[str, Document], ...] = field(default=(), compare=False, repr=False)

    @property
    def symbol(self) -> str:
        return self.meta.symbol

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this document can be read in, its own first."""
        return (self.meta.language, *(code for code, _ in self.versions))

    def in_language(self, language: str) -> Document | None:
        """This document in `language`, or None when the library does not hold that version."""
        if language == self.meta.language:
            return self
        return dict(self.versions).get(language)

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
        """The paragraphs of the resolution itself that cite footnote `number` (annexes aside)."""
        return tuple(p for p in self.paragraphs() if number in p.footnotes)

    def annex(self, index: int = 1) -> Annex:
        """The annex numbered `index` (1 for a lone "Annex"); KeyError if there is none."""
        if not 1 <= index <= len(self.annexes):
            raise KeyError(index)
        return self.annexes[index - 1]

    def addressee_label(self, ident: str) -> str:
        return dict(self.addressees)[ident]

    def outline(self) -> str:
        """What this document contains, for messages: "operative paragraphs 1–17, …"."""
        parts = [f"operative paragraphs 1–{len(self.operative)}"]
        if self.preamble:
            parts.append(f"preambular paragraphs PP1–PP{len(self.preamble)}")
        return " and ".join(parts)
