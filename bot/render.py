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
from bot.content.langs import ENDONYMS, RIGHT_TO_LEFT, ltr, reader_version, rtl, rtl_line, text_language
from bot.content.model import FOOTNOTE_MARKER, Annex, Article, Document, Footnote, Item, Kind, Paragraph, Ref
from bot.content.refs import ArticlePoint, format_refs
from bot.content.search import SearchResult
from bot.content.summary import OTHER, Section
from bot.content.un_wording import pinpoints, resolution_name, un_citation
from bot.i18n import SOURCE_LOCALE, Catalogues, say
from bot.i18n.catalogue import catalogue_locale, shipped_catalogues

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
    locale: str = SOURCE_LOCALE  # the interface language of the reply, and so of its buttons' labels


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


def reference_in(doc: Document, refs: Sequence[Ref], locale: str = SOURCE_LOCALE) -> str:
    """The short reference of headers and footers, in the UN's own wording of the interface language
    ("résolution 62/152 de l’Assemblée générale, par. 4") where the official texts give one: the whole
    resolution or its paragraphs and footnotes (bot.content.un_wording); else the English one."""
    language = text_language(locale)
    if (
        language in (None, "en")
        or doc.meta.body != "General Assembly"
        or any(r.kind not in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.FOOTNOTE) for r in refs)
    ):
        return reference(doc, refs)
    if not refs:
        return un_citation(doc.meta, refs, language) or reference(doc, refs)
    return say(locale, "read-reference", number=doc.meta.number, pin=pinpoints(refs, language))


def _footer(doc: Document, refs: Sequence[Ref], locale: str = SOURCE_LOCALE) -> str:
    return clip(f"{reference_in(doc, refs, locale)} · {doc.meta.url}", FOOTER_LIMIT)


_KINDS = {Kind.PREAMBLE: "preamble", Kind.OPERATIVE: "operative", Kind.FOOTNOTE: "footnote"}


def unit_title(ref: Ref, locale: str = SOURCE_LOCALE) -> str:
    """ "operative paragraph 4", in the interface language ("paragraphe du dispositif 4")."""
    if ref.kind is Kind.ARTICLE:
        return article_label(ArticlePoint(ref.number), locale)
    return say(locale, "read-title", kind=_KINDS[ref.kind], number=str(ref.number))


def article_label(point: ArticlePoint, locale: str = SOURCE_LOCALE) -> str:
    """ "Article 9(3)(a)", in the interface language ("article 9(3)(a)", "第9条(3)(a)")."""
    rest = (f"({point.clause})" if point.clause else "") + (f"({point.item})" if point.item else "")
    return say(locale, "read-article", number=str(point.article), rest=rest)


def paragraph_embed(doc: Document, paragraph: Paragraph, locale: str = SOURCE_LOCALE) -> discord.Embed:
    body = paragraph_body(paragraph, right_to_left=_rtl(doc))
    embed = _embed(doc, unit_title(paragraph.ref, locale), clip(body, DESCRIPTION_LIMIT))
    if paragraph.footnotes:
        lines = "\n".join(_footnote_line(doc.footnote(n), right_to_left=_rtl(doc)) for n in paragraph.footnotes)
        embed.add_field(name=say(locale, "read-footnotes"), value=clip(lines, FIELD_VALUE_LIMIT), inline=False)
    embed.set_footer(text=_footer(doc, [paragraph.ref], locale))
    return embed


def footnote_embed(doc: Document, footnote: Footnote, locale: str = SOURCE_LOCALE) -> discord.Embed:
    embed = _embed(
        doc,
        unit_title(footnote.ref, locale),
        _footnote_line(Footnote(footnote.number, footnote.text), right_to_left=_rtl(doc)),
    )
    if footnote.links:
        links = "\n".join(f"[{escape(link.label)}]({link.url})" for link in footnote.links)
        embed.add_field(name=say(locale, "read-links"), value=clip(links, FIELD_VALUE_LIMIT), inline=False)
    citing = doc.citing(footnote.number)
    if citing:
        lines = "\n".join(
            f"**{p.ref.label}** · {rtl_line(escape(preview(p, 70))) if _rtl(doc) else escape(preview(p, 70))}"
            for p in citing
        )
        embed.add_field(name=say(locale, "read-cited-in"), value=clip(lines, FIELD_VALUE_LIMIT), inline=False)
    embed.set_footer(text=_footer(doc, [footnote.ref], locale))
    return embed


def preview(paragraph: Paragraph, limit: int) -> str:
    """The paragraph's opening words, plain, for lists and autocomplete."""
    full = paragraph.full_text
    if len(full) > PREVIEW_HEAD * limit:
        # Only the opening shows: plain a head of the text instead of all of it (paragraphs run to
        # thousands of characters; an autocomplete list plains 25 of them). The head's plain text is
        # the start of the whole's once a marker cut in two at its end is dropped; when it is longer
        # than `limit`, the whole's is too, and both clip to the same words.
        head = full[: PREVIEW_HEAD * limit]
        cut = head.rfind("[")
        if cut != -1 and "]" not in head[cut:]:
            head = head[:cut]
        opening = _plain(head)
        if len(opening) > limit:
            return clip(opening, limit)
    return clip(_plain(full), limit)


PREVIEW_HEAD = 3  # times the preview's length: the head of a long paragraph that `preview` reads


def _plain(text: str) -> str:
    """Text without footnote markers or italics, its whitespace runs as single spaces."""
    return " ".join(FOOTNOTE_MARKER.sub("", text).replace("*", "").split())


def unit_embed(doc: Document, ref: Ref, locale: str = SOURCE_LOCALE) -> discord.Embed:
    """The embed of one paragraph or footnote."""
    if ref.kind is Kind.FOOTNOTE:
        return footnote_embed(doc, doc.footnote(ref.number), locale)
    return paragraph_embed(doc, doc.paragraph(ref), locale)


def refs_reply(
    doc: Document,
    refs: Sequence[Ref],
    header: str | None = None,
    more: Callable[[Sequence[Ref]], Sequence[Ref]] = lambda left: left,
    unit: Callable[[Ref], tuple[discord.Embed, int]] | None = None,
    *,
    locale: str = SOURCE_LOCALE,
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
            embed = unit_embed(doc, ref, locale)
            size = len(embed)
        else:
            embed, size = unit(ref)
        if len(embeds) == EMBEDS_PER_MESSAGE or total + size > CHARS_PER_MESSAGE:
            break
        embeds.append(embed)
        total += size
        shown.append(ref)
    return Reply(content=refs_content(doc, refs, len(shown), header, more, locale=locale), embeds=tuple(embeds))


def refs_content(
    doc: Document,
    refs: Sequence[Ref],
    shown: int,
    header: str | None = None,
    more: Callable[[Sequence[Ref]], Sequence[Ref]] = lambda left: left,
    *,
    locale: str = SOURCE_LOCALE,
) -> str | None:
    """The text above the embeds of `refs_reply` when its first `shown` units (in document order)
    were shown: the header, or the reference of several units, and what was left out."""
    refs = sorted(set(refs))
    lines = [header] if header else []
    if len(refs) > 1 and not header:
        lines.append(f"**{reference_in(doc, refs[:shown], locale)}**")
    left = refs[shown:]
    if left:
        rest = format_refs(left)
        shows = list(more(left))
        if shows == left:
            how = say(locale, "read-more-all", rest=rest)
        elif shows:
            how = say(locale, "read-more-some", shows=format_refs(shows), rest=rest)
        else:
            how = say(locale, "read-more-none", rest=rest)
        lines.append(
            say(
                locale,
                "read-showing",
                shown=shown,
                total=len(refs),
                embeds=EMBEDS_PER_MESSAGE,
                chars=CHARS_PER_MESSAGE,
                rest=rest,
                how=how,
            )
        )
    return clip("\n".join(lines), CONTENT_LIMIT) if lines else None


def strength_title(strength: str, locale: str = SOURCE_LOCALE) -> str:
    """A group's heading in a summary: "Urges", … or "Other provisions (nothing asked)" (for OTHER)."""
    return say(locale, "read-strength", strength=strength.replace(" ", "-") if strength != OTHER else "other")


def summary_footer(sections: Sequence[Section], locale: str = SOURCE_LOCALE) -> str:
    """What the lines are: summaries written for the bot, the paragraphs' own words, or both."""
    written = {line.written for section in sections for group in section.groups for line in group.lines}
    if written == {False}:
        return say(locale, "read-summary-footer-opening")
    return say(locale, "read-summary-footer-mixed" if False in written else "read-summary-footer")


def addressee_name(doc: Document, ident: str, locale: str | None = SOURCE_LOCALE) -> str:
    """Who a paragraph asks, as the reader's language names them (`addressees.ftl`: the UN's own
    names in that language); in English, or for an addressee the catalogue lacks, the document's label."""
    label = dict(doc.addressees).get(ident, ident)
    served = catalogue_locale(locale)
    if served is None or served == SOURCE_LOCALE:
        return label
    return shipped_catalogues().lookup(served, f"addressee-{ident}") or label


def heading(text: str) -> str:
    """A name as a heading: its first letter capital ("государства" → "Государства")."""
    return text[:1].upper() + text[1:]


def summary_pages(
    doc: Document, sections: Sequence[Section], everyone: bool, locale: str = SOURCE_LOCALE
) -> list[list[discord.Embed]]:
    """The summary as messages: each within 10 embeds and 6,000 characters."""
    lines: list[str] = []
    for section in sections:
        if everyone:
            lines.append(f"__**{escape(heading(addressee_name(doc, section.ident, locale)))}**__")
        for group in section.groups:
            lines.append(f"**{strength_title(group.strength, locale)}**")
            for line in group.lines:
                also = [addressee_name(doc, a, locale) for a in line.idents if a != section.ident] if everyone else []
                with_ = f" {say(locale, 'read-also-to', who=escape(', '.join(also)))}" if also else ""
                lines.append(f"• **{line.ref.label}** — {escape(line.summary)}{with_}")
        lines.append("")
    if everyone:
        title = say(locale, "read-summary-everyone")
    else:
        who = addressee_name(doc, sections[0].ident, locale)
        # "States are", "UN bodies … are"; "the Secretary-General is".
        title = say(locale, "read-summary-who", who=who, plural="yes" if who.endswith("s") else "no")
    footer = summary_footer(sections, locale)
    budget = CHARS_PER_MESSAGE - len(footer) - TITLE_LIMIT
    bodies = paginate(lines, min(DESCRIPTION_LIMIT, budget - TITLE_LIMIT))
    pages: list[list[discord.Embed]] = [[]]
    used = 0
    for i, body in enumerate(bodies):
        embed = _embed(doc, title if i == 0 else say(locale, "read-summary-continued", title=title), body)
        if pages[-1] and (len(pages[-1]) == EMBEDS_PER_MESSAGE or used + len(embed) > budget):
            pages.append([])
            used = 0
        pages[-1].append(embed)
        used += len(embed)
    for page in pages:
        page[-1].set_footer(text=footer)
    return pages


def summary_reply(pages: Sequence[Sequence[discord.Embed]], page: int, locale: str = SOURCE_LOCALE) -> Reply:
    """One page of the summary; says when more follows."""
    content = None
    if page + 1 < len(pages):
        content = say(locale, "read-page-more", page=page + 1, pages=len(pages))
    elif len(pages) > 1:
        content = say(locale, "read-page", page=page + 1, pages=len(pages))
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


def search_reply(doc: Document, result: SearchResult, *, several: bool = False, locale: str = SOURCE_LOCALE) -> Reply:
    """Search results; `several` when the search covered more than one document, so each hit
    says which document it is in."""
    notes = []
    if result.corrections:
        fixed = ", ".join(
            say(locale, "read-search-correction", typed=escape(a), searched=escape(b)) for a, b in result.corrections
        )
        notes.append(say(locale, "read-search-corrected", fixed=fixed))
    if result.unknown and result.hits:
        notes.append(say(locale, "read-search-unknown", words=", ".join(escape(u) for u in result.unknown)))
    if result.hits and not result.all_terms and not result.unknown:
        notes.append(say(locale, "read-search-some"))
    if not result.hits:
        query = escape(clip(result.query, 100))
        if several:
            message = say(locale, "read-search-nothing-library", query=query)
        else:
            message = say(locale, "read-search-nothing", symbol=doc.symbol, query=query)
        if result.suggestions:
            close = say(locale, "read-search-close", words=say(locale, "read-list-separator").join(result.suggestions))
            message = say(locale, "read-sentences", first=message, next=close)  # Chinese puts no space between
        message = say(locale, "read-sentences", first=message, next=say(locale, "read-search-try"))
        return Reply(content=message, ephemeral=True)
    embed = _embed(doc, say(locale, "read-search-title", query=clip(result.query, 150)), "\n".join(notes) or None)
    for hit in result.hits:
        name = f"{hit.symbol} {hit.ref.label}" if several else hit.ref.label
        snippet = clip(mark(hit.snippet, hit.highlights), FIELD_VALUE_LIMIT - 2)
        embed.add_field(
            # A hit in another language's text says which: the same paragraph number reads it in any.
            name=name if hit.language == "en" else f"{name} · {ENDONYMS.get(hit.language, hit.language)}",
            value=rtl_line(snippet) if hit.language in RIGHT_TO_LEFT else snippet,
            inline=False,
        )
    if result.total > len(result.hits):
        footer = say(locale, "read-search-best", total=result.total, shown=len(result.hits))
    else:
        footer = say(locale, "read-search-count", total=result.total)
    embed.set_footer(text=footer)
    return Reply(embeds=(embed,))


# (what to type, its message in the catalogue, whether it works outside a server that installed the bot).
# What people type stays English in every language; only what it does is translated.
HELP_COMMANDS: tuple[tuple[str, str, bool], ...] = (
    ("/paragraph 4", "help-paragraph", True),
    ("/cite 4 style:bluebook", "help-cite", True),
    ("/footnote 5", "help-footnote", True),
    ("/summary States", "help-summary", True),
    ("/search impunity", "help-search", True),
    ("/about", "help-about", True),
    ("/library", "help-library", True),
    ("/compare 76/174 78/216", "help-compare", True),
    ("/trace 78/216 op 5", "help-trace", True),
    ("/daily set", "help-daily-set", False),
    ("/settings citation-style", "help-settings-citation-style", False),
    ("/settings document", "help-settings-document", False),
    ("/settings server-language", "help-settings-server-language", False),
    ("/settings language", "help-settings-language", False),
    ("/help", "help-help", True),
)


def command_lines(catalogues: Catalogues, locale: str, *, here: bool) -> list[str]:
    return [
        f"`{example}` — {catalogues.format(locale, key)}"
        for example, key, anywhere in HELP_COMMANDS
        if anywhere or here
    ]


def help_reply(catalogues: Catalogues, locale: str, doc: Document, *, here: bool) -> Reply:
    """The commands in the message, the reference syntax below them in an embed: French or Spanish
    /help in a server is longer than a message's 2,000 characters, and was cut at its end."""
    say = catalogues.format
    lines = [say(locale, "help-title", symbol=doc.symbol), *command_lines(catalogues, locale, here=here)]
    notes = [
        say(locale, "help-references", number=doc.meta.number),
        say(locale, "help-discussion"),
        say(
            locale,
            "help-contents",
            operative=len(doc.operative),
            preambular=len(doc.preamble),
            footnotes=len(doc.footnotes),
        ),
    ]
    embed = discord.Embed(colour=UN_BLUE, description=clip("\n".join(notes), DESCRIPTION_LIMIT))
    return Reply(content=clip("\n".join(lines), CONTENT_LIMIT), embeds=(embed,), ephemeral=True)


def about_reply(catalogues: Catalogues, locale: str, doc: Document, *, here: bool) -> Reply:
    """The document's details; its own words (title, committee, meeting) stay as the document gives them."""
    say = catalogues.format
    meta = doc.meta
    # The UN's own words in the reader's language where the library holds that version: the title,
    # and the resolution's name as the official texts write it.
    shown = reader_version(doc, locale)
    name = resolution_name(meta, shown.meta.language) if shown is not doc else None
    report = (f"[{meta.report}]({meta.report_url})" if meta.report_url else meta.report) if meta.report else None
    if report and shown is not doc:  # the committee's name is the English document's: the report says it
        origin = say(locale, "about-adopted-on-report-only", adopted=meta.adopted, report=report)
    elif report:
        origin = say(
            locale, "about-adopted-on-report", adopted=meta.adopted, committee=meta.committee or "—", report=report
        )
    else:
        origin = say(locale, "about-adopted-on", adopted=meta.adopted)
    embed = discord.Embed(
        title=clip(f"{meta.symbol} · {shown.meta.title}", TITLE_LIMIT),
        url=meta.url,
        colour=UN_BLUE,
        description=say(locale, "about-description", name=name or meta.citation_name, origin=origin),
    )
    fields = (
        ("about-session", {"session": meta.session, "item": meta.agenda_item}, True),
        ("about-adopted", {"adopted": meta.adopted, "meeting": meta.meeting}, True),
        ("about-distributed", {"distributed": meta.distributed, "distribution": meta.distribution}, True),
        (
            "about-contents",
            {"preambular": len(doc.preamble), "operative": len(doc.operative), "footnotes": len(doc.footnotes)},
            False,
        ),
    )
    for key, args, inline in fields:
        embed.add_field(name=say(locale, key), value=say(locale, key, "value", **args), inline=inline)
    embed.add_field(name=say(locale, "about-official-text"), value=meta.url, inline=False)
    # What to type, not what each does: with every description, a server's list is over an embed
    # field's 1,024 characters in English already; /help says what each does.
    typed = " · ".join(f"`{example}`" for example, _key, anywhere in HELP_COMMANDS if anywhere or here)
    commands = f"{typed}\n{say(locale, 'about-commands-more')}"
    embed.add_field(name=say(locale, "about-commands"), value=clip(commands, FIELD_VALUE_LIMIT), inline=False)
    embed.set_footer(text=say(locale, "about-footer"))
    return Reply(embeds=(embed,))


QUOTE_BUDGET = 1_400  # the most a quote takes of a message's 2,000 characters, however short the citation
NOTE_ROOM = 260  # kept for the note that says what was not quoted


def style_name(style: str, locale: str = SOURCE_LOCALE) -> str:
    """A citation style's name: "UN usage", "Document symbol" in the interface language; the legal
    styles (Bluebook, OSCOLA, AGLC) by their own names."""
    return say(locale, "read-style", style=style, name=STYLES[style].split(":")[0])


def cite_reply(doc: Document, refs: Sequence[Ref], result: Citation, quote: bool, locale: str = SOURCE_LOCALE) -> Reply:
    """The citation in a code block (copies cleanly), its running-text form, the official link;
    with `quote`, the text above it as a block quote, as much as fits. The citation and the link
    are never cut: the quote gives way to them."""
    tail = [f"**{style_name(result.style, locale)}**", f"```\n{result.text}\n```"]
    if result.running:
        tail.append(f"{say(locale, 'read-cite-running')}\n```\n{result.running}\n```")
    tail.append(say(locale, "read-cite-official", url=doc.meta.url))
    head: list[str] = []
    if quote and not refs:
        head.append(say(locale, "read-cite-whole"))
    elif quote:
        room = min(QUOTE_BUDGET, CONTENT_LIMIT - len("\n".join(tail)) - NOTE_ROOM - 2)
        head = _quote(doc, refs, room, locale)
    content = "\n".join(head + tail)
    if len(content) > CONTENT_LIMIT:  # a citation too long to leave room for any quote
        content = "\n".join(tail)
    return Reply(content=clip(content, CONTENT_LIMIT))


def _quote(doc: Document, refs: Sequence[Ref], room: int, locale: str = SOURCE_LOCALE) -> list[str]:
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
                lines.append(say(locale, "read-quote-shortened", refs=format_refs([ref])))
                quoted.append(ref)
            break
        lines.append(block)
        used += len(block) + 1
        quoted.append(ref)
    left = [r for r in refs if r not in quoted]
    if left:
        rest = format_refs(left)
        ask = (
            say(locale, "read-not-quoted-ask", refs=rest)
            if len(rest) <= 80
            else say(locale, "read-not-quoted-ask-bare")
        )
        lines.append(say(locale, "read-not-quoted", rest=clip(rest, 120), ask=ask))
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


def article_reply(
    doc: Document, annex: Annex, point: ArticlePoint, header: str | None = None, locale: str = SOURCE_LOCALE
) -> Reply:
    """One embed: the article (or its paragraph or sub-paragraph) verbatim, its footnotes, where it is from."""
    article = annex.article(point.article)
    text = article_text(article, point)
    shown = rtl(with_superscripts(text)) if _rtl(doc) else with_superscripts(text)
    title = say(locale, "read-annexed", annex=_annex_name(annex, locale), article=article_label(point, locale))
    embed = _embed(doc, title, clip(shown, DESCRIPTION_LIMIT))
    cited = [int(n) for n in FOOTNOTE_MARKER.findall(text)]
    if cited:
        lines = "\n".join(_footnote_line(doc.footnote(n), right_to_left=_rtl(doc)) for n in dict.fromkeys(cited))
        embed.add_field(name=say(locale, "read-footnotes"), value=clip(lines, FIELD_VALUE_LIMIT), inline=False)
    embed.set_footer(text=clip(f"{annex_reference(doc, annex, point)} · {doc.meta.url}", FOOTER_LIMIT))
    return Reply(content=header, embeds=(embed,))


def _annex_name(annex: Annex, locale: str = SOURCE_LOCALE) -> str:
    """ "Declaration" (in the interface language) for a declaration annexed, else the annex's own label."""
    return say(locale, "read-declaration") if annex.title.lower().startswith("declaration") else annex.label


def article_cite_reply(
    doc: Document,
    annex: Annex,
    point: ArticlePoint | None,
    result: Citation,
    quote: bool,
    locale: str = SOURCE_LOCALE,
) -> Reply:
    lines: list[str] = []
    if quote and point is not None:
        body = with_superscripts(article_text(annex.article(point.article), point))
        lines.append(clip("\n".join(f"> {line}" for line in body.splitlines()), QUOTE_BUDGET))
    elif quote:
        lines.append(say(locale, "read-cite-whole-declaration"))
    lines.append(f"**{style_name(result.style, locale)}**")
    lines.append(f"```\n{result.text}\n```")
    if result.running:
        lines.append(f"{say(locale, 'read-cite-running')}\n```\n{result.running}\n```")
    lines.append(say(locale, "read-cite-official", url=doc.meta.url))
    return Reply(content=clip("\n".join(lines), CONTENT_LIMIT))


def error_reply(message: str) -> Reply:
    return Reply(content=clip(message, CONTENT_LIMIT), ephemeral=True)


def document_choice_name(doc: Document) -> str:
    """How autocomplete shows a document: "A/RES/78/216 (2023) · Implementing the Declaration…"."""
    return choice_name(f"{doc.symbol} ({doc.meta.adopted.year})", doc.meta.title)


def _library_annex(annex: Annex, locale: str) -> str:
    """ "Declaration (annex)", "déclaration (annexe)", "《宣言》（附件）"; an annex's number ("annex II") is kept."""
    name = _annex_name(annex, locale).lower() if annex.articles else escape(clip(annex.title, 60))
    numbered = re.fullmatch(r"(?i)annex\b\s*(.*)", annex.label.strip())
    if numbered is None:  # a label of another kind: as the document gives it
        return f"{name} ({annex.label.lower()})"
    number = f" {numbered[1]}" if numbered[1] else ""
    return say(locale, "read-library-annex", name=name, number=number)


def library_reply(documents: Sequence[Document], default: Document, locale: str = SOURCE_LOCALE) -> Reply:
    """/library: every loaded document with its year, size and title; which one answers by default."""
    lines = []
    for doc in documents:
        annexes = "".join(
            " · "
            + _library_annex(a, locale)
            + (say(locale, "read-library-articles", count=len(a.articles)) if a.articles else "")
            for a in doc.annexes
        )
        mark = " " + say(locale, "read-library-default") if doc is default else ""
        sizes = say(
            locale,
            "read-library-sizes",
            preambular=len(doc.preamble),
            operative=len(doc.operative),
            footnotes=len(doc.footnotes),
        )
        shown = reader_version(doc, locale)  # the UN's title in that language
        lines.append(
            f"**[{doc.symbol}]({shown.meta.url})** ({doc.meta.adopted.year}){mark}\n"
            f"{escape(clip(shown.meta.title, 200))}\n"
            f"{sizes}{annexes}"
        )
    embed = discord.Embed(
        title=say(locale, "read-library-title", count=len(documents)),
        description=clip("\n\n".join(lines), DESCRIPTION_LIMIT),
        colour=UN_BLUE,
    )
    embed.set_footer(text=say(locale, "read-library-footer"))
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
    locale = nav.locale
    labels = []
    if nav.paged:
        previous, following = say(locale, "read-button-previous"), say(locale, "read-button-next")
        labels += [
            f"◀ {previous}" if nav.previous else f"(◀ {previous})",
            f"{following} ▶" if nav.next else f"({following} ▶)",
        ]
    labels += [
        say(locale, key)
        for key, present in (("read-button-footnotes", nav.footnotes), ("read-button-cite", nav.cite))
        if present
    ]
    if nav.link:
        labels.append(f"{say(locale, 'read-button-official')} ↗")
    if nav.more:
        labels.append(f"⏬ {say(locale, 'read-button-more')}")
    if reply.ephemeral and nav.source:
        labels.append(say(locale, "read-button-post"))
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
