"""/daily set | stop | status | preview | skip — servers only, for people who manage the server or channel."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.content.errors import UserError
from bot.daily.schedule import DEFAULT_TIME, DEFAULT_TIMEZONE, Order, parse_time, parse_timezone, timezone_choices
from bot.interactions import send

if TYPE_CHECKING:
    from bot.client import ResolutionBot

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


def _missing(perms: discord.Permissions, thread: bool) -> list[str]:
    needed = [("view_channel", "View Channel"), ("embed_links", "Embed Links")]
    needed.append(
        ("send_messages_in_threads", "Send Messages in Threads") if thread else ("send_messages", "Send Messages")
    )
    return [label for attr, label in needed if not getattr(perms, attr)]


def check_member(interaction: Interaction, channel: AnyChannel | None) -> None:
    """Manage Server, or Manage Channels on the target channel. Checked on every run:
    the command's default permission is only a default that server admins can change."""
    if interaction.permissions.manage_guild:
        return
    if channel is not None and channel.permissions.manage_channels:
        return
    where = f" on <#{channel.id}>" if channel is not None else ""
    raise UserError(f"You need the Manage Server permission, or Manage Channels{where}, to change daily posts.")


async def check_bot(interaction: Interaction, channel: AnyChannel) -> None:
    """The bot can see the channel, send messages and embed links there; it is a kind it can post in."""
    kind = POSTABLE.get(channel.type)
    if kind is None:
        raise UserError(
            f"<#{channel.id}> is a {channel.type.name.replace('_', ' ')} channel. Daily posts go to a text channel, "
            "an announcement channel or a thread."
        )
    guild = interaction.guild
    assert guild is not None  # guild_only
    target = guild.get_channel_or_thread(channel.id)
    if target is None:
        try:
            fetched = await interaction.client.fetch_channel(channel.id)
        except (discord.Forbidden, discord.NotFound):
            raise UserError(
                f"I can't see <#{channel.id}>. Give me the View Channel permission there "
                "(or add me to the thread) and try again."
            ) from None
        if not isinstance(fetched, (discord.TextChannel, discord.Thread)):
            raise UserError(f"<#{channel.id}> is not a channel I can post in.")
        target = fetched
    me = guild.me
    if me is None:
        raise UserError("I can't check my permissions in this server right now; try again in a minute.")
    is_thread = isinstance(target, discord.Thread)
    perms = target.permissions_for(me)
    missing = _missing(perms, is_thread)
    if missing:
        raise UserError(
            f"I can't post in <#{channel.id}>: I'm missing {', '.join(missing)} there. "
            "Grant them in the channel's settings → Permissions, then run this again."
        )
    if isinstance(target, discord.Thread):
        if target.locked and not perms.manage_threads:
            raise UserError(
                f"<#{channel.id}> is a locked thread, so I can't post in it. Unlock it or pick another channel."
            )
        if target.is_private() and target.me is None and not perms.manage_threads:
            raise UserError(f"<#{channel.id}> is a private thread I'm not in. Add me to it (mention me there) first.")


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
@app_commands.allowed_installs(guilds=True, users=False)
@app_commands.allowed_contexts(guilds=True, dms=False, private_channels=False)
class Daily(commands.GroupCog, group_name="daily", group_description="Post a paragraph of the resolution every day"):
    def __init__(self, bot: ResolutionBot) -> None:
        self.bot = bot
        self.service = bot.daily

    async def interaction_check(self, interaction: Interaction) -> bool:  # type: ignore[override]
        # `guild_only` only hides the command in DMs; a stale client can still send one.
        if interaction.guild_id is None:
            raise app_commands.NoPrivateMessage()
        return True

    @app_commands.command(name="set", description="Post a paragraph every day in a channel (or change its settings)")
    @app_commands.describe(
        channel="A text channel, an announcement channel or a thread",
        time="Local time, 24-hour HH:MM (default 09:00)",
        timezone="IANA time zone, e.g. Europe/Zurich or America/New_York (default UTC)",
        order="Which paragraphs, in what order (default: document order)",
    )
    @app_commands.choices(order=ORDER_CHOICES)
    async def set_(
        self,
        interaction: Interaction,
        channel: AnyChannel,
        time: app_commands.Range[str, 1, 10] | None = None,
        timezone: app_commands.Range[str, 1, 64] | None = None,
        order: app_commands.Choice[str] | None = None,
    ) -> None:
        at = parse_time(time) if time else DEFAULT_TIME
        zone = parse_timezone(timezone or DEFAULT_TIMEZONE)
        check_member(interaction, channel)
        await check_bot(interaction, channel)
        assert interaction.guild_id is not None
        chosen = Order(order.value) if order else Order.DOCUMENT
        reply = await self.service.set(interaction.guild_id, channel.id, at, zone, chosen, self.bot.clock.now())
        await send(interaction, reply)

    @set_.autocomplete("timezone")
    async def _zones(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=n, value=v) for n, v in timezone_choices(current)]

    @app_commands.command(description="Stop the daily posts in a channel")
    @app_commands.describe(channel="Which channel (needed only when several have daily posts)")
    async def stop(self, interaction: Interaction, channel: AnyChannel | None = None) -> None:
        check_member(interaction, channel)
        assert interaction.guild_id is not None
        await send(interaction, await self.service.stop(interaction.guild_id, _id(channel), interaction.channel_id))

    @app_commands.command(description="Show this server's daily posts: when, where, what comes next")
    async def status(self, interaction: Interaction) -> None:
        perms = interaction.permissions
        if not (perms.manage_guild or perms.manage_channels):
            raise UserError("You need the Manage Server or Manage Channels permission to see the daily posts.")
        assert interaction.guild_id is not None
        await send(interaction, await self.service.status(interaction.guild_id))

    @app_commands.command(description="See what the next daily post will look like (only you see it)")
    @app_commands.describe(channel="Which channel (needed only when several have daily posts)")
    async def preview(self, interaction: Interaction, channel: AnyChannel | None = None) -> None:
        check_member(interaction, channel)
        assert interaction.guild_id is not None
        await send(interaction, await self.service.preview(interaction.guild_id, _id(channel), interaction.channel_id))

    @app_commands.command(description="Skip the next paragraph: the following one is posted instead")
    @app_commands.describe(channel="Which channel (needed only when several have daily posts)")
    async def skip(self, interaction: Interaction, channel: AnyChannel | None = None) -> None:
        check_member(interaction, channel)
        assert interaction.guild_id is not None
        await send(interaction, await self.service.skip(interaction.guild_id, _id(channel), interaction.channel_id))


def _id(channel: AnyChannel | None) -> int | None:
    return channel.id if channel is not None else None


async def setup(bot: ResolutionBot) -> None:
    await bot.add_cog(Daily(bot))
