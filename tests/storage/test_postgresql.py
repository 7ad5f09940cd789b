"""PostgreSQL only: the database's clock, row locks that never make a claim wait, the migration
lock, and a claim that survives its process being killed."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import AsyncIterator

import asyncpg
import pytest

from bot.storage import DeliveryState, migrations
from bot.storage.postgresql import PostgresStorage
from tests import postgres
from tests.conftest import ROOT
from tests.storage.test_sqlite import delivery_for, schedule

UTC = dt.UTC


@pytest.fixture
async def schema(request: pytest.FixtureRequest) -> AsyncIterator[str]:
    await postgres.require(request)
    async with postgres.fresh_schema() as name:
        yield name


async def test_processes_starting_together_migrate_once(schema: str) -> None:
    opened = await asyncio.gather(*(PostgresStorage.open(postgres.DSN, schema=schema) for _ in range(4)))
    try:
        assert [await s.schema_version() for s in opened] == [len(migrations("postgresql"))] * 4
        connection = await asyncpg.connect(postgres.DSN, server_settings={"search_path": schema})
        try:
            rows = await connection.fetch("SELECT version FROM schema_migrations ORDER BY version")
        finally:
            await connection.close()
        assert [r["version"] for r in rows] == list(range(1, len(migrations("postgresql")) + 1))
    finally:
        for storage in opened:
            await storage.close()


async def test_leases_run_on_the_database_clock_not_the_hosts(schema: str) -> None:
    """A host whose clock runs an hour fast neither finds posts due early nor takes over a live claim."""
    fast = await PostgresStorage.open(postgres.DSN, schema=schema)
    try:
        real = await postgres.database_now()
        ahead = real + dt.timedelta(hours=1)
        later = schedule(10, due=real + dt.timedelta(minutes=30))
        await fast.save_schedule(later, now=ahead)
        assert await fast.due(ahead, 10) == []  # due in 30 minutes by the database's clock

        now_due = schedule(11, due=real - dt.timedelta(seconds=1))
        await fast.save_schedule(now_due, now=ahead)
        (found,) = await fast.due(ahead, 10)
        claim = dataclasses.replace(delivery_for(now_due, "a"), claimed_at=ahead)
        assert await fast.claim(found, claim, real.date() + dt.timedelta(days=1), real + dt.timedelta(days=1))
        record = await fast.get_delivery(11, now_due.next_day)
        assert record is not None and record.claimed_at is not None
        assert abs(record.claimed_at - real) < dt.timedelta(minutes=1)  # the database's time, not the host's
        # The fast host thinks the 2-minute lease ran out long ago; the database says it has not.
        assert await fast.pending(ahead, dt.timedelta(minutes=2), 10) == []
        assert await fast.pending(ahead, dt.timedelta(0), 10) != []  # while a lease of 0 has
    finally:
        await fast.close()


async def test_a_claim_never_waits_behind_another_processs_row_lock(schema: str) -> None:
    storage = await PostgresStorage.open(postgres.DSN, schema=schema, host_clock=True)
    holder = await asyncpg.connect(postgres.DSN, server_settings={"search_path": schema})
    try:
        s = schedule(due=dt.datetime(2026, 11, 28, 12, tzinfo=UTC))
        await storage.save_schedule(s, now=s.next_due)
        tomorrow = s.next_due + dt.timedelta(days=1)
        async with holder.transaction():
            await holder.execute("SELECT 1 FROM schedules WHERE channel_id = $1 FOR UPDATE", s.channel_id)
            started = time.perf_counter()
            claimed = await storage.claim(s, delivery_for(s), tomorrow.date(), tomorrow)
            assert not claimed and time.perf_counter() - started < 2  # skipped, not queued
        assert await storage.claim(s, delivery_for(s), tomorrow.date(), tomorrow)  # once the lock is gone
    finally:
        await holder.close()
        await storage.close()


async def test_a_claim_survives_its_process_being_killed_and_is_taken_over_after_the_lease(schema: str) -> None:
    script = textwrap.dedent(
        f"""
        import asyncio, datetime as dt, os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from bot.storage.postgresql import PostgresStorage
        from tests.storage.test_sqlite import schedule, delivery_for

        async def main():
            storage = await PostgresStorage.open({postgres.DSN!r}, schema={schema!r})
            now = dt.datetime.now(dt.UTC)
            s = schedule(due=now - dt.timedelta(seconds=5))
            await storage.save_schedule(s, now=now)
            tomorrow = s.next_due + dt.timedelta(days=1)
            assert await storage.claim(s, delivery_for(s, "doomed"), tomorrow.date(), tomorrow)
            os.kill(os.getpid(), signal.SIGKILL)  # no close, no cleanup

        asyncio.run(main())
        """
    )
    done = subprocess.run([sys.executable, "-c", script], timeout=60, cwd=ROOT, env={**os.environ})
    assert done.returncode == -signal.SIGKILL
    storage = await PostgresStorage.open(postgres.DSN, schema=schema)
    try:
        (record,) = await storage.pending(dt.datetime.now(UTC), dt.timedelta(0), 10)
        assert (record.state, record.claimant) == (DeliveryState.SENDING, "doomed")
        lease = dt.timedelta(seconds=1)
        await asyncio.sleep(1.2)
        (stale,) = await storage.pending(dt.datetime.now(UTC), lease, 10)
        assert await storage.take_over(stale, "heir", dt.datetime.now(UTC))
        assert not await storage.take_over(stale, "late", dt.datetime.now(UTC))
        moved = await storage.get_schedule(10)
        assert moved is not None and moved.position == 1
    finally:
        await storage.close()
