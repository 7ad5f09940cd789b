"""Model -> Discord messages, within Discord's limits. The one place that formats output.

Every reply is a `Reply` (content, embeds, ephemeral); the command layer sends
it and the console prints it with `to_text`, so both show the same thing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import discord

from bot.content.cite import STYLES, Citation, annex_reference, reference
from bot.content.langs import ENDONYMS, RIGHT_TO_LEFT, ltr, rtl, rtl_line
from bot.content.model import FOOTNOTE_MARKER, Annex, Article, Document, Footnote, Item, Kind, Paragraph, Ref
from bot.content.refs import ArticlePoint, format_refs
from bot.content.search import SearchResult
from bot.content.summary import OTHER, Section

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
CONTENT_LIMIT = 2_000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4_096
FIELD_VALUE_LIMIT = 1_024
FOOTER_LIMIT = 2_048
EMBEDS_PER_MESSAGE = 10
CHARS_PER_MESSAGE = 6_000
CHOICE_NAME_LIMIT = 100
CHOICES_LIMIT = 25

UN_BLUE = discord.Colour(0x009EDB)
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_MARKDOWN = re.compile(r"([\\*_~|`>\[\]])")


@dataclass(frozen=True)
class Navigation:
    """Where the buttons under a reply lead. Each is a *source*: a short string from
    which `Answers.replay` rebuilds a reply, so buttons keep working after restarts."""

    source: str | None  # this reply again (Post to channel); None when too long for a button
    paged: bool = False  # shows Previous/Next, disabled at either end of the text
    previous: str | None = None
    next: str | None = None
    more: str | None = None  # what did not fit
    footnotes: str | None = None
    cite: str | None = None
    link: str | None = None  # the official text
    library: tuple[tuple[str, str], ...] = ()  # (label, source): other texts of the library a footnote points to


@dataclass(frozen=True)
class Reply:
    """What a command answers: sent as one interaction response.

    Replies are kept and sent again (see `Answers`), so nothing may change one, or its
    embeds, once it is built.
    """

    content: str | None = None
    embeds: tuple[discord.Embed, ...] = ()
    ephemeral: bool = False
    nav: Navigation | None = None


def superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)


def escape(text: str) -> str:
    """Escape Discord markdown in text we did not write ourselves."""
    return _MARKDOWN.sub(r"\\\1", text)


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def with_superscripts(text: str) -> str:
    return FOOTNOTE_MARKER.sub(lambda m: superscript(int(m.group(1))), text)


def paragraph_body(paragraph: Paragraph, *, right_to_left: bool = False) -> str:
    """The verbatim paragraph as Discord shows it: number, italic verb, superscript markers.

    Right-to-left text (Arabic) is wrapped line by line in direction isolates, its number and Latin
    runs kept left to right inside (bot.content.langs), so Discord's left-to-right layout does not
    scramble it."""
    text = with_superscripts(paragraph.full_text)
    if not right_to_left:
        return f"{paragraph.number}. {text}" if paragraph.kind is Kind.OPERATIVE else text
    number = f"{ltr(f'{paragraph.number}.')} " if paragraph.kind is Kind.OPERATIVE else ""
    first, *rest = text.split("\n")
    return "\n".join([rtl_line(number + first), *(rtl_line(line) for line in rest)])


def _rtl(doc: Document) -> bool:
    return doc.meta.language in RIGHT_TO_LEFT


def _footnote_line(footnote: Footnote, *, right_to_left: bool = False) -> str:
    links = " · ".join(f"[{escape(link.label)}]({link.url})" for link in footnote.links)
    text = f"{superscript(footnote.number)} {footnote.text}"
    if right_to_left:
        text = rtl_line(text)
    return text + (f" — {links}" if links else "")


def _embed(doc: Document, title: str, description: str | None = None) -> discord.Embed:
    return discord.Embed(
        title=clip(f"{doc.symbol} · {title}", TITLE_LIMIT),
        description=description,
        url=doc.meta.url,
        colour=UN_BLUE,
    )


def _footer(doc: Document, refs: Sequence[Ref]) -> str:
    return clip(f"{reference(doc, refs)} · {doc.meta.url}", FOOTER_LIMIT)


def paragraph_embed(doc: Document, paragraph: Paragraph) -> discord.Embed:
    body = paragraph_body(paragraph, right_to_left=_rtl(doc))
    embed = _embed(doc, paragraph.ref.title, clip(body, DESCRIPTION_LIMIT))
    if paragraph.footnotes:
        lines = "\n".join(_footnote_line(doc.footnote(n), right_to_left=_rtl(doc)) for n in paragraph.footnotes)
        embed.add_field(name="Footnotes", value=clip(lines, FIELD_VALUE_LIMIT), inline=False)
    embed.set_footer(text=_footer(doc, [paragraph.ref]))
    return embed


def footnote_embed(doc: Document, footnote: Footnote) -> discord.Embed:
    embed = _embed(
        doc, footnote.ref.title, _footnote_line(Footnote(footnote.number, footnote.text), right_to_left=_rtl(doc))
    )
    if footnote.links:
        links = "\n".join(f"[{escape(link.label)}]({link.url})" for link in footnote.links)
        embed.add_field(name="Links", value=clip(links, FIELD_VALUE_LIMIT), inline=False)
    citing = doc.citing(footnote.number)
    if citing:
        lines = "\n".join(
            f"**{p.ref.label}** · {rtl_line(escape(preview(p, 70))) if _rtl(doc) else escape(preview(p, 70))}"
            for p in citing
        )
        embed.add_field(name="Cited in", value=clip(lines, FIELD_VALUE_LIMIT), inline=False)
    embed.set_footer(text=_footer(doc, [footnote.ref]))
    return embed


def preview(paragraph: Paragraph, limit: int) -> str:
    """The paragraph's opening words, plain, for lists and autocomplete."""
    plain = FOOTNOTE_MARKER.sub("", paragraph.full_text).replace("*", "")
    return clip(" ".join(plain.split()), limit)


def unit_embed(doc: Document, ref: Ref) -> discord.Embed:
    """The embed of one paragraph or footnote."""
    if ref.kind is Kind.FOOTNOTE:
        return footnote_embed(doc, doc.footnote(ref.number))
    return paragraph_embed(doc, doc.paragraph(ref))


def refs_reply(
    doc: Document,
    refs: Sequence[Ref],
    header: str | None = None,
    more: Callable[[Sequence[Ref]], Sequence[Ref]] = lambda left: left,
    unit: Callable[[Ref], tuple[discord.Embed, int]] | None = None,
) -> Reply:
    """One embed per unit, in document order, as many as fit one message; says what was left out.

    `more` says which of the units left out the More button shows (all of them unless its
    custom_id has no room for so long a list), so the text promises only what the button does.
    `unit` gives a unit's embed and its size (`Answers` keeps them, built once).
    """
    refs = sorted(set(refs))
    embeds: list[discord.Embed] = []
    total = 0
    shown: list[Ref] = []
    for ref in refs:
        if unit is None:
            embed = unit_embed(doc, ref)
            size = len(embed)
        else:
            embed, size = unit(ref)
        if len(embeds) == EMBEDS_PER_MESSAGE or total + size > CHARS_PER_MESSAGE:
            break
        embeds.append(embed)
        total += size
        shown.append(ref)
    return Reply(content=refs_content(doc, refs, len(shown), header, more), embeds=tuple(embeds))


def refs_content(
    doc: Document,
    refs: Sequence[Ref],
    shown: int,
    header: str | None = None,
    more: Callable[[Sequence[Ref]], Sequence[Ref]] = lambda left: left,
) -> str | None:
    """The text above the embeds of `refs_reply` when its first `shown` units (in document order)
    were shown: the header, or the reference of several units, and what was left out."""
    refs = sorted(set(refs))
    lines = [header] if header else []
    if len(refs) > 1 and not header:
        lines.append(f"**{reference(doc, refs[:shown])}**")
    left = refs[shown:]
    if left:
        rest = format_refs(left)
        shows = list(more(left))
        if shows == left:
            how = f"**More** shows them, or `/paragraph {rest}`"
        elif shows:
            how = f"**More** shows {format_refs(shows)}; `/paragraph {rest}` shows them all"
        else:
            how = f"`/paragraph {rest}` shows them"
        lines.append(
            f"Showing {shown} of {len(refs)} (one Discord message holds at most "
            f"{EMBEDS_PER_MESSAGE} embeds and {CHARS_PER_MESSAGE:,} characters). Left out: {rest}; {how}."
        )
    return clip("\n".join(lines), CONTENT_LIMIT) if lines else None


_STRENGTH_TITLES = {
    "urges": "Urges",
    "calls upon": "Calls upon",
    "requests": "Requests",
    "encourages": "Encourages",
    "invites": "Invites",
    OTHER: "Other provisions (nothing asked)",
}
SUMMARY_FOOTER = (
    "Plain-language summaries written for this bot, not the resolution's wording. "
    "Use /paragraph with the number for the official text."
)
# Imported texts carry no written summaries: each line is then the paragraph's own opening words.
OPENING_WORDS_FOOTER = (
    "No summary has been written for this text yet: each line in quotes is the paragraph's own "
    "opening words. Use /paragraph with the number for the whole official text."
)
MIXED_FOOTER = (
    "Lines in quotes are the paragraph's own opening words (no summary written yet); the others are "
    "plain-language summaries written for this bot, not the resolution's wording. "
    "Use /paragraph with the number for the official text."
)


def summary_footer(sections: Sequence[Section]) -> str:
    """What the lines are: summaries written for the bot, the paragraphs' own words, or both."""
    written = {line.written for section in sections for group in section.groups for line in group.lines}
    if written == {False}:
        return OPENING_WORDS_FOOTER
    return MIXED_FOOTER if False in written else SUMMARY_FOOTER


def summary_pages(doc: Document, sections: Sequence[Section], everyone: bool) -> list[list[discord.Embed]]:
    """The summary as messages: each within 10 embeds and 6,000 characters."""
    lines: list[str] = []
    for section in sections:
        if everyone:
            lines.append(f"__**{escape(section.addressee)}**__")
        for group in section.groups:
            lines.append(f"**{_STRENGTH_TITLES[group.strength]}**")
            for line in group.lines:
                also = [a for a in line.addressees if a != section.addressee] if everyone else []
                with_ = f" *(also to {escape(', '.join(also))})*" if also else ""
                lines.append(f"• **{line.ref.label}** — {escape(line.summary)}{with_}")
        lines.append("")
    if everyone:
        title = "who is asked to do what"
    else:
        who = sections[0].addressee
        # "States are", "UN bodies … are"; "the Secretary-General is".
        title = f"what {who} are asked to do" if who.endswith("s") else f"what the {who} is asked to do"
    footer = summary_footer(sections)
    budget = CHARS_PER_MESSAGE - len(footer) - TITLE_LIMIT
    bodies = paginate(lines, min(DESCRIPTION_LIMIT, budget - TITLE_LIMIT))
    pages: list[list[discord.Embed]] = [[]]
    used = 0
    for i, body in enumerate(bodies):
        embed = _embed(doc, title if i == 0 else f"{title} (continued)", body)
        if pages[-1] and (len(pages[-1]) == EMBEDS_PER_MESSAGE or used + len(embed) > budget):
            pages.append([])
            used = 0
        pages[-1].append(embed)
        used += len(embed)
    for page in pages:
        page[-1].set_footer(text=footer)
    return pages


def summary_reply(pages: Sequence[Sequence[discord.Embed]], page: int) -> Reply:
    """One page of the summary; says when more follows."""
    content = f"Page {page + 1} of {len(pages)}: **More** shows the rest." if page + 1 < len(pages) else None
    if len(pages) > 1 and content is None:
        content = f"Page {page + 1} of {len(pages)}."
    return Reply(content=content, embeds=tuple(pages[page]))


def paginate(lines: Sequence[str], limit: int = DESCRIPTION_LIMIT) -> list[str]:
    """Join lines into bodies of at most `limit` characters, never splitting a line."""
    pages: list[str] = []
    current = ""
    for line in lines:
        line = clip(line, limit)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pages.append(current.strip())
            current = line
        else:
            current = candidate
    if current.strip():
        pages.append(current.strip())
    return pages or ["(nothing)"]


def mark(snippet: str, highlights: Sequence[tuple[int, int]]) -> str:
    """Escape the snippet and bold the hits."""
    out, last = [], 0
    for start, end in highlights:
        out.append(escape(snippet[last:start]))
        out.append(f"**{escape(snippet[start:end])}**")
        last = end
    out.append(escape(snippet[last:]))
    return "".join(out)


def search_reply(doc: Document, result: SearchResult, *, several: bool = False) -> Reply:
    """Search results; `several` when the search covered more than one document, so each hit
    says which document it is in."""
    notes = []
    if result.corrections:
        fixed = ", ".join(f"“{escape(a)}” → “{escape(b)}”" for a, b in result.corrections)
        notes.append(f"No exact match, so I searched for close words: {fixed}.")
    if result.unknown and result.hits:
        notes.append(f"Not found anywhere: {', '.join(escape(u) for u in result.unknown)}.")
    if result.hits and not result.all_terms and not result.unknown:
        notes.append("No paragraph contains all of those words; these contain some of them.")
    if not result.hits:
        where = "the texts I serve" if several else doc.symbol
        message = f"Nothing in {where} matches “{escape(clip(result.query, 100))}”."
        if result.suggestions:
            message += f" Close words in the text: {', '.join(result.suggestions)}."
        message += " Try fewer or other words, or browse with `/paragraph`."
        return Reply(content=message, ephemeral=True)
    embed = _embed(doc, f"search: {clip(result.query, 150)}", "\n".join(notes) or None)
    for hit in result.hits:
        name = f"{hit.symbol} {hit.ref.label}" if several else hit.ref.label
        snippet = clip(mark(hit.snippet, hit.highlights), FIELD_VALUE_LIMIT - 2)
        embed.add_field(
            # A hit in another language's text says which: the same paragraph number reads it in any.
            name=name if hit.language == "en" else f"{name} · {ENDONYMS.get(hit.language, hit.language)}",
            value=rtl_line(snippet) if hit.language in RIGHT_TO_LEFT else snippet,
            inline=False,
        )
    more = (
        f"{result.total} matches, best {len(result.hits)} shown"
        if result.total > len(result.hits)
        else (f"{result.total} match{'es' if result.total != 1 else ''}")
    )
    embed.set_footer(text=f"{more} · /paragraph with a number for the full text")
    return Reply(embeds=(embed,))


def about_reply(doc: Document, commands: Sequence[tuple[str, str]]) -> Reply:
    meta = doc.meta
    adopted = f"{meta.adopted.day} {meta.adopted:%B %Y}"
    origin = f"adopted on {adopted}"
    if meta.report:
        report = f"[{meta.report}]({meta.report_url})" if meta.report_url else meta.report
        origin += f" on the report of the {meta.committee or 'committee'} ({report})"
    embed = discord.Embed(
        title=clip(f"{meta.symbol} · {meta.title}", TITLE_LIMIT),
        url=meta.url,
        colour=UN_BLUE,
        description=f"**{meta.citation_name}**, {origin}.",
    )
    embed.add_field(name="Session", value=f"{meta.session}, agenda item {meta.agenda_item}")
    embed.add_field(name="Adopted", value=f"{adopted}, {meta.meeting}")
    embed.add_field(name="Distributed", value=f"{meta.distributed.day} {meta.distributed:%B %Y} ({meta.distribution})")
    embed.add_field(
        name="Contents",
        value=f"{len(doc.preamble)} preambular paragraphs · {len(doc.operative)} operative paragraphs · "
        f"{len(doc.footnotes)} footnotes",
        inline=False,
    )
    embed.add_field(name="Official text", value=meta.url, inline=False)
    embed.add_field(name="Commands", value="\n".join(f"`{name}` — {what}" for name, what in commands), inline=False)
    embed.set_footer(
        text="The text is transcribed verbatim from the official document as distributed by the United Nations. "
        "Summaries are the bot's own plain-language paraphrases, never the text."
    )
    return Reply(embeds=(embed,))


def help_reply(doc: Document, commands: Sequence[tuple[str, str]], syntax: str) -> Reply:
    lines = [f"**Reading {doc.symbol}**"]
    lines += [f"`{name}` — {what}" for name, what in commands]
    lines += [
        "",
        f"**References:** {syntax} Also `para. 4`, `¶¶ 4–6`, `pmbl. para. 3`, `third preambular paragraph`, "
        f"`{doc.meta.number}, ¶ 4`. In a list the part carries over: `PP 3, 5` is PP3 and PP5.",
        "**In a discussion:** right-click (or long-press) a message → Apps → *Quote cited paragraphs* "
        "quotes every paragraph it refers to.",
        f"This resolution has {doc.outline()}, and footnotes 1–{len(doc.footnotes)}.",
    ]
    return Reply(content=clip("\n".join(lines), CONTENT_LIMIT), ephemeral=True)


QUOTE_BUDGET = 1_400  # the most a quote takes of a message's 2,000 characters, however short the citation
NOTE_ROOM = 260  # kept for the note that says what was not quoted


def cite_reply(doc: Document, refs: Sequence[Ref], result: Citation, quote: bool) -> Reply:
    """The citation in a code block (copies cleanly), its running-text form, the official link;
    with `quote`, the text above it as a block quote, as much as fits. The citation and the link
    are never cut: the quote gives way to them."""
    style = STYLES[result.style].split(":")[0]
    tail = [f"**{style}**", f"```\n{result.text}\n```"]
    if result.running:
        tail.append(f"In running text:\n```\n{result.running}\n```")
    tail.append(f"Official text: <{doc.meta.url}>")
    head: list[str] = []
    if quote and not refs:
        head.append("*(The whole resolution is too long to quote here: cite paragraphs to quote them.)*")
    elif quote:
        head = _quote(doc, refs, min(QUOTE_BUDGET, CONTENT_LIMIT - len("\n".join(tail)) - NOTE_ROOM - 2))
    content = "\n".join(head + tail)
    if len(content) > CONTENT_LIMIT:  # a citation too long to leave room for any quote
        content = "\n".join(tail)
    return Reply(content=clip(content, CONTENT_LIMIT))


def _quote(doc: Document, refs: Sequence[Ref], room: int) -> list[str]:
    """The units as block quotes within `room` characters, and a note on what was left out."""
    lines: list[str] = []
    used = 0
    quoted: list[Ref] = []
    for ref in refs:
        unit = doc.footnote(ref.number) if ref.kind is Kind.FOOTNOTE else doc.paragraph(ref)
        if isinstance(unit, Footnote):
            body = _footnote_line(Footnote(unit.number, unit.text), right_to_left=_rtl(doc))
        else:
            body = paragraph_body(unit, right_to_left=_rtl(doc))
        label = f"**{ref.label}** " if len(refs) > 1 else ""
        block = "\n".join(f"> {line}" for line in f"{label}{body}".splitlines())
        if used + len(block) + 1 > room:
            if not quoted and room >= 200:  # one long paragraph: quote its start
                lines.append(clip(block, room))
                lines.append(f"*(Quote shortened to fit one message; `/paragraph {format_refs([ref])}` shows it all.)*")
                quoted.append(ref)
            break
        lines.append(block)
        used += len(block) + 1
        quoted.append(ref)
    left = [r for r in refs if r not in quoted]
    if left:
        rest = format_refs(left)
        ask = f"`/paragraph {rest}` shows them" if len(rest) <= 80 else "`/paragraph` shows them"
        lines.append(f"*(Not quoted, to fit one message: {clip(rest, 120)}; {ask}.)*")
    return lines


def article_text(article: Article, point: ArticlePoint) -> str:
    """What a reference to an article shows: the article, one of its paragraphs, or a sub-paragraph
    with the words that lead into it."""
    if point.clause is None and point.item is None:
        return article.full_text
    clause = article.clause(point.clause) if point.clause is not None else article.clauses[0]
    if point.item is None:
        return clause.full_text
    (item,) = [i for i in clause.items if i.label == point.item]
    prefix = f"{clause.number}. " if clause.number is not None else ""
    return "\n".join([f"{prefix}{clause.text} …", *_item_lines(item)])


def _item_lines(item: Item) -> list[str]:
    return list(item.lines())


def article_reply(doc: Document, annex: Annex, point: ArticlePoint, header: str | None = None) -> Reply:
    """One embed: the article (or its paragraph or sub-paragraph) verbatim, its footnotes, where it is from."""
    article = annex.article(point.article)
    text = article_text(article, point)
    shown = rtl(with_superscripts(text)) if _rtl(doc) else with_superscripts(text)
    embed = _embed(doc, f"{_annex_name(annex)}, {point.label}", clip(shown, DESCRIPTION_LIMIT))
    cited = [int(n) for n in FOOTNOTE_MARKER.findall(text)]
    if cited:
        lines = "\n".join(_footnote_line(doc.footnote(n), right_to_left=_rtl(doc)) for n in dict.fromkeys(cited))
        embed.add_field(name="Footnotes", value=clip(lines, FIELD_VALUE_LIMIT), inline=False)
    embed.set_footer(text=clip(f"{annex_reference(doc, annex, point)} · {doc.meta.url}", FOOTER_LIMIT))
    return Reply(content=header, embeds=(embed,))


def _annex_name(annex: Annex) -> str:
    """ "Declaration" for a declaration annexed, else the annex's own label."""
    return "Declaration" if annex.title.lower().startswith("declaration") else annex.label


def article_cite_reply(doc: Document, annex: Annex, point: ArticlePoint | None, result: Citation, quote: bool) -> Reply:
    lines: list[str] = []
    if quote and point is not None:
        body = with_superscripts(article_text(annex.article(point.article), point))
        lines.append(clip("\n".join(f"> {line}" for line in body.splitlines()), QUOTE_BUDGET))
    elif quote:
        lines.append("*(The whole Declaration is too long to quote here: cite an article to quote it.)*")
    lines.append(f"**{STYLES[result.style].split(':')[0]}**")
    lines.append(f"```\n{result.text}\n```")
    if result.running:
        lines.append(f"In running text:\n```\n{result.running}\n```")
    lines.append(f"Official text: <{doc.meta.url}>")
    return Reply(content=clip("\n".join(lines), CONTENT_LIMIT))


def error_reply(message: str) -> Reply:
    return Reply(content=clip(message, CONTENT_LIMIT), ephemeral=True)


def document_choice_name(doc: Document) -> str:
    """How autocomplete shows a document: "A/RES/78/216 (2023) · Implementing the Declaration…"."""
    return choice_name(f"{doc.symbol} ({doc.meta.adopted.year})", doc.meta.title)


def library_reply(documents: Sequence[Document], default: Document) -> Reply:
    """/library: every loaded document with its year, size and title; which one answers by default."""
    lines = []
    for doc in documents:
        annexes = "".join(
            f" · {_annex_name(a).lower() if a.articles else escape(clip(a.title, 60))} ({a.label.lower()})"
            + (f", articles 1–{len(a.articles)}" if a.articles else "")
            for a in doc.annexes
        )
        mark = " ← default here" if doc is default else ""
        lines.append(
            f"**[{doc.symbol}]({doc.meta.url})** ({doc.meta.adopted.year}){mark}\n"
            f"{escape(clip(doc.meta.title, 200))}\n"
            f"{len(doc.preamble)} preambular and {len(doc.operative)} operative paragraphs, "
            f"{len(doc.footnotes)} footnotes{annexes}"
        )
    embed = discord.Embed(
        title=f"The library: {len(documents)} document{'s' if len(documents) != 1 else ''}",
        description=clip("\n\n".join(lines), DESCRIPTION_LIMIT),
        colour=UN_BLUE,
    )
    embed.set_footer(
        text="Every reading and citing command takes a document option: a symbol, a number (78/216), "
        "a year (2023) or words of the title (Declaration). A reference that names its document "
        "(A/RES/78/216 para 5) needs none."
    )
    return Reply(embeds=(embed,))


def choice_name(label: str, text: str) -> str:
    return clip(f"{label} · {' '.join(text.split())}", CHOICE_NAME_LIMIT)


def to_text(reply: Reply) -> str:
    """A plain-text rendering of a reply, for the console and the README."""
    out: list[str] = []
    if reply.ephemeral:
        out.append("(only you can see this)")
    if reply.content:
        out.append(reply.content)
    for embed in reply.embeds:
        if embed.title:
            out.append(f"┃ {embed.title}" + (f"  <{embed.url}>" if embed.url else ""))
        if embed.description:
            out.extend(f"┃ {line}" for line in embed.description.splitlines())
        for field in embed.fields:
            out.append(f"┃ ── {field.name}")
            out.extend(f"┃ {line}" for line in str(field.value).splitlines())
        if embed.footer.text:
            out.append(f"┃ ╰ {embed.footer.text}")
        out.append("")
    if reply.nav is not None:
        out.append(" ".join(f"[{label}]" for label in button_labels(reply)))
    return "\n".join(out).rstrip() + "\n"


def button_labels(reply: Reply) -> list[str]:
    """The buttons under a reply, as the console shows them (disabled ones in parentheses)."""
    nav = reply.nav
    if nav is None:
        return []
    labels = []
    if nav.paged:
        labels += ["◀ Previous" if nav.previous else "(◀ Previous)", "Next ▶" if nav.next else "(Next ▶)"]
    labels += [label for label, present in (("Footnotes", nav.footnotes), ("Cite", nav.cite)) if present]
    if nav.link:
        labels.append("Official text ↗")
    if nav.more:
        labels.append("⏬ More")
    if reply.ephemeral and nav.source:
        labels.append("Post to channel")
    return labels


def daily_header(day: dt.date, locale: str | None = None) -> str:
    """How a daily post's text starts, in `locale` (the server's language; English without one):
    the scheduler looks for it in a channel's history after a send whose outcome it does not
    know, so this is its one source (see `daily_markers`)."""
    from bot.daily.words import day_words
    from bot.i18n import say

    return say(locale, "daily-header", date=day_words(locale, day))


def daily_markers(day: dt.date) -> tuple[str, ...]:
    """What a post for `day` starts with, in every interface language: the server's language may
    have changed between the send and the look in the history, so a post in any of them is ours.
    Each is the header with the separator that always follows it in a post, so that a header can
    never be the start of a longer one (a later day's, another language's)."""
    from bot.i18n import LOCALES

    return tuple(dict.fromkeys(f"{daily_header(day, locale)} · " for locale in LOCALES))


def daily_post(doc: Document, ref: Ref, index: int, total: int, day: dt.date, locale: str | None = None) -> Reply:
    """The paragraph (or article of the Declaration) of the day: a header line in `locale` (the
    server's language), then its embed with its citation."""
    from bot.i18n import say

    if ref.kind is Kind.ARTICLE:
        annex = next(a for a in doc.annexes if a.articles)
        (embed,) = article_reply(doc, annex, ArticlePoint(ref.number)).embeds
    else:
        embed = paragraph_embed(doc, doc.paragraph(ref))
    content = say(locale, "daily-post", header=daily_header(day, locale), index=index, total=total)
    return Reply(content=content, embeds=(embed,))
