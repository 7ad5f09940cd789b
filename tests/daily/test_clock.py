"""Issue 13, item 5: on PostgreSQL the daily posts decide with the database's clock everywhere
(plan, retry times, the give-up deadline, the sleep), however wrong the host's clock is. Both
host-clock tests failed before the fix: 7 h fast posted nothing, 10 min fast pushed every retry
past Discord's nonce window."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterator

import pytest

from bot.content.library import Library
from bot.daily import regressions
from bot.daily.delivery import Outcome, SendResult
from bot.daily.timing import RETRY_BASE
from bot.storage import DeliveryState, Schedule
from tests import postgres
from tests.clock import FakeClock
from tests.daily.conftest import NONCE_WINDOW, RecordingPoster, make_scheduler

UTC = dt.UTC
CHANNEL, GUILD = 321, 654


@pytest.fixture
async def pg(request: pytest.FixtureRequest) -> AsyncIterator[object]:
    await postgres.require(request)
    from bot.storage.postgresql import PostgresStorage

    async with postgres.fresh_schema() as schema:
        storage = await PostgresStorage.open(postgres.DSN, schema=schema)  # the database's own clock
        try:
            yield storage
        finally:
            await storage.close()


@pytest.fixture
def switch() -> Iterator[set[str]]:
    try:
        yield regressions.ACTIVE
    finally:
        regressions.ACTIVE.clear()


async def due_a_minute_ago(storage: object) -> dt.datetime:
    """A schedule (UTC) that fell due a minute ago by the database's clock; returns that clock."""
    db_now = (await postgres.database_now()).astimezone(UTC)
    due = (db_now - dt.timedelta(minutes=1)).replace(second=0, microsecond=0)
    schedule = Schedule(CHANNEL, GUILD, "A/RES/62/152", due.time(), "UTC", "document", 0, 7, due, due.date())
    await storage.save_schedule(schedule, now=db_now)  # type: ignore[attr-defined]
    return db_now


async def test_a_host_clock_7_hours_fast_still_posts_on_time(pg: object, library: Library) -> None:
    db_now = await due_a_minute_ago(pg)
    clock = FakeClock(db_now + dt.timedelta(hours=7))
    poster = RecordingPoster(clock)
    scheduler = make_scheduler(pg, library, poster, clock)  # type: ignore[arg-type]
    await scheduler.run_once()
    assert len([m for m in poster.channel(CHANNEL).messages]) == 1


async def test_a_host_clock_10_minutes_fast_keeps_retries_inside_the_nonce_window(pg: object, library: Library) -> None:
    db_now = await due_a_minute_ago(pg)
    clock = FakeClock(db_now + dt.timedelta(minutes=10))
    poster = RecordingPoster(clock)
    poster.outcomes = [SendResult(Outcome.RETRY, detail="500 from Discord", uncertain=True)]
    scheduler = make_scheduler(pg, library, poster, clock)  # type: ignore[arg-type]
    await scheduler.run_once()
    (record,) = [d for d in [await pg.get_delivery(CHANNEL, db_now.date())] if d]  # type: ignore[attr-defined]
    assert record.state is DeliveryState.RETRY and record.retry_at is not None
    real_now = (await postgres.database_now()).astimezone(UTC)
    assert record.retry_at - real_now <= RETRY_BASE + dt.timedelta(seconds=5)
    assert record.retry_at - real_now < NONCE_WINDOW
    # And the loop sleeps until then by the same clock, not ten minutes less.
    assert 0 < await scheduler._delay() <= RETRY_BASE.total_seconds() + 5


async def test_switch_host_clock_brings_back_the_silent_day(pg: object, library: Library, switch: set[str]) -> None:
    switch.add("host_clock")
    with pytest.raises(AssertionError):
        await test_a_host_clock_7_hours_fast_still_posts_on_time(pg, library)
