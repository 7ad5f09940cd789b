"""/compare and /trace: from their arguments to `Reply` pages, within Discord's limits.

The core (bot/content/compare.py, trace.py) returns data; this module words it. Every
page is rebuilt from a short *source* string (see `replay`), so the buttons under a
reply work on a message of any age, after any restart. The cog and the terminal
(`python -m bot compare`) both go through here, so both show the same thing.
"""

from __future__ import annotations

import json
import math
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from weakref import WeakKeyDictionary

import discord

from bot.content import refs as references
from bot.content.compare import Change, Comparison, Direction, NoteChange, Pair, as_data, compare
from bot.content.errors import UserError
from bot.content.library import Library
from bot.content.model import FOOTNOTE_MARKER, Document, Kind, Ref
from bot.content.redline import Op, Segment, markdown
from bot.content.search import fold
from bot.content.trace import Appearance, Trace, trace
from bot.render import (
    CHOICE_NAME_LIMIT,
    DESCRIPTION_LIMIT,
    FIELD_VALUE_LIMIT,
    TITLE_LIMIT,
    UN_BLUE,
    Reply,
    clip,
    escape,
    superscript,
    to_text,
)

PAGE_CHARS = 3_600  # of an embed's 4,096: room for the title, footer and a clipped last line
FULL_REDLINE = 700  # longer redlines show the changes with some words around them
CONTEXT_WORDS = 10
SOURCE_ROOM = 70  # of a custom_id's 100 characters, what a source may use
PART_NAMES = {Kind.PREAMBLE: "Preamble", Kind.OPERATIVE: "Operative part"}
PART_KEYS = {"pp": Kind.PREAMBLE, "op": Kind.OPERATIVE, "preamble": Kind.PREAMBLE, "operative": Kind.OPERATIVE}
_CHANGE_WORDS = {
    Change.UNCHANGED: "unchanged",
    Change.MODIFIED: "modified",
    Change.NEW: "new",
    Change.DROPPED: "dropped",
    Change.SPLIT: "split",
    Change.MERGED: "merged",
}
_DIRECTION_WORDS = {Direction.STRONGER: "stronger", Direction.WEAKER: "weaker", Direction.CHANGED: "changed"}
_SOURCE = re.compile(r"^(?P<kind>[xt]):(?P<a>[^:]*):(?P<b>[^:]*):(?P<c>[^:]*):(?P<page>\d{1,4})(?::(?P<rest>.*))?$")


@dataclass(frozen=True)
class Pages:
    """Where the buttons under a compare or trace reply lead: sources for `replay`."""

    previous: str | None
    next: str | None
    jumps: tuple[tuple[str, str], ...] = ()  # (label, source): the start of each part
    link: str | None = None
    current: str | None = None  # this page again (Post to channel)


@dataclass(frozen=True)
class Answer:
    reply: Reply
    pages: Pages | None = None


# -- words ---------------------------------------------------------------------------


def label(refs: Sequence[Ref]) -> str:
    """ "OP 12", "OP 29, 30, 31"."""
    if not refs:
        return "—"
    first, *rest = refs
    return ", ".join([first.label, *(str(r.number) for r in rest)])


def _shown(text: str) -> str:
    return FOOTNOTE_MARKER.sub(lambda m: superscript(int(m.group(1))), text)


def _quoted(text: str) -> str:
    """Text as printed: Discord markdown escaped, but the text's own *italics* kept."""
    return escape(text).replace("\\*", "*")


def redline_text(segments: Sequence[Segment], limit: int = FULL_REDLINE) -> str:
    """A redline as Discord shows it: ~~deleted~~ **inserted**, footnote markers as superscripts.
    A long one keeps the changes and `CONTEXT_WORDS` words either side of each."""
    # Italic markup would mix with the redline's own marks: the lead words show plain here.
    shown = [Segment(s.op, _shown(s.old).replace("*", ""), _shown(s.new).replace("*", "")) for s in segments]
    text = markdown(shown)
    if len(text) <= limit:
        return text
    trimmed: list[Segment] = []
    last = len(shown) - 1
    for i, seg in enumerate(shown):
        words = seg.new.split(" ")
        if seg.op is not Op.EQUAL or len(words) <= 2 * CONTEXT_WORDS + 2:
            trimmed.append(seg)
            continue
        head = "" if i == 0 else " ".join(words[:CONTEXT_WORDS])
        tail = "" if i == last else " ".join(words[-CONTEXT_WORDS:])
        short = " ".join(part for part in (head, "…", tail) if part)
        if tail:
            short += " " if seg.new.endswith(" ") or words[-1] == "" else ""
        trimmed.append(Segment(Op.EQUAL, short, short))
    return clip(markdown(trimmed), max(limit, FULL_REDLINE) * 2)


def _pair_block(pair: Pair) -> str:
    head = f"**{label(pair.old_refs)} → {label(pair.new_refs)}**" if pair.old and pair.new else ""
    moved = " · moved" if pair.moved else ""
    if pair.change is Change.NEW:
        return f"**{label(pair.new_refs)}** · new\n> {_quoted(_shown(pair.new[0].full_text))}"
    if pair.change is Change.DROPPED:
        return f"**{label(pair.old_refs)}** · dropped\n> ~~{_quoted(_shown(pair.old[0].full_text))}~~"
    if pair.change is Change.UNCHANGED:
        return f"{head} · unchanged{moved}"
    percent = f" ({math.floor(pair.similarity * 100)} % alike)" if pair.change is Change.MODIFIED else ""
    return f"{head} · {_CHANGE_WORDS[pair.change]}{percent}{moved}\n{redline_text(pair.redline)}"


def _counts_line(result: Comparison, kind: Kind) -> str:
    counts = result.counts(kind)
    parts = [f"{n} {_CHANGE_WORDS[c]}" for c, n in counts.items() if n]
    moved = result.moved(kind)
    if moved:
        parts.append(f"{moved} moved")
    return " · ".join(parts) or "nothing"


def overview_embed(result: Comparison, kinds: Sequence[Kind]) -> discord.Embed:
    old, new = result.old, result.new
    embed = discord.Embed(
        title=clip(f"{old.symbol} → {new.symbol} · what changed", TITLE_LIMIT), url=new.meta.url, colour=UN_BLUE
    )
    embed.description = (
        f"Paragraphs paired by their words, not their numbers: {old.meta.number} "
        f"({old.meta.adopted.year}) → {new.meta.number} ({new.meta.adopted.year})."
    )
    for kind in kinds:
        embed.add_field(name=PART_NAMES[kind], value=_counts_line(result, kind), inline=False)
    leads = [c for c in result.leads if c.new.kind in kinds]
    if leads:
        lines = [
            f"{c.old.label} → {c.new.label}: ~~{escape(c.before)}~~ **{escape(c.after)}** ({_DIRECTION_WORDS[c.direction]})"
            for c in leads
        ]
        embed.add_field(name="Lead words", value=_fit_lines(lines), inline=False)
    who = [f"new: {escape(a)}" for a in result.addressees_added] + [
        f"dropped: {escape(a)}" for a in result.addressees_dropped
    ]
    if who:
        embed.add_field(name="Addressees", value=_fit_lines(who), inline=False)
    if result.instruments_added:
        embed.add_field(
            name="New references", value=_fit_lines([escape(n) for n in result.instruments_added]), inline=False
        )
    if result.instruments_dropped:
        embed.add_field(
            name="References no longer made",
            value=_fit_lines([escape(n) for n in result.instruments_dropped]),
            inline=False,
        )
    notes = [_note_line(n) for n in result.notes if n.change is not Change.UNCHANGED or n.old != n.new]
    if notes:
        embed.add_field(name="Footnotes (compared by content)", value=_fit_lines(notes), inline=False)
    embed.set_footer(text="Redlines: ~~deleted~~ **inserted**. More: every paragraph, part by part.")
    return embed


def _note_line(note: NoteChange) -> str:
    text = escape(clip(note.text.replace("*", ""), 90))  # italics dropped: a clipped one would not close
    if note.new is None:
        return f"~~{superscript(note.old or 0)}~~ dropped: {text}"
    if note.old is None:
        return f"{superscript(note.new)} new: {text}"
    return f"{superscript(note.new)} (was {superscript(note.old)}): {text}"


def _fit_lines(lines: Sequence[str], limit: int = FIELD_VALUE_LIMIT) -> str:
    out: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        left = len(lines) - i
        if used + len(line) + 1 > limit - 20:
            out.append(f"… and {left} more")
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out)


def _blocks(result: Comparison, kind: Kind) -> list[str]:
    """One block per pair; runs of unchanged pairs in place as one line."""
    blocks: list[str] = []
    run: list[Pair] = []

    def flush() -> None:
        if len(run) > 2:
            blocks.append(
                f"{label([p.new_refs[0] for p in run])} · unchanged (were {label([p.old_refs[0] for p in run])})"
                if any(p.old_refs != p.new_refs for p in run)
                else f"{label([p.new_refs[0] for p in run])} · unchanged"
            )
        else:
            blocks.extend(_pair_block(p) for p in run)
        run.clear()

    for pair in result.part(kind):
        if pair.change is Change.UNCHANGED and not pair.moved:
            run.append(pair)
            continue
        flush()
        blocks.append(_pair_block(pair))
    flush()
    return blocks


def _paginate(blocks: Sequence[str], limit: int = PAGE_CHARS) -> list[str]:
    pages: list[str] = []
    current = ""
    for block in blocks:
        block = clip(block, limit)
        candidate = f"{current}\n\n{block}" if current else block
        if len(candidate) > limit and current:
            pages.append(current)
            current = block
        else:
            current = candidate
    if current:
        pages.append(current)
    return pages


@dataclass(frozen=True)
class _Page:
    kind: Kind | None  # None: the overview
    body: str


def comparison_pages(result: Comparison, kinds: Sequence[Kind]) -> list[_Page]:
    pages = [_Page(None, "")]
    for kind in kinds:
        pages += [_Page(kind, body) for body in _paginate(_blocks(result, kind))]
    return pages


def _page_embed(result: Comparison, page: _Page, number: int, total: int) -> discord.Embed:
    assert page.kind is not None
    embed = discord.Embed(
        title=clip(f"{result.old.meta.number} → {result.new.meta.number} · {PART_NAMES[page.kind]}", TITLE_LIMIT),
        url=result.new.meta.url,
        description=clip(page.body, DESCRIPTION_LIMIT),
        colour=UN_BLUE,
    )
    embed.set_footer(text=f"Page {number + 1} of {total} · ~~deleted~~ **inserted**")
    return embed


# -- answers ---------------------------------------------------------------------------


def _documents(library: Library, old: str, new: str) -> tuple[Document, Document]:
    a, b = library.entry(old).document, library.entry(new).document
    if a is b:
        raise UserError(f"Both are {a.symbol}: choose two different resolutions to compare.")
    return a, b


def _part(part: str | None) -> tuple[Kind, ...]:
    if part is None or not part.strip() or part.strip().casefold() == "all":
        return (Kind.PREAMBLE, Kind.OPERATIVE)
    kind = PART_KEYS.get(part.strip().casefold())
    if kind is None:
        raise UserError(f"“{clip(part.strip(), 40)}” is not a part: choose preamble or operative.")
    return (kind,)


def _part_key(kinds: Sequence[Kind]) -> str:
    return kinds[0].value if len(kinds) == 1 else "-"


def compare_answer(library: Library, old: str, new: str, part: str | None = None, page: int = 0) -> Answer:
    """The overview (page 0), then every paragraph part by part."""
    a, b = _documents(library, old, new)
    kinds = _part(part)
    result, pages = _compared(library, a, b, kinds)
    page = min(max(page, 0), len(pages) - 1)
    shown = pages[page]
    if shown.kind is None:
        embed = overview_embed(result, kinds)
        content = f"Page 1 of {len(pages)}: **More** shows every paragraph." if len(pages) > 1 else None
    else:
        embed = _page_embed(result, shown, page, len(pages))
        content = None

    def source(n: int) -> str:
        return f"x:{a.meta.number}:{b.meta.number}:{_part_key(kinds)}:{n}"

    jumps = []
    for kind in kinds:
        first = next(i for i, p in enumerate(pages) if p.kind is kind)
        if first != page:
            jumps.append((PART_NAMES[kind].split()[0], source(first)))
    nav = Pages(
        previous=source(page - 1) if page > 0 else None,
        next=source(page + 1) if page + 1 < len(pages) else None,
        jumps=tuple(jumps),
        link=b.meta.url,
        current=source(page),
    )
    return Answer(Reply(content=content, embeds=(embed,)), nav)


REMEMBERED = 8  # comparisons kept per library: every page of a reply, and every click, reuses its own
_RECENT: WeakKeyDictionary[Library, OrderedDict[tuple[str, str, tuple[Kind, ...]], tuple[Comparison, list[_Page]]]]
_RECENT = WeakKeyDictionary()


def _compared(library: Library, a: Document, b: Document, kinds: tuple[Kind, ...]) -> tuple[Comparison, list[_Page]]:
    """The comparison and its pages, made once for the last few pairs asked (the texts never change
    while the library is loaded, so a remembered answer is never stale)."""
    recent = _RECENT.setdefault(library, OrderedDict())
    key = (a.symbol, b.symbol, kinds)
    found = recent.get(key)
    if found is None:
        result = compare(a, b)
        found = recent[key] = (result, comparison_pages(result, kinds))
        while len(recent) > REMEMBERED:
            recent.popitem(last=False)
    recent.move_to_end(key)
    return found


def _paragraph_ref(library: Library, a: Document, b: Document, text: str) -> tuple[Ref, bool]:
    """The paragraph a `paragraph:` option names, and whether it is in the later text (the default)."""
    m = re.match(r"^\s*(?:A/RES/)?(\d{1,3}/\d{1,4})\b[\s,:;]*(.*)$", text, re.IGNORECASE)
    doc, in_new = b, True
    if m is not None:
        named = library.entry(m.group(1)).document
        if named is not a and named is not b:
            raise UserError(f"{named.symbol} is not one of the two resolutions compared.")
        doc, in_new, text = named, named is b, m.group(2)
    ref = references.parse_ref(text, doc)
    if ref.kind is Kind.FOOTNOTE:
        raise UserError("Compare paragraphs here; footnotes are compared by content in the overview.")
    return ref, in_new


def paragraph_answer(library: Library, old: str, new: str, paragraph: str) -> Answer:
    """One paragraph's counterpart, which may be missing or come from two paragraphs, and its redline."""
    a, b = _documents(library, old, new)
    ref, in_new = _paragraph_ref(library, a, b, paragraph)
    result = _compared(library, a, b, (Kind.PREAMBLE, Kind.OPERATIVE))[0]
    pair = result.counterpart(ref, in_new=in_new)
    where = b if in_new else a
    embed = discord.Embed(
        title=clip(f"{a.meta.number} → {b.meta.number} · {where.meta.number} {ref.label}", TITLE_LIMIT),
        url=b.meta.url,
        colour=UN_BLUE,
    )
    if pair.change is Change.NEW:
        text = f"New in {b.meta.number}: {a.meta.number} has no counterpart.\n\n{_pair_block(pair)}"
    elif pair.change is Change.DROPPED:
        text = f"Dropped: {b.meta.number} has no counterpart.\n\n{_pair_block(pair)}"
    elif pair.change is Change.UNCHANGED:
        text = f"{_pair_block(pair)}\n\n> {_quoted(_shown(pair.new[0].full_text))}"
    else:
        text = _pair_block(pair)
    embed.description = clip(text, DESCRIPTION_LIMIT)
    lead = next((c for c in result.leads if c.new in pair.new_refs), None)
    if lead is not None:
        embed.add_field(
            name="Lead words",
            value=f"~~{escape(lead.before)}~~ **{escape(lead.after)}** ({_DIRECTION_WORDS[lead.direction]})",
        )
    embed.set_footer(text="~~deleted~~ **inserted** · paired by text, not by number")
    return Answer(Reply(embeds=(embed,)), Pages(None, None, link=b.meta.url))


def _appearance_block(item: Appearance) -> str:
    head = f"**{item.document.meta.number} {item.paragraph.ref.label}** ({item.adopted.year})"
    close = f" · {math.floor(item.similarity * 100)} % alike" if item.similarity < 1 else ""
    if item.first:
        return f"{head}{close} · **first appearance**\n> {_quoted(_shown(item.paragraph.full_text))}"
    if item.unchanged:
        return f"{head}{close} · unchanged since {item.previous_symbol}"
    if not item.continued:
        return f"{head}{close} · in another paragraph\n> {_quoted(_shown(item.paragraph.full_text))}"
    lead = f" · lead words {_DIRECTION_WORDS[item.lead.direction]}" if item.lead else ""
    return f"{head}{close}{lead} · against {item.previous_symbol}:\n{redline_text(item.changes, 1_000)}"


def trace_answer(library: Library, text: str, page: int = 0) -> Answer:
    """Where the language appears, in adoption order, one block per resolution."""
    result: Trace = trace(library, text)
    if not result.appearances:
        raise UserError(
            f"No resolution in the library carries “{clip(result.query, 80)}”. Try fewer words, or a paragraph such as `78/216 op 5`."
        )
    pages = _paginate([_appearance_block(a) for a in result.appearances])
    page = min(max(page, 0), len(pages) - 1)
    first = result.appearances[0]
    summary = f"First in {first.document.meta.number} {first.paragraph.ref.label} ({first.adopted.year})"
    stronger = [a for a in result.appearances if a.lead is not None and a.lead.direction is Direction.STRONGER]
    if stronger:
        summary += "; strengthened in " + ", ".join(a.document.meta.number for a in stronger)
    found = len(result.appearances)
    embed = discord.Embed(
        title=clip(f"trace: {result.query}", TITLE_LIMIT),
        description=clip(f"{summary}.\n\n{pages[page]}", DESCRIPTION_LIMIT),
        colour=UN_BLUE,
    )
    embed.set_footer(
        text=f"In {found} of {result.searched} resolutions, in adoption order"
        + (f" · page {page + 1} of {len(pages)}" if len(pages) > 1 else "")
        + " · ~~deleted~~ **inserted**"
    )
    query = result.query

    def source(n: int) -> str | None:
        made = f"t::::{n}:{query}"
        return made if len(made) <= SOURCE_ROOM else None

    nav = Pages(
        previous=source(page - 1) if page > 0 else None,
        next=source(page + 1) if page + 1 < len(pages) else None,
        current=source(page),
    )
    return Answer(Reply(embeds=(embed,)), nav)


def replay(library: Library, source: str) -> Answer:
    """Rebuild the page a button's source describes."""
    m = _SOURCE.match(source)
    if m is None:
        raise UserError("That button is from a version of the bot that no longer exists; run the command again.")
    if m["kind"] == "t":
        return trace_answer(library, m["rest"] or "", int(m["page"]))
    part = None if m["c"] == "-" else m["c"]
    return compare_answer(library, m["a"], m["b"], part, int(m["page"]))


def all_pages(library: Library, old: str, new: str, part: str | None = None) -> list[Reply]:
    """Every page of a comparison, for the terminal."""
    first = compare_answer(library, old, new, part)
    replies = [first.reply]
    nav = first.pages
    while nav is not None and nav.next is not None:
        following = replay(library, nav.next)
        replies.append(following.reply)
        nav = following.pages
    return replies


def command_line(library: Library, old: str, new: str, part: str | None, form: str) -> str:
    """`python -m bot compare`: every page as text, or the alignment as JSON. Raises `UserError`."""
    if form == "json":
        a, b = _documents(library, old, new)
        _part(part)  # checked like the command's option
        return json.dumps(as_data(compare(a, b)), ensure_ascii=False, indent=2) + "\n"
    return "\n".join(to_text(reply) for reply in all_pages(library, old, new, part))


# -- autocomplete -----------------------------------------------------------------------


def document_choices(library: Library, current: str) -> list[tuple[str, str]]:
    """Documents matching what was typed: symbol, number, year or title words."""
    wanted = [fold(w) for w in re.findall(r"\w+", current)]
    found = []
    docs = sorted((library.entry(s).document for s in library.symbols), key=lambda d: d.meta.adopted, reverse=True)
    for doc in docs:
        meta = doc.meta
        haystack = fold(f"{meta.symbol} {meta.number} {meta.adopted.year} {meta.title}")
        if all(w in haystack for w in wanted):
            name = clip(f"{meta.number} · {meta.adopted.year} · {meta.title}", CHOICE_NAME_LIMIT)
            found.append((name, meta.number))
    return found


def trace_choices(library: Library, current: str) -> list[tuple[str, str]]:
    """A document's paragraphs once its number is typed (`78/216 op…`); else the documents, then the text itself."""
    text = " ".join(current.split())[:100]
    m = re.match(r"^(?:A/RES/)?(\d{1,3}/\d{1,4})\b\s*(.*)$", text, re.IGNORECASE)
    if m is not None:
        try:
            doc = library.entry(m.group(1)).document
        except UserError:
            doc = None
        if doc is not None:
            rest = fold(m.group(2))
            choices = []
            for p in doc.paragraphs():
                value = f"{doc.meta.number} {p.ref.label.lower()}"
                plain = " ".join(FOOTNOTE_MARKER.sub("", p.full_text).replace("*", "").split())
                if not rest or fold(value).startswith(fold(text)) or rest in fold(plain):
                    choices.append((clip(f"{doc.meta.number} {p.ref.label} · {plain}", CHOICE_NAME_LIMIT), value))
            return choices
    choices = [(f"{name}", f"{number} ") for name, number in document_choices(library, text)] if len(text) < 12 else []
    if text:
        choices.insert(0, (clip(f"“{text}”", CHOICE_NAME_LIMIT), text))
    return choices


def paragraph_choices(library: Library, new: str | None, current: str) -> list[tuple[str, str]]:
    """Paragraphs of the later text for `/compare … paragraph:`."""
    try:
        doc = library.entry(new).document if new else None
    except UserError:
        doc = None
    if doc is None:
        return []
    wanted = fold(" ".join(current.split()))
    out = []
    for p in doc.paragraphs():
        plain = " ".join(FOOTNOTE_MARKER.sub("", p.full_text).replace("*", "").split())
        value = p.ref.label.lower()
        if not wanted or fold(value).replace(" ", "").startswith(wanted.replace(" ", "")) or wanted in fold(plain):
            out.append((clip(f"{p.ref.label} · {plain}", CHOICE_NAME_LIMIT), value))
    return out
