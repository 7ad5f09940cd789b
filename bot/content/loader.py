"""Load a resolution from YAML, strictly: every problem reported, nothing half-loaded."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from . import parsecache
from .model import (
    FOOTNOTE_MARKER,
    Annex,
    Article,
    Clause,
    Document,
    Footnote,
    Item,
    Kind,
    Link,
    Metadata,
    Paragraph,
)
from .yamlfile import FileProblems, Node, Reader, compose_bytes, read_file

# What must fit Discord when rendered (an embed description holds 4,096
# characters, a field value 1,024); the margins leave room for the number,
# the verb, superscripts and the link list.
MAX_PARAGRAPH_CHARS = 3_900
MAX_FOOTNOTE_CHARS = 900
MAX_SUMMARY_CHARS = 300
MAX_TITLE_CHARS = 500  # render.py clips it to an embed title (256); the UN's own titles run to ~300
MAX_LABEL_CHARS = 80

_HEADER = (
    "symbol",
    "number",
    "body",
    "title",
    "distribution",
    "distributed",
    "session",
    "agenda_item",
    "adopted",
    "meeting",
    "url",
    "opening",
    "preamble",
    "operative",
    "footnotes",
)
_OPTIONAL_HEADER = ("committee", "report", "report_url", "addressees", "annexes", "language", "published")
_LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")


def load_document(path: Path, display_name: str | None = None, *, cache: bool = True) -> Document:
    """Read and validate one resolution file; raises `FileProblems` listing every problem.

    A file read before, unchanged, is not parsed again: its parse is kept beside it
    (bot.content.parsecache). `cache=False` neither reads nor writes that (the importer checks
    files it is writing, in someone's output folder)."""
    name = display_name or str(path)
    raw = read_file(path, name)
    if not cache:
        return _document(raw, name)
    return parsecache.parsed(path, raw, name, lambda: _document(raw, name))


def _document(raw: bytes, name: str) -> Document:
    reader, root = compose_bytes(raw, name)
    entries = reader.mapping(root, _HEADER, _OPTIONAL_HEADER)
    if entries is None:
        reader.done()
        raise AssertionError("unreachable: a non-mapping root is a problem")
    meta = _metadata(reader, entries)
    addressees = _addressees(reader, entries["addressees"]) if "addressees" in entries else ()
    known = {ident for ident, _ in addressees}
    preamble = _paragraphs(reader, entries.get("preamble"), Kind.PREAMBLE, known)
    operative = _paragraphs(reader, entries.get("operative"), Kind.OPERATIVE, known)
    footnotes = _footnotes(reader, entries.get("footnotes"))
    annexes = _annexes(reader, entries["annexes"], known) if "annexes" in entries else []
    citing: list[tuple[Paragraph | Article, Node]] = [*preamble, *operative]
    for _, units in annexes:
        citing.extend(units)
    _check_markers(reader, citing, footnotes)
    reader.done()
    assert meta is not None  # reader.done() raised otherwise
    return Document(
        meta=meta,
        addressees=addressees,
        preamble=tuple(p for p, _ in preamble),
        operative=tuple(p for p, _ in operative),
        footnotes=tuple(f for f, _ in footnotes),
        annexes=tuple(a for a, _ in annexes),
    )


def _metadata(r: Reader, e: dict[str, Node]) -> Metadata | None:
    def text(key: str, max_len: int | None = None) -> str | None:
        return r.text(e[key], max_len=max_len) if key in e else None

    def url(key: str) -> str | None:
        value = text(key)
        if value is not None and not value.startswith(("https://", "http://")):
            r.fail(e[key], "must be a web link starting with https://")
            return None
        return value

    def date(key: str) -> dt.date | None:
        return r.date(e[key]) if key in e else None

    values = {
        "symbol": text("symbol", MAX_LABEL_CHARS),
        "number": text("number", MAX_LABEL_CHARS),
        "body": text("body", MAX_LABEL_CHARS),
        "title": text("title", MAX_TITLE_CHARS),
        "distribution": text("distribution", MAX_LABEL_CHARS),
        "distributed": date("distributed"),
        "session": text("session", MAX_LABEL_CHARS),
        "agenda_item": text("agenda_item", MAX_LABEL_CHARS),
        "adopted": date("adopted"),
        "meeting": text("meeting", MAX_LABEL_CHARS),
        "url": url("url"),
        "opening": text("opening", MAX_LABEL_CHARS),
    }
    optional: dict[str, object] = {
        "committee": text("committee", MAX_LABEL_CHARS),
        "report": text("report", MAX_LABEL_CHARS),
        "report_url": url("report_url"),
        "published": date("published"),
    }
    if "language" in e:
        optional["language"] = r.choice(e["language"], _LANGUAGES) or "en"
    if any(v is None for v in values.values()):
        return None
    return Metadata(**values, **optional)  # type: ignore[arg-type]


def _addressees(r: Reader, node: Node) -> tuple[tuple[str, str], ...]:
    result = []
    for ident, value in r.pairs(node):
        label = r.text(value, max_len=MAX_LABEL_CHARS)
        if label is not None:
            result.append((ident, label))
    if not result and not r.problems:
        r.fail(node, "empty: name at least one addressee")
    return tuple(result)


def _numbered(r: Reader, items: list[Node], numbers: list[int | None]) -> None:
    """Numbers must run 1, 2, 3… with no gap or repeat."""
    seen: set[int] = set()
    for expected, (item, number) in enumerate(zip(items, numbers, strict=True), start=1):
        if number is None:
            continue
        if number in seen:
            r.fail(item, f"duplicate number {number}", line=item.line)
        elif number != expected:
            r.fail(item, f"number {number} is out of sequence (expected {expected})")
        seen.add(number)


def _numbered_items(
    r: Reader, node: Node, required: tuple[str, ...], optional: tuple[str, ...], *, allow_empty: bool
) -> list[tuple[Node, dict[str, Node], int | None]]:
    """Each mapping of a numbered list with its number, after checking the numbers run 1, 2, 3…."""
    items = r.sequence(node, allow_empty=allow_empty)
    result: list[tuple[Node, dict[str, Node], int | None]] = []
    numbers: list[int | None] = []
    for item in items:
        e = r.mapping(item, required, optional)
        number = r.integer(e["number"], minimum=1) if e is not None and "number" in e else None
        numbers.append(number)
        if e is not None:
            result.append((item, e, number))
    _numbered(r, items, numbers)
    return result


def _paragraphs(r: Reader, node: Node | None, kind: Kind, addressees: set[str]) -> list[tuple[Paragraph, Node]]:
    if node is None:
        return []
    operative = kind is Kind.OPERATIVE
    # `summary: null` says on purpose that none is written yet (imported texts); the key stays required
    # so that a forgotten one is still caught.
    required = ("number", "text") + (("verb", "addressees", "summary") if operative else ())
    optional = ("ask", "items", "links") if operative else ("verb", "items", "links")
    result: list[tuple[Paragraph, Node]] = []
    for _, e, number in _numbered_items(r, node, required, optional, allow_empty=not operative):
        text = r.text(e["text"], max_len=MAX_PARAGRAPH_CHARS) if "text" in e else None
        verb = summary = ask = None
        who: tuple[str, ...] = ()
        verb = r.text(e["verb"], max_len=MAX_LABEL_CHARS) if "verb" in e else None
        items = _items(r, e["items"]) if "items" in e else ()
        links = _links(r, e["links"]) if "links" in e else ()
        if operative:
            summary = _nullable_text(r, e["summary"], MAX_SUMMARY_CHARS) if "summary" in e else None
            ask = r.optional(e, "ask", lambda n: r.text(n, max_len=MAX_LABEL_CHARS))
            if "addressees" in e:
                who = _addressee_list(r, e["addressees"], addressees, allow_empty=True)
        if number is not None and text is not None and (not operative or verb):
            if text and len(text) + sum(len(line) + 1 for i in items for line in i.lines()) > MAX_PARAGRAPH_CHARS:
                r.fail(
                    e["text"],
                    f"too long with its sub-paragraphs (at most {MAX_PARAGRAPH_CHARS} characters fit Discord)",
                )
            paragraph = Paragraph(
                kind, number, text, verb=verb, addressees=who, summary=summary, ask=ask, items=items, links=links
            )
            result.append((paragraph, e["text"]))
    return result


def _nullable_text(r: Reader, node: Node, max_len: int) -> str | None:
    """Text, or None for an explicit YAML null (`summary: null`: none written yet)."""
    if isinstance(node.raw, yaml.ScalarNode) and node.raw.tag == "tag:yaml.org,2002:null":
        return None
    return r.text(node, max_len=max_len)


_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")
_LETTERS = tuple("abcdefghijklmnopqrstuvwxyz") + tuple(f"{c}{c}" for c in "abcdefghijklmnopqrstuvwxyz")
_LABEL = re.compile(r"^[a-z]{1,4}$")


def _items(r: Reader, node: Node, depth: int = 0) -> tuple[Item, ...]:
    """Sub-paragraphs (a), (b)… or (i), (ii)…, in order, each with optional sub-items of its own."""
    result: list[Item] = []
    labels: list[tuple[Node, str]] = []
    for item in r.sequence(node):
        e = r.mapping(item, ("label", "text"), ("items",))
        if e is None:
            continue
        label = r.text(e["label"]) if "label" in e else None
        if label is not None and not _LABEL.match(label):
            r.fail(
                e["label"], f"{label!r} is not a sub-paragraph label (write a, b, c… or i, ii, iii…, without brackets)"
            )
            label = None
        text = r.text(e["text"], max_len=MAX_PARAGRAPH_CHARS) if "text" in e else None
        sub = _items(r, e["items"], depth + 1) if "items" in e and depth < 3 else ()
        if "items" in e and depth >= 3:
            r.fail(e["items"], "sub-paragraphs nest at most four deep")
        if label is not None and text is not None:
            result.append(Item(label, text, sub))
            labels.append((e["label"], label))
    _labels_in_order(r, labels)
    return tuple(result)


def _labels_in_order(r: Reader, labels: list[tuple[Node, str]]) -> None:
    if not labels:
        return
    first = labels[0][1]
    series = _ROMAN if first == "i" and (len(labels) == 1 or labels[1][1] == "ii") else _LETTERS
    for expected, (node, label) in zip(series, labels, strict=False):
        if label != expected:
            r.fail(node, f"sub-paragraph ({label}) is out of sequence (expected ({expected}))")
            return


def _addressee_list(r: Reader, node: Node, known: set[str], *, allow_empty: bool = False) -> tuple[str, ...]:
    result = []
    for item in r.sequence(node, allow_empty=allow_empty):
        ident = r.text(item)
        if ident is None:
            continue
        if ident not in known:
            choices = ", ".join(sorted(known)) or "none declared"
            r.fail(item, f"unknown addressee {ident!r} (declared under addressees: {choices})")
        elif ident in result:
            r.fail(item, f"addressee {ident!r} listed twice")
        else:
            result.append(ident)
    return tuple(result)


def _footnotes(r: Reader, node: Node | None) -> list[tuple[Footnote, Node]]:
    if node is None:
        return []
    result: list[tuple[Footnote, Node]] = []
    for item, e, number in _numbered_items(r, node, ("number", "text"), ("links",), allow_empty=True):
        text = r.text(e["text"], max_len=MAX_FOOTNOTE_CHARS) if "text" in e else None
        links = _links(r, e["links"]) if "links" in e else ()
        if number is not None and text is not None:
            if FOOTNOTE_MARKER.search(text):
                r.fail(e["text"], "a footnote cannot cite another footnote")
            result.append((Footnote(number, text, links), item))
    return result


def _links(r: Reader, node: Node) -> tuple[Link, ...]:
    result = []
    for item in r.sequence(node, allow_empty=True):
        e = r.mapping(item, ("label", "url"))
        if e is None:
            continue
        label = r.text(e["label"], max_len=MAX_LABEL_CHARS) if "label" in e else None
        url = r.text(e["url"]) if "url" in e else None
        if url is not None and not url.startswith("https://"):
            r.fail(e["url"], "must be a web link starting with https://")
            url = None
        if label and url:
            result.append(Link(label, url))
    return tuple(result)


def _annexes(r: Reader, node: Node, addressees: set[str]) -> list[tuple[Annex, list[tuple[Paragraph | Article, Node]]]]:
    """Each annex, with the units in it that can cite footnotes (for the marker check)."""
    result: list[tuple[Annex, list[tuple[Paragraph | Article, Node]]]] = []
    for item in r.sequence(node):
        e = r.mapping(item, ("label", "title"), ("opening", "preamble", "proclamation", "articles", "paragraphs"))
        if e is None:
            continue
        label = r.text(e["label"], max_len=MAX_LABEL_CHARS) if "label" in e else None
        title = r.text(e["title"], max_len=MAX_TITLE_CHARS) if "title" in e else None
        opening = r.optional(e, "opening", lambda n: r.text(n, max_len=MAX_LABEL_CHARS))
        proclamation = r.optional(e, "proclamation", lambda n: r.text(n, max_len=MAX_LABEL_CHARS))
        preamble = _paragraphs(r, e.get("preamble"), Kind.PREAMBLE, addressees)
        paragraphs = _annex_paragraphs(r, e.get("paragraphs"))
        articles = _articles(r, e["articles"]) if "articles" in e else []
        if not articles and not paragraphs and "articles" not in e and "paragraphs" not in e:
            r.fail(item, "an annex needs its articles or its paragraphs")
        if label is None or title is None:
            continue
        annex = Annex(
            label=label,
            title=title,
            opening=opening,
            preamble=tuple(p for p, _ in preamble),
            proclamation=proclamation,
            articles=tuple(a for a, _ in articles),
            paragraphs=tuple(p for p, _ in paragraphs),
        )
        units: list[tuple[Paragraph | Article, Node]] = [*preamble, *articles, *paragraphs]
        result.append((annex, units))
    return result


def _annex_paragraphs(r: Reader, node: Node | None) -> list[tuple[Paragraph, Node]]:
    """Numbered paragraphs of an annex that is not a declaration: text, no editorial fields."""
    if node is None:
        return []
    result: list[tuple[Paragraph, Node]] = []
    for _, e, number in _numbered_items(r, node, ("number", "text"), ("verb", "items", "links"), allow_empty=False):
        text = r.text(e["text"], max_len=MAX_PARAGRAPH_CHARS) if "text" in e else None
        verb = r.optional(e, "verb", lambda n: r.text(n, max_len=MAX_LABEL_CHARS))
        items = _items(r, e["items"]) if "items" in e else ()
        links = _links(r, e["links"]) if "links" in e else ()
        if number is not None and text is not None:
            result.append((Paragraph(Kind.OPERATIVE, number, text, verb=verb, items=items, links=links), e["text"]))
    return result


def _articles(r: Reader, node: Node) -> list[tuple[Article, Node]]:
    """Articles 1, 2, 3…: each either one unnumbered `text` (with `items`) or numbered `paragraphs`."""
    result: list[tuple[Article, Node]] = []
    for item, e, number in _numbered_items(r, node, ("number",), ("text", "items", "paragraphs"), allow_empty=False):
        clauses: list[Clause] = []
        if "paragraphs" in e:
            if "text" in e or "items" in e:
                r.fail(item, "an article has either `text` (and `items`) or numbered `paragraphs`, not both")
            for _, pe, pnumber in _numbered_items(
                r, e["paragraphs"], ("number", "text"), ("items",), allow_empty=False
            ):
                text = r.text(pe["text"], max_len=MAX_PARAGRAPH_CHARS) if "text" in pe else None
                items = _items(r, pe["items"]) if "items" in pe else ()
                if pnumber is not None and text is not None:
                    clauses.append(Clause(pnumber, text, items))
        elif "text" in e:
            text = r.text(e["text"], max_len=MAX_PARAGRAPH_CHARS)
            items = _items(r, e["items"]) if "items" in e else ()
            if text is not None:
                clauses.append(Clause(None, text, items))
        else:
            r.fail(item, "an article needs its `text` or its numbered `paragraphs`")
        if number is not None and clauses:
            result.append((Article(number, tuple(clauses)), item))
    return result


def _check_markers(
    r: Reader,
    paragraphs: list[tuple[Paragraph | Article, Node]],
    footnotes: list[tuple[Footnote, Node]],
) -> None:
    """Every marker has its footnote, and every footnote is cited."""
    defined = {f.number for f, _ in footnotes}
    cited: set[int] = set()
    for paragraph, node in paragraphs:
        for number in paragraph.footnotes:
            cited.add(number)
            if number not in defined:
                r.fail(node, f"footnote marker [^{number}] has no footnote {number}")
    for footnote, node in footnotes:
        if footnote.number not in cited:
            r.fail(node, f"footnote {footnote.number} is not cited by any paragraph")


__all__ = ["FileProblems", "load_document"]
