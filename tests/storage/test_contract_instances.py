"""The storage contract for instances (issue 13, item 6) and the status overview, once per engine.

Kept beside test_contract.py (same fixtures: SQLite, and PostgreSQL with the caller's clock) so
that the daily-post contract and this one can change without touching each other.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

import pytest

from bot.storage import DailyOverview, Instance, Storage
from tests import postgres
from tests.storage.conftest import Engine
from tests.storage.test_sqlite import NOW, TOMORROW, delivery_for, schedule

STALE = dt.timedelta(seconds=30)


def instance(session: str = "run-1", identity: str = "host-a shards 0-3 of 8", pid: int = 100) -> Instance:
    return Instance(identity=identity, session=session, hostname="host-a", pid=pid, shards="0-3 of 8")


async def test_a_free_identity_is_taken_and_listed(storage: Storage) -> None:
    assert await storage.register_instance(instance(), now=NOW, stale_after=STALE) is None
    (listed,) = await storage.instances()
    assert (listed.identity, listed.session, listed.pid, listed.shards) == (
        "host-a shards 0-3 of 8",
        "run-1",
        100,
        "0-3 of 8",
    )
    assert listed.heartbeat_at == NOW and listed.started_at == NOW and listed.scheduler_state == "starting"


async def test_a_live_holder_keeps_its_identity_and_is_named(storage: Storage) -> None:
    await storage.register_instance(instance(), now=NOW, stale_after=STALE)
    holder = await storage.register_instance(instance("run-2", pid=200), now=NOW + STALE / 2, stale_after=STALE)
    assert holder is not None and (holder.session, holder.pid, holder.heartbeat_at) == ("run-1", 100, NOW)
    assert [i.session for i in await storage.instances()] == ["run-1"]


async def test_a_stale_holder_is_taken_over_and_its_heartbeats_then_fail(storage: Storage) -> None:
    first = instance()
    await storage.register_instance(first, now=NOW, stale_after=STALE)
    later = NOW + STALE + dt.timedelta(seconds=1)
    assert await storage.register_instance(instance("run-2", pid=200), now=later, stale_after=STALE) is None
    assert not await storage.beat_instance(first, now=later)  # the old run learns it lost its identity
    (listed,) = await storage.instances()
    assert (listed.session, listed.pid, listed.heartbeat_at) == ("run-2", 200, later)


async def test_heartbeats_keep_an_identity_and_carry_the_schedulers_health(storage: Storage) -> None:
    me = instance()
    await storage.register_instance(me, now=NOW, stale_after=STALE)
    beaten = dataclasses.replace(
        me, scheduler_state="failing", scheduler_pass_at=NOW, scheduler_error="OSError: gone", scheduler_restarts=2
    )
    for seconds in (20, 40, 60):  # each beat within STALE of the one before
        assert await storage.beat_instance(beaten, now=NOW + dt.timedelta(seconds=seconds))
    assert await storage.register_instance(instance("run-2"), now=NOW + dt.timedelta(seconds=70), stale_after=STALE)
    (listed,) = await storage.instances()
    assert (listed.scheduler_state, listed.scheduler_pass_at, listed.scheduler_error, listed.scheduler_restarts) == (
        "failing",
        NOW,
        "OSError: gone",
        2,
    )


async def test_a_clean_stop_frees_the_identity_at_once(storage: Storage) -> None:
    me = instance()
    await storage.register_instance(me, now=NOW, stale_after=STALE)
    await storage.release_instance(me, now=NOW)
    (listed,) = await storage.instances()
    assert (listed.heartbeat_at, listed.scheduler_state) == (None, "stopped")
    assert await storage.register_instance(instance("run-2"), now=NOW, stale_after=STALE) is None


async def test_two_processes_starting_together_get_one_identity_between_them(engine: Engine) -> None:
    first, second = await engine.open(), await engine.open()
    results = await asyncio.gather(
        first.register_instance(instance("run-1"), now=NOW, stale_after=STALE),
        second.register_instance(instance("run-2"), now=NOW, stale_after=STALE),
    )
    assert sorted(r is None for r in results) == [False, True]


async def test_the_overview_counts_schedules_and_posts_by_state(storage: Storage) -> None:
    lease = dt.timedelta(minutes=2)
    for channel in (10, 11, 12, 13):
        await storage.save_schedule(schedule(channel), now=NOW)
    await storage.save_schedule(schedule(14, due=NOW + dt.timedelta(hours=1)), now=NOW)
    await storage.pause(13, "the bot lost access", now=NOW)
    for channel in (10, 11, 12):
        s = await storage.get_schedule(channel)
        assert s is not None and await storage.claim(s, delivery_for(s), TOMORROW.date(), TOMORROW)
    held = await storage.get_delivery(11, NOW.date())
    assert held is not None
    await storage.retry_later(held, NOW + dt.timedelta(minutes=1), "no answer", claimant="a", uncertain=True)
    sent = await storage.get_delivery(12, NOW.date())
    assert sent is not None
    await storage.finish(sent, "sent", claimant="a", message_id=1)  # type: ignore[arg-type]
    assert await storage.daily_overview(NOW + dt.timedelta(seconds=10), lease) == DailyOverview(
        active=4,
        paused=1,
        due=0,
        in_flight=1,
        expired=0,
        retrying=1,
        uncertain=1,
        recent={"retry": 1, "sending": 1, "sent": 1},
        at=NOW + dt.timedelta(seconds=10),
    )
    later = await storage.daily_overview(NOW + dt.timedelta(days=1, minutes=5), lease)
    assert (later.due, later.in_flight, later.expired) == (4, 0, 1)  # tomorrow's posts are due; the claim went quiet


async def test_on_postgresql_status_ages_are_by_the_databases_clock(request: pytest.FixtureRequest) -> None:
    """A host clock 7 hours fast must not make every live process look silent in `status`."""
    await postgres.require(request)
    from bot.storage.postgresql import PostgresStorage

    async with postgres.fresh_schema() as schema:
        storage = await PostgresStorage.open(postgres.DSN, schema=schema)
        try:
            fast = dt.datetime.now(dt.UTC) + dt.timedelta(hours=7)
            assert await storage.register_instance(instance(), now=fast, stale_after=STALE) is None
            overview = await storage.daily_overview(fast, dt.timedelta(minutes=2))
            (listed,) = await storage.instances()
        finally:
            await storage.close()
        database_now = await postgres.database_now()
    assert abs(overview.at - database_now) < dt.timedelta(seconds=5)
    assert listed.heartbeat_at is not None and abs(overview.at - listed.heartbeat_at) < dt.timedelta(seconds=5)


async def test_only_a_stopped_or_stale_process_can_be_forgotten(storage: Storage) -> None:
    alive, gone = instance(), instance("run-9", identity="host-a shards 3-5 of 8")
    await storage.register_instance(alive, now=NOW, stale_after=STALE)
    await storage.register_instance(gone, now=NOW - STALE * 10, stale_after=STALE)
    assert not await storage.forget_instance(alive.identity, now=NOW, stale_after=STALE)
    assert not await storage.forget_instance("nobody", now=NOW, stale_after=STALE)
    assert await storage.forget_instance(gone.identity, now=NOW, stale_after=STALE)
    assert [i.identity for i in await storage.instances()] == [alive.identity]
