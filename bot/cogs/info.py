"""/about and /help: each lists only the commands that work where it is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.interactions import send

if TYPE_CHECKING:
    from bot.client import ResolutionBot

Interaction = discord.Interaction["ResolutionBot"]


def in_server(interaction: Interaction) -> bool:
    """In a server that installed the bot: where /daily and /settings work (not DMs, not user installs)."""
    return interaction.guild_id is not None and interaction.is_guild_integration()


class Info(commands.Cog):
    def __init__(self, bot: ResolutionBot) -> None:
        self.answers = bot.answers

    @app_commands.command(description="About the resolution: symbol, dates, official link, commands")
    async def about(self, interaction: Interaction) -> None:
        await send(interaction, self.answers.about(in_server=in_server(interaction)))

    @app_commands.command(description="How to use this bot (only you see the answer)")
    async def help(self, interaction: Interaction) -> None:
        await send(interaction, self.answers.help(in_server=in_server(interaction)))


async def setup(bot: ResolutionBot) -> None:
    await bot.add_cog(Info(bot))
