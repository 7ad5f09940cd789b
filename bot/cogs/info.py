"""/about and /help."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import send

if TYPE_CHECKING:
    from bot.client import ResolutionBot


class Info(commands.Cog):
    def __init__(self, bot: ResolutionBot) -> None:
        self.handlers = bot.handlers

    @app_commands.command(description="About the resolution: symbol, dates, official link, commands")
    async def about(self, interaction: discord.Interaction[ResolutionBot]) -> None:
        await send(interaction, self.handlers.about())

    @app_commands.command(description="How to use this bot (only you see the answer)")
    async def help(self, interaction: discord.Interaction[ResolutionBot]) -> None:
        await send(interaction, self.handlers.help())


async def setup(bot: ResolutionBot) -> None:
    await bot.add_cog(Info(bot))
