"""The text layer of an official resolution PDF, as `pdftotext` writes it, as a `Document`.

What a text layer holds besides the text, and what this does with it:
- page furniture: running heads (short title and symbol, in either order), page numbers (`2/7`,
  `Page 2`), job numbers (`19-22249 (E)`), date codes, barcodes (`*1922249*`), "Please recycle",
  `/...` at the foot of 1990s pages: dropped;
- footnote blocks at a page's foot, under underscores or (1990s) with none; a footnote's number may
  stand apart from its text, out of order, or after the next footnote's text: numbers are matched to
  texts in order, and a text block that holds two footnotes is split where a sentence ends;
- markers set off by spaces (`Rights, 1 the`) or stuck to a word (`1998,1`): taken as footnote markers
  only when they are the next footnote not yet cited, or one already cited, and not a number the
  words around them name (`article 3`, `3 April`);
- operative numbers on their own line, before or just after the paragraph's first line;
- kerning gaps (`monitori ng`): joined only when the joined word occurs elsewhere in the same document
  or in the shipped word list, and one of the pieces is not a word by itself; others are doubts.

Italics are lost in a text layer: the lead words are recognized by the shipped list of the UN's own
lead words (`data/leads.txt`); where none fits, the first word is taken and that is a doubt.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from bot.content.model import Annex, Article, Clause, Document, Footnote, Item, Kind, Metadata, Paragraph

from .common import Doubts, Imported, ImportFailed, squash, with_editorial
from .wordlists import hyphenated, leads, words

# two-letter words; other two-letter pieces ("nd", "hu") are kerning fragments
_SHORT_WORDS = set(
    [
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
    ]
)

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DATE = re.compile(rf"^(\d{{1,2}}) ({'|'.join(MONTHS)}) (\d{{4}})$")
_SYMBOL = re.compile(r"^A/RES/\d+/\d+[A-Z]?$")
_FURNITURE = (
    re.compile(r"^Page \d+$"),
    re.compile(r"^\d{1,3}/\d{1,3}$"),
    re.compile(r"^\d{2}-\d{5}(?: \([A-Z]\))?$"),  # job number
    re.compile(r"^\d{6}$"),  # date code beside the job number
    re.compile(r"^\*\d{5,}\*$"),  # barcode
    re.compile(r"^Please recycle\W*$", re.IGNORECASE),
    re.compile(r"^/\.\.\.$"),
    re.compile(r"^(?:UNITED|NATIONS|United Nations|A)$"),
)
_SEPARATOR = re.compile(r"^_{5,}$")
_LONE_INT = re.compile(r"^(\d{1,3})$")
_OP_NUMBER = re.compile(r"^(\d{1,3})\.(?:\s+(\S.*))?$")
_ITEM = re.compile(r"^\(([a-z]{1,4})\)\s+(\S.*)$")
_ARTICLE = re.compile(r"^Article (\d{1,3})$")
_MEETING = re.compile(r"^(\d+(?:st|nd|rd|th) plenary meeting)$")
_ANNEX = re.compile(r"^(ANNEX|Annex)(?: ([IVX]+))?$")
# words after which a number is what the text says, never a footnote marker
_NAMES_A_NUMBER = {
    "article", "articles", "paragraph", "paragraphs", "para", "paras", "no", "resolution", "resolutions",
    "of", "on", "and", "to", "chap", "section", "target", "indicator", "goal", "by", "in", "at", "the",
    "than", "from", "until", "under", "item", "items", "session", "day", "annex", "principle", "rule",
    "or", "decision", "decisions", "volume", "vol", "part", "page", "pages", "sect", "supplement", "protocol",
}  # fmt: skip
_AFTER_NOT_A_MARKER = {*(m.lower() for m in MONTHS), "per", "percent", "%", "years", "days", "per cent"}


@dataclass
class Ln:
    no: int  # 1-based line in the source
    text: str
    page: int


@dataclass
class _AnnexSpec:
    label: str
    line: int
    title: list[str] = field(default_factory=list)
    opening: str | None = None
    preamble: list[_Unit] = field(default_factory=list)
    proclamation: str | None = None
    articles: list[tuple[int, list[_Unit], int]] = field(default_factory=list)


@dataclass
class _Unit:
    """A paragraph being assembled from lines."""

    kind: str  # "pp", "op", "clause", "text" (an annex/article intro), "item"
    lines: list[Ln]
    number: int | None = None
    label: str | None = None
    items: list[_Unit] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.lines[0].no if self.lines else 0


def _lines(text: str) -> list[Ln]:
    result: list[Ln] = []
    page = 1
    for no, raw in enumerate(text.split("\n"), start=1):
        while "\f" in raw:
            before, _, raw = raw.partition("\f")
            if before.strip():
                result.append(Ln(no, before.strip(), page))
            page += 1
        result.append(Ln(no, raw.strip(), page))
    return result


def _is_furniture(text: str, symbol: str) -> bool:
    return text == symbol or any(p.match(text) for p in _FURNITURE)


def _running_heads(lines: list[Ln], symbol: str, title: str) -> set[str]:
    """Lines repeated on several pages, every time within a few lines of the symbol or a page number;
    and, even once, a line near those that is a piece of the document's title (the short title)."""
    anchors = [i for i, ln in enumerate(lines) if ln.text == symbol or re.match(r"^(?:Page \d+|\d+/\d+)$", ln.text)]
    heads_once: set[str] = set()
    for i, ln in enumerate(lines):
        if " " in ln.text and ln.text in title and any(abs(i - a) <= 6 for a in anchors):
            near_page_break = any(lines[j].page != ln.page for j in range(max(0, i - 8), min(len(lines), i + 9)))
            if near_page_break:
                heads_once.add(ln.text)
    counts = Counter(ln.text for ln in lines if len(ln.text) >= 15 and re.search(r"[A-Za-z]{3}", ln.text))
    heads: set[str] = set(heads_once)
    for text, count in counts.items():
        if count < 2:
            continue
        where = [i for i, ln in enumerate(lines) if ln.text == text]
        if all(any(abs(i - a) <= 6 for a in anchors) for i in where):
            heads.add(text)
    return heads


class _Importer:
    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.doubts = Doubts(source)
        self.all = _lines(text)
        symbol = next((ln.text for ln in self.all if _SYMBOL.match(ln.text)), None)
        if symbol is None:
            raise ImportFailed(source, 1, "no symbol (A/RES/…) in the text: is this a resolution's text layer?")
        self.symbol = symbol
        self.footnotes: dict[int, tuple[str, int]] = {}  # number -> (text, line)

    # -- header -------------------------------------------------------------------

    def header(self) -> tuple[dict[str, object], int]:
        """The header fields, and the index of "The General Assembly," that opens the text."""
        fields: dict[str, object] = {}
        lines = self.all
        start = next((i for i, ln in enumerate(lines) if ln.text == "The General Assembly,"), None)
        if start is None:
            raise ImportFailed(self.source, 1, "no “The General Assembly,” opening the text")
        head = [ln for ln in lines[:start] if ln.text]
        texts = [ln.text for ln in head]
        number_at = next((i for i, t in enumerate(texts) if re.match(r"^\d+/\d+[A-Z]?\.(?:\s|$)", t)), None)
        if number_at is None:
            raise ImportFailed(self.source, lines[start].no, "no resolution number (“53/144.”) before the text")
        number, _, first_title = texts[number_at].partition(".")
        fields["number"] = number
        fields["title"] = squash(" ".join([first_title, *texts[number_at + 1 :]]))
        for i, t in enumerate(texts[:number_at]):
            if "distributed" not in fields and _DATE.match(t):
                fields["distributed"] = _date(t)
            elif m := re.match(r"^(\S+ session)$", t):
                fields["session"] = m.group(1)
            elif m := re.match(r"^Agenda items? (.+)$", t):
                fields["agenda_item"] = m.group(1)
            elif t.upper().startswith("RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY"):
                rest = t[len("RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY") :].strip()
                rest = re.sub(r"^on\s*", "", rest)
                if not rest and i + 1 < number_at and _DATE.match(texts[i + 1]):
                    rest = texts[i + 1]
                if _DATE.match(rest):
                    fields["adopted"] = _date(rest)
            elif m := re.search(r"on the report of the (.+?) \((A/[^,)\s]+)", t):
                fields["committee"], fields["report"] = m.group(1), m.group(2)
            elif t.startswith("Distr."):
                status = t.partition(":")[2].strip() or (texts[i + 1] if i + 1 < number_at else "")
                fields["distribution"] = status.capitalize()
        return fields, start

    # -- pages: furniture and footnote blocks ------------------------------------------------

    def body_lines(self, start: int, title: str) -> list[Ln]:
        """The text's lines from the opening on, furniture dropped, footnote blocks read and removed."""
        heads = _running_heads(self.all, self.symbol, title)
        pages: dict[int, list[Ln]] = {}
        for ln in self.all[start:]:
            if ln.text in heads or _is_furniture(ln.text, self.symbol):
                continue
            pages.setdefault(ln.page, []).append(ln)
        body: list[Ln] = []
        for page in sorted(pages):
            body.extend(self._page(pages[page]))
        return body

    def _page(self, lines: list[Ln]) -> list[Ln]:
        text_seen = False
        cut = None
        for i, ln in enumerate(lines):
            if _SEPARATOR.match(ln.text):
                cut = i
                break
            if (
                text_seen
                and _LONE_INT.match(ln.text)
                and i > 0
                and not lines[i - 1].text
                and self._could_be_footnote(int(ln.text))
            ):
                cut = i  # a 1990s footnote block: no separator, a number after a blank line
                break
            if ln.text and not _LONE_INT.match(ln.text):
                text_seen = True
        if cut is None:
            return [ln for ln in lines if ln.text]
        self._footnote_block(lines[cut:])
        return [ln for ln in lines[:cut] if ln.text]

    def _could_be_footnote(self, number: int) -> bool:
        expected = max(self.footnotes, default=0) + 1
        return expected <= number <= expected + 5

    def _footnote_block(self, lines: list[Ln]) -> None:
        numbers: list[Ln] = []
        segments: list[list[Ln]] = []
        current: list[Ln] = []
        for ln in lines:
            if _SEPARATOR.match(ln.text):
                continue
            if _LONE_INT.match(ln.text):
                numbers.append(ln)
                if current:
                    segments.append(current)
                    current = []
            elif ln.text:
                current.append(ln)
        if current:
            segments.append(current)
        if not numbers and not segments:
            return
        ordered = sorted(numbers, key=lambda ln: int(ln.text))
        wanted = len(ordered)
        if len(segments) < wanted:
            segments = self._split(segments, wanted, ordered)
        if len(segments) > wanted:
            extra = segments[wanted:]
            segments = segments[:wanted]
            first = extra[0][0]
            self.doubts.add(
                first.no,
                "footnote text without a number (a footnote continued from the page before?): "
                f"“{squash(' '.join(ln.text for s in extra for ln in s))[:60]}” left out",
                ("footnotes",),
            )
        for number_line, segment in zip(ordered, segments, strict=False):
            number = int(number_line.text)
            text = _join([ln.text for ln in segment])
            if number in self.footnotes:
                self.doubts.add(
                    number_line.no, f"footnote {number} printed twice; the first is kept", ("footnotes", number)
                )
                continue
            self.footnotes[number] = (text, segment[0].no)
        for number_line in ordered[len(segments) :]:
            self.doubts.add(
                number_line.no, f"footnote {number_line.text} has no text that could be found for it", ("footnotes",)
            )

    def _split(self, segments: list[list[Ln]], wanted: int, numbers: list[Ln]) -> list[list[Ln]]:
        """Two footnotes printed as one block ("Resolution 217 A (III).\\nResolution 2200 A (XXI), annex."):
        split where a line ends a sentence and the next starts one."""
        candidates = [
            (s, i)
            for s, segment in enumerate(segments)
            for i in range(1, len(segment))
            if re.search(r"[.)\]]$", segment[i - 1].text) and re.match(r"^[A-Z(“\"]", segment[i].text)
        ]
        needed = wanted - len(segments)
        if len(candidates) < needed:
            return segments
        if len(candidates) > needed:
            self.doubts.add(
                (candidates[0][0] and segments[candidates[0][0]][0].no) or segments[0][0].no,
                f"footnotes {', '.join(n.text for n in numbers)}: more places to split their texts than "
                "footnotes; split at the first ones, check them",
                ("footnotes",),
            )
        chosen = set(candidates[:needed])
        result: list[list[Ln]] = []
        for s, segment in enumerate(segments):
            piece: list[Ln] = []
            for i, ln in enumerate(segment):
                if (s, i) in chosen:
                    result.append(piece)
                    piece = []
                piece.append(ln)
            result.append(piece)
        return result

    # -- markers ---------------------------------------------------------------------

    def markers(self, body: list[Ln]) -> list[Ln]:
        """Footnote markers as [^N], in reading order; a marker left alone on a page's first line is moved."""
        known = set(self.footnotes)
        state = {"next": 1, "cited": set[int]()}
        result: list[Ln] = []
        i = 0
        while i < len(body):
            ln = body[i]
            lone = _LONE_INT.match(ln.text)
            page_start = i == 0 or body[i - 1].page != ln.page
            if lone and page_start and i + 1 < len(body) and int(lone.group(1)) in known:
                number = int(lone.group(1))
                target = body[i + 1]
                self.doubts.add(
                    ln.no,
                    f"footnote marker {number} stands alone above the page's first line: "
                    "placed at the end of that line, check its place",
                )
                result.append(replace(target, text=f"{self._mark_line(target, known, state)}[^{number}]"))
                state["cited"].add(number)  # type: ignore[attr-defined]
                state["next"] = max(state["next"], number + 1)  # type: ignore[call-overload]
                i += 2
                continue
            result.append(replace(ln, text=self._mark_line(ln, known, state)))
            i += 1
        for number in sorted(known - state["cited"]):  # type: ignore[operator]
            self.doubts.add(
                self.footnotes[number][1],
                f"footnote {number}: its marker was not found in the text",
                ("footnotes", number),
            )
        return result

    def _mark_line(self, ln: Ln, known: set[int], state: dict[str, object]) -> str:
        text = ln.text
        out: list[str] = []
        last = 0
        pattern = re.compile(
            r"(?<=[A-Za-z,;:”’\")\]])(\d{1,3})(?=[\s,.;:]|$)|(?:(?<=\S) |^)(\d{1,3})(?= |$)"
            r"|(?<=[a-z.]\.)(\d{1,3})(?=\s|$)"
        )
        for m in pattern.finditer(text):
            digits = m.group(1) or m.group(2) or m.group(3)
            number = int(digits)
            start = m.start(1) if m.group(1) else m.start(2) if m.group(2) else m.start(3)
            before = text[:start].rstrip()
            after = text[m.end() :].strip()
            prev_word = re.sub(r"[^\w]", "", before.split(" ")[-1].lower()) if before else ""
            next_word = after.split(" ")[0].lower().strip(",.;:") if after else ""
            if number not in known:
                continue
            if m.group(1) and before.endswith(".") and before[-2:-1].isdigit():
                continue  # 16.10
            if prev_word in _NAMES_A_NUMBER or next_word in _AFTER_NOT_A_MARKER:
                continue
            if m.group(2) and after and not (after[0].islower() or re.match(r"^\d+/\d+", after) or after[0] in "(“"):
                continue  # "in 2 Member States": a spaced number followed by a capital is text
            if m.group(2) and not before and not after:
                continue  # a number alone on its line is not a marker here
            cited: set[int] = state["cited"]  # type: ignore[assignment]
            if number != state["next"] and number not in cited:
                continue
            out.append(text[last : m.start()])
            out.append(f"[^{number}]")
            last = m.end()
            cited.add(number)
            if number == state["next"]:
                state["next"] = number + 1
        out.append(text[last:])
        return "".join(out)

    # -- structure --------------------------------------------------------------------

    def structure(self, body: list[Ln]) -> tuple[list[_Unit], list[_Unit], dict[str, object], list[_AnnexSpec]]:
        """(preamble, operative, conclusion fields, annexes) from the body lines."""
        preamble: list[_Unit] = []
        operative: list[_Unit] = []
        end: dict[str, object] = {}
        annexes: list[_AnnexSpec] = []
        lead_list = leads()
        state = "preamble"
        current: _Unit | None = None
        pending_number: int | None = None
        annex: _AnnexSpec | None = None
        article: list[_Unit] | None = None
        i = 1  # body[0] is the opening
        while i < len(body):
            ln = body[i]
            t = ln.text
            if state in ("preamble", "annex-preamble"):
                target = preamble if state == "preamble" or annex is None else annex.preamble
                op = _OP_NUMBER.match(t)
                if state == "preamble" and op and int(op.group(1)) == 1:
                    state = "operative"
                    continue
                if annex is not None and state == "annex-preamble" and re.match(r"^[A-Z][a-z]+:$", t):
                    annex.proclamation = t
                    state = "articles"
                    i += 1
                    continue
                if _lead(t, lead_list) and (current is None or _ends(current, ",")):
                    current = _Unit("pp", [ln])
                    target.append(current)
                elif current is None:
                    self.doubts.add(ln.no, f"text before the first preambular paragraph: “{t[:50]}” read as one")
                    current = _Unit("pp", [ln])
                    target.append(current)
                else:
                    current.lines.append(ln)
            elif state == "operative":
                meeting = _MEETING.match(t)
                if meeting:
                    end["meeting"] = meeting.group(1)
                    if i + 1 < len(body) and _DATE.match(body[i + 1].text):
                        end["date"] = _date(body[i + 1].text)
                        i += 1
                    state = "after"
                    i += 1
                    continue
                op = _OP_NUMBER.match(t)
                unnumbered = bool(operative) and operative[-1].number is None
                expected = len(operative) + (0 if unnumbered else 1)
                if op and int(op.group(1)) == expected:
                    rest = op.group(2)
                    if unnumbered and current is operative[-1] and not rest:
                        current.number = expected  # the number was printed below the first line
                        self.doubts.add(ln.no, f"operative number {expected} printed below its paragraph's first line")
                    elif rest:
                        current = _Unit("op", [replace(ln, text=rest)], number=expected)
                        operative.append(current)
                    else:
                        pending_number = expected
                    i += 1
                    continue
                item = _ITEM.match(t)
                if pending_number is not None:
                    current = _Unit("op", [ln], number=pending_number)
                    operative.append(current)
                    pending_number = None
                elif item and current is not None:
                    current.items.append(_Unit("item", [replace(ln, text=item.group(2))], label=item.group(1)))
                elif current is not None and _lead(t, lead_list) and _ends(current, ";."):
                    current = _Unit("op", [ln], number=None)  # its number may follow on the next line
                    operative.append(current)
                elif current is None:
                    self.doubts.add(ln.no, f"text where operative paragraph 1 was expected: “{t[:50]}”")
                    i += 1
                    continue
                else:
                    (current.items[-1] if current.items else current).lines.append(ln)
            elif state == "after":
                m = _ANNEX.match(t)
                if m:
                    annex = _AnnexSpec(t.title() if t.isupper() else t, ln.no)
                    annexes.append(annex)
                    state = "annex-title"
                else:
                    self.doubts.add(ln.no, f"text after the plenary meeting left out: “{t[:50]}”")
            elif state == "annex-title":
                assert annex is not None
                if t == "The General Assembly,":
                    annex.opening = t
                    state = "annex-preamble"
                    current = None
                elif _ARTICLE.match(t):
                    state = "articles"
                    continue
                else:
                    annex.title.append(t)
            elif state == "articles":
                assert annex is not None
                m = _ARTICLE.match(t)
                articles = annex.articles
                if m:
                    number = int(m.group(1))
                    if number != len(articles) + 1:
                        self.doubts.add(ln.no, f"Article {number} where Article {len(articles) + 1} was expected")
                    article = []
                    articles.append((number, article, ln.no))
                    current = None
                    pending_number = None
                    i += 1
                    continue
                if article is None:
                    self.doubts.add(ln.no, f"text before the first article left out: “{t[:50]}”")
                    i += 1
                    continue
                op = _OP_NUMBER.match(t)
                numbered = [u for u in article if u.number is not None]
                expected = len(numbered) + 1
                if op and int(op.group(1)) == expected and (expected > 1 or not article):
                    if op.group(2):
                        current = _Unit("clause", [replace(ln, text=op.group(2))], number=expected)
                        article.append(current)
                    else:
                        pending_number = expected
                    i += 1
                    continue
                item = _ITEM.match(t)
                if pending_number is not None:
                    current = _Unit("clause", [ln], number=pending_number)
                    article.append(current)
                    pending_number = None
                elif item and current is not None:
                    current.items.append(_Unit("item", [replace(ln, text=item.group(2))], label=item.group(1)))
                elif current is None:
                    current = _Unit("clause", [ln], number=None)
                    article.append(current)
                else:
                    (current.items[-1] if current.items else current).lines.append(ln)
            i += 1
        if pending_number is not None:
            self.doubts.add(body[-1].no, f"number {pending_number}. with no text after it")
        return preamble, operative, end, annexes


def _lead(text: str, lead_list: tuple[str, ...]) -> str | None:
    for lead in lead_list:
        if text.startswith(lead) and (len(text) == len(lead) or not text[len(lead)].isalnum()):
            return lead
    return None


def _ends(unit: _Unit, chars: str) -> bool:
    last = (unit.items[-1] if unit.items else unit).lines[-1].text
    return bool(last) and re.sub(r"\[\^\d+\]$", "", last)[-1:] in chars


def _date(text: str) -> dt.date | None:
    m = _DATE.match(text)
    if not m:
        return None
    return dt.date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1)))


def _join(lines: list[str]) -> str:
    """Printed lines as one text: a space at each line end, none after a hyphen kept at the end of a line,
    none before a footnote marker (one at the start of a line belongs to the end of the line before)."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif out.endswith("-") and line[:1].isalpha():
            out += line
        else:
            out += " " + line
    return re.sub(r" (\[\^\d+\])", r"\1", squash(out))


class _Kerning:
    """Joins `righ ts` into `rights` when the word is known and a piece is not; doubts for the rest."""

    def __init__(self, texts: list[str], doubts: Doubts) -> None:
        self.doubts = doubts
        self.counts = Counter(w.lower() for t in texts for w in re.findall(r"[A-Za-z]+", t))
        self.shipped = words()
        self.compounds = hyphenated()

    def _word(self, piece: str) -> bool:
        low = piece.lower()
        if len(low) == 1:
            return low in ("a", "i")
        if len(low) == 2:
            return low in _SHORT_WORDS
        return low in self.shipped or self.counts[low] >= 2

    def fix(self, text: str, line: int, place: tuple[str | int, ...]) -> str:
        text = re.sub(r"(?<=\w) ([,;:.])(?= |$)", r"\1", text)  # "measures , in", "No . 53"
        text = re.sub(r"(?<=[a-z]) -(?=[a-z])", "-", text)  # "protection -related"
        tokens = text.split(" ")
        changed = True
        while changed:
            changed = False
            for i in range(len(tokens) - 1):
                a, b = tokens[i], tokens[i + 1]
                core_b = re.match(r"^([A-Za-z]+)(.*)$", b)
                if not re.fullmatch(r"[A-Za-z]+", a) or not core_b:
                    continue
                joined = a + core_b.group(1)
                low = joined.lower()
                known = self.counts[low] >= 1 or low in self.shipped
                if not known:
                    continue
                if self._word(a) and self._word(core_b.group(1)):
                    if self.counts[low] >= 1 and low not in ("into", "onto", "cannot", "another"):
                        self.doubts.add(
                            line, f"“{a} {core_b.group(1)}” may be a kerning gap in “{joined}”: left alone", place
                        )
                    continue
                tokens[i : i + 2] = [joined + core_b.group(2)]
                changed = True
                break
        for i, token in enumerate(tokens):
            word = re.sub(r"\W+$", "", token)
            low = word.lower()
            compound = self.compounds.get(low)
            if compound and low not in self.shipped and self.counts[low] <= 1 and word.isalpha():
                restored = "".join(
                    c.upper() if o.isupper() else c for c, o in zip(compound, _spread(word, compound), strict=True)
                )
                tokens[i] = restored + token[len(word) :]
                self.doubts.add(
                    line,
                    f"“{word}” read as “{restored}”: the UN's texts hyphenate it, and a hyphen at a line end "
                    "is lost in a text layer",
                    place,
                )
        return " ".join(tokens)


def _spread(word: str, compound: str) -> str:
    """`word`'s letters aligned with `compound` (a hyphen where the compound has one), to keep capitals."""
    out, j = [], 0
    for c in compound:
        if c == "-":
            out.append("-")
        else:
            out.append(word[j])
            j += 1
    return "".join(out)


def import_text(text: str, source: str) -> Imported:
    """A resolution's text layer as a document; `ImportFailed` when it does not look like one."""
    imp = _Importer(text.replace("\r\n", "\n"), source)
    fields, start = imp.header()
    body = imp.body_lines(start, str(fields["title"]))
    body = imp.markers(body)
    preamble_units, operative_units, end, annex_specs = imp.structure(body)
    all_text = [ln.text for ln in body] + [t for t, _ in imp.footnotes.values()]
    kerning = _Kerning(all_text, imp.doubts)
    lead_list = leads()

    places: dict[int, tuple[str | int, ...]] = {}  # source line -> the unit it belongs to, for the doubts

    def text_of(unit: _Unit, place: tuple[str | int, ...]) -> str:
        for ln in unit.lines:
            places.setdefault(ln.no, place)
        return kerning.fix(_join([ln.text for ln in unit.lines]), unit.line, place)

    def items_of(unit: _Unit, place: tuple[str | int, ...]) -> tuple[Item, ...]:
        return tuple(Item(u.label or "a", text_of(u, place)) for u in unit.items)

    def split_lead(text: str, number: int, kind: str, line: int, place: tuple[str | int, ...]) -> tuple[str, str]:
        lead = _lead(text, lead_list)
        if lead is None:
            lead = text.split(" ", 1)[0].rstrip(",;:")
            imp.doubts.add(line, f"{kind} {number}: lead words not in the known list; “{lead}” taken", place)
        return lead, text[len(lead) :].lstrip(" ")

    preamble: list[Paragraph] = []
    for n, unit in enumerate(preamble_units, start=1):
        verb, rest = split_lead(text_of(unit, ("preamble", n)), n, "preambular paragraph", unit.line, ("preamble", n))
        preamble.append(Paragraph(Kind.PREAMBLE, n, rest, verb=verb, items=items_of(unit, ("preamble", n))))
    operative: list[Paragraph] = []
    lines: dict[int, int] = {}
    for n, unit in enumerate(operative_units, start=1):
        if unit.number != n:
            imp.doubts.add(unit.line, f"operative paragraph {n} has no number of its own in the text", ("operative", n))
        verb, rest = split_lead(text_of(unit, ("operative", n)), n, "operative paragraph", unit.line, ("operative", n))
        operative.append(Paragraph(Kind.OPERATIVE, n, rest, verb=verb, items=items_of(unit, ("operative", n))))
        lines[n] = unit.line
    annexes: list[Annex] = []
    for index, spec in enumerate(annex_specs, start=1):
        annex_pre: list[Paragraph] = []
        for n, unit in enumerate(spec.preamble, start=1):
            place = ("annexes", index, "preamble", n)
            verb, rest = split_lead(text_of(unit, place), n, "annex preambular paragraph", unit.line, place)
            annex_pre.append(Paragraph(Kind.PREAMBLE, n, rest, verb=verb))
        articles: list[Article] = []
        for number, units, _ in spec.articles:
            place = ("annexes", index, "articles", number)
            clauses = tuple(Clause(u.number, text_of(u, place), items_of(u, place)) for u in units)
            articles.append(Article(number, clauses))
        annexes.append(
            Annex(
                label=spec.label,
                title=_join(spec.title),
                opening=spec.opening,
                preamble=tuple(annex_pre),
                proclamation=spec.proclamation,
                articles=tuple(articles),
            )
        )
    footnotes = []
    for n in sorted(imp.footnotes):
        text, line = imp.footnotes[n]
        footnotes.append(Footnote(n, kerning.fix(text, line, ("footnotes", n))))
    adopted = fields.get("adopted") or end.get("date")
    if adopted is None:
        raise ImportFailed(source, 1, "no adoption date in the header or after the plenary meeting")
    if fields.get("distributed") is None:
        raise ImportFailed(source, 1, "no distribution date in the header")
    symbol = imp.symbol
    meta = Metadata(
        symbol=symbol,
        number=str(fields["number"]),
        body="General Assembly",
        title=str(fields["title"]),
        distribution=str(fields.get("distribution") or "General"),
        distributed=fields["distributed"],  # type: ignore[arg-type]
        session=str(fields.get("session", "—")),
        agenda_item=str(fields.get("agenda_item", "—")),
        adopted=adopted,  # type: ignore[arg-type]
        committee=fields.get("committee"),  # type: ignore[arg-type]
        report=fields.get("report"),  # type: ignore[arg-type]
        meeting=str(end.get("meeting", "—")),
        url=f"https://undocs.org/en/{symbol}",
        report_url=f"https://undocs.org/en/{fields['report']}" if fields.get("report") else None,
        opening="The General Assembly,",
    )
    document = Document(meta, (), tuple(preamble), tuple(operative), tuple(footnotes), tuple(annexes))
    document = with_editorial(document, imp.doubts, lines)
    for i, doubt in enumerate(imp.doubts.items):
        if not doubt.place:  # a doubt found before the paragraphs were known: pin it to its paragraph
            near = places.get(doubt.line) or places.get(doubt.line + 1)
            if near:
                imp.doubts.items[i] = replace(doubt, place=near)
    provenance = (f"Imported from {source} (the text layer of the official PDF, as pdftotext writes it).",)
    return Imported(document, tuple(imp.doubts.items), provenance)
