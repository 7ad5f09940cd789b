"""The daily-post rig: a real SQLite file, a hand-moved clock, and a Discord boundary that behaves like Discord."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.config import DailySettings
from bot.content.library import Library
from bot.daily.delivery import Outcome, Pacer, Scheduler, SendResult
from bot.daily.history import MessageRecord, time_snowflake
from bot.daily.schedule import Order
from bot.daily.service import DailyService
from bot.render import Reply
from bot.storage.sqlite import SQLiteStorage
from tests.clock import FakeClock

UTC = dt.UTC
BERLIN = ZoneInfo("Europe/Berlin")
CHANNEL, GUILD = 555, 777


class Killed(BaseException):
    """The process dies here (not an Exception: nothing in the bot may swallow it)."""


NONCE_WINDOW = dt.timedelta(minutes=5)  # Discord: "a few minutes"; after that the same nonce posts again
BOT_USER = 4242  # the bot's own user id in this rig
OTHER_USER = 4343
PAGE_MAX = 100  # Discord's largest page of history


@dataclass(frozen=True)
class Message:
    id: int  # a snowflake made from the rig's clock, as Discord's carry their creation time
    author_id: int
    content: str
    nonce: str | None = None
    reply: Reply | None = None


@dataclass
class Channel:
    """What a Discord channel would hold and how it answers: a repeated nonce dropped only within a
    few minutes; history read newest first, at most 100 a page, with `after`/`before`, and an
    empty list (not 403) without Read Message History."""

    clock: FakeClock
    messages: list[Message] = field(default_factory=list)
    sent_at: dict[str, tuple[dt.datetime, int]] = field(default_factory=dict)
    readable: bool = True  # the bot's Read Message History permission here
    history_reads: int = 0

    def _new_id(self) -> int:
        stamp = time_snowflake(self.clock.now())
        last = self.messages[-1].id if self.messages else 0
        return max(stamp, last + 1)

    def add(self, nonce: str, reply: Reply, author_id: int = BOT_USER) -> int:
        seen = self.sent_at.get(nonce)
        if seen is not None and self.clock.now() - seen[0] < NONCE_WINDOW:
            return seen[1]
        message = Message(self._new_id(), author_id, reply.content or "", nonce, reply)
        self.messages.append(message)
        self.sent_at[nonce] = (self.clock.now(), message.id)
        return message.id

    def chat(self, count: int, content: str = "hello") -> None:
        """`count` messages from someone else: a busy channel."""
        for _ in range(count):
            self.messages.append(Message(self._new_id(), OTHER_USER, content))

    def history(self, *, after: int | None = None, before: int | None = None, limit: int = 50) -> list[Message]:
        """GET /channels/{id}/messages as Discord answers it: newest first (the `limit` messages
        just after `after`, if given), empty without the permission."""
        self.history_reads += 1
        if not self.readable:
            return []
        limit = max(1, min(PAGE_MAX, limit))
        found = [m for m in self.messages if (after is None or m.id > after) and (before is None or m.id < before)]
        page = found[:limit] if after is not None and before is None else found[-limit:]
        return sorted(page, key=lambda m: m.id, reverse=True)


@dataclass
class RecordingPoster:
    """The Discord boundary: records posts; can fail, or die before or after Discord has the message."""

    clock: FakeClock
    channels: dict[int, Channel] = field(default_factory=dict)
    outcomes: list[SendResult] = field(default_factory=list)  # forced outcomes, consumed in order
    die: str | None = None  # "before" or "after" the message reaches Discord
    accept_then_fail: SendResult | None = None  # Discord creates the message, then answers with an error
    attempts: int = 0
    permission_known: bool = True  # False: the bot's permissions are not in the cache (history_readable → None)

    def channel(self, channel_id: int) -> Channel:
        return self.channels.setdefault(channel_id, Channel(self.clock))

    async def post(self, channel_id: int, reply: Reply, nonce: str) -> SendResult:
        self.attempts += 1
        await asyncio.sleep(0)
        if self.die == "before":
            self.die = None
            raise Killed
        if self.outcomes:
            forced = self.outcomes.pop(0)
            if forced.outcome is not Outcome.SENT:
                return forced
        message_id = self.channel(channel_id).add(nonce, reply)
        if self.accept_then_fail is not None:
            failed, self.accept_then_fail = self.accept_then_fail, None
            return failed
        if self.die == "after":
            self.die = None
            raise Killed
        return SendResult(Outcome.SENT, message_id=message_id)

    def own_id(self) -> int:
        return BOT_USER

    async def history_readable(self, channel_id: int, pace: Callable[[], Awaitable[None]] | None = None) -> bool | None:
        return self.channel(channel_id).readable if self.permission_known else None

    async def read_history(self, channel_id: int, after: int | None, limit: int) -> list[MessageRecord]:
        await asyncio.sleep(0)
        page = self.channel(channel_id).history(after=after, limit=limit)
        return [MessageRecord(m.id, m.author_id, m.content) for m in reversed(page)]


@dataclass
class Rig:
    storage: SQLiteStorage
    clock: FakeClock
    poster: RecordingPoster
    scheduler: Scheduler
    service: DailyService
    path: Path

    def posts(self, channel: int = CHANNEL) -> list[Reply]:
        """What the bot posted in the channel, as Discord holds it."""
        return [m.reply for m in self.poster.channel(channel).messages if m.author_id == BOT_USER and m.reply]


def make_scheduler(
    storage: SQLiteStorage, library: Library, poster: RecordingPoster, clock: FakeClock, **kw: object
) -> Scheduler:
    return Scheduler(storage, library, poster, clock=clock, pacer=Pacer(1e6), **kw)  # type: ignore[arg-type]


@pytest.fixture
async def rig(tmp_path: Path, library: Library) -> AsyncIterator[Rig]:
    path = tmp_path / "daily.sqlite3"
    storage = await SQLiteStorage.open(path)
    clock = FakeClock(dt.datetime(2026, 11, 28, 6, 0, tzinfo=UTC))  # 07:00 in Berlin
    poster = RecordingPoster(clock)
    scheduler = make_scheduler(storage, library, poster, clock)
    service = DailyService(storage, library, DailySettings(), wake=scheduler.wake)
    try:
        yield Rig(storage, clock, poster, scheduler, service, path)
    finally:
        await storage.close()


async def subscribe(rig: Rig, at: dt.time = dt.time(9), zone: ZoneInfo = BERLIN, order: Order = Order.DOCUMENT) -> None:
    await rig.service.set(GUILD, CHANNEL, at, zone, order, rig.clock.now())
