"""/paragraph, /footnote, /summary, /search: reading the text, from any document of the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.content.langs import ENDONYMS, LANGUAGES
from bot.i18n.translator import ENDONYM
from bot.interactions import CLICK_EVENT, choices, clicked, interface_locale, reader_locales, send

if TYPE_CHECKING:
    from bot.client import ResolutionBot

Interaction = discord.Interaction["ResolutionBot"]
DOCUMENT_HELP = "Which text: a symbol, a number (78/216), a year (2023) or a name (Declaration)"
LANGUAGE_HELP = "The official text in another UN language (default: yours, where the text has it)"
# Each language by its own name, the same in every interface language (as in /settings language).
LANGUAGE_CHOICES = [
    app_commands.Choice(name=app_commands.locale_str(ENDONYMS[code], **{ENDONYM: True}), value=code)
    for code in LANGUAGES
]


def chosen_document(interaction: Interaction) -> str | None:
    """The `document` option as typed so far, while another option is being autocompleted."""
    # The namespace keeps the options given in its __dict__; `getattr` on an option not given goes
    # through a raised and caught AttributeError first (about 1.5 µs of a keystroke's 10).
    value = vars(interaction.namespace).get("document")
    return value if isinstance(value, str) and value.strip() else None


class Reading(commands.Cog):
    def __init__(self, bot: ResolutionBot) -> None:
        self.bot = bot
        self.answers = bot.answers

    @commands.Cog.listener(CLICK_EVENT)
    async def on_click(self, interaction: Interaction) -> None:
        """Clicks on the buttons under the bot's replies (they carry their own state)."""
        await clicked(interaction)

    @app_commands.command(
        description="Show a paragraph or article verbatim: 4, PP 3, fn 2, 4-6, art. 12, Article 12(2)"
    )
    @app_commands.describe(
        ref="Paragraph or article: 4, PP 3, 4-6, 4, 7, art. 12 … (bare numbers are operative)",
        document=DOCUMENT_HELP,
        language=LANGUAGE_HELP,
    )
    @app_commands.choices(language=LANGUAGE_CHOICES)
    async def paragraph(
        self,
        interaction: Interaction,
        ref: app_commands.Range[str, 1, 200],
        document: app_commands.Range[str, 1, 100] | None = None,
        language: app_commands.Choice[str] | None = None,
    ) -> None:
        fallback = await self.bot.guild_document(interaction)
        locale, wanted = await reader_locales(interaction, language.value if language else None)
        reply = self.answers.paragraph(ref, document, fallback=fallback, language=wanted, locale=locale)
        await send(interaction, reply)

    @paragraph.autocomplete("ref")
    async def _paragraph_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        fallback = await self.bot.guild_document(interaction)
        document = chosen_document(interaction)
        locale = await interface_locale(interaction)
        return choices(lambda: self.answers.paragraph_choices(current, document, fallback=fallback, locale=locale))

    @app_commands.command(description="Show a footnote, its links and the paragraphs that cite it")
    @app_commands.describe(
        number="Footnote number, e.g. 5 (or several: 1-2)", document=DOCUMENT_HELP, language=LANGUAGE_HELP
    )
    @app_commands.choices(language=LANGUAGE_CHOICES)
    async def footnote(
        self,
        interaction: Interaction,
        number: app_commands.Range[str, 1, 50],
        document: app_commands.Range[str, 1, 100] | None = None,
        language: app_commands.Choice[str] | None = None,
    ) -> None:
        fallback = await self.bot.guild_document(interaction)
        locale, wanted = await reader_locales(interaction, language.value if language else None)
        reply = self.answers.footnote(number, document, fallback=fallback, language=wanted, locale=locale)
        await send(interaction, reply)

    @footnote.autocomplete("number")
    async def _footnote_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        fallback = await self.bot.guild_document(interaction)
        document = chosen_document(interaction)
        locale = await interface_locale(interaction)
        return choices(lambda: self.answers.footnote_choices(current, document, fallback=fallback, locale=locale))

    @app_commands.command(description="What States (or another addressee) are asked to do, in plain language")
    @app_commands.describe(addressee="Who: States (default), Secretary-General, … or all", document=DOCUMENT_HELP)
    async def summary(
        self,
        interaction: Interaction,
        addressee: app_commands.Range[str, 1, 100] | None = None,
        document: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        fallback = await self.bot.guild_document(interaction)
        locale = await interface_locale(interaction)
        await send(interaction, self.answers.summary(addressee, document, fallback=fallback, locale=locale))

    @summary.autocomplete("addressee")
    async def _addressee_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        fallback = await self.bot.guild_document(interaction)
        document = chosen_document(interaction)
        locale = await interface_locale(interaction)
        return choices(lambda: self.answers.addressee_choices(current, document, fallback=fallback, locale=locale))

    @app_commands.command(description='Search the library: words or "quoted phrases"')
    @app_commands.describe(
        query='Words or a "quoted phrase", e.g. impunity or "freedom of expression"',
        document="Only this text (default: every text in the library)",
    )
    async def search(
        self,
        interaction: Interaction,
        query: app_commands.Range[str, 1, 200],
        document: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        locale = await interface_locale(interaction)
        await send(interaction, self.answers.search(query, document, locale=locale))

    @paragraph.autocomplete("document")
    @footnote.autocomplete("document")
    @summary.autocomplete("document")
    @search.autocomplete("document")
    async def _document_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return choices(lambda: self.answers.document_choices(current))


async def setup(bot: ResolutionBot) -> None:
    await bot.add_cog(Reading(bot))
