"""Stable identity (issue 13, item 6): a process is its instance name and its shards, the same
after a restart, so it takes back at once the posts its predecessor died sending; and two live
processes never share one identity."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import discord
import pytest

from bot import instances
from bot.__main__ import main
from bot.client import ResolutionBot
from bot.config import Settings, Shards
from bot.content.library import Library
from bot.daily import regressions
from bot.daily.schedule import Order
from bot.instances import HEARTBEAT, STALE_AFTER, DuplicateInstance, InstanceRegistry, identity
from bot.storage import DeliveryState, Instance
from bot.storage.sqlite import SQLiteStorage
from tests.clock import FakeClock
from tests.conftest import FIXTURE_DOC, START
from tests.fakediscord import BOT_TOKEN, CHANNEL_ID, GUILD_ID, Answer, FakeDiscord, Recorded, message_payload
from tests.robustness.test_scheduler_supervision import TickingClock

UTC = dt.UTC
DUE = dt.datetime(2026, 11, 28, 12, 30, tzinfo=UTC)
LEASE = dt.timedelta(minutes=2)  # the default claim lease


@pytest.fixture
def switches() -> Iterator[set[str]]:
    try:
        yield regressions.ACTIVE
    finally:
        regressions.ACTIVE.clear()


def test_the_identity_is_the_instance_name_and_the_shards() -> None:
    settings = Settings("test", (), None, 0, shards=Shards(8, (0, 1, 2, 3)), instance_name="bot-a")
    assert identity(settings, {}, lambda: "host-a") == "bot-a shards 0-3 of 8"
    assert identity(settings, {"RESOLUTION_BOT_INSTANCE": "blue"}, lambda: "host-a") == "blue shards 0-3 of 8"
    assert identity(Settings("test", (), None, 0), {}, lambda: "host-a") == "host-a all shards"


async def test_a_restarted_process_takes_back_the_post_its_predecessor_died_sending(
    library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The first process is killed while Discord has not answered its post; the next one, started
    from the same configuration 10 s later, sends it at once (after reading the channel's history)
    instead of waiting out the claim's two-minute lease."""
    monkeypatch.delenv("RESOLUTION_BOT_INSTANCE", raising=False)
    settings = Settings("test", (), None, 0, instance_name="bot-a")
    server = FakeDiscord()
    monkeypatch.setattr(discord.http.Route, "BASE", await server.start())
    storage = await SQLiteStorage.open(tmp_path / "bot.sqlite3")
    clock = TickingClock(START)
    posts: list[dt.datetime] = []

    async def hang(request: Recorded, match: re.Match[str]) -> Answer:
        await asyncio.sleep(3600)
        raise AssertionError("unreachable")

    def accept(request: Recorded, match: re.Match[str]) -> Answer:
        posts.append(clock.now())
        return Answer(body=message_payload(CHANNEL_ID, request.json))

    try:
        first = ResolutionBot(library, storage, settings, clock=clock, run_scheduler=False)
        await first.login(BOT_TOKEN)
        await first.daily.set(GUILD_ID, CHANNEL_ID, dt.time(12, 30), ZoneInfo("UTC"), Order.DOCUMENT, clock.now())
        clock.set(DUE)
        server.route("POST", rf"/channels/{CHANNEL_ID}/messages", hang)
        dying = asyncio.create_task(first.scheduler.run_once())
        await server.wait_for(lambda r: r.method == "POST" and r.path.startswith("/channels/"))
        dying.cancel()  # kill -9: the claim stays "sending", in the first process's name
        await asyncio.gather(dying, return_exceptions=True)
        claim = await storage.get_delivery(CHANNEL_ID, DUE.date())
        assert claim is not None and claim.state is DeliveryState.SENDING
        await first.http.close()

        server.route("POST", rf"/channels/{CHANNEL_ID}/messages", accept)
        server.route("GET", rf"/channels/{CHANNEL_ID}/messages", lambda r, m: Answer(body=[]))
        restarted_at = clock.advance(seconds=10)
        second = ResolutionBot(library, storage, settings, clock=clock)  # runs its scheduler, as in production
        try:
            await second.login(BOT_TOKEN)
            async with asyncio.timeout(5):
                while not posts:
                    await asyncio.sleep(0.01)
        finally:
            await second.close()
        assert posts[0] - restarted_at < LEASE / 4, posts[0] - claim.claimed_at  # type: ignore[operator]
        assert second.scheduler.claimant == first.scheduler.claimant == "bot-a all shards"
    finally:
        await storage.close()
        await server.stop()


async def test_with_random_identities_the_restart_waits_out_the_lease(
    library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, switches: set[str]
) -> None:
    """The switch brings the old random claimant back, and the test above then fails."""
    switches.add("random_identity")
    with pytest.raises(AssertionError, match="assert .* < "):
        await test_a_restarted_process_takes_back_the_post_its_predecessor_died_sending(library, monkeypatch, tmp_path)


class BeatingClock(FakeClock):
    """Each time the starting process sleeps, the process already running beats (it is alive)."""

    def __init__(self, start: dt.datetime, running: InstanceRegistry | None = None) -> None:
        super().__init__(start)
        self.running = running

    async def sleep(self, seconds: float) -> None:
        await super().sleep(seconds)
        if self.running is not None:
            await self.running.beat()


def process(storage: SQLiteStorage, clock: FakeClock, session: str, pid: int) -> InstanceRegistry:
    me = Instance(identity="bot-a shards 0-3 of 8", session=session, hostname="host-a", pid=pid, shards="0-3 of 8")
    return InstanceRegistry(storage, clock, me)


async def test_a_second_live_process_with_the_same_identity_is_refused(storage: SQLiteStorage) -> None:
    clock = BeatingClock(START)
    running = process(storage, clock, "run-1", 100)
    await running.register()
    clock.running = running
    with pytest.raises(DuplicateInstance) as refused:
        await process(storage, clock, "run-2", 200).register()
    assert str(refused.value).startswith(
        "Another process is already running as “bot-a shards 0-3 of 8” (pid 100 on host-a, heartbeat still fresh)."
    )
    assert "RESOLUTION_BOT_INSTANCE" in str(refused.value)
    assert clock.now() - START <= HEARTBEAT  # it saw the heartbeat move at once
    assert [i.session for i in await storage.instances()] == ["run-1"]


async def test_a_killed_process_is_replaced_once_its_heartbeat_is_stale(storage: SQLiteStorage) -> None:
    clock = FakeClock(START)
    await process(storage, clock, "run-1", 100).register()  # then killed: it never beats again
    clock.advance(seconds=5)  # systemd restarts it a few seconds later
    replacement = process(storage, clock, "run-2", 200)
    await replacement.register()
    assert dt.timedelta(0) < clock.now() - START <= STALE_AFTER + HEARTBEAT
    assert [i.session for i in await storage.instances()] == ["run-2"]
    assert await replacement.beat()


async def test_a_clean_stop_lets_the_next_process_start_at_once(storage: SQLiteStorage) -> None:
    clock = FakeClock(START)
    first = process(storage, clock, "run-1", 100)
    await first.register()
    await first.release()
    await process(storage, clock, "run-2", 200).register()
    assert clock.now() == START


async def test_a_process_that_lost_its_identity_stops(storage: SQLiteStorage) -> None:
    """Stalled past the limit (SIGSTOP, a frozen VM), it was replaced: its next beat says so."""
    clock = FakeClock(START)
    stalled = process(storage, clock, "run-1", 100)
    await stalled.register()
    clock.advance(seconds=STALE_AFTER.total_seconds() + 1)
    await process(storage, clock, "run-2", 200).register()
    stopped: list[bool] = []
    await asyncio.wait_for(stalled.run(lambda: None, lambda: stopped.append(True)), 1)
    assert stopped == [True] and stalled.lost


@pytest.fixture
def root_logger_restored() -> Iterator[None]:
    """main() sets up logging for the process (handlers, level, the token filter): undo it afterwards,
    so the suite's own log checks keep seeing every level."""
    root = logging.getLogger()
    handlers, level = {h: list(h.filters) for h in root.handlers}, root.level
    try:
        yield
    finally:
        root.handlers[:] = list(handlers)
        for handler, filters in handlers.items():
            handler.filters[:] = filters
        root.setLevel(level)


@pytest.mark.usefixtures("root_logger_restored")
def test_run_exits_2_when_a_live_process_has_its_identity(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through the command line: the database says another process with this identity is beating."""
    monkeypatch.setattr(instances, "HEARTBEAT", dt.timedelta(seconds=1))
    monkeypatch.setattr(instances, "STALE_AFTER", dt.timedelta(seconds=3))
    monkeypatch.setenv("DISCORD_TOKEN", "x.y.z")
    monkeypatch.setenv("RESOLUTION_BOT_INSTANCE", "bot-a")
    database = tmp_path / "bot.sqlite3"
    (tmp_path / "config.yaml").write_text(f"documents: [{FIXTURE_DOC}]\ndatabase: {database}\n", encoding="utf-8")
    asyncio.run(_running_elsewhere(database))
    stop = threading.Event()

    def beat() -> None:  # the other process, alive on another host
        with sqlite3.connect(database) as db:
            while not stop.wait(0.2):
                db.execute("UPDATE instances SET heartbeat_at = ?", (int(time.time()),))
                db.commit()

    beating = threading.Thread(target=beat)
    beating.start()
    try:
        code = main(["run", "--config", str(tmp_path / "config.yaml")])
    finally:
        stop.set()
        beating.join()
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Cannot start: Another process is already running as “bot-a all shards” (pid 4242 on host-b" in err


async def _running_elsewhere(database: Path) -> None:
    storage = await SQLiteStorage.open(database)
    try:
        me = Instance(identity="bot-a all shards", session="other", hostname="host-b", pid=4242, shards="all")
        assert await storage.register_instance(me, now=dt.datetime.now(UTC), stale_after=STALE_AFTER) is None
    finally:
        await storage.close()
