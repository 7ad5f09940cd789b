"""/compare and /trace: what changed between two resolutions, and since when the Assembly says something.

The answers come from bot/compare_render.py, imported by each command and button when first used:
with the comparison engine it is about 10 ms of start-up, and the bot imports it in its warm-up
thread once ready (ResolutionBot.warm), so the first /compare rarely waits. Their buttons are `DynamicItem`s whose
custom_id holds the page to show, so they work on messages of any age and after a restart,
like the reading commands' buttons (bot/interactions.py).

Every answer is worded in the language of whoever asked or clicked (`Audience.PERSON`); a page
posted to the channel with "Post to channel" speaks for the server (`Audience.SERVER`).
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.content.errors import UserError
from bot.i18n import Audience, say
from bot.i18n.translator import interaction_locale
from bot.interactions import ANSWER_TIMEOUT, FOLLOW_UP_TIMEOUT, NONE, choices
from bot.render import Reply, error_reply

if TYPE_CHECKING:
    from bot import compare_render
    from bot.client import ResolutionBot

log = logging.getLogger(__name__)

Interaction = discord.Interaction["ResolutionBot"]
PART_CHOICES = [
    app_commands.Choice(name="Preamble", value="preamble"),
    app_commands.Choice(name="Operative part", value="operative"),
]


class PageButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=r"rbx:(?P<action>go|jump|post):(?P<owner>\d+):(?P<source>.+)",
):
    """`rbx:<action>:<owner>:<source>`: `go` and `jump` move the owner's reply (anyone else gets a
    private copy); `post` shares a private copy publicly."""

    def __init__(self, action: str, source: str, owner: int, label: str = "", *, emoji: str | None = None) -> None:
        super().__init__(
            discord.ui.Button(
                label=label or None,
                emoji=emoji,
                style=discord.ButtonStyle.secondary,
                custom_id=f"rbx:{action}:{owner}:{source}",
            )
        )
        self.action = action
        self.source = source
        self.owner = owner

    @classmethod
    async def from_custom_id(  # type: ignore[override]
        cls, interaction: Interaction, item: discord.ui.Button[discord.ui.View], match: re.Match[str]
    ) -> PageButton:
        return cls(match["action"], match["source"], int(match["owner"]), item.label or "")

    async def callback(self, interaction: Interaction) -> None:  # type: ignore[override]
        from bot import compare_render  # on first use (see the note at the top)

        languages = interaction.client.languages
        locale = await interaction_locale(interaction, languages, Audience.PERSON)
        try:
            if self.action == "post":  # a public copy: it speaks for the server
                server = await interaction_locale(interaction, languages, Audience.SERVER)
                answer = compare_render.replay(interaction.client.library, self.source, server)
            else:
                answer = compare_render.replay(interaction.client.library, self.source, locale)
            if self.action != "post" and interaction.user.id == self.owner:
                await edit(interaction, answer, owner=self.owner)
            else:
                private = Reply(answer.reply.content, answer.reply.embeds, ephemeral=self.action != "post")
                copy = compare_render.Answer(private, answer.pages, answer.locale)
                await send(interaction, copy, owner=interaction.user.id)
        except UserError as exc:
            interaction.extras["outcome"] = "refused"
            await send(interaction, compare_render.Answer(error_reply(exc.text(locale))))
        except discord.HTTPException as exc:
            log.warning("Compare button: Discord refused the answer (HTTP %s)", exc.status)
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("Compare button: the answer did not reach Discord (%s)", type(exc).__name__)


def build_view(answer: compare_render.Answer, owner: int) -> discord.ui.View | None:
    pages = answer.pages
    if pages is None:
        return None
    locale = answer.locale
    view = discord.ui.View(timeout=None)
    if pages.previous or pages.next:
        previous, more = say(locale, "cmp-previous"), say(locale, "cmp-more")
        view.add_item(
            PageButton("go", pages.previous, owner, previous, emoji="◀")
            if pages.previous
            else _disabled(previous, "◀", "prev")
        )
        view.add_item(
            PageButton("go", pages.next, owner, more, emoji="⏬") if pages.next else _disabled(more, "⏬", "more")
        )
    for label, target in pages.jumps:
        view.add_item(PageButton("jump", target, owner, label))
    if pages.link:
        official = say(locale, "cmp-official-text")
        view.add_item(discord.ui.Button(label=official, url=pages.link, style=discord.ButtonStyle.link))
    if answer.reply.ephemeral and pages.current:
        view.add_item(PageButton("post", pages.current, owner, say(locale, "cmp-post")))
    for item in list(view.children):  # a custom_id over Discord's limit would make the whole message fail
        if len(getattr(item, "custom_id", None) or "") > 100:
            view.remove_item(item)
    view.stop()  # nothing kept in memory: the dynamic items answer every click
    return view if view.children else None


def _disabled(label: str, emoji: str, key: str) -> discord.ui.Button[discord.ui.View]:
    return discord.ui.Button(
        label=label, emoji=emoji, style=discord.ButtonStyle.secondary, disabled=True, custom_id=f"rbx:end:{key}"
    )


def _kwargs(answer: compare_render.Answer, owner: int) -> dict[str, Any]:
    reply = answer.reply
    kwargs: dict[str, Any] = {"content": reply.content, "embeds": list(reply.embeds), "allowed_mentions": NONE}
    view = build_view(answer, owner)
    if view is not None:
        kwargs["view"] = view
    return kwargs


async def send(interaction: Interaction, answer: compare_render.Answer, *, owner: int | None = None) -> None:
    kwargs = _kwargs(answer, interaction.user.id if owner is None else owner)
    ephemeral = answer.reply.ephemeral
    if interaction.response.is_done():
        await asyncio.wait_for(interaction.followup.send(ephemeral=ephemeral, **kwargs), FOLLOW_UP_TIMEOUT)
    else:
        await asyncio.wait_for(interaction.response.send_message(ephemeral=ephemeral, **kwargs), ANSWER_TIMEOUT)


async def refuse(interaction: Interaction, exc: UserError, locale: str) -> None:
    """A request that cannot be answered as asked: why, privately, in the asker's language (the
    tree's error handler would say it too; answering here keeps the words with the command)."""
    from bot import compare_render  # on first use (see the note at the top)

    interaction.extras["outcome"] = "refused"
    await send(interaction, compare_render.Answer(error_reply(exc.text(locale))))


async def edit(interaction: Interaction, answer: compare_render.Answer, *, owner: int) -> None:
    kwargs = _kwargs(answer, owner)
    kwargs.setdefault("view", discord.ui.View())
    await asyncio.wait_for(interaction.response.edit_message(**kwargs), ANSWER_TIMEOUT)


class Compare(commands.Cog):
    def __init__(self, bot: ResolutionBot) -> None:
        self.bot = bot
        self.library = bot.library

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(PageButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(PageButton)

    @app_commands.command(description="What changed between two resolutions: paragraphs paired by text, with redlines")
    @app_commands.describe(
        from_="The earlier resolution, e.g. 76/174",
        to="The later resolution, e.g. 78/216",
        part="Only the preamble or the operative part",
        paragraph="One paragraph of the later text, e.g. op 5 (or of the earlier: 76/174 op 5)",
    )
    @app_commands.rename(from_="from")
    @app_commands.choices(part=PART_CHOICES)
    async def compare(
        self,
        interaction: Interaction,
        from_: app_commands.Range[str, 1, 100],
        to: app_commands.Range[str, 1, 100],
        part: app_commands.Choice[str] | None = None,
        paragraph: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        from bot import compare_render  # on first use (see the note at the top)

        locale = await interaction_locale(interaction, self.bot.languages, Audience.PERSON)
        try:
            if paragraph:
                answer = compare_render.paragraph_answer(self.library, from_, to, paragraph, locale)
            else:
                kept = part.value if part else None
                answer = compare_render.compare_answer(self.library, from_, to, kept, locale=locale)
        except UserError as exc:
            await refuse(interaction, exc, locale)
            return
        await send(interaction, answer)

    @compare.autocomplete("from_")
    @compare.autocomplete("to")
    async def _document_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        from bot import compare_render  # on first use (see the note at the top)

        return choices(lambda: compare_render.document_choices(self.library, current))

    @compare.autocomplete("paragraph")
    async def _paragraph_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        from bot import compare_render  # on first use (see the note at the top)

        later = getattr(interaction.namespace, "to", None)
        return choices(lambda: compare_render.paragraph_choices(self.library, later, current))

    @app_commands.command(
        description="Since when does the Assembly say this? A phrase or a paragraph through the library"
    )
    @app_commands.describe(text="Words to trace, or a paragraph such as 78/216 op 5")
    async def trace(self, interaction: Interaction, text: app_commands.Range[str, 1, 1000]) -> None:
        from bot import compare_render  # on first use (see the note at the top)

        locale = await interaction_locale(interaction, self.bot.languages, Audience.PERSON)
        try:
            answer = compare_render.trace_answer(self.library, text, locale=locale)
        except UserError as exc:
            await refuse(interaction, exc, locale)
            return
        await send(interaction, answer)

    @trace.autocomplete("text")
    async def _trace_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        from bot import compare_render  # on first use (see the note at the top)

        locale = await interaction_locale(interaction, self.bot.languages, Audience.PERSON)
        return choices(lambda: compare_render.trace_choices(self.library, current, locale))


async def setup(bot: ResolutionBot) -> None:
    await bot.add_cog(Compare(bot))
