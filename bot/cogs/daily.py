"""/daily set | stop | status | preview | skip — servers only, for people who manage the server or channel."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.content.errors import UserError
from bot.daily.schedule import DEFAULT_TIME, DEFAULT_TIMEZONE, Order, parse_time, parse_timezone, timezone_choices
from bot.daily.words import Phrase, PhraseError
from bot.i18n import Audience
from bot.i18n.translator import interaction_locale
from bot.interactions import ANSWER_TIMEOUT, choices, send

if TYPE_CHECKING:
    from bot.client import ResolutionBot

log = logging.getLogger(__name__)

Interaction = discord.Interaction["ResolutionBot"]
AnyChannel = app_commands.AppCommandChannel | app_commands.AppCommandThread

POSTABLE = {
    discord.ChannelType.text: "a text channel",
    discord.ChannelType.news: "an announcement channel",
    discord.ChannelType.public_thread: "a thread",
    discord.ChannelType.private_thread: "a private thread",
    discord.ChannelType.news_thread: "an announcement thread",
}
ORDER_CHOICES = [app_commands.Choice(name=o.description[:100], value=o.value) for o in Order]


class PostableChannel(app_commands.Transformer):
    """A channel option whose picker Discord filters to the kinds the bot can post in."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.channel

    @property
    def channel_types(self) -> list[discord.ChannelType]:
        return list(POSTABLE)

    async def transform(self, interaction: Interaction, value: AnyChannel) -> AnyChannel:  # type: ignore[override]
        return value


Postable = app_commands.Transform[AnyChannel, PostableChannel]


def _missing(perms: discord.Permissions, thread: bool) -> list[Phrase]:
    """The permissions the bot lacks to post, by the names Discord's settings give them in each language."""
    needed = ["view_channel", "embed_links", "send_messages_in_threads" if thread else "send_messages"]
    return [Phrase(f"daily-perm-{attr.replace('_', '-')}") for attr in needed if not getattr(perms, attr)]


def check_member(interaction: Interaction, channel_id: int | None, there: discord.Permissions | None) -> None:
    """Manage Server, or Manage Channels on the target channel (`there`: the member's permissions
    in it). Checked on every run: the command's default permission is only a default that server
    admins can change."""
    if interaction.permissions.manage_guild:
        return
    if there is not None and there.manage_channels:
        return
    if channel_id is None:
        raise UserError("daily-need-manage")
    raise UserError("daily-need-manage-in", channel=f"<#{channel_id}>")


def _on(channel: AnyChannel | None) -> tuple[int | None, discord.Permissions | None]:
    return (channel.id, channel.permissions) if channel is not None else (None, None)


async def check_bot(interaction: Interaction, channel: AnyChannel) -> discord.Permissions:
    """The bot can see the channel, send messages and embed links there; it is a kind it can post in.
    Returns the bot's permissions there."""
    kind = POSTABLE.get(channel.type)
    if kind is None:
        raise UserError("daily-not-postable", channel=f"<#{channel.id}>", kind=channel.type.name)
    guild = interaction.guild
    assert guild is not None  # guild_only
    target = guild.get_channel_or_thread(channel.id)
    if target is None:
        try:
            fetched = await interaction.client.fetch_channel(channel.id)
        except (discord.Forbidden, discord.NotFound):
            raise UserError("daily-cannot-see", channel=f"<#{channel.id}>") from None
        if not isinstance(fetched, (discord.TextChannel, discord.Thread)):
            raise UserError("daily-not-a-channel", channel=f"<#{channel.id}>")
        target = fetched
    me = guild.me
    if me is None:
        raise UserError("daily-cannot-check")
    is_thread = isinstance(target, discord.Thread)
    perms = target.permissions_for(me)
    missing = _missing(perms, is_thread)
    if missing:
        raise PhraseError("daily-missing-permissions", channel=f"<#{channel.id}>", missing=missing)
    if isinstance(target, discord.Thread):
        if target.locked and not perms.manage_threads:
            raise UserError("daily-locked-thread", channel=f"<#{channel.id}>")
        if target.is_private() and target.me is None and not perms.manage_threads:
            raise UserError("daily-private-thread", channel=f"<#{channel.id}>")
    return perms


def history_readable(guild: discord.Guild | None) -> Callable[[int], bool | None]:
    """Whether the bot may read each channel's history, from the cache (None: not known)."""

    def readable(channel_id: int) -> bool | None:
        channel = guild.get_channel_or_thread(channel_id) if guild else None
        me = guild.me if guild else None
        if channel is None or me is None:
            return None
        return channel.permissions_for(me).read_message_history

    return readable


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
@app_commands.allowed_installs(guilds=True, users=False)
@app_commands.allowed_contexts(guilds=True, dms=False, private_channels=False)
class Daily(commands.GroupCog, group_name="daily", group_description="Post a paragraph of the resolution every day"):
    def __init__(self, bot: ResolutionBot) -> None:
        self.bot = bot
        self.service = bot.daily

    async def _locale(self, interaction: Interaction) -> str:
        """Every /daily reply is the person's own (private) answer: their language."""
        return await interaction_locale(interaction, self.bot.languages, Audience.PERSON)

    async def interaction_check(self, interaction: Interaction) -> bool:  # type: ignore[override]
        # `guild_only` only hides the command in DMs; a stale client can still send one.
        if interaction.guild_id is None:
            raise app_commands.NoPrivateMessage()
        if interaction.type is discord.InteractionType.application_command:
            # Channel lookups and the database can take a while (the scheduler may be busy):
            # answer Discord within its 3 seconds first, privately, then do the work.
            await asyncio.wait_for(interaction.response.defer(ephemeral=True, thinking=True), ANSWER_TIMEOUT)
        return True

    @app_commands.command(name="set", description="Post a paragraph every day in a channel (or change its settings)")
    @app_commands.describe(
        channel="A text channel, an announcement channel or a thread",
        time="Local time, 24-hour HH:MM (default 09:00)",
        timezone="IANA time zone, e.g. Europe/Zurich or America/New_York (default UTC)",
        order="Which paragraphs, in what order (default: document order)",
        document="Which text: a symbol, number, year or name (default: the server's); articles: the Declaration",
    )
    @app_commands.choices(order=ORDER_CHOICES)
    async def set_(
        self,
        interaction: Interaction,
        channel: Postable,
        time: app_commands.Range[str, 1, 10] | None = None,
        timezone: app_commands.Range[str, 1, 64] | None = None,
        order: app_commands.Choice[str] | None = None,
        document: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        at = parse_time(time) if time else DEFAULT_TIME
        zone = parse_timezone(timezone or DEFAULT_TIMEZONE)
        check_member(interaction, *_on(channel))
        perms = await check_bot(interaction, channel)
        assert interaction.guild_id is not None
        chosen = Order(order.value) if order else Order.DOCUMENT
        if document is None and chosen is not Order.ARTICLES:
            document = await self.bot.guild_document(interaction)
        reply = await self.service.set(
            interaction.guild_id,
            channel.id,
            at,
            zone,
            chosen,
            self.bot.scheduler.clock.now(),  # the engine's clock, as the scheduler decides by it
            channel_name=channel.name,
            document=document,
            can_read_history=perms.read_message_history,
            locale=await self._locale(interaction),
        )
        await send(interaction, reply)

    @set_.autocomplete("document")
    async def _documents(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return choices(lambda: self.bot.answers.document_choices(current))

    @set_.autocomplete("timezone")
    async def _zones(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=n, value=v) for n, v in timezone_choices(current)]

    @app_commands.command(description="Stop the daily posts in a channel (deleted channels included)")
    @app_commands.describe(schedule="Which channel's daily posts (start typing; needed when several have them)")
    async def stop(self, interaction: Interaction, schedule: app_commands.Range[str, 1, 100] | None = None) -> None:
        assert interaction.guild_id is not None
        channel_id = _schedule_id(schedule)
        if not interaction.permissions.manage_guild:
            # Manage Channels on the target channel will do; that needs the channel.
            target = await self.service.target(interaction.guild_id, channel_id, interaction.channel_id)
            check_member(interaction, target.channel_id, _member_permissions(interaction, target.channel_id))
        locale = await self._locale(interaction)
        await send(
            interaction,
            await self.service.stop(interaction.guild_id, channel_id, interaction.channel_id, locale=locale),
        )

    @stop.autocomplete("schedule")
    async def _schedules(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        try:
            locale = await self._locale(interaction)
            pairs = await self.service.schedule_choices(interaction.guild_id, current, locale)
        except Exception:
            log.exception("Could not list the schedules of server %s", interaction.guild_id)
            pairs = []
        return choices(lambda: pairs)

    @app_commands.command(description="Show this server's daily posts: when, where, what comes next")
    async def status(self, interaction: Interaction) -> None:
        perms = interaction.permissions
        if not (perms.manage_guild or perms.manage_channels):
            raise UserError("daily-status-need-manage")
        assert interaction.guild_id is not None
        status = await self.service.status(
            interaction.guild_id,
            self.bot.scheduler.clock.now(),
            history_readable=history_readable(interaction.guild),
            locale=await self._locale(interaction),
        )
        await send(interaction, status)

    @app_commands.command(description="See what the next daily post will look like (only you see it)")
    @app_commands.describe(channel="Which channel (needed only when several have daily posts)")
    async def preview(self, interaction: Interaction, channel: Postable | None = None) -> None:
        check_member(interaction, *_on(channel))
        assert interaction.guild_id is not None
        locale = await self._locale(interaction)
        preview = await self.service.preview(interaction.guild_id, _id(channel), interaction.channel_id, locale=locale)
        await send(interaction, preview)

    @app_commands.command(description="Skip the next paragraph: the following one is posted instead")
    @app_commands.describe(channel="Which channel (needed only when several have daily posts)")
    async def skip(self, interaction: Interaction, channel: Postable | None = None) -> None:
        check_member(interaction, *_on(channel))
        assert interaction.guild_id is not None
        locale = await self._locale(interaction)
        skipped = await self.service.skip(interaction.guild_id, _id(channel), interaction.channel_id, locale=locale)
        await send(interaction, skipped)


def _id(channel: AnyChannel | None) -> int | None:
    return channel.id if channel is not None else None


def _schedule_id(typed: str | None) -> int | None:
    """What `/daily stop` was given: an autocompleted channel id, a <#mention>, or nothing."""
    if typed is None or not typed.strip():
        return None
    digits = typed.strip().removeprefix("<#").removesuffix(">")
    if digits.isascii() and digits.isdigit() and len(digits) <= 20:
        return int(digits)
    raise UserError("daily-pick-from-list")


def _member_permissions(interaction: Interaction, channel_id: int) -> discord.Permissions | None:
    """The member's permissions in a channel Discord's cache has (None for a deleted channel)."""
    guild = interaction.guild
    channel = guild.get_channel_or_thread(channel_id) if guild else None
    if channel is None or not isinstance(interaction.user, discord.Member):
        return None
    return channel.permissions_for(interaction.user)


async def setup(bot: ResolutionBot) -> None:
    await bot.add_cog(Daily(bot))
