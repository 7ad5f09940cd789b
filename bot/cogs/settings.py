"""/settings citation-style, /settings document: a server's defaults, for people who manage the server."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.citing import STYLE_CHOICES
from bot.content.cite import DEFAULT_STYLE, STYLES
from bot.content.errors import UserError
from bot.interactions import choices, send
from bot.render import Reply

if TYPE_CHECKING:
    from bot.client import ResolutionBot

Interaction = discord.Interaction["ResolutionBot"]


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
@app_commands.allowed_installs(guilds=True, users=False)
@app_commands.allowed_contexts(guilds=True, dms=False, private_channels=False)
class Settings(commands.GroupCog, group_name="settings", group_description="This server's defaults for the bot"):
    def __init__(self, bot: ResolutionBot) -> None:
        self.bot = bot

    async def interaction_check(self, interaction: Interaction) -> bool:  # type: ignore[override]
        # The default permission is only a default that server admins can change: check at run time.
        if interaction.guild_id is None:
            raise app_commands.NoPrivateMessage()
        if not interaction.permissions.manage_guild:
            raise app_commands.CheckFailure("You need the Manage Server permission to change this server's settings.")
        return True

    @app_commands.command(name="citation-style", description="The citation style /cite uses here by default")
    @app_commands.describe(style="The default for this server (leave empty to see the current one)")
    @app_commands.choices(style=STYLE_CHOICES)
    async def citation_style(self, interaction: Interaction, style: app_commands.Choice[str] | None = None) -> None:
        assert interaction.guild_id is not None
        if style is None:
            current = await self.bot.storage.citation_style(interaction.guild_id) or DEFAULT_STYLE
            text = f"Citations in this server default to **{STYLES[current]}**. Pick another with the `style` option."
        else:
            await self.bot.storage.set_citation_style(interaction.guild_id, style.value, now=self.bot.clock.now())
            text = (
                f"Citations in this server now default to **{STYLES[style.value]}**. "
                "Anyone can still choose a style with `/cite … style:`."
            )
        await send(interaction, Reply(content=text, ephemeral=True))

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
        if reset:
            await self.bot.storage.set_guild_document(interaction.guild_id, None, now=self.bot.clock.now())
            text = f"Commands in this server now read **{library.default_symbol}** unless told otherwise."
        elif document is None:
            current = library.document_or_default(await self.bot.storage.guild_document(interaction.guild_id) or "")
            text = (
                f"Commands in this server read **{current.symbol}** ({current.meta.title[:120]}) unless a command "
                "names another text. Pick another with the `document` option; `/library` lists them."
            )
        else:
            try:
                doc = library.entry(document).document
            except UserError as exc:
                await send(interaction, Reply(content=exc.message, ephemeral=True))
                return
            await self.bot.storage.set_guild_document(interaction.guild_id, doc.symbol, now=self.bot.clock.now())
            text = (
                f"Commands in this server now read **{doc.symbol}** ({doc.meta.title[:120]}) by default. "
                "Anyone can still choose another text with a command's `document` option."
            )
        await send(interaction, Reply(content=text, ephemeral=True))

    @document.autocomplete("document")
    async def _document_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return choices(lambda: self.bot.answers.document_choices(current))


async def setup(bot: ResolutionBot) -> None:
    await bot.add_cog(Settings(bot))
