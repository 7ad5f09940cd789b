"""The one place the daily posts talk to Discord: one message with a nonce, outcomes classified;
the history reads and permission the "did it reach Discord?" check needs (the check itself is
`bot.daily.history`, Discord-free); and the trace that counts every invalid response the process
receives."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from types import SimpleNamespace
from typing import Any

import aiohttp
import discord

from bot.daily.delivery import InvalidRequestGuard, Outcome, SendResult
from bot.daily.history import HistoryRefused, HistoryUnavailable, MessageRecord
from bot.daily.words import Phrase
from bot.render import Reply

log = logging.getLogger(__name__)

UNKNOWN_CHANNEL = 10003
INVALID_STATUSES = frozenset({401, 403, 429})


class DiscordPoster:
    def __init__(self, client: discord.Client) -> None:
        self.client = client

    async def post(self, channel_id: int, reply: Reply, nonce: str) -> SendResult:
        channel = self.client.get_partial_messageable(channel_id)
        try:
            message = await channel.send(
                content=reply.content,
                embeds=list(reply.embeds),
                nonce=nonce,  # discord.py adds enforce_nonce: Discord drops a repeat for a few minutes
                allowed_mentions=discord.AllowedMentions.none(),
            )
        except discord.NotFound as exc:
            if exc.code == UNKNOWN_CHANNEL:
                return SendResult(Outcome.GONE, detail=f"404, code {exc.code}", reason=Phrase("daily-why-gone"))
            return SendResult(Outcome.FAILED, detail=f"404, code {exc.code}", reason=Phrase("daily-why-not-found"))
        except discord.Forbidden as exc:
            return SendResult(
                Outcome.FORBIDDEN,
                detail=f"403, code {exc.code}: {exc.text}"[:200],
                reason=Phrase("daily-why-lost-access"),
            )
        except discord.DiscordServerError as exc:
            # discord.py already retried it; Discord may still have created the message.
            return SendResult(
                Outcome.RETRY,
                detail=f"{exc.status} from Discord",
                reason=Phrase("daily-why-server-problem"),
                uncertain=True,
            )
        except discord.HTTPException as exc:
            if exc.status == 429:
                # The 429 created nothing, but it is only the answer to discord.py's *last* try of this
                # send: a try before it may have got a 500/502/504/524 that Discord had processed
                # (discord.py retries those with the same request). So the outcome is unknown too.
                return SendResult(
                    Outcome.RETRY, detail="429 rate limited", reason=Phrase("daily-why-slow-down"), uncertain=True
                )
            return SendResult(
                Outcome.FAILED,
                detail=f"{exc.status}, code {exc.code}: {exc.text}"[:200],
                reason=Phrase("daily-why-refused-post"),
            )
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            return SendResult(
                Outcome.RETRY,
                detail=f"network: {type(exc).__name__}",
                reason=Phrase("daily-why-unreachable"),
                uncertain=True,
            )
        return SendResult(Outcome.SENT, message_id=message.id)

    def own_id(self) -> int:
        me = self.client.user
        if me is None:
            raise RuntimeError("not logged in")
        return me.id

    async def history_readable(self, channel_id: int, pace: Pace | None = None) -> bool | None:
        """Read Message History in the channel: without it Discord answers a history read with an
        empty list, not 403. From the cache when the channel's server is there; otherwise (another
        shard's server, taken over from a process that went quiet) computed from the channel, the
        server's roles and the bot's member, read over REST, each read after `pace()` (the
        scheduler's pacer: a take-over of many claims must not burst past the global limit).
        None when Discord will not say (it does not show the bot the channel, 403 or 404); a fault
        that passes raises `HistoryUnavailable`, so the check is tried again."""
        channel = self.client.get_channel(channel_id)
        if isinstance(channel, (discord.abc.GuildChannel, discord.Thread)) and channel.guild.me is not None:
            return channel.permissions_for(channel.guild.me).read_message_history
        try:
            return await self._fetch_history_permission(channel_id, pace or _no_pace)
        except (discord.Forbidden, discord.NotFound, KeyError, ValueError) as exc:  # Discord will not say
            log.info("Cannot tell whether I may read the history of channel %s: %s", channel_id, exc)
            return None
        except (discord.HTTPException, aiohttp.ClientError, TimeoutError, OSError) as exc:
            # A fault that passes: "not known" would leave a post not found unsent for good.
            raise HistoryUnavailable(_fault(exc)) from exc

    async def _fetch_history_permission(self, channel_id: int, pace: Pace) -> bool | None:
        http = self.client.http
        me = self.own_id()
        await pace()
        data: Any = await http.get_channel(channel_id)
        if "guild_id" not in data:
            return None  # not a server channel
        if data.get("parent_id") and data.get("type") in THREAD_TYPES:
            await pace()
            data = await http.get_channel(int(data["parent_id"]))  # a thread takes its channel's permissions
        await pace()
        guild: Any = await http.get_guild(int(data["guild_id"]), with_counts=False)
        await pace()
        member: Any = await http.get_member(int(data["guild_id"]), me)
        return channel_permissions(guild, member, data, me).read_message_history

    async def read_history(self, channel_id: int, after: int | None, limit: int) -> list[MessageRecord]:
        """One request: up to `limit` messages after the snowflake `after` (the newest without it), oldest first."""
        channel = self.client.get_partial_messageable(channel_id)
        # With `after`, the messages just after it (discord.py then asks Discord with `after=`);
        # without, the newest (oldest_first would make discord.py start from the channel's first).
        history = (
            channel.history(limit=limit, after=discord.Object(after), oldest_first=True)
            if after is not None
            else channel.history(limit=limit)
        )
        try:
            page = [MessageRecord(message.id, message.author.id, message.content) async for message in history]
        except (discord.Forbidden, discord.NotFound) as exc:
            raise HistoryRefused(f"{exc.status}, code {exc.code}") from exc
        except (discord.HTTPException, aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise HistoryUnavailable(_fault(exc)) from exc
        return sorted(page, key=lambda m: m.id)


THREAD_TYPES = frozenset({10, 11, 12})


def _fault(exc: BaseException) -> str:
    """A passing fault, for the log: Discord's status, or the network error's kind."""
    if isinstance(exc, discord.HTTPException):
        return f"{exc.status} from Discord"
    return f"network: {type(exc).__name__}"


Pace = Callable[[], Awaitable[None]]


async def _no_pace() -> None:
    return None


def channel_permissions(guild: Any, member: Any, channel: Any, user_id: int) -> discord.Permissions:
    """A member's permissions in a server channel from the raw REST objects, as Discord computes
    them: @everyone and the member's roles, administrator, then the channel's overwrites for
    @everyone, for the member's roles, and for the member."""
    guild_id = str(guild["id"])
    if str(guild.get("owner_id")) == str(user_id):
        return discord.Permissions.all()
    roles = {str(r["id"]): int(r["permissions"]) for r in guild["roles"]}
    mine = {str(r) for r in member.get("roles", [])}
    value = roles.get(guild_id, 0)
    for role in mine:
        value |= roles.get(role, 0)
    if discord.Permissions(value).administrator:
        return discord.Permissions.all()
    overwrites = channel.get("permission_overwrites") or []
    for ow in overwrites:
        if str(ow["id"]) == guild_id:
            value = (value & ~int(ow["deny"])) | int(ow["allow"])
    allow = deny = 0
    for ow in overwrites:
        if int(ow["type"]) == 0 and str(ow["id"]) in mine:
            allow |= int(ow["allow"])
            deny |= int(ow["deny"])
    value = (value & ~deny) | allow
    for ow in overwrites:
        if int(ow["type"]) == 1 and str(ow["id"]) == str(user_id):
            value = (value & ~int(ow["deny"])) | int(ow["allow"])
    return discord.Permissions(value)


def invalid_request_trace(guard: InvalidRequestGuard, now: Callable[[], Any]) -> aiohttp.TraceConfig:
    """Counts every 401/403/429 the process receives (discord.py's own 429 retries and
    interaction callbacks included) towards Discord's 10,000-per-10-minutes ban threshold."""

    async def on_request_end(
        session: aiohttp.ClientSession, context: SimpleNamespace, params: aiohttp.TraceRequestEndParams
    ) -> None:
        if params.response.status in INVALID_STATUSES:
            guard.record(now())

    trace = aiohttp.TraceConfig()
    trace.on_request_end.append(on_request_end)
    return trace
