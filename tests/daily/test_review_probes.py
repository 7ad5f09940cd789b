"""Review of issue 13: probes that try to break its promises on both engines, through the real
Scheduler, storage and DailyService, with two processes on one database.

PostgreSQL runs with the caller's clock here (`host_clock=True`) so the test can move time past
a lease; the database's own clock is probed in test_clock.py.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.config import DailySettings
from bot.content.library import Library
from bot.daily.delivery import Scheduler
from bot.daily.schedule import Order
from bot.daily.service import DailyService
from bot.storage import DeliveryState, Storage
from bot.storage.sqlite import SQLiteStorage
from tests import postgres
from tests.clock import FakeClock
from tests.daily.conftest import BERLIN, CHANNEL, GUILD, NONCE_WINDOW, Killed, RecordingPoster, make_scheduler
from tests.daily.test_faults import GatedPacer

UTC = dt.UTC
NINE_BERLIN = dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
DAY = dt.date(2026, 11, 28)


@dataclass
class Cluster:
    """Processes on one database: each `open()` is another process's connection."""

    name: str
    _open: Callable[[], Awaitable[Storage]]
    clock: FakeClock
    poster: RecordingPoster
    opened: list[Storage] = field(default_factory=list)

    async def open(self) -> Storage:
        storage = await self._open()
        self.opened.append(storage)
        return storage

    def posts(self) -> int:
        return len([m for m in self.poster.channel(CHANNEL).messages if m.reply is not None])

    async def process(self, library: Library, claimant: str, **kw: object) -> Scheduler:
        return make_scheduler(await self.open(), library, self.poster, self.clock, claimant=claimant, **kw)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", "postgresql"])
async def cluster(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Cluster]:
    clock = FakeClock(dt.datetime(2026, 11, 28, 6, 0, tzinfo=UTC))
    poster = RecordingPoster(clock)
    if request.param == "sqlite":
        path = tmp_path / "bot.sqlite3"
        found = Cluster("sqlite", lambda: SQLiteStorage.open(path), clock, poster)
        try:
            yield found
        finally:
            for storage in found.opened:
                await storage.close()
        return
    await postgres.require(request)
    from bot.storage.postgresql import PostgresStorage

    async with postgres.fresh_schema() as schema:
        found = Cluster(
            "postgresql", lambda: PostgresStorage.open(postgres.DSN, schema=schema, host_clock=True), clock, poster
        )
        try:
            yield found
        finally:
            for storage in found.opened:
                await storage.close()


async def subscribe(cluster: Cluster, library: Library) -> DailyService:
    service = DailyService(await cluster.open(), library, DailySettings())
    await service.set(GUILD, CHANNEL, dt.time(9), BERLIN, Order.DOCUMENT, cluster.clock.now())
    return service


# -- item 3: one claim, one holder, after a pause longer than the lease ---------------


@pytest.mark.parametrize("same_identity", [False, True], ids=["rival", "restart-with-same-identity"])
async def test_a_holder_paused_past_the_lease_and_the_nonce_window_sends_nothing(
    cluster: Cluster, library: Library, same_identity: bool
) -> None:
    """A claims the post and stalls just before sending (behind the pacer) for longer than the
    lease; B (another process, or A's own identity restarted elsewhere) takes it over and posts.
    When A wakes, past the nonce window, its claim is gone: it must send nothing."""
    await subscribe(cluster, library)
    gated = GatedPacer()
    a = await cluster.process(library, "host-1")
    a.pacer = gated
    b = await cluster.process(library, "host-1" if same_identity else "host-2")
    cluster.clock.set(NINE_BERLIN)
    first = asyncio.create_task(a.run_once())
    await asyncio.wait_for(gated.waiting.wait(), 10)  # claimed and renewed; stuck before the request
    cluster.clock.advance(minutes=2)  # past the 60 s lease
    if same_identity:
        assert await b.storage.reclaim("host-1", cluster.clock.now()) == 1  # as its run_forever does first
    assert await b.run_once() == 1
    assert cluster.posts() == 1
    cluster.clock.advance(minutes=NONCE_WINDOW.total_seconds() / 60 + 1)  # the nonce no longer saves us
    gated.gate.set()
    await asyncio.wait_for(first, 10)
    assert cluster.posts() == 1
    record = await b.storage.get_delivery(CHANNEL, DAY)
    assert record is not None and record.state is DeliveryState.SENT
    assert record.message_id == cluster.poster.channel(CHANNEL).messages[0].id


# -- item 1: "could not confirm" is final ---------------------------------------------


async def test_could_not_confirm_is_never_sent_again_not_by_a_rival_nor_after_set(
    cluster: Cluster, library: Library
) -> None:
    """The post reached Discord, its process died, and no one may read the history. The take-over
    marks it could-not-confirm; neither later passes of either process, nor `/daily set` run
    again that day with a later time, post it a second time; the next day posts as usual."""
    service = await subscribe(cluster, library)
    cluster.poster.channel(CHANNEL).readable = False
    a = await cluster.process(library, "host-1")
    b = await cluster.process(library, "host-2")
    cluster.clock.set(NINE_BERLIN)
    cluster.poster.die = "after"
    with pytest.raises(Killed):
        await a.run_once()
    cluster.clock.advance(seconds=61)
    await b.run_once()
    record = await b.storage.get_delivery(CHANNEL, DAY)
    assert record is not None and record.state is DeliveryState.UNCONFIRMED
    status = (await service.status(GUILD, cluster.clock.now())).content or ""
    assert "could not confirm" in status
    # Someone "fixes" it by setting the post for later today, then both processes keep running.
    await service.set(GUILD, CHANNEL, dt.time(17), BERLIN, Order.DOCUMENT, cluster.clock.now())
    for _ in range(12):
        cluster.clock.advance(hours=1)
        await a.run_once()
        await b.run_once()
    assert cluster.posts() == 1
    cluster.clock.set(dt.datetime(2026, 11, 29, 16, 1, tzinfo=UTC))  # 17:01 Berlin the next day
    await b.run_once()
    assert cluster.posts() == 2
    record = await b.storage.get_delivery(CHANNEL, DAY)
    assert record is not None and record.state is DeliveryState.UNCONFIRMED


# -- item 2: the deadline before a take-over and before a send ----------------------------


async def test_a_dead_processs_claim_found_after_the_window_is_not_posted_on_either_engine(
    cluster: Cluster, library: Library
) -> None:
    """A process dies mid-send before Discord has the message; the bot is down for 7 hours (the
    catch-up window is 6). The one that comes up must not post it: it is missed, in words."""
    service = await subscribe(cluster, library)
    a = await cluster.process(library, "host-1")
    cluster.clock.set(NINE_BERLIN)
    cluster.poster.die = "before"
    with pytest.raises(Killed):
        await a.run_once()
    cluster.clock.advance(hours=7)
    b = await cluster.process(library, "host-2")
    await b.run_once()
    assert cluster.posts() == 0
    record = await b.storage.get_delivery(CHANNEL, DAY)
    assert record is not None and record.state is DeliveryState.MISSED
    status = (await service.status(GUILD, cluster.clock.now())).content or ""
    assert "was missed" in status


# -- item 4: a database connection lost in the loop ----------------------------------------


async def test_postgresql_connections_killed_under_the_scheduler_cost_at_most_one_pass(library: Library) -> None:
    """Every connection of the pool is terminated (a failover, a restarted server) while the bot
    waits for 09:00. The next pass may fail; the one after must post."""
    import asyncpg

    if not await postgres.reachable():
        pytest.skip(postgres.SKIP_REASON)
    from bot.storage.postgresql import PostgresStorage

    clock = FakeClock(dt.datetime(2026, 11, 28, 6, 0, tzinfo=UTC))
    poster = RecordingPoster(clock)
    async with postgres.fresh_schema() as schema:
        storage = await PostgresStorage.open(postgres.DSN, schema=schema, host_clock=True)
        try:
            service = DailyService(storage, library, DailySettings())
            await service.set(GUILD, CHANNEL, dt.time(9), BERLIN, Order.DOCUMENT, clock.now())
            scheduler = make_scheduler(storage, library, poster, clock, claimant="host-1")  # type: ignore[arg-type]
            assert await scheduler.run_once() == 0
            # This storage's own connections only: other tests share the server.
            pids = [h._con.get_server_pid() for h in storage._pool._holders if h._con is not None]  # type: ignore[attr-defined]
            admin = await asyncpg.connect(postgres.DSN)
            try:
                killed = await admin.fetchval(
                    "SELECT count(*) FROM unnest($1::int[]) p WHERE pg_terminate_backend(p)", pids
                )
            finally:
                await admin.close()
            assert killed >= 1
            clock.set(NINE_BERLIN)
            failures = 0
            for _ in range(2):
                try:
                    await scheduler.run_once()
                except Exception:
                    failures += 1
            assert failures <= 1
            assert len(poster.channel(CHANNEL).messages) == 1
        finally:
            await storage.close()


# -- items 3 and 5 on PostgreSQL's own clock: two hosts whose clocks disagree --------------------


@pytest.mark.parametrize("readable", [True, False])
async def test_two_hosts_7_hours_fast_and_10_minutes_slow_share_one_post(library: Library, readable: bool) -> None:
    """Host A (clock 7 h fast) sends the post, which reaches Discord, and dies. Host B (clock
    10 min slow) takes it over once the lease has run out by the database's clock, looks in the
    history from the post's time by Discord's (correct) clock, and never posts it again."""
    if not await postgres.reachable():
        pytest.skip(postgres.SKIP_REASON)
    from bot.storage.postgresql import PostgresStorage
    from tests.daily.test_clock import CHANNEL as PG_CHANNEL
    from tests.daily.test_clock import due_a_minute_ago

    async with postgres.fresh_schema() as schema:
        a_storage = await PostgresStorage.open(postgres.DSN, schema=schema)
        b_storage = await PostgresStorage.open(postgres.DSN, schema=schema)
        try:
            db_now = await due_a_minute_ago(a_storage)
            discord = RecordingPoster(FakeClock(db_now))  # Discord's clock is right
            discord.channel(PG_CHANNEL).readable = readable
            lease = dt.timedelta(seconds=1)
            a = make_scheduler(a_storage, library, discord, FakeClock(db_now + dt.timedelta(hours=7)),  # type: ignore[arg-type]
                               claimant="a", lease=lease)  # fmt: skip
            b_clock = FakeClock(db_now - dt.timedelta(minutes=10))
            b = make_scheduler(b_storage, library, discord, b_clock, claimant="b", lease=lease)  # type: ignore[arg-type]
            discord.die = "after"
            with pytest.raises(Killed):
                await a.run_once()
            assert await b.run_once() == 0  # the lease runs by the database's clock: not out yet
            await asyncio.sleep(1.5)
            b_clock.advance(seconds=1.5)
            discord.clock.advance(seconds=1.5)
            assert await b.run_once() == 1
            assert len(discord.channel(PG_CHANNEL).messages) == 1
            record = await b_storage.get_delivery(PG_CHANNEL, (db_now.astimezone(UTC) - dt.timedelta(minutes=1)).date())
            assert record is not None
            assert record.state is (DeliveryState.SENT if readable else DeliveryState.UNCONFIRMED)
            assert record.claimant == "b"
        finally:
            await a_storage.close()
            await b_storage.close()


# -- "never none, or visible": a day the bot was down for ------------------------------------


async def test_a_day_missed_while_the_bot_was_down_is_shown_in_daily_status(cluster: Cluster, library: Library) -> None:
    """The bot is down from 07:00 to 16:00 (Berlin); the 09:00 post's catch-up window (6 h) has
    ended when it is back, so that day is rightly not posted late. But a person must be able to
    see why there was no post that day, in words, in /daily status: not only in the log."""
    service = await subscribe(cluster, library)
    cluster.clock.set(dt.datetime(2026, 11, 28, 15, 0, tzinfo=UTC))  # 16:00 in Berlin
    b = await cluster.process(library, "host-2")
    assert await b.run_once() == 0
    assert cluster.posts() == 0
    status = (await service.status(GUILD, cluster.clock.now())).content or ""
    assert "28 November 2026" in status and "missed" in status, status


async def test_days_missed_before_a_late_post_are_shown_with_it(cluster: Cluster, library: Library) -> None:
    """Down for two days, back at 10:00 on the third: that day's post goes out late (within its
    window), the two days before it never do, and /daily status says which."""
    service = await subscribe(cluster, library)
    cluster.clock.set(dt.datetime(2026, 11, 30, 9, 0, tzinfo=UTC))  # 10:00 in Berlin, two days on
    b = await cluster.process(library, "host-2")
    assert await b.run_once() == 1
    assert cluster.posts() == 1
    status = (await service.status(GUILD, cluster.clock.now())).content or ""
    assert "the posts from 28 November 2026 to 29 November 2026 were missed" in status, status
