"""/compare and /trace: from their arguments to `Reply` pages, within Discord's limits.

The core (bot/content/compare.py, trace.py) returns data; this module words it, in the
interface locale it is given (bot/i18n/locales/*/compare.ftl; None is English). Every
page is rebuilt from a short *source* string (see `replay`), so the buttons under a
reply work on a message of any age, after any restart, in the language of whoever clicks.
Pages are cut the same way in every language (each block counts as its longest wording),
so a button leads to the same paragraphs whoever clicks it. The cog and the terminal
(`python -m bot compare`) both go through here, so both show the same thing.
"""

from __future__ import annotations

import json
import math
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
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
from bot.i18n import LOCALES, SOURCE_LOCALE, catalogue_locale
from bot.i18n import say as _say_uncached
from bot.render import (
    CHOICE_NAME_LIMIT,
    DESCRIPTION_LIMIT,
    FIELD_VALUE_LIMIT,
    TITLE_LIMIT,
    UN_BLUE,
    Reply,
    addressee_name,
    clip,
    escape,
    superscript,
    to_text,
)

PAGE_CHARS = 3_600  # of an embed's 4,096: room for the title, footer and a clipped last line
FULL_REDLINE = 700  # longer redlines show the changes with some words around them
CONTEXT_WORDS = 10
SOURCE_ROOM = 70  # of a custom_id's 100 characters, what a source may use
PART_KEYS = {"pp": Kind.PREAMBLE, "op": Kind.OPERATIVE, "preamble": Kind.PREAMBLE, "operative": Kind.OPERATIVE}
_PART_NAMES = {Kind.PREAMBLE: "cmp-part-preamble", Kind.OPERATIVE: "cmp-part-operative"}
_PART_JUMPS = {Kind.PREAMBLE: "cmp-jump-preamble", Kind.OPERATIVE: "cmp-jump-operative"}
_CHANGE_WORDS = {
    Change.UNCHANGED: "cmp-change-unchanged",
    Change.MODIFIED: "cmp-change-modified",
    Change.NEW: "cmp-change-new",
    Change.DROPPED: "cmp-change-dropped",
    Change.SPLIT: "cmp-change-split",
    Change.MERGED: "cmp-change-merged",
}
_CHANGE_COUNTS = {
    Change.UNCHANGED: "cmp-count-unchanged",
    Change.MODIFIED: "cmp-count-modified",
    Change.NEW: "cmp-count-new",
    Change.DROPPED: "cmp-count-dropped",
    Change.SPLIT: "cmp-count-split",
    Change.MERGED: "cmp-count-merged",
}
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
    locale: str = SOURCE_LOCALE  # the interface locale it is worded in (its buttons too)


# -- words ---------------------------------------------------------------------------

say = lru_cache(maxsize=4_096)(_say_uncached)
"""bot.i18n.say, remembered: the same few words recur in every block, in every language, and the
shipped catalogues never change while the bot runs."""


def _locale(locale: str | None) -> str:
    """The catalogue locale words are made in: a Discord or catalogue locale, else English."""
    return catalogue_locale(locale) or SOURCE_LOCALE


def part_name(kind: Kind, locale: str | None = None) -> str:
    """ "Preamble", "Operative part" in the interface language."""
    return say(locale, _PART_NAMES[kind])


def _direction(direction: Direction, locale: str) -> str:
    return say(locale, "cmp-direction", direction=direction.value)


def _alike(similarity: float, locale: str) -> str:
    return say(locale, "cmp-alike", percent=math.floor(similarity * 100))


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


def _pair_block(pair: Pair, locale: str, redline: str | None = None) -> str:
    """`redline`: the pair's redline text when already made (it is the same in every language)."""
    head = f"**{label(pair.old_refs)} → {label(pair.new_refs)}**" if pair.old and pair.new else ""
    moved = f" · {say(locale, 'cmp-change-moved')}" if pair.moved else ""
    word = say(locale, _CHANGE_WORDS[pair.change])
    if pair.change is Change.NEW:
        return f"**{label(pair.new_refs)}** · {word}\n> {_quoted(_shown(pair.new[0].full_text))}"
    if pair.change is Change.DROPPED:
        return f"**{label(pair.old_refs)}** · {word}\n> ~~{_quoted(_shown(pair.old[0].full_text))}~~"
    if pair.change is Change.UNCHANGED:
        return f"{head} · {word}{moved}"
    if pair.change is Change.MODIFIED:
        word = say(locale, "cmp-modified-alike", percent=math.floor(pair.similarity * 100))
    return f"{head} · {word}{moved}\n{redline_text(pair.redline) if redline is None else redline}"


def _counts_line(result: Comparison, kind: Kind, locale: str) -> str:
    counts = result.counts(kind)
    parts = [say(locale, _CHANGE_COUNTS[c], count=n) for c, n in counts.items() if n]
    moved = result.moved(kind)
    if moved:
        parts.append(say(locale, "cmp-count-moved", count=moved))
    return " · ".join(parts) or say(locale, "cmp-count-nothing")


def overview_embed(result: Comparison, kinds: Sequence[Kind], locale: str | None = None) -> discord.Embed:
    locale = _locale(locale)
    old, new = result.old, result.new
    embed = discord.Embed(
        title=clip(say(locale, "cmp-overview-title", old=old.symbol, new=new.symbol), TITLE_LIMIT),
        url=new.meta.url,
        colour=UN_BLUE,
    )
    embed.description = say(
        locale,
        "cmp-overview-description",
        old=old.meta.number,
        old_year=str(old.meta.adopted.year),
        new=new.meta.number,
        new_year=str(new.meta.adopted.year),
    )
    for kind in kinds:
        embed.add_field(name=part_name(kind, locale), value=_counts_line(result, kind, locale), inline=False)
    leads = [c for c in result.leads if c.new.kind in kinds]
    if leads:
        lines = [
            f"{c.old.label} → {c.new.label}: ~~{escape(c.before)}~~ **{escape(c.after)}** "
            f"({_direction(c.direction, locale)})"
            for c in leads
        ]
        embed.add_field(name=say(locale, "cmp-lead-words"), value=_fit_lines(lines, locale), inline=False)
    who = [say(locale, "cmp-addressee-new", name=escape(_addressee(new, a, locale))) for a in result.addressees_added]
    who += [
        say(locale, "cmp-addressee-dropped", name=escape(_addressee(old, a, locale))) for a in result.addressees_dropped
    ]
    if who:
        embed.add_field(name=say(locale, "cmp-addressees"), value=_fit_lines(who, locale), inline=False)
    if result.instruments_added:
        embed.add_field(
            name=say(locale, "cmp-references-new"),
            value=_fit_lines([escape(n) for n in result.instruments_added], locale),
            inline=False,
        )
    if result.instruments_dropped:
        embed.add_field(
            name=say(locale, "cmp-references-dropped"),
            value=_fit_lines([escape(n) for n in result.instruments_dropped], locale),
            inline=False,
        )
    notes = [_note_line(n, locale) for n in result.notes if n.change is not Change.UNCHANGED or n.old != n.new]
    if notes:
        embed.add_field(name=say(locale, "cmp-footnotes"), value=_fit_lines(notes, locale), inline=False)
    embed.set_footer(text=say(locale, "cmp-overview-footer"))
    return embed


def _addressee(doc: Document, label: str, locale: str) -> str:
    """An addressee the comparison names by its label, in the reader's language."""
    ident = next((i for i, shown in doc.addressees if shown == label), None)
    return addressee_name(doc, ident, locale) if ident else label


def _note_line(note: NoteChange, locale: str) -> str:
    text = escape(clip(note.text.replace("*", ""), 90))  # italics dropped: a clipped one would not close
    if note.new is None:
        return say(locale, "cmp-footnote-dropped", old=superscript(note.old or 0), text=text)
    if note.old is None:
        return say(locale, "cmp-footnote-new", new=superscript(note.new), text=text)
    return say(locale, "cmp-footnote-renumbered", new=superscript(note.new), old=superscript(note.old), text=text)


def _fit_lines(lines: Sequence[str], locale: str, limit: int = FIELD_VALUE_LIMIT) -> str:
    out: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        left = len(lines) - i
        if used + len(line) + 1 > limit - 20:  # room for "… and N more" (in every language)
            out.append(say(locale, "cmp-and-more", count=left))
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out)


def _blocks(result: Comparison, kind: Kind, locale: str, redlines: dict[int, str]) -> list[str]:
    """One block per pair; runs of unchanged pairs in place as one line. `redlines` keeps each
    pair's redline text (by the pair's place in the part) across the languages."""
    blocks: list[str] = []
    run: list[Pair] = []

    def flush() -> None:
        if len(run) > 2:
            refs = label([p.new_refs[0] for p in run])
            blocks.append(
                say(locale, "cmp-run-unchanged-renumbered", refs=refs, old=label([p.old_refs[0] for p in run]))
                if any(p.old_refs != p.new_refs for p in run)
                else say(locale, "cmp-run-unchanged", refs=refs)
            )
        else:
            blocks.extend(_pair_block(p, locale) for p in run)
        run.clear()

    for i, pair in enumerate(result.part(kind)):
        if pair.change is Change.UNCHANGED and not pair.moved:
            run.append(pair)
            continue
        flush()
        if pair.change in (Change.MODIFIED, Change.SPLIT, Change.MERGED) and i not in redlines:
            redlines[i] = redline_text(pair.redline)
        blocks.append(_pair_block(pair, locale, redlines.get(i)))
    flush()
    return blocks


def _layout(sizes: Sequence[int], limit: int = PAGE_CHARS) -> list[list[int]]:
    """Blocks of these lengths onto pages of at most `limit` characters, blank lines between
    them, in order (a longer block is clipped to `limit`): the indexes on each page."""
    pages: list[list[int]] = []
    current: list[int] = []
    used = 0
    for i, size in enumerate(sizes):
        size = min(size, limit)
        candidate = used + 2 + size if current else size
        if candidate > limit and current:
            pages.append(current)
            current, used = [i], size
        else:
            current.append(i)
            used = candidate
    if current:
        pages.append(current)
    return pages


def _same_layout(worded: Sequence[Sequence[str]], limit: int = PAGE_CHARS) -> list[list[int]]:
    """The same blocks worded in each language, cut into the same pages for all (a block counts as
    its longest wording): the indexes of the blocks on each page."""
    return _layout([max(len(wording) for wording in block) for block in zip(*worded, strict=True)], limit)


def _page_body(blocks: Sequence[str], page: Sequence[int], limit: int = PAGE_CHARS) -> str:
    return "\n\n".join(clip(blocks[i], limit) for i in page)


@dataclass(frozen=True)
class _Page:
    kind: Kind | None  # None: the overview
    blocks: tuple[int, ...] = ()  # which of its part's blocks it shows


class _Compared:
    """A comparison and its pages, cut the same way in every interface language; each part's
    blocks are kept worded in the languages asked so far (the redlines, the same in all, once)."""

    def __init__(self, result: Comparison, kinds: Sequence[Kind], locale: str) -> None:
        self.result = result
        self.pages = [_Page(None)]
        self._redlines: dict[Kind, dict[int, str]] = {}
        self._worded: dict[tuple[Kind, str], list[str]] = {}
        for kind in kinds:
            redlines = self._redlines[kind] = {}
            worded = {each: _blocks(result, kind, each, redlines) for each in LOCALES}
            self._worded[kind, locale] = worded[locale]
            self.pages += [_Page(kind, tuple(page)) for page in _same_layout(list(worded.values()))]

    def body(self, page: _Page, locale: str) -> str:
        assert page.kind is not None
        blocks = self._worded.get((page.kind, locale))
        if blocks is None:
            blocks = self._worded[page.kind, locale] = _blocks(
                self.result, page.kind, locale, self._redlines[page.kind]
            )
        return _page_body(blocks, page.blocks)


def _page_embed(compared: _Compared, page: _Page, number: int, total: int, locale: str) -> discord.Embed:
    assert page.kind is not None
    result = compared.result
    embed = discord.Embed(
        title=clip(
            f"{result.old.meta.number} → {result.new.meta.number} · {part_name(page.kind, locale)}", TITLE_LIMIT
        ),
        url=result.new.meta.url,
        description=clip(compared.body(page, locale), DESCRIPTION_LIMIT),
        colour=UN_BLUE,
    )
    embed.set_footer(text=say(locale, "cmp-page-footer", page=number + 1, total=total))
    return embed


# -- answers ---------------------------------------------------------------------------


def _documents(library: Library, old: str, new: str) -> tuple[Document, Document]:
    a, b = library.entry(old).document, library.entry(new).document
    if a is b:
        raise UserError("cmp-error-same", symbol=a.symbol)
    return a, b


def _part(part: str | None) -> tuple[Kind, ...]:
    if part is None or not part.strip() or part.strip().casefold() == "all":
        return (Kind.PREAMBLE, Kind.OPERATIVE)
    kind = PART_KEYS.get(part.strip().casefold())
    if kind is None:
        raise UserError("cmp-error-not-a-part", part=clip(part.strip(), 40))
    return (kind,)


def _part_key(kinds: Sequence[Kind]) -> str:
    return kinds[0].value if len(kinds) == 1 else "-"


def compare_answer(
    library: Library, old: str, new: str, part: str | None = None, page: int = 0, locale: str | None = None
) -> Answer:
    """The overview (page 0), then every paragraph part by part, worded in `locale` (None: English)."""
    locale = _locale(locale)
    a, b = _documents(library, old, new)
    kinds = _part(part)
    compared = _compared(library, a, b, kinds, locale)
    result, pages = compared.result, compared.pages
    page = min(max(page, 0), len(pages) - 1)
    shown = pages[page]
    if shown.kind is None:
        embed = overview_embed(result, kinds, locale)
        content = say(locale, "cmp-overview-more", total=len(pages)) if len(pages) > 1 else None
    else:
        embed = _page_embed(compared, shown, page, len(pages), locale)
        content = None

    def source(n: int) -> str:
        return f"x:{a.meta.number}:{b.meta.number}:{_part_key(kinds)}:{n}"

    jumps = []
    for kind in kinds:
        first = next(i for i, p in enumerate(pages) if p.kind is kind)
        if first != page:
            jumps.append((say(locale, _PART_JUMPS[kind]), source(first)))
    nav = Pages(
        previous=source(page - 1) if page > 0 else None,
        next=source(page + 1) if page + 1 < len(pages) else None,
        jumps=tuple(jumps),
        link=b.meta.url,
        current=source(page),
    )
    return Answer(Reply(content=content, embeds=(embed,)), nav, locale)


REMEMBERED = 8  # comparisons kept per library: every page of a reply, and every click, reuses its own
_RECENT: WeakKeyDictionary[Library, OrderedDict[tuple[str, str, tuple[Kind, ...]], _Compared]]
_RECENT = WeakKeyDictionary()


def _compared(library: Library, a: Document, b: Document, kinds: tuple[Kind, ...], locale: str) -> _Compared:
    """The comparison and its pages, made once for the last few pairs asked (the texts never change
    while the library is loaded, so a remembered answer is never stale). The pages are the same in
    every language, so a remembered comparison answers anyone, in theirs."""
    recent = _RECENT.setdefault(library, OrderedDict())
    key = (a.symbol, b.symbol, kinds)
    found = recent.get(key)
    if found is None:
        result = compare(a, b)
        found = recent[key] = _Compared(result, kinds, locale)
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
            raise UserError("cmp-error-not-compared", symbol=named.symbol)
        doc, in_new, text = named, named is b, m.group(2)
    ref = references.parse_ref(text, doc)
    if ref.kind is Kind.FOOTNOTE:
        raise UserError("cmp-error-footnote")
    return ref, in_new


def paragraph_answer(library: Library, old: str, new: str, paragraph: str, locale: str | None = None) -> Answer:
    """One paragraph's counterpart, which may be missing or come from two paragraphs, and its redline."""
    locale = _locale(locale)
    a, b = _documents(library, old, new)
    ref, in_new = _paragraph_ref(library, a, b, paragraph)
    result = _compared(library, a, b, (Kind.PREAMBLE, Kind.OPERATIVE), locale).result
    pair = result.counterpart(ref, in_new=in_new)
    where = b if in_new else a
    embed = discord.Embed(
        title=clip(f"{a.meta.number} → {b.meta.number} · {where.meta.number} {ref.label}", TITLE_LIMIT),
        url=b.meta.url,
        colour=UN_BLUE,
    )
    block = _pair_block(pair, locale)
    if pair.change is Change.NEW:
        text = f"{say(locale, 'cmp-paragraph-new', new=b.meta.number, old=a.meta.number)}\n\n{block}"
    elif pair.change is Change.DROPPED:
        text = f"{say(locale, 'cmp-paragraph-dropped', new=b.meta.number)}\n\n{block}"
    elif pair.change is Change.UNCHANGED:
        text = f"{block}\n\n> {_quoted(_shown(pair.new[0].full_text))}"
    else:
        text = block
    embed.description = clip(text, DESCRIPTION_LIMIT)
    lead = next((c for c in result.leads if c.new in pair.new_refs), None)
    if lead is not None:
        embed.add_field(
            name=say(locale, "cmp-lead-words"),
            value=f"~~{escape(lead.before)}~~ **{escape(lead.after)}** ({_direction(lead.direction, locale)})",
        )
    embed.set_footer(text=say(locale, "cmp-paragraph-footer"))
    return Answer(Reply(embeds=(embed,)), Pages(None, None, link=b.meta.url), locale)


def _appearance_block(item: Appearance, locale: str, redline: str | None = None) -> str:
    """`redline`: the appearance's redline text when already made (the same in every language)."""
    head = f"**{item.document.meta.number} {item.paragraph.ref.label}** ({item.adopted.year})"
    close = f" · {_alike(item.similarity, locale)}" if item.similarity < 1 else ""
    if item.first:
        first = say(locale, "cmp-trace-first-appearance")
        return f"{head}{close} · **{first}**\n> {_quoted(_shown(item.paragraph.full_text))}"
    if item.unchanged:
        return f"{head}{close} · {say(locale, 'cmp-trace-unchanged-since', symbol=item.previous_symbol or '')}"
    if not item.continued:
        elsewhere = say(locale, "cmp-trace-elsewhere")
        return f"{head}{close} · {elsewhere}\n> {_quoted(_shown(item.paragraph.full_text))}"
    lead = f" · {say(locale, 'cmp-trace-lead', direction=item.lead.direction.value)}" if item.lead else ""
    against = say(locale, "cmp-trace-against", symbol=item.previous_symbol or "")
    return f"{head}{close}{lead} · {against}\n{redline_text(item.changes, 1_000) if redline is None else redline}"


def _trace_pages(result: Trace, locale: str) -> list[str]:
    """The trace's pages in `locale`, cut as in every interface language."""
    redlines = {
        i: redline_text(a.changes, 1_000)
        for i, a in enumerate(result.appearances)
        if not (a.first or a.unchanged or not a.continued)
    }
    worded = {
        each: [_appearance_block(a, each, redlines.get(i)) for i, a in enumerate(result.appearances)]
        for each in LOCALES
    }
    return [_page_body(worded[locale], page) for page in _same_layout(list(worded.values()))]


def trace_answer(library: Library, text: str, page: int = 0, locale: str | None = None) -> Answer:
    """Where the language appears, in adoption order, one block per resolution."""
    locale = _locale(locale)
    result: Trace = trace(library, text)
    if not result.appearances:
        raise UserError("cmp-error-no-match", query=clip(result.query, 80))
    pages = _trace_pages(result, locale)
    page = min(max(page, 0), len(pages) - 1)
    first = result.appearances[0]
    stronger = [a for a in result.appearances if a.lead is not None and a.lead.direction is Direction.STRONGER]
    where = {"number": first.document.meta.number, "ref": first.paragraph.ref.label, "year": str(first.adopted.year)}
    if stronger:
        later = ", ".join(a.document.meta.number for a in stronger)
        summary = say(locale, "cmp-trace-first-strengthened", later=later, **where)
    else:
        summary = say(locale, "cmp-trace-first", **where)
    found = len(result.appearances)
    embed = discord.Embed(
        title=clip(say(locale, "cmp-trace-title", query=result.query), TITLE_LIMIT),
        description=clip(f"{summary}\n\n{pages[page]}", DESCRIPTION_LIMIT),
        colour=UN_BLUE,
    )
    footer = [say(locale, "cmp-trace-footer", found=found, searched=result.searched)]
    if len(pages) > 1:
        footer.append(say(locale, "cmp-trace-page", page=page + 1, total=len(pages)))
    footer.append(say(locale, "cmp-legend"))
    embed.set_footer(text=" · ".join(footer))
    query = result.query

    def source(n: int) -> str | None:
        made = f"t::::{n}:{query}"
        return made if len(made) <= SOURCE_ROOM else None

    nav = Pages(
        previous=source(page - 1) if page > 0 else None,
        next=source(page + 1) if page + 1 < len(pages) else None,
        current=source(page),
    )
    return Answer(Reply(embeds=(embed,)), nav, locale)


def replay(library: Library, source: str, locale: str | None = None) -> Answer:
    """Rebuild the page a button's source describes, worded in `locale` (whoever clicked)."""
    m = _SOURCE.match(source)
    if m is None:
        raise UserError("cmp-error-old-button")
    if m["kind"] == "t":
        return trace_answer(library, m["rest"] or "", int(m["page"]), locale)
    part = None if m["c"] == "-" else m["c"]
    return compare_answer(library, m["a"], m["b"], part, int(m["page"]), locale)


def all_pages(library: Library, old: str, new: str, part: str | None = None, locale: str | None = None) -> list[Reply]:
    """Every page of a comparison, for the terminal (in English unless told)."""
    first = compare_answer(library, old, new, part, locale=locale)
    replies = [first.reply]
    nav = first.pages
    while nav is not None and nav.next is not None:
        following = replay(library, nav.next, locale)
        replies.append(following.reply)
        nav = following.pages
    return replies


def command_line(library: Library, old: str, new: str, part: str | None, form: str, locale: str | None = None) -> str:
    """`python -m bot compare`: every page as text (in English unless told), or the alignment as
    JSON. Raises `UserError`."""
    if form == "json":
        a, b = _documents(library, old, new)
        _part(part)  # checked like the command's option
        return json.dumps(as_data(compare(a, b)), ensure_ascii=False, indent=2) + "\n"
    return "\n".join(to_text(reply) for reply in all_pages(library, old, new, part, locale))


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


def trace_choices(library: Library, current: str, locale: str | None = None) -> list[tuple[str, str]]:
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
        choices.insert(0, (clip(say(locale, "cmp-trace-choice-words", text=text), CHOICE_NAME_LIMIT), text))
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
