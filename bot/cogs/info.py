"""/about and /help, in the reader's language: each lists only the commands that work where it is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.reading import DOCUMENT_HELP
from bot.content.langs import reader_version
from bot.content.model import Document
from bot.content.un_wording import resolution_name
from bot.i18n import Audience, Catalogues
from bot.i18n.translator import interaction_locale
from bot.interactions import choices, send
from bot.render import CONTENT_LIMIT, DESCRIPTION_LIMIT, FIELD_VALUE_LIMIT, TITLE_LIMIT, UN_BLUE, Reply, clip

if TYPE_CHECKING:
    from bot.client import ResolutionBot

Interaction = discord.Interaction["ResolutionBot"]

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


def in_server(interaction: Interaction) -> bool:
    """In a server that installed the bot: where /daily and /settings work (not DMs, not user installs)."""
    return interaction.guild_id is not None and interaction.is_guild_integration()


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


class Info(commands.Cog):
    def __init__(self, bot: ResolutionBot) -> None:
        self.bot = bot
        self.answers = bot.answers

    @app_commands.command(description="About a resolution: symbol, dates, official link, commands")
    @app_commands.describe(document=DOCUMENT_HELP)
    async def about(self, interaction: Interaction, document: app_commands.Range[str, 1, 100] | None = None) -> None:
        # A public answer: in a server, the server's language (everyone there reads it).
        locale = await interaction_locale(interaction, self.bot.languages, Audience.SERVER)
        fallback = await self.bot.guild_document(interaction)
        doc = self.answers.document(document, "", fallback)
        await send(interaction, about_reply(self.bot.catalogues, locale, doc, here=in_server(interaction)))

    @about.autocomplete("document")
    async def _document_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return choices(lambda: self.answers.document_choices(current))

    @app_commands.command(description="The texts this bot can show and cite, and which one answers here")
    async def library(self, interaction: Interaction) -> None:
        locale = await interaction_locale(interaction, self.bot.languages, Audience.PERSON)
        await send(interaction, self.answers.catalogue(await self.bot.guild_document(interaction), locale=locale))

    @app_commands.command(description="How to use this bot (only you see the answer)")
    async def help(self, interaction: Interaction) -> None:
        locale = await interaction_locale(interaction, self.bot.languages, Audience.PERSON)
        doc = self.bot.library.entry(None).document
        await send(interaction, help_reply(self.bot.catalogues, locale, doc, here=in_server(interaction)))


async def setup(bot: ResolutionBot) -> None:
    await bot.add_cog(Info(bot))
