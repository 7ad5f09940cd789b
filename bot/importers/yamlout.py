"""A document as a content file (the format of content/a-res-62-152.yaml), each doubt a comment at its place.

Strings are written double-quoted (JSON's escapes are YAML's), folded at spaces so that lines stay
readable: inside double quotes YAML turns a line break into one space and ignores the indentation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from bot.content.model import Annex, Article, Footnote, Item, Link, Paragraph

from .common import Doubt, Imported, Place

WIDTH = 100
# What YAML will not read back raw (JSON leaves them as they are): DEL and the C1 controls, the line
# breaks NEL, U+2028 and U+2029 (read as a fold), U+FFFE and U+FFFF.
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def quoted(text: str, indent: int) -> str:
    """`text` as a YAML double-quoted scalar, folded at single spaces to about WIDTH columns."""
    raw = _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))
    if indent + len(raw) <= WIDTH:
        return raw
    lines: list[str] = []
    start = 0
    width = WIDTH - indent
    while len(raw) - start > width:
        cut = -1
        i = start + width
        while i > start + 10:
            # fold only at a lone space between two other characters, never after a backslash
            if raw[i] == " " and raw[i - 1] not in " \\" and raw[i + 1] != " ":
                cut = i
                break
            i -= 1
        if cut < 0:
            break
        lines.append(raw[start:cut])
        start = cut + 1
    lines.append(raw[start:])
    pad = " " * indent
    return ("\n" + pad).join(lines)


class _Writer:
    def __init__(self, doubts: Iterable[Doubt]) -> None:
        self.out: list[str] = []
        self.doubts: dict[Place, list[Doubt]] = {}
        for d in doubts:
            self.doubts.setdefault(d.place, []).append(d)

    def line(self, text: str) -> None:
        self.out.append(text)

    def mark(self, place: Place, indent: int) -> None:
        """The doubts that belong here, as comments."""
        for d in self.doubts.pop(place, []):
            self.line(f"{' ' * indent}# doubt: {d}")

    def field(self, indent: int, key: str, value: str | int | None, *, first: bool = False) -> None:
        pad = " " * indent
        lead = f"{pad[:-2]}- " if first else pad
        if value is None:
            self.line(f"{lead}{key}: null")
        elif isinstance(value, int):
            self.line(f"{lead}{key}: {value}")
        else:
            self.line(f"{lead}{key}: {quoted(value, indent + 2)}")

    def links(self, indent: int, links: tuple[Link, ...]) -> None:
        if not links:
            return
        self.line(f"{' ' * indent}links:")
        for link in links:
            self.field(indent + 4, "label", link.label, first=True)
            self.field(indent + 4, "url", link.url)

    def items(self, indent: int, items: tuple[Item, ...]) -> None:
        if not items:
            return
        self.line(f"{' ' * indent}items:")
        for item in items:
            self.field(indent + 4, "label", item.label, first=True)
            self.field(indent + 4, "text", item.text)
            self.items(indent + 4, item.items)

    def paragraph(self, p: Paragraph, indent: int, place: Place, *, editorial: bool) -> None:
        self.mark(place, indent - 2)
        self.field(indent, "number", p.number, first=True)
        if p.verb is not None:
            self.field(indent, "verb", p.verb)
        self.field(indent, "text", p.text)
        self.items(indent, p.items)
        self.links(indent, p.links)
        if editorial:
            self.line(f"{' ' * indent}addressees: [{', '.join(p.addressees)}]")
            if p.ask:
                self.field(indent, "ask", p.ask)
            self.field(indent, "summary", p.summary)

    def footnote(self, f: Footnote) -> None:
        self.mark(("footnotes", f.number), 2)
        self.field(4, "number", f.number, first=True)
        self.field(4, "text", f.text)
        self.links(4, f.links)

    def article(self, a: Article, indent: int, place: Place) -> None:
        self.mark(place, indent - 2)
        self.field(indent, "number", a.number, first=True)
        if len(a.clauses) == 1 and a.clauses[0].number is None:
            self.field(indent, "text", a.clauses[0].text)
            self.items(indent, a.clauses[0].items)
            return
        self.line(f"{' ' * indent}paragraphs:")
        for clause in a.clauses:
            self.field(indent + 4, "number", clause.number, first=True)
            self.field(indent + 4, "text", clause.text)
            self.items(indent + 4, clause.items)

    def annex(self, annex: Annex, index: int) -> None:
        self.mark(("annexes", index), 2)
        self.field(4, "label", annex.label, first=True)
        self.field(4, "title", annex.title)
        if annex.opening:
            self.field(4, "opening", annex.opening)
        if annex.preamble:
            self.line("    preamble:")
            for p in annex.preamble:
                self.paragraph(p, 8, ("annexes", index, "preamble", p.number), editorial=False)
        if annex.proclamation:
            self.field(4, "proclamation", annex.proclamation)
        if annex.articles:
            self.line("    articles:")
            for a in annex.articles:
                self.article(a, 8, ("annexes", index, "articles", a.number))
        if annex.paragraphs:
            self.line("    paragraphs:")
            for p in annex.paragraphs:
                self.paragraph(p, 8, ("annexes", index, "paragraphs", p.number), editorial=False)


def to_yaml(imported: Imported) -> str:
    """The content file for `imported`; every doubt is a `# doubt:` comment where it applies."""
    doc = imported.document
    meta = doc.meta
    w = _Writer(imported.doubts)
    for text in imported.provenance:
        w.line(f"# {text}")
    w.line("# Imported by `python -m bot import`: the text is the UN's, not retyped. `summary: null` marks")
    w.line("# a summary nobody has written yet; `addressees` and `ask` were read from each paragraph's verb.")
    w.mark((), 0)
    w.line("")
    w.field(0, "symbol", meta.symbol)
    w.field(0, "number", meta.number)
    w.field(0, "body", meta.body)
    w.field(0, "language", meta.language)
    w.field(0, "distribution", meta.distribution)
    w.line(f"distributed: {meta.distributed.isoformat()}")
    if meta.published:
        w.line(f"published: {meta.published.isoformat()}")
    w.field(0, "session", meta.session)
    w.field(0, "agenda_item", meta.agenda_item)
    w.line(f"adopted: {meta.adopted.isoformat()}")
    if meta.committee:
        w.field(0, "committee", meta.committee)
    if meta.report:
        w.field(0, "report", meta.report)
    w.field(0, "title", meta.title)
    w.field(0, "meeting", meta.meeting)
    w.field(0, "url", meta.url)
    if meta.report_url:
        w.field(0, "report_url", meta.report_url)
    w.field(0, "opening", meta.opening)
    if doc.addressees:
        w.line("")
        w.line("addressees:")
        for ident, label in doc.addressees:
            w.field(2, ident, label)
    w.line("")
    w.mark(("preamble",), 0)
    w.line("preamble:" if doc.preamble else "preamble: []")
    for p in doc.preamble:
        w.paragraph(p, 4, ("preamble", p.number), editorial=False)
    w.line("")
    w.mark(("operative",), 0)
    w.line("operative:")
    for p in doc.operative:
        w.paragraph(p, 4, ("operative", p.number), editorial=True)
    w.line("")
    w.mark(("footnotes",), 0)
    w.line("footnotes:" if doc.footnotes else "footnotes: []")
    for f in doc.footnotes:
        w.footnote(f)
    if doc.annexes:
        w.line("")
        w.mark(("annexes",), 0)
        w.line("annexes:")
        for index, annex in enumerate(doc.annexes, start=1):
            w.annex(annex, index)
    leftover = [d for ds in w.doubts.values() for d in ds]
    if leftover:  # a place that no longer exists (e.g. a paragraph left out): say so at the end
        w.line("")
        for d in leftover:
            w.line(f"# doubt: {d}")
    return "\n".join(w.out) + "\n"
