"""The UN's Akoma Ntoso XML (AKN4UN) for a General Assembly resolution, as a `Document`.

Mapping (go by the published files; they differ from the AKN4UN guidelines in places):
- `<preamble>`: the `enactingFormula` is the opening; each `<container>` a preambular paragraph.
- `<mainBody>`: each `<paragraph>` with a `<num>` an operative paragraph, numbered by its `<num>`,
  never by its `eId` (the ids are word-processor indexes and differ between languages).
- The leading italic `<span>`(s) are the verb or lead words; other italics stay as `*…*`. The Chinese
  texts set the lead words in bold (`<span class="bold">`), the Arabic ones in bold italics: a leading
  bold span is the lead words too.
- Arabic texts print a marker as a bracketed superscript, `<sup>(</sup><authorialNote/><sup>)</sup>`,
  with "()" at the head of the note: the brackets are print, the marker is `[^N]` as in the other languages.
  Their operative numbers read `1 -`, or stand in the paragraph's text when `<num>` is missing.
- `<list>`/`<point>` are the sub-paragraphs (a), (b)…; `<authorialNote marker="N">` is footnote N,
  its marker `[^N]` at its exact place; `<a href>` a link; each `<attachment>` an annex.
- The header comes from `<meta>` (FRBR dates and language), the cover page, `<preface>` and `<conclusions>`.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.parsers.expat
from dataclasses import dataclass, field

from bot.content.model import Annex, Document, Footnote, Item, Kind, Link, Metadata, Paragraph

from .common import Doubts, Imported, ImportFailed, squash, with_editorial

_LANGUAGES = {"eng": "en", "fra": "fr", "fre": "fr", "spa": "es", "rus": "ru", "zho": "zh", "chi": "zh", "ara": "ar"}
NOTICE = (
    "The UN's XML calls itself an unofficial copy for informational purposes only, prepared from "
    "the official electronic file. Credit: United Nations."
)


@dataclass
class El:
    """An element: local name, attributes, children, and the text around them, with its source line."""

    tag: str
    attrib: dict[str, str]
    line: int
    children: list[El] = field(default_factory=list)
    text: str = ""
    tail: str = ""

    def find(self, tag: str) -> El | None:
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def findall(self, tag: str) -> list[El]:
        return [c for c in self.children if c.tag == tag]

    def iter(self, tag: str) -> list[El]:
        found: list[El] = []
        stack = [self]
        while stack:
            el = stack.pop()
            if el.tag == tag:
                found.append(el)
            stack.extend(reversed(el.children))
        return found

    def itertext(self) -> str:
        parts = [self.text]
        for child in self.children:
            parts.append(child.itertext())
            parts.append(child.tail)
        return "".join(parts)


def parse(data: bytes, source: str) -> El:
    """A light tree with line numbers (ElementTree keeps none); namespaces dropped."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
    root: list[El] = []
    stack: list[El] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        el = El(name.rpartition("}")[2], attrs, parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(el)
        else:
            root.append(el)
        stack.append(el)

    def end(name: str) -> None:
        stack.pop()

    def chars(data: str) -> None:
        if not stack:
            return
        top = stack[-1]
        if top.children:
            top.children[-1].tail += data
        else:
            top.text += data

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise ImportFailed(
            source, exc.lineno, f"not well-formed XML: {xml.parsers.expat.errors.messages[exc.code]}"
        ) from None
    if not root:
        raise ImportFailed(source, 1, "no XML element")
    return root[0]


class _Reader:
    def __init__(self, source: str, doubts: Doubts) -> None:
        self.source = source
        self.doubts = doubts
        self.footnotes: dict[int, Footnote] = {}
        self.footnote_lines: dict[int, int] = {}

    # -- inline content -------------------------------------------------------------

    def inline(self, el: El, links: list[Link], place: tuple[str | int, ...], *, notes: bool = True) -> str:
        """The text of a `<p>`: italics as *…*, footnotes as [^N] (collected), links collected."""
        parts = [el.text]
        for child in el.children:
            parts.append(self._child(child, links, place, notes=notes))
            parts.append(child.tail)
        return "".join(parts)

    def _child(self, el: El, links: list[Link], place: tuple[str | int, ...], *, notes: bool) -> str:
        if el.tag == "authorialNote":
            if not notes:
                self.doubts.add(el.line, "a footnote inside a footnote: kept as text", place)
                return squash(el.itertext())
            return self._note(el, place)
        inner = self.inline(el, links, place, notes=notes)
        if el.tag == "span" and "italic" in el.attrib.get("class", "").split():
            stripped = inner.strip()
            if not stripped:
                return inner
            lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
            return f"{lead}*{stripped}*{trail}"
        if el.tag == "a" and el.attrib.get("href", "").startswith("https://"):
            label = squash(inner.replace("*", ""))
            if label and all(link.label != label or link.url != el.attrib["href"] for link in links):
                links.append(Link(label[:80], el.attrib["href"]))
        if el.tag == "eol":
            return " "
        if el.tag == "sup" and inner.strip() in ("(", ")"):
            return ""  # the printed brackets of an Arabic marker
        return inner

    def _note(self, el: El, place: tuple[str | int, ...]) -> str:
        marker = el.attrib.get("marker", "")
        if not marker.isdigit():
            self.doubts.add(el.line, f"a footnote with marker {marker!r}, not a number: kept out", place)
            return ""
        number = int(marker)
        links: list[Link] = []
        text = squash(" ".join(self.inline(p, links, ("footnotes", number), notes=False) for p in el.iter("p")))
        text = _EMPTY_MARKER.sub("", text)
        if not text:
            self.doubts.add(el.line, f"footnote {number} has no text", place)
        previous = self.footnotes.get(number)
        if previous is None:
            self.footnotes[number] = Footnote(number, text, tuple(links))
            self.footnote_lines[number] = el.line
        elif previous.text != text:
            self.doubts.add(
                el.line,
                f"footnote {number} appears twice with different texts; the first is kept",
                ("footnotes", number),
            )
        return f"[^{number}]"

    # -- paragraphs ---------------------------------------------------------------------

    def body(self, el: El, links: list[Link], place: tuple[str | int, ...]) -> tuple[str | None, str]:
        """(lead words, rest) of a paragraph's `<p>`s: the leading italic spans are the lead words."""
        ps = el.findall("p")  # a footnote's own <p>s sit deeper, inside its <authorialNote>
        if not ps:
            return None, ""
        first = ps[0]
        verb_parts: list[str] = []
        rest_start = 0
        lead_text = first.text
        for i, child in enumerate(first.children):
            if lead_text.strip():
                break
            if (
                child.tag == "span"
                and _LEAD_CLASSES & set(child.attrib.get("class", "").split())
                and not child.children
            ):
                verb_parts.append(child.text)
                rest_start = i + 1
                lead_text = child.tail
                continue
            break
        verb = squash(" ".join(verb_parts)) or None
        if verb is None:
            text = self.inline(first, links, place)
        else:
            holder = El("p", {}, first.line, first.children[rest_start:], lead_text)
            text = self.inline(holder, links, place)
        texts = [squash(text)] + [squash(self.inline(p, links, place)) for p in ps[1:]]
        return verb, "\n".join(t for t in texts if t)

    def items(self, lst: El, links: list[Link], place: tuple[str | int, ...]) -> tuple[Item, ...]:
        """`<point>`s as (a), (b)…; a `<sublist>` that goes on with its parent's letters is flattened."""
        result: list[Item] = []
        for child in lst.children:
            if child.tag == "point":
                result.append(self._point(child, links, place))
            elif child.tag in ("sublist", "list"):
                sub = self.items(child, links, place)
                if not sub:
                    continue
                if result and _follows(result[-1].label, sub[0].label):
                    self.doubts.add(
                        child.line,
                        f"sub-paragraphs ({sub[0].label})… are marked up as a sub-list of ({result[-1].label}) "
                        "but go on with its letters: read as its siblings",
                        place,
                    )
                    result.extend(sub)
                elif result:
                    last = result[-1]
                    result[-1] = Item(last.label, last.text, last.items + sub)
                else:
                    result.extend(sub)
            elif child.tag != "intro":
                self.doubts.add(child.line, f"<{child.tag}> inside a list left out", place)
        return tuple(result)

    def _point(self, point: El, links: list[Link], place: tuple[str | int, ...]) -> Item:
        num = point.find("num")
        label = (num.itertext() if num is not None else "").strip().strip("().").strip()
        if not re.fullmatch(r"[a-z]{1,4}", label):
            self.doubts.add(point.line, f"sub-paragraph label {label!r} is not (a), (b)… or (i), (ii)…", place)
            label = label.lower() if re.fullmatch(r"[A-Za-z]{1,4}", label) else "a"
        content = point.find("content")
        texts = [squash(self.inline(p, links, place)) for p in (content.findall("p") if content is not None else [])]
        sub: tuple[Item, ...] = ()
        for child in point.children:
            if child.tag in ("list", "sublist"):
                sub += self.items(child, links, place)
        return Item(label, "\n".join(t for t in texts if t), sub)


_LEAD_CLASSES = frozenset({"italic", "bold"})
_EMPTY_MARKER = re.compile(r"^\(\)\s*")  # "()" at the head of an Arabic footnote: where the number was printed
_NUM = re.compile(r"(\d+)\s*[.\-–]?")  # "4.", and the Arabic "4 -"
_NUM_IN_TEXT = re.compile(r"^\s*(\d+)\s*[.\-–]\s*")  # an Arabic paragraph without <num>: "\t2 –\t…"


def _number_in_text(el: El) -> int | None:
    """The number an operative paragraph without `<num>` carries at the head of its text, taken out of it."""
    content = el.find("content")
    first = content.find("p") if content is not None else None
    if first is None:
        return None
    m = _NUM_IN_TEXT.match(first.text)
    if m is None:
        return None
    first.text = first.text[m.end() :]
    return int(m.group(1))


def _follows(previous: str, label: str) -> bool:
    """Whether `label` is the next letter after `previous`: (h) → (i), (hh) → (ii)."""
    if len(previous) != len(label) or len(set(previous)) != 1 or len(set(label)) != 1:
        return False
    return ord(label[0]) == ord(previous[0]) + 1


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _text_of(root: El, tag: str, **attrs: str) -> tuple[str, int] | None:
    for el in root.iter(tag):
        if all(el.attrib.get(k) == v for k, v in attrs.items()):
            return squash(el.itertext()), el.line
    return None


def import_akn(data: bytes, source: str) -> Imported:
    """One AKN4UN resolution file as a document; `ImportFailed` when it is not one."""
    root = parse(data, source)
    doubts = Doubts(source)
    statement = next((el for el in root.children if el.tag in ("statement", "doc")), None)
    if statement is None:
        raise ImportFailed(source, root.line, "no <statement> (is this an AKN4UN resolution?)")
    r = _Reader(source, doubts)
    meta = _metadata(statement, source, doubts)

    preamble: list[Paragraph] = []
    opening = "The General Assembly,"
    pre = statement.find("preamble")
    if pre is not None:
        for el in pre.children:
            if el.tag == "formula":
                opening = squash(el.itertext())
            elif el.tag == "container":
                number = len(preamble) + 1
                links: list[Link] = []
                verb, text = r.body(el, links, ("preamble", number))
                if verb is None:
                    doubts.add(el.line, f"preambular paragraph {number} has no italic lead words", ("preamble", number))
                preamble.append(Paragraph(Kind.PREAMBLE, number, text, verb=verb, links=tuple(links)))
            else:
                doubts.add(el.line, f"<{el.tag}> in the preamble left out", ("preamble",))
    operative, lines = _operative(r, statement.find("mainBody"), source, doubts)
    annexes = _annexes(r, statement, doubts)
    footnotes = tuple(r.footnotes[n] for n in sorted(r.footnotes))
    for expected, f in enumerate(footnotes, start=1):
        if f.number != expected:
            doubts.add(r.footnote_lines[f.number], f"footnote {f.number} where {expected} was expected", ("footnotes",))
            break
    document = Document(
        meta=_with_opening(meta, opening),
        addressees=(),
        preamble=tuple(preamble),
        operative=tuple(operative),
        footnotes=footnotes,
        annexes=tuple(annexes),
    )
    document = with_editorial(document, doubts, lines)
    provenance = (f"Imported from {source} (AKN4UN XML).", NOTICE)
    return Imported(document, tuple(doubts.items), provenance)


def _with_opening(meta: Metadata, opening: str) -> Metadata:
    from dataclasses import replace

    return replace(meta, opening=opening)


def _operative(r: _Reader, main: El | None, source: str, doubts: Doubts) -> tuple[list[Paragraph], dict[int, int]]:
    result: list[Paragraph] = []
    lines: dict[int, int] = {}
    if main is None:
        return result, lines
    for el in main.children:
        if el.tag != "paragraph":
            doubts.add(el.line, f"<{el.tag}> in the operative part left out", ("operative",))
            continue
        num = el.find("num")
        raw = num.itertext().strip() if num is not None else ""
        found = _NUM.fullmatch(raw)
        number_or_none = int(found.group(1)) if found else _number_in_text(el) if num is None else None
        if number_or_none is None:
            what = squash(el.itertext())[:60]
            doubts.add(el.line, f"an unnumbered block in the operative part left out: “{what}”", ("operative",))
            continue
        number = number_or_none
        expected = len(result) + 1
        if number != expected:
            doubts.add(
                el.line, f"operative paragraph numbered {number} where {expected} was expected", ("operative", expected)
            )
        links: list[Link] = []
        content = el.find("content")
        lst = el.find("list")
        verb: str | None
        if content is not None:
            verb, text = r.body(content, links, ("operative", number))
        elif lst is not None and lst.find("intro") is not None:
            intro = lst.find("intro")
            assert intro is not None
            verb, text = r.body(intro, links, ("operative", number))
        else:
            verb, text = None, ""
        items = r.items(lst, links, ("operative", number)) if lst is not None else ()
        if verb is None:
            split = re.match(r"^(\w{1,3})\*([^*]+)\*\s*", text)
            if split:  # "S<span class='italic'>e déclare</span>": the italics start inside the first word
                doubts.add(
                    el.line,
                    f"operative paragraph {number}: the italics start inside the first word; "
                    f"the verb read as “{split.group(1)}{split.group(2).strip()}”",
                    ("operative", number),
                )
                verb, text = split.group(1) + split.group(2).strip(), text[split.end() :]
            else:
                doubts.add(
                    el.line,
                    f"operative paragraph {number} has no italic verb: its first word is taken as the verb",
                    ("operative", number),
                )
                first, _, rest = text.partition(" ")
                verb, text = first.replace("*", "") or "—", rest
        result.append(Paragraph(Kind.OPERATIVE, number, text, verb=verb, items=items, links=tuple(links)))
        lines[number] = el.line
    return result, lines


def _annexes(r: _Reader, statement: El, doubts: Doubts) -> list[Annex]:
    result: list[Annex] = []
    for attachment in statement.iter("attachment"):
        doc = attachment.find("doc")
        main = doc.find("mainBody") if doc is not None else None
        if main is None:
            doubts.add(attachment.line, "an attachment without a <mainBody> left out", ("annexes",))
            continue
        index = len(result) + 1
        headings: list[str] = []
        paragraphs: list[Paragraph] = []
        for el in main.children:
            heading = el.find("heading") or el.find("subheading")
            num = el.find("num")
            raw = num.itertext().strip() if num is not None else ""
            if heading is not None and not re.fullmatch(r"\d+\.", raw):
                text = squash(heading.itertext())
                if len(headings) < 2 and not paragraphs:
                    headings.append(text)
                else:
                    doubts.add(
                        el.line,
                        f"annex heading “{text[:60]}” left out (headings have no place yet)",
                        ("annexes", index),
                    )
                continue
            if not re.fullmatch(r"\d+\.", raw):
                what = squash(el.itertext())[:60]
                doubts.add(el.line, f"an unnumbered block of the annex left out: “{what}”", ("annexes", index))
                continue
            number = len(paragraphs) + 1
            if int(raw.rstrip(".")) != number:
                doubts.add(el.line, f"annex paragraph numbered {raw} where {number}. was expected", ("annexes", index))
            links: list[Link] = []
            content = el.find("content")
            lst = el.find("list")
            verb, text = r.body(content, links, ("annexes", index)) if content is not None else (None, "")
            items = r.items(lst, links, ("annexes", index)) if lst is not None else ()
            paragraphs.append(Paragraph(Kind.OPERATIVE, number, text, verb=verb, items=items, links=tuple(links)))
        label = headings[0] if headings else "Annex"
        title = headings[1] if len(headings) > 1 else label
        if not paragraphs:
            doubts.add(attachment.line, f"annex “{label}” has no numbered paragraphs: left out", ("annexes",))
            continue
        result.append(Annex(label=label, title=title[:500], paragraphs=tuple(paragraphs)))
    return result


def _metadata(statement: El, source: str, doubts: Doubts) -> Metadata:
    def need(found: tuple[str, int] | None, what: str) -> tuple[str, int]:
        if found is None or not found[0]:
            raise ImportFailed(source, statement.line, f"no {what} in the file")
        return found

    symbol, _ = need(_text_of(statement, "docNumber", refersTo="#symbol"), "symbol (<docNumber refersTo='#symbol'>)")
    preface = statement.find("preface")
    if preface is None:
        raise ImportFailed(source, statement.line, "no <preface> (number and title)")
    number, _ = need(_text_of(preface, "docNumber"), "resolution number in <preface>")
    title, _ = need(_text_of(preface, "docTitle"), "title in <preface>")
    adopted = published = None
    language = "en"
    for el in statement.iter("FRBRdate"):
        if el.attrib.get("name") == "adoption" and adopted is None:
            adopted = _date(el.attrib.get("date"))
        if el.attrib.get("name") == "publication" and published is None:
            published = _date(el.attrib.get("date"))
    for el in statement.iter("FRBRlanguage"):
        language = _LANGUAGES.get(el.attrib.get("language", ""), "en")
        break
    if adopted is None:
        raise ImportFailed(source, statement.line, "no adoption date (FRBRdate name='adoption')")
    distributed = None
    status = "General"
    for el in statement.iter("docDate"):
        if el.attrib.get("refersTo") == "#dateOfIssuance":
            distributed = _date(el.attrib.get("date"))
    found_status = _text_of(statement, "docStatus")
    if found_status:
        status = found_status[0].rpartition(":")[2].strip() or status
    if distributed is None:
        distributed = published or adopted
        doubts.add(statement.line, "no date of issuance: the distribution date is the publication date")
    session = _text_of(statement, "session")
    agenda = next(
        (squash(el.itertext()) for el in statement.iter("inline") if el.attrib.get("name") == "agenda item"), ""
    )
    agenda_item = re.sub(r"^Agenda items?\s*", "", agenda) or "—"
    if not agenda:
        doubts.add(statement.line, "no agenda item on the cover page")
    conclusions = statement.find("conclusions")
    meeting = next(
        (
            squash(el.itertext())
            for el in (conclusions.iter("inline") + conclusions.iter("location") if conclusions else [])
            if "adoptionMeeting" in (el.attrib.get("name"), el.attrib.get("refersTo", "").lstrip("#"))
        ),
        "",
    )
    if not meeting:
        doubts.add(statement.line, "no plenary meeting in <conclusions>")
    proponent = _text_of(statement, "docProponent")
    committee = report = None
    if proponent:
        m = re.search(r"on the report of the (.+?) \((A/[^,)\s]+)", proponent[0])
        if m:
            committee, report = m.group(1), m.group(2)
    lang = language
    return Metadata(
        symbol=symbol,
        number=number.rstrip("."),
        body="General Assembly",
        title=title,
        distribution=status,
        distributed=distributed,
        session=session[0] if session else "—",
        agenda_item=agenda_item,
        adopted=adopted,
        committee=committee,
        report=report,
        meeting=meeting or "—",
        url=f"https://undocs.org/{lang}/{symbol}",
        report_url=f"https://undocs.org/{lang}/{report}" if report else None,
        opening="The General Assembly,",
        language=language,
        published=published,
    )
