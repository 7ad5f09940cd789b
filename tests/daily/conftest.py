"""The daily-post rig: a real SQLite file, a hand-moved clock, and a Discord boundary that behaves like Discord."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.config import DailySettings
from bot.content.library import Library
from bot.daily.delivery import Outcome, Pacer, Scheduler, SendResult
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


@dataclass
class Channel:
    """What a Discord channel would hold: messages, a repeated nonce dropped only within a few minutes."""

    clock: FakeClock
    messages: list[tuple[int, str, Reply]] = field(default_factory=list)
    sent_at: dict[str, tuple[dt.datetime, int]] = field(default_factory=dict)

    def add(self, nonce: str, reply: Reply) -> int:
        seen = self.sent_at.get(nonce)
        if seen is not None and self.clock.now() - seen[0] < NONCE_WINDOW:
            return seen[1]
        self.messages.append((len(self.messages) + 1, nonce, reply))
        self.sent_at[nonce] = (self.clock.now(), len(self.messages))
        return len(self.messages)


@dataclass
class RecordingPoster:
    """The Discord boundary: records posts; can fail, or die before or after Discord has the message."""

    clock: FakeClock
    channels: dict[int, Channel] = field(default_factory=dict)
    outcomes: list[SendResult] = field(default_factory=list)  # forced outcomes, consumed in order
    die: str | None = None  # "before" or "after" the message reaches Discord
    accept_then_fail: SendResult | None = None  # Discord creates the message, then answers with an error
    attempts: int = 0

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

    async def find_post(self, channel_id: int, marker: str) -> int | None:
        for message_id, _, reply in self.channel(channel_id).messages:
            if (reply.content or "").startswith(marker):
                return message_id
        return None


@dataclass
class Rig:
    storage: SQLiteStorage
    clock: FakeClock
    poster: RecordingPoster
    scheduler: Scheduler
    service: DailyService
    path: Path

    def posts(self, channel: int = CHANNEL) -> list[Reply]:
        return [reply for _, _, reply in self.poster.channel(channel).messages]


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
