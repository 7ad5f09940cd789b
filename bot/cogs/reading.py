"""/paragraph, /footnote, /summary, /search: reading the text."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.interactions import choices, clicked, send

if TYPE_CHECKING:
    from bot.client import ResolutionBot

Interaction = discord.Interaction["ResolutionBot"]


class Reading(commands.Cog):
    def __init__(self, bot: ResolutionBot) -> None:
        self.answers = bot.answers

    @commands.Cog.listener()
    async def on_interaction(self, interaction: Interaction) -> None:
        """Clicks on the buttons under the bot's replies (they carry their own state)."""
        await clicked(interaction)

    @app_commands.command(description="Show a paragraph verbatim: 4, OP 4, PP 3, fn 2, a range 4-6 or a list 4, 7")
    @app_commands.describe(ref="Paragraph number or words: 4, PP 3, 4-6, 4, 7 … (bare numbers are operative)")
    async def paragraph(self, interaction: Interaction, ref: app_commands.Range[str, 1, 200]) -> None:
        await send(interaction, self.answers.paragraph(ref))

    @paragraph.autocomplete("ref")
    async def _paragraph_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return choices(lambda: self.answers.paragraph_choices(current))

    @app_commands.command(description="Show a footnote, its links and the paragraphs that cite it")
    @app_commands.describe(number="Footnote number, e.g. 5 (or several: 1-2)")
    async def footnote(self, interaction: Interaction, number: app_commands.Range[str, 1, 50]) -> None:
        await send(interaction, self.answers.footnote(number))

    @footnote.autocomplete("number")
    async def _footnote_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return choices(lambda: self.answers.footnote_choices(current))

    @app_commands.command(description="What States (or another addressee) are asked to do, in plain language")
    @app_commands.describe(addressee="Who: States (default), Secretary-General, … or all")
    async def summary(self, interaction: Interaction, addressee: app_commands.Range[str, 1, 100] | None = None) -> None:
        await send(interaction, self.answers.summary(addressee))

    @summary.autocomplete("addressee")
    async def _addressee_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return choices(lambda: self.answers.addressee_choices(current))

    @app_commands.command(description='Search the resolution: words or "quoted phrases"')
    @app_commands.describe(query='Words or a "quoted phrase", e.g. impunity or "freedom of expression"')
    async def search(self, interaction: Interaction, query: app_commands.Range[str, 1, 200]) -> None:
        await send(interaction, self.answers.search(query))


async def setup(bot: ResolutionBot) -> None:
    await bot.add_cog(Reading(bot))
