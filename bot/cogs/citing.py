"""/cite and the "Quote cited paragraphs" message command: citing in a discussion."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.reading import DOCUMENT_HELP, LANGUAGE_CHOICES, chosen_document
from bot.content.cite import STYLES
from bot.interactions import choices, interface_locale, reader_locales, send

if TYPE_CHECKING:
    from bot.client import ResolutionBot

Interaction = discord.Interaction["ResolutionBot"]
STYLE_CHOICES = [app_commands.Choice(name=text[:100], value=key) for key, text in STYLES.items()]
QUOTE_MENU = "Quote cited paragraphs"


class Citing(commands.Cog):
    def __init__(self, bot: ResolutionBot) -> None:
        self.bot = bot
        self.answers = bot.answers
        # Context menus cannot live in a cog's class body; added to the tree here, removed on unload.
        self.menu = app_commands.ContextMenu(name=QUOTE_MENU, callback=self.quote_cited)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @app_commands.command(description="A copy-ready citation of a paragraph, range, list, footnote or the whole text")
    @app_commands.describe(
        ref="What to cite: 4, PP 3, 4-6, 4, 7, fn 5, art. 12 … or all for the whole resolution",
        style="Citation style (default: the server's, else UN usage)",
        quote="Quote the text above the citation",
        document=DOCUMENT_HELP,
        language="The language of the citation and quote (default: yours); any of the UN's six",
    )
    @app_commands.choices(style=STYLE_CHOICES, language=LANGUAGE_CHOICES)
    async def cite(
        self,
        interaction: Interaction,
        ref: app_commands.Range[str, 1, 200],
        style: app_commands.Choice[str] | None = None,
        quote: bool = False,
        document: app_commands.Range[str, 1, 100] | None = None,
        language: app_commands.Choice[str] | None = None,
    ) -> None:
        chosen = style.value if style else await self.bot.citation_style(interaction)
        fallback = await self.bot.guild_document(interaction)
        locale, wanted = await reader_locales(interaction, language.value if language else None)
        reply = self.answers.cite(ref, chosen, quote, document, fallback=fallback, language=wanted, locale=locale)
        await send(interaction, reply)

    @cite.autocomplete("ref")
    async def _ref_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        fallback = await self.bot.guild_document(interaction)
        document = chosen_document(interaction)
        locale = await interface_locale(interaction)
        return choices(lambda: self.answers.paragraph_choices(current, document, fallback=fallback, locale=locale))

    @cite.autocomplete("document")
    async def _document_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return choices(lambda: self.answers.document_choices(current))

    async def quote_cited(self, interaction: Interaction, message: discord.Message) -> None:
        """The paragraphs a message refers to. The message arrives with the interaction: no privileged intent."""
        text = message.content or "\n".join(
            part for embed in message.embeds for part in (embed.title, embed.description) if part
        )
        fallback = await self.bot.guild_document(interaction)
        locale, language = await reader_locales(interaction)
        reply = self.answers.quote_message(
            text, where=message.jump_url, fallback=fallback, language=language, locale=locale
        )
        await send(interaction, reply)


async def setup(bot: ResolutionBot) -> None:
    await bot.add_cog(Citing(bot))
