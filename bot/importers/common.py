"""What every importer shares: doubts, the result, and the editorial fields read from the text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from bot.content.model import Document, Paragraph
from bot.content.summary import STRENGTHS

# Where in a document a doubt belongs: ("operative", 3), ("footnotes", 2), ("annexes", 1, "articles", 9)…;
# () is the document as a whole.
Place = tuple[str | int, ...]


@dataclass(frozen=True)
class Doubt:
    """Something the importer was not sure of: reported as `source:line: what and why`."""

    source: str
    line: int
    message: str
    place: Place = ()

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


@dataclass
class Doubts:
    """Collects the doubts of one source file."""

    source: str
    items: list[Doubt] = field(default_factory=list)

    def add(self, line: int, message: str, place: Place = ()) -> None:
        self.items.append(Doubt(self.source, line, message, place))


@dataclass(frozen=True)
class Imported:
    """One imported document, what was doubtful about it, and where it came from."""

    document: Document
    doubts: tuple[Doubt, ...]
    provenance: tuple[str, ...]  # lines for the file's head comment


class ImportFailed(Exception):
    """The source cannot be turned into a document; nothing is written for it."""

    def __init__(self, source: str, line: int, message: str) -> None:
        self.source, self.line = source, line
        super().__init__(f"{source}:{line}: {message}")


# -- whitespace ----------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Runs of whitespace (tabs, newlines, no-break spaces from the word processor) as one space."""
    return _SPACE.sub(" ", text).strip()


# -- editorial fields: who is asked, and how strongly -------------------------------

# (id, label, pattern of the object that names them), first match wins; ids as in content/a-res-62-152.yaml.
ADDRESSEES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (ident, label, re.compile(pattern))
    for ident, label, pattern in (
        ("states", "States", r"^(?:all |the )?(?:Member )?States\b|^(?:all )?Governments\b"),
        ("secretary-general", "Secretary-General", r"^the Secretary-General\b"),
        ("special-rapporteur", "Special Rapporteur", r"^the Special Rapporteur\b"),
        ("special-representative", "Special Representative", r"^the Special Representative\b"),
        (
            "ohchr",
            "Office of the High Commissioner",
            r"^the (?:Office of the )?(?:United Nations )?High Commissioner(?: for Human Rights)?\b",
        ),
        (
            "un-bodies",
            "UN bodies, agencies and organizations",
            r"^(?:all )?(?:relevant |concerned )*(?:the )?(?:United Nations|agencies|organizations|"
            r"the specialized agencies|treaty bodies|special procedures|the Human Rights Council)\b",
        ),
        (
            "non-state-actors",
            "Non-State actors and business",
            r"^(?:all )?(?:non[-\u2011]State actors|business enterprises|transnational corporations)\b",
        ),
        ("general-assembly", "General Assembly", r"^$"),  # never an object: the Assembly itself decides
    )
)
_LABELS = {ident: label for ident, label, _ in ADDRESSEES}
_MODIFIER = r"(?:(?:also|further|strongly|again|once again|once more|further strongly|moreover)\s+)*"
_ASK = re.compile(rf"^{_MODIFIER}({'|'.join(STRENGTHS)})$", re.IGNORECASE)
# An ask later in a paragraph that opens with something else: "Condemns …, and strongly calls upon all States to".
_EMBEDDED_ASK = re.compile(rf"\b{_MODIFIER}({'|'.join(STRENGTHS)}) ", re.IGNORECASE)
_SELF = re.compile(rf"^{_MODIFIER}(?:decides|resolves)$", re.IGNORECASE)


@dataclass(frozen=True)
class Editorial:
    addressees: tuple[str, ...]
    ask: str | None
    unclassified: bool  # the verb asks something, but of whom the text does not say in a way we know


def _addressee(object_text: str) -> str | None:
    text = object_text.lstrip()
    for ident, _, pattern in ADDRESSEES:
        if pattern.search(text):
            return ident
    return None


def _addressees(object_text: str) -> list[str]:
    """Everyone an object names before its verb: "Governments, agencies and organizations of the
    United Nations system … to intensify" → States, UN bodies."""
    head = re.split(r"\s(?:to|that|in|for|on|with)\s", object_text, maxsplit=1)[0]
    found: list[str] = []
    for part in re.split(r",\s+|\s+and\s+|\s+as well as\s+", head):
        who = _addressee(part)
        if who and who not in found:
            found.append(who)
    return found


def editorial(paragraph: Paragraph) -> Editorial:
    """Addressees and ask where the verb and its object say them; `unclassified` where they do not.

    The object right after the verb names the first addressees; a later "…, and requests the
    Secretary-General to" adds its own."""
    verb = (paragraph.verb or "").strip()
    plain = paragraph.text.replace("*", "")
    if _SELF.match(verb):
        return Editorial(("general-assembly",), None, False)
    later: list[str] = []
    first_ask: str | None = None
    for match in _EMBEDDED_ASK.finditer(plain):
        for who in _addressees(plain[match.end() :]):
            if who not in later:
                later.append(who)
                first_ask = first_ask or match.group(1).lower()
    if _ASK.match(verb):
        direct = _addressees(plain)
        merged = tuple(dict.fromkeys([*direct, *later]))
        return Editorial(merged, None, not direct)
    if later:
        return Editorial(tuple(later), first_ask, False)
    return Editorial((), None, False)  # a statement: it asks no one


def with_editorial(document: Document, doubts: Doubts, lines: dict[int, int]) -> Document:
    """The document with `addressees`/`ask` read from the text; a doubt for every ask of no one known.

    `lines` maps an operative number to its line in the source, for the doubts. The verbs known
    are English ones: other languages keep empty addressees (their paragraph numbers are the same,
    so the English file's editorial fields apply to them)."""
    if document.meta.language != "en":
        doubts.add(0, f"addressees not derived: the verbs known are English, this text is {document.meta.language!r}")
        return replace(document, operative=tuple(replace(p, summary=None) for p in document.operative))
    operative: list[Paragraph] = []
    used: set[str] = set()
    for p in document.operative:
        found = editorial(p)
        if found.unclassified:
            doubts.add(
                lines.get(p.number, 0),
                f"operative paragraph {p.number}: “{p.verb}” asks someone the importer does not recognize "
                f"(“{squash(p.text)[:50]}…”); addressees left empty",
                ("operative", p.number),
            )
        used.update(found.addressees)
        operative.append(replace(p, addressees=found.addressees, ask=found.ask, summary=None))
    addressees = tuple((ident, _LABELS[ident]) for ident, _, _ in ADDRESSEES if ident in used)
    return replace(document, operative=tuple(operative), addressees=addressees)


def unclassified(doubts: Iterable[Doubt]) -> list[Doubt]:
    return [d for d in doubts if "asks someone the importer does not recognize" in d.message]
