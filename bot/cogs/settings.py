"""/settings: a person's own language, and a server's defaults (citation style, document, language)
for people who manage the server."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.citing import STYLE_CHOICES
from bot.content.cite import DEFAULT_STYLE
from bot.content.errors import UserError
from bot.content.langs import text_language
from bot.content.model import Document
from bot.i18n import LANGUAGE_NAMES, SOURCE_LOCALE, Audience
from bot.i18n.translator import ENDONYM, interaction_locale
from bot.interactions import choices, send
from bot.render import Reply

if TYPE_CHECKING:
    from bot.client import ResolutionBot

Interaction = discord.Interaction["ResolutionBot"]

AUTOMATIC, UNSET = "auto", "unset"
_LANGUAGES = [
    app_commands.Choice(name=app_commands.locale_str(name, **{ENDONYM: True}), value=locale)
    for locale, name in LANGUAGE_NAMES.items()
]
PERSONAL_LANGUAGES = [app_commands.Choice(name="Automatic: my Discord language", value=AUTOMATIC), *_LANGUAGES]
SERVER_LANGUAGES = [app_commands.Choice(name="Not set: English", value=UNSET), *_LANGUAGES]

PERSONAL = frozenset({"language"})
"""Subcommands about the person, not the server: anyone may use them."""


# No default_permissions on the group: Discord sets them per top-level command, and /settings language
# is for everyone. The server's settings are checked at run time instead (interaction_check).
@app_commands.guild_only()
@app_commands.allowed_installs(guilds=True, users=False)
@app_commands.allowed_contexts(guilds=True, dms=False, private_channels=False)
class Settings(
    commands.GroupCog, group_name="settings", group_description="Your language, and this server's defaults for the bot"
):
    def __init__(self, bot: ResolutionBot) -> None:
        self.bot = bot

    async def interaction_check(self, interaction: Interaction) -> bool:  # type: ignore[override]
        if interaction.guild_id is None:
            raise app_commands.NoPrivateMessage()
        command = interaction.command.name if interaction.command else ""
        # Manage Server is what changing a server's settings takes, whatever the default permissions say.
        if command not in PERSONAL and not interaction.permissions.manage_guild:
            # A catalogue id: the error handler (bot.client) says it in the language of whoever asked.
            raise app_commands.CheckFailure("settings-manage-server")
        return True

    def _reply(self, locale: str, message_id: str, **args: object) -> Reply:
        return Reply(content=self.bot.catalogues.format(locale, message_id, **args), ephemeral=True)

    @app_commands.command(name="citation-style", description="The citation style /cite uses here by default")
    @app_commands.describe(style="The default for this server (leave empty to see the current one)")
    @app_commands.choices(style=STYLE_CHOICES)
    async def citation_style(self, interaction: Interaction, style: app_commands.Choice[str] | None = None) -> None:
        assert interaction.guild_id is not None
        locale = await interaction_locale(interaction, self.bot.languages, Audience.PERSON)
        if style is None:
            current = await self.bot.storage.citation_style(interaction.guild_id) or DEFAULT_STYLE
            reply = self._reply(
                locale, "settings-style-current", style=self.bot.catalogues.format(locale, f"choice-style-{current}")
            )
        else:
            await self.bot.storage.set_citation_style(interaction.guild_id, style.value, now=self.bot.clock.now())
            self.bot.kept_styles.forget(interaction.guild_id)
            reply = self._reply(
                locale, "settings-style-set", style=self.bot.catalogues.format(locale, f"choice-style-{style.value}")
            )
        await send(interaction, reply)

    @app_commands.command(
        name="language", description="The language the bot answers you in, everywhere (only you see it)"
    )
    @app_commands.describe(language="Your language (leave empty to see the current one)")
    @app_commands.choices(language=PERSONAL_LANGUAGES)
    async def language(self, interaction: Interaction, language: app_commands.Choice[str] | None = None) -> None:
        if language is not None:
            chosen = None if language.value == AUTOMATIC else language.value
            await self.bot.storage.set_user_language(interaction.user.id, chosen, now=self.bot.clock.now())
            self.bot.kept_user_languages.forget(interaction.user.id)
        else:
            chosen = await self.bot.storage.user_language(interaction.user.id)
        # Answered in the language now in force, so the answer itself shows the choice working.
        locale = await interaction_locale(interaction, self.bot.languages, Audience.PERSON)
        key = "settings-language-chosen" if chosen is not None else "settings-language-auto"
        await send(interaction, self._reply(locale, key, language=LANGUAGE_NAMES[locale]))

    @app_commands.command(
        name="server-language", description="The language of this server's public answers and daily posts"
    )
    @app_commands.describe(language="This server's language (leave empty to see the current one)")
    @app_commands.choices(language=SERVER_LANGUAGES)
    async def server_language(self, interaction: Interaction, language: app_commands.Choice[str] | None = None) -> None:
        assert interaction.guild_id is not None
        if language is not None:
            current = None if language.value == UNSET else language.value
            await self.bot.storage.set_server_language(interaction.guild_id, current, now=self.bot.clock.now())
            self.bot.kept_server_languages.forget(interaction.guild_id)
        else:
            current = await self.bot.storage.server_language(interaction.guild_id)
        locale = await interaction_locale(interaction, self.bot.languages, Audience.PERSON)
        if current is None:
            reply = self._reply(locale, "settings-server-language-unset", language=LANGUAGE_NAMES[SOURCE_LOCALE])
        else:
            reply = self._reply(locale, "settings-server-language-set", language=LANGUAGE_NAMES[current])
        await send(interaction, reply)

    @app_commands.command(name="document", description="The text commands here read and cite when none is named")
    @app_commands.describe(
        document="A symbol, number (78/216), year or name; leave empty to see the current one",
        reset="Go back to the bot's own default",
    )
    async def document(
        self,
        interaction: Interaction,
        document: app_commands.Range[str, 1, 100] | None = None,
        reset: bool = False,
    ) -> None:
        assert interaction.guild_id is not None
        library = self.bot.library
        locale = await interaction_locale(interaction, self.bot.languages, Audience.PERSON)
        if reset:
            await self.bot.storage.set_guild_document(interaction.guild_id, None, now=self.bot.clock.now())
            self.bot.kept_documents.forget(interaction.guild_id)
            reply = self._reply(locale, "set-document-reset", symbol=library.default_symbol)
        elif document is None:
            current = library.document_or_default(await self.bot.storage.guild_document(interaction.guild_id) or "")
            reply = self._reply(locale, "set-document-current", symbol=current.symbol, title=_title(current, locale))
        else:
            try:
                doc = library.entry(document).document
            except UserError as exc:
                await send(interaction, Reply(content=exc.text(locale), ephemeral=True))
                return
            await self.bot.storage.set_guild_document(interaction.guild_id, doc.symbol, now=self.bot.clock.now())
            self.bot.kept_documents.forget(interaction.guild_id)
            reply = self._reply(locale, "set-document-set", symbol=doc.symbol, title=_title(doc, locale))
        await send(interaction, reply)

    @document.autocomplete("document")
    async def _document_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return choices(lambda: self.bot.answers.document_choices(current))


def _title(doc: Document, locale: str) -> str:
    """The document's title in the reader's language where the library holds that version, else its own."""
    language = text_language(locale)
    shown = doc.in_language(language) if language is not None else None
    return (shown or doc).meta.title[:120]


async def setup(bot: ResolutionBot) -> None:
    await bot.add_cog(Settings(bot))
