"""A simulated Discord that behaves like Discord, and the slice of discord.py the bot's poster uses.

Server side (`SimDiscord`), in true time, surviving the death of any client:
- `enforce_nonce` drops a repeated nonce only within `nonce_window` (a few minutes), then posts again;
- history (`GET /channels/{id}/messages`) is empty without Read Message History, never a 403,
  and comes in pages of at most 100, newest first unless `after=` is given;
- 429 with `retry_after`, 5xx answers (some after the message was created), and requests that
  are accepted but whose answer is lost (the message exists; the caller sees a reset or nothing);
- channels deleted (404, code 10003) and permissions taken away (403, code 50013);
- other members talk in the channels, so the bot's post scrolls out of the last page.

Client side (`SimClient`), inside a process: what discord.py's HTTP client does with those answers
(retries 500/502/504 up to five tries with 1 + 2·tries s between, sleeps through 429s), raising
discord.py's real exceptions, so the bot's real `DiscordPoster` classifies them.
"""

from __future__ import annotations

import asyncio
import contextvars
import datetime as dt
import functools
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import aiohttp
import discord
from discord.utils import time_snowflake

from tests.simulation.history import History
from tests.simulation.loop import SimLoop

BOT_ID = 4242
MEMBER_ID = 99
NONCE_WINDOW = dt.timedelta(minutes=5)
PAGE = 100
SERVER = contextvars.Context()  # Discord's own work runs in no process: killing a client never stops it


@dataclass
class Message:
    id: int
    channel_id: int
    author: int
    content: str
    nonce: str | None
    at: dt.datetime


@dataclass
class Channel:
    id: int
    guild_id: int
    exists: bool = True
    can_send: bool = True
    can_read: bool = True
    messages: list[Message] = field(default_factory=list)
    nonces: dict[str, tuple[dt.datetime, int]] = field(default_factory=dict)


@dataclass
class Flakiness:
    """How often Discord misbehaves, per request (drawn from the seed)."""

    rate_limited: float = 0.0  # 429 with retry_after
    server_error: float = 0.0  # 500/502/503/504, half of them after the message was created
    lost_answer: float = 0.0  # accepted, the answer never arrives (reset or silence)
    lost_request: float = 0.0  # the connection fails before Discord sees it

    @classmethod
    def calm(cls) -> Flakiness:
        return cls()


class SimDiscord:
    def __init__(self, loop: SimLoop, rng: random.Random, history: History, nonce_window: dt.timedelta) -> None:
        self.loop = loop
        self.rng = rng
        self.history = history
        self.nonce_window = nonce_window
        self.channels: dict[int, Channel] = {}
        self.flaky = Flakiness.calm()
        self._last_id = 0

    def add_channel(self, channel_id: int, guild_id: int) -> Channel:
        self.channels[channel_id] = Channel(channel_id, guild_id)
        return self.channels[channel_id]

    def _snowflake(self) -> int:
        sid = max(time_snowflake(self.loop.wall()), self._last_id + 1)
        self._last_id = sid
        return sid

    def chatter(self, channel_id: int, count: int) -> None:
        """Members post `count` messages now."""
        channel = self.channels[channel_id]
        for _ in range(count):
            channel.messages.append(Message(self._snowflake(), channel_id, MEMBER_ID, "chat", None, self.loop.wall()))

    # -- requests (server side, at the moment they reach Discord) -----------

    def create_message(self, channel_id: int, content: str, nonce: str, sender: str) -> tuple[int, dict[str, Any]]:
        channel = self.channels.get(channel_id)
        if channel is None or not channel.exists:
            return 404, {"code": 10003, "message": "Unknown Channel"}
        if not channel.can_send:
            return 403, {"code": 50013, "message": "Missing Permissions"}
        now = self.loop.wall()
        seen = channel.nonces.get(nonce)
        if seen is not None and now - seen[0] < self.nonce_window:
            self.history.add("discord", f"nonce {nonce} seen {_ago(now - seen[0])}: message {seen[1]} returned again")
            return 200, {"id": seen[1]}
        message = Message(self._snowflake(), channel_id, BOT_ID, content, nonce, now)
        channel.messages.append(message)
        channel.nonces[nonce] = (now, message.id)
        self.history.post(message, sender)
        return 200, {"id": message.id}

    def read_history(
        self, channel_id: int, limit: int, before: int | None, after: int | None
    ) -> tuple[int, dict[str, Any] | list[Message]]:
        channel = self.channels.get(channel_id)
        if channel is None or not channel.exists:
            return 404, {"code": 10003, "message": "Unknown Channel"}
        if not channel.can_read:
            return 200, []  # Discord's answer without Read Message History: nothing, not a 403
        limit = max(1, min(PAGE, limit))
        if after is not None:
            newer = [m for m in channel.messages if m.id > after and (before is None or m.id < before)]
            return 200, list(reversed(newer[:limit]))  # Discord returns newest first even with after=
        older = [m for m in channel.messages if before is None or m.id < before]
        return 200, list(reversed(older[-limit:]))


def _ago(delta: dt.timedelta) -> str:
    return f"{delta.total_seconds():.0f} s ago"


class _Response:
    """What discord.py's exceptions read from an aiohttp response."""

    def __init__(self, status: int) -> None:
        self.status = status
        self.reason = {403: "Forbidden", 404: "Not Found", 429: "Too Many Requests"}.get(status, "Server Error")


class SimClient:
    """The part of `discord.Client` the poster uses, for one process, over the simulated network."""

    def __init__(self, discord_: SimDiscord, owner: str, on_send: Callable[[str, int, str], Awaitable[None]]) -> None:
        self.discord = discord_
        self.owner = owner
        self.user = SimpleNamespace(id=BOT_ID)
        self.on_send = on_send  # told (owner, channel, nonce) as the bytes of a post leave

        self.http = SimHTTP(self)

    def get_partial_messageable(self, channel_id: int) -> SimMessageable:
        return SimMessageable(self, channel_id)

    def get_channel(self, channel_id: int) -> None:
        """No gateway cache here: the poster reads permissions over REST, as for another shard's server."""
        return None

    async def request(
        self, call: Callable[[], tuple[int, Any]], before_each: Callable[[], Awaitable[None]] | None = None
    ) -> Any:
        """One REST call with discord.py's retries; the call runs at Discord when the request arrives."""
        data: Any = None
        status = 0
        for tries in range(5):
            if before_each is not None:
                await before_each()
            status, data = await self._once(call)
            if status == 429:
                retry_after = data["retry_after"]
                await asyncio.sleep(retry_after)
                continue
            if status in (500, 502, 504, 524):
                await asyncio.sleep(1 + tries * 2)
                continue
            if status < 300:
                return data
            break
        response = _Response(status)
        if status == 403:
            raise discord.Forbidden(response, data)
        if status == 404:
            raise discord.NotFound(response, data)
        if status >= 500:
            raise discord.DiscordServerError(response, data)
        raise discord.HTTPException(response, data)

    async def _once(self, call: Callable[[], tuple[int, Any]]) -> tuple[int, Any]:
        sim = self.discord
        loop = sim.loop
        rng = sim.rng
        flaky = sim.flaky
        future: asyncio.Future[tuple[int, Any]] = loop.create_future()
        there = 0.01 + rng.random() * 0.05
        back = 0.01 + rng.random() * 0.05
        roll = rng.random()
        fate = "ok"
        if roll < flaky.lost_request:
            fate = "lost_request"
        elif roll < flaky.lost_request + flaky.rate_limited:
            fate = "429"
        elif roll < flaky.lost_request + flaky.rate_limited + flaky.server_error:
            fate = rng.choice(("5xx_before", "5xx_after"))
        elif roll < flaky.lost_request + flaky.rate_limited + flaky.server_error + flaky.lost_answer:
            fate = rng.choice(("lost_answer_reset", "lost_answer_silent"))
        retry_after = round(0.5 + rng.random() * 5, 3)
        status_5xx = rng.choice((500, 502, 503, 504))

        def settle(result: tuple[int, Any] | BaseException) -> None:
            if future.done():
                return
            if isinstance(result, BaseException):
                future.set_exception(result)
            else:
                future.set_result(result)

        def arrive() -> None:
            if fate == "429":
                answer: tuple[int, Any] = (429, {"retry_after": retry_after, "global": False})
            elif fate == "5xx_before":
                answer = (status_5xx, {"message": "Server Error", "code": 0})
            else:
                answer = call()
                if fate == "5xx_after":
                    answer = (status_5xx, {"message": "Server Error", "code": 0})
            if fate == "lost_answer_silent":
                sim.history.add("discord", "answer lost on the way back (the caller hears nothing)")
                return
            if fate == "lost_answer_reset":
                sim.history.add("discord", "answer lost on the way back (connection reset)")
                loop.call_later(back, settle, aiohttp.ServerDisconnectedError(), context=SERVER)
                return
            loop.call_later(back, settle, answer, context=SERVER)

        if fate == "lost_request":
            loop.call_later(there, settle, aiohttp.ClientConnectionError("connection reset"), context=SERVER)
        else:
            loop.call_later(there, arrive, context=SERVER)
        return await future


VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
READ_MESSAGE_HISTORY = 1 << 16


class SimHTTP:
    """The raw REST reads `DiscordPoster` uses to work out its permissions in a channel."""

    def __init__(self, client: SimClient) -> None:
        self.client = client

    def _channel(self, channel_id: int) -> tuple[int, Any]:
        channel = self.client.discord.channels.get(channel_id)
        if channel is None or not channel.exists:
            return 404, {"code": 10003, "message": "Unknown Channel"}
        deny = (0 if channel.can_read else READ_MESSAGE_HISTORY) | (0 if channel.can_send else SEND_MESSAGES)
        overwrite = {"id": str(channel.guild_id), "type": 0, "allow": "0", "deny": str(deny)}
        return 200, {
            "id": str(channel.id),
            "guild_id": str(channel.guild_id),
            "type": 0,
            "permission_overwrites": [overwrite],
        }

    async def get_channel(self, channel_id: int) -> Any:
        return await self.client.request(lambda: self._channel(channel_id))

    async def get_guild(self, guild_id: int, *, with_counts: bool = True) -> Any:
        everyone = {"id": str(guild_id), "permissions": str(VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY)}
        return await self.client.request(lambda: (200, {"id": str(guild_id), "owner_id": "1", "roles": [everyone]}))

    async def get_member(self, guild_id: int, user_id: int) -> Any:
        return await self.client.request(lambda: (200, {"user": {"id": str(user_id)}, "roles": []}))


class SimMessageable:
    def __init__(self, client: SimClient, channel_id: int) -> None:
        self.client = client
        self.id = channel_id

    async def send(self, *, content: str | None = None, nonce: str, **_: Any) -> Any:
        client = self.client
        data = await client.request(
            lambda: client.discord.create_message(self.id, content or "", nonce, client.owner),
            before_each=lambda: client.on_send(client.owner, self.id, nonce),
        )
        return SimpleNamespace(id=data["id"])

    async def history(
        self,
        *,
        limit: int | None = 100,
        before: Any = None,
        after: Any = None,
        oldest_first: bool | None = None,
    ) -> AsyncIterator[Any]:
        """discord.py's `history`: pages of 100; with `after=`, oldest first."""
        client = self.client
        before_id = _id(before)
        after_id = _id(after)
        if oldest_first is None:
            oldest_first = after_id is not None
        left = limit
        while left is None or left > 0:
            size = PAGE if left is None else min(PAGE, left)
            page = await client.request(
                functools.partial(client.discord.read_history, self.id, size, before_id, after_id)
            )
            if not page:
                return
            if oldest_first:
                page = list(reversed(page))
            for message in page:
                yield SimpleNamespace(id=message.id, author=SimpleNamespace(id=message.author), content=message.content)
            if left is not None:
                left -= len(page)
            if len(page) < size:
                return
            if oldest_first and after_id is not None:
                after_id = page[-1].id
            else:
                before_id = page[-1].id


def _id(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return time_snowflake(value, high=False)
    return int(getattr(value, "id", value))
