"""/about and /help: each lists only the commands that work where it is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.reading import DOCUMENT_HELP
from bot.interactions import choices, send

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
        fallback = await self.bot.guild_document(interaction)
        await send(interaction, self.answers.about(document, in_server=in_server(interaction), fallback=fallback))

    @about.autocomplete("document")
    async def _document_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return choices(lambda: self.answers.document_choices(current))

    @app_commands.command(description="The texts this bot can show and cite, and which one answers here")
    async def library(self, interaction: Interaction) -> None:
        await send(interaction, self.answers.catalogue(await self.bot.guild_document(interaction)))

    @app_commands.command(description="How to use this bot (only you see the answer)")
    async def help(self, interaction: Interaction) -> None:
        await send(interaction, self.answers.help(in_server=in_server(interaction)))


async def setup(bot: ResolutionBot) -> None:
    await bot.add_cog(Info(bot))
