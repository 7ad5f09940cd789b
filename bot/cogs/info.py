"""/about and /help, in the reader's language: each lists only the commands that work where it is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.reading import DOCUMENT_HELP
from bot.i18n import Audience
from bot.i18n.translator import interaction_locale
from bot.interactions import choices, send
from bot.render import about_reply, help_reply

if TYPE_CHECKING:
    from bot.client import ResolutionBot

Interaction = discord.Interaction["ResolutionBot"]


def in_server(interaction: Interaction) -> bool:
    """In a server that installed the bot: where /daily and /settings work (not DMs, not user installs)."""
    return interaction.guild_id is not None and interaction.is_guild_integration()


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
