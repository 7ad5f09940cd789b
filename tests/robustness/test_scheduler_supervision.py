"""The daily scheduler is supervised (issue 13, item 4): an error that stops it, a database error
while it reclaims at start-up included, is logged and the scheduler restarted with backoff, and
its health is there for the metrics and `python -m bot status`.

The bot is the real one, started the way production starts it (setup_hook starts the scheduler),
its HTTP going to FakeDiscord; only the database error is injected, by a wrapper around the real
SQLite storage.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import discord
import pytest

from bot.client import ResolutionBot
from bot.content.library import Library
from bot.daily import regressions
from bot.daily.health import RESTART_CAP, restart_delay
from bot.daily.schedule import Order
from bot.storage.sqlite import SQLiteStorage
from tests.clock import FakeClock
from tests.conftest import START
from tests.fakediscord import BOT_TOKEN, CHANNEL_ID, GUILD_ID, FakeDiscord

UTC = dt.UTC
DUE = dt.datetime(2026, 11, 28, 12, 30, tzinfo=UTC)


class TickingClock(FakeClock):
    """A hand-moved clock whose waits also give the event loop a real moment, so a scheduler that
    runs on its own (as in production) neither blocks the test nor spins it hot."""

    def __init__(self, start: dt.datetime) -> None:
        super().__init__(start)
        self.sleeps: list[float] = []

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        await super().sleep(seconds)
        await asyncio.sleep(0.005)

    async def wait(self, event: asyncio.Event, seconds: float) -> None:
        await super().wait(event, seconds)
        await asyncio.sleep(0.005)


class Faulty:
    """The real storage, except that `method` raises `error` on its first `times` calls (a dropped
    connection, a locked or failing disk)."""

    def __init__(self, storage: SQLiteStorage, method: str, error: Exception, times: int = 1) -> None:
        self._storage = storage
        self._method = method
        self._error = error
        self.left = times

    def __getattr__(self, name: str) -> Any:
        real = getattr(self._storage, name)
        if name != self._method:
            return real

        async def failing(*args: Any, **kwargs: Any) -> Any:
            if self.left > 0:
                self.left -= 1
                raise self._error
            return await real(*args, **kwargs)

        return failing


@dataclass
class Started:
    bot: ResolutionBot
    server: FakeDiscord
    storage: Faulty
    clock: TickingClock

    async def first_post(self, timeout: float = 5.0) -> None:
        path = f"/channels/{CHANNEL_ID}/messages"
        await self.server.wait_for(lambda r: r.method == "POST" and r.path == path, timeout=timeout)


@pytest.fixture
def switches() -> Iterator[set[str]]:
    """Test-only switches that bring an old defect back (bot.daily.regressions), reset after the test."""
    try:
        yield regressions.ACTIVE
    finally:
        regressions.ACTIVE.clear()


@pytest.fixture
async def started(library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AsyncIterator[Started]:
    """A bot with one daily post due now, whose storage fails the first reclaim at start-up."""
    server = FakeDiscord()
    monkeypatch.setattr(discord.http.Route, "BASE", await server.start())
    real = await SQLiteStorage.open(tmp_path / "bot.sqlite3")
    storage = Faulty(real, "reclaim", sqlite3.OperationalError("disk I/O error"))
    clock = TickingClock(START)
    bot = ResolutionBot(library, storage, clock=clock)  # run_scheduler: as in production
    await bot.daily.set(GUILD_ID, CHANNEL_ID, dt.time(12, 30), ZoneInfo("UTC"), Order.DOCUMENT, clock.now())
    clock.set(DUE)
    try:
        yield Started(bot, server, storage, clock)
    finally:
        await bot.close()
        await real.close()
        await server.stop()


async def test_a_database_error_during_reclaim_at_start_up_does_not_stop_the_posts(
    started: Started, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        await started.bot.login(BOT_TOKEN)  # setup_hook starts the scheduler; its reclaim fails once
        await started.first_post()
        async with asyncio.timeout(5):  # the pass that sent it completes
            while started.bot.scheduler.health.passes == 0:
                await asyncio.sleep(0.01)
    assert started.storage.left == 0
    restarts = [
        r for r in caplog.records if "Daily scheduler stopped on an error; restarting it in 1 s" in r.getMessage()
    ]
    assert len(restarts) == 1 and restarts[0].exc_info is not None  # logged, with what went wrong
    health = started.bot.scheduler.health
    assert (health.restarts, health.last_error) == (1, "OperationalError: disk I/O error")
    assert health.state == "running" and health.last_pass is not None


async def test_with_the_old_unsupervised_scheduler_that_error_stops_every_post(
    started: Started, switches: set[str]
) -> None:
    """The switch brings the defect back, and the test above then fails: nothing is posted."""
    switches.add("unsupervised_scheduler")
    await started.bot.login(BOT_TOKEN)
    with pytest.raises(TimeoutError):
        await started.first_post(timeout=1.0)  # the fixed scheduler posts within a few hundredths
    assert started.bot.scheduler.health.state == "stopped"


async def test_restarts_back_off_and_start_short_again_once_a_restart_worked(
    library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    server = FakeDiscord()
    monkeypatch.setattr(discord.http.Route, "BASE", await server.start())
    real = await SQLiteStorage.open(tmp_path / "bot.sqlite3")
    storage = Faulty(real, "reclaim", ConnectionResetError("connection lost"), times=4)
    clock = TickingClock(START)
    bot = ResolutionBot(library, storage, clock=clock)
    try:
        await bot.login(BOT_TOKEN)
        async with asyncio.timeout(5):
            while bot.scheduler.health.passes == 0:
                await asyncio.sleep(0.01)
        assert clock.sleeps[:4] == [1.0, 2.0, 4.0, 8.0]
        assert bot.scheduler.health.restarts == 4
    finally:
        await bot.close()
        await real.close()
        await server.stop()
    assert [restart_delay(n) for n in (1, 2, 3, 20)] == [1.0, 2.0, 4.0, RESTART_CAP]
