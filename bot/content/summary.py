"""Who is asked to do what: the operative paragraphs grouped by addressee and strength of ask.

Built from the content's editorial `addressees`, `summary` and `ask` fields. Where no summary was
written (imported texts), a line carries the paragraph's own opening words instead, marked
`written=False`, so that it is never presented as a paraphrase.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import UserError
from .model import Document, Paragraph, Ref
from .search import fold

# Strongest first. UN drafting reads "urges" as firmer than "calls upon", and
# "requests" is a directive to UN organs but a softer ask of States.
STRENGTHS: tuple[str, ...] = ("urges", "calls upon", "requests", "encourages", "invites")
OTHER = "also"  # paragraphs that ask nothing (takes note, condemns, decides)
_MODIFIERS = re.compile(r"^(?:also|further|strongly|again|once again|once more|further strongly)\s+")
ALL = "all"


@dataclass(frozen=True)
class Line:
    ref: Ref
    summary: str
    addressees: tuple[str, ...]  # labels
    # False where no summary was written (imported texts): `summary` is then the paragraph's own
    # opening words, in quotes and cut with "…", and must not be presented as a paraphrase.
    written: bool = True
    idents: tuple[str, ...] = ()  # the addressees' ids, for naming them in the reader's language


OPENING_WORDS = 12


# The quotation marks of each official language, as its own texts use them ("« … »" in French,
# with the no-break spaces French puts inside them; «…» in Spanish, Russian and Arabic).
QUOTES = {
    "en": ("“", "”"),
    "fr": ("«\u00a0", "\u00a0»"),
    "es": ("«", "»"),
    "ru": ("«", "»"),
    "zh": ("“", "”"),
    "ar": ("«", "»"),
}


def opening_words(paragraph: Paragraph, count: int = OPENING_WORDS, language: str = "en") -> str:
    """“Calls upon States to ensure that …”: the paragraph's first words, verb included, markup out,
    in the quotation marks of the text's `language`."""
    start, end = QUOTES.get(language, QUOTES["en"])
    plain = re.sub(r"\[\^\d+\]", "", paragraph.full_text.split("\n", 1)[0]).replace("*", "").strip()
    words = plain.split()
    if len(words) < count and len(plain) > count * 3:  # Chinese: no spaces between words
        characters = count * 3 // 2
        return f"{start}{plain[:characters]}…{end}" if len(plain) > characters else f"{start}{plain}{end}"
    cut = " ".join(words[:count])
    return f"{start}{cut} …{end}" if len(words) > count else f"{start}{cut}{end}"


@dataclass(frozen=True)
class Group:
    strength: str  # one of STRENGTHS, or OTHER
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Section:
    addressee: str  # label
    groups: tuple[Group, ...]
    ident: str = ""  # its id, for naming it in the reader's language


def strength_of(paragraph: Paragraph) -> str:
    """How strong the ask is: the `ask` field, else the verb without "Also", "Further"…."""
    verb = (paragraph.ask or paragraph.verb or "").casefold().strip()
    while True:
        stripped = _MODIFIERS.sub("", verb)
        if stripped == verb:
            break
        verb = stripped
    return verb if verb in STRENGTHS else OTHER


def resolve_addressee(doc: Document, text: str | None, names: Sequence[tuple[str, str]] = ()) -> str | None:
    """The addressee id for what a person typed; None means everyone ("all"). `names`: (id, name)
    of the addressees in the reader's language, matched as their labels are ("États", "各国")."""
    if text is None or not text.strip():
        return doc.addressees[0][0] if doc.addressees else None
    wanted = addressee_key(text)
    if wanted in (ALL, "everyone", "everybody"):
        return None
    known = [*doc.addressees, *names]
    for ident, label in known:
        if wanted in (addressee_key(ident), addressee_key(label)):
            return ident
    for ident, label in known:  # "high commissioner", "secretary"
        if wanted and (wanted in addressee_key(label) or wanted in addressee_key(ident)):
            return ident
    choices = ", ".join(label for _, label in (names or doc.addressees))
    raise UserError("err-not-addressee", text=text.strip()[:60], choices=choices)


def addressee_key(text: str) -> str:
    """What a name is matched by, here and in /summary's autocomplete: case, accents and punctuation
    aside, in any script ("Etats" is "États"). Combining marks go before the split: a decomposed "É"
    (E + U+0301) or a Russian stress mark is not punctuation."""
    marked = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in marked if not unicodedata.combining(c))
    return " ".join(fold(word) for word in re.split(r"[\W_]+", text) if word)


def _groups(doc: Document, paragraphs: list[Paragraph], quoted: Document) -> tuple[Group, ...]:
    by_strength: dict[str, list[Line]] = {s: [] for s in (*STRENGTHS, OTHER)}
    for p in paragraphs:
        labels = tuple(doc.addressee_label(a) for a in p.addressees)
        written = bool(p.summary)
        shown = p.summary or opening_words(_same(quoted, p), language=quoted.meta.language)
        line = Line(p.ref, shown, labels, written, p.addressees)
        by_strength[strength_of(p)].append(line)
    return tuple(Group(s, tuple(lines)) for s, lines in by_strength.items() if lines)


def _same(version: Document, paragraph: Paragraph) -> Paragraph:
    """`paragraph` in another language version (the UN numbers paragraphs alike in all six)."""
    if paragraph.number <= len(version.operative):
        return version.operative[paragraph.number - 1]
    return paragraph


def summarize(doc: Document, addressee: str | None, quoted: Document | None = None) -> tuple[Section, ...]:
    """One section for `addressee`, or one per addressee (in content order) when None.

    For everyone, a paragraph addressed to several appears once, under the first
    addressee it names; its line still lists them all. A paragraph without a written summary is
    quoted by its opening words, from `quoted` (the same document in the reader's language).
    """
    idents = [addressee] if addressee else [ident for ident, _ in doc.addressees]
    sections = []
    for ident in idents:
        if addressee:
            paragraphs = [p for p in doc.operative if ident in p.addressees]
        else:
            paragraphs = [p for p in doc.operative if p.addressees[:1] == (ident,)]
        if paragraphs:
            sections.append(Section(doc.addressee_label(ident), _groups(doc, paragraphs, quoted or doc), ident))
    return tuple(sections)
