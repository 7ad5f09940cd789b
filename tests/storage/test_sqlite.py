"""SQLite storage on a real file: migrations, atomic claims, two processes, abrupt stops."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import aiosqlite

from bot.storage import Delivery, DeliveryState, Schedule, migrations
from bot.storage.sqlite import SQLiteStorage, statements
from tests.conftest import ROOT

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 28, 12, tzinfo=UTC)


def schedule(channel_id: int = 10, guild_id: int = 1, due: dt.datetime = NOW, position: int = 0) -> Schedule:
    return Schedule(
        channel_id=channel_id,
        guild_id=guild_id,
        document="A/RES/62/152",
        post_time=dt.time(9),
        timezone="Europe/Berlin",
        order="document",
        position=position,
        seed=7,
        next_due=due,
        next_day=due.date(),
    )


def delivery_for(s: Schedule, claimant: str = "a") -> Delivery:
    return Delivery(
        s.channel_id,
        s.next_day,
        s.guild_id,
        s.position,
        "PP1",
        DeliveryState.SENDING,
        s.next_due,
        claimant=claimant,
        claimed_at=NOW,
    )


TOMORROW = NOW + dt.timedelta(days=1)


async def test_a_new_file_is_created_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "bot.sqlite3"
    storage = await SQLiteStorage.open(path)
    try:
        assert path.exists()
        assert await storage.schema_version() == len(migrations())
    finally:
        await storage.close()
    async with aiosqlite.connect(path) as db, db.execute("PRAGMA journal_mode") as cursor:
        assert (await cursor.fetchone()) == ("wal",)


async def test_migrations_run_once(tmp_path: Path) -> None:
    for _ in range(2):
        storage = await SQLiteStorage.open(tmp_path / "bot.sqlite3")
        await storage.save_schedule(schedule(channel_id=len(await storage.guild_schedules(1)) + 10), now=NOW)
        await storage.close()
    storage = await SQLiteStorage.open(tmp_path / "bot.sqlite3")
    assert len(await storage.guild_schedules(1)) == 2
    await storage.close()


async def test_a_restart_opens_an_up_to_date_database_while_another_process_writes(tmp_path: Path) -> None:
    # A restart beside a process busy writing (a rolling restart; `status` beside the bot) must not
    # wait for its write lock only to find nothing to migrate.
    path = tmp_path / "bot.sqlite3"
    await (await SQLiteStorage.open(path)).close()
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # the write lock, held
        storage = await asyncio.wait_for(SQLiteStorage.open(path), 3)  # busy_timeout would be 10 s
        assert await storage.schema_version() == len(migrations())
        await storage.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()


async def test_a_claim_survives_a_process_killed_right_after_it(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    script = textwrap.dedent(
        f"""
        import asyncio, datetime as dt, os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from bot.storage.sqlite import SQLiteStorage
        from tests.storage.test_sqlite import schedule, delivery_for, TOMORROW, NOW

        async def main():
            storage = await SQLiteStorage.open({str(path)!r})
            s = schedule()
            await storage.save_schedule(s, now=NOW)
            assert await storage.claim(s, delivery_for(s), TOMORROW.date(), TOMORROW)
            os._exit(0)  # no close, no cleanup: as if the process were killed

        asyncio.run(main())
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60, cwd=ROOT)
    storage = await SQLiteStorage.open(path)
    try:
        record = await storage.get_delivery(10, NOW.date())
        assert record is not None and record.state == "sending"
        moved = await storage.get_schedule(10)
        assert moved is not None and moved.position == 1
        # After the lease, another instance takes the delivery over exactly once.
        stale = await storage.pending(NOW + dt.timedelta(minutes=5), dt.timedelta(minutes=2), 10)
        assert [d.channel_id for d in stale] == [10]
        assert await storage.take_over(stale[0], "b", NOW + dt.timedelta(minutes=5))
        assert not await storage.take_over(stale[0], "c", NOW + dt.timedelta(minutes=5))
    finally:
        await storage.close()


async def test_two_processes_migrating_a_new_file_at_once(tmp_path: Path) -> None:
    """Both start on an empty file together: neither fails with "table already exists"."""
    for attempt in range(5):
        path = tmp_path / f"race-{attempt}.sqlite3"
        opened = await asyncio.gather(SQLiteStorage.open(path), SQLiteStorage.open(path))
        try:
            assert [await s.schema_version() for s in opened] == [len(migrations())] * 2
        finally:
            for storage in opened:
                await storage.close()


async def test_a_database_from_the_first_release_upgrades_with_its_data(tmp_path: Path) -> None:
    """A deployment's file at schema version 1, with schedules and deliveries in it, migrates to now."""
    path = tmp_path / "v1.sqlite3"
    (version, _, sql), *_ = migrations()
    assert version == 1
    async with aiosqlite.connect(path) as db:
        await db.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = 1;\nCOMMIT;")
        await db.execute(
            "INSERT INTO schedules (channel_id, guild_id, document, post_time, timezone, post_order, position, seed,"
            " next_due, next_day, created_at, updated_at) VALUES (10, 1, 'A/RES/62/152', '09:00', 'Europe/Berlin',"
            " 'document', 3, 7, ?, ?, 0, 0)",
            (int(NOW.timestamp()), NOW.date().isoformat()),
        )
        await db.execute(
            "INSERT INTO deliveries (channel_id, day, guild_id, position, ref, state, due, attempts, claimant, claimed_at)"
            " VALUES (10, '2026-11-27', 1, 2, 'PP3', 'sent', ?, 1, 'old', ?)",
            (int(NOW.timestamp()) - 86_400, int(NOW.timestamp()) - 86_400),
        )
        await db.commit()
    storage = await SQLiteStorage.open(path)
    try:
        assert await storage.schema_version() == len(migrations())
        (kept,) = await storage.guild_schedules(1)
        assert (kept.position, kept.channel_name, kept.last_failure) == (3, None, None)
        old = await storage.get_delivery(10, dt.date(2026, 11, 27))
        assert old is not None and old.state is DeliveryState.SENT and old.uncertain is False
        assert old.version == 1  # migration 5 rebuilt the table, keeping its rows
        async with aiosqlite.connect(path) as db:
            rows = await db.execute_fetchall(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'deliveries'"
            )
            assert {r[0] for r in rows} >= {"deliveries_open", "deliveries_day"}
        assert await storage.citation_style(1) is None
        assert await storage.notices(1, NOW - dt.timedelta(days=1)) == []
    finally:
        await storage.close()


async def test_a_database_another_process_is_migrating_is_waited_for_then_found_done(tmp_path: Path) -> None:
    # The version read before the lock is stale here: the other process migrates while this one
    # waits for its write lock. The version read again inside the transaction must skip the work.
    path = tmp_path / "bot.sqlite3"
    (version, _, sql), *later = migrations()
    async with aiosqlite.connect(path) as db:
        await db.execute_fetchall("PRAGMA journal_mode = WAL")  # as the bot leaves it: opening needs no lock then
        await db.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        opening = asyncio.create_task(SQLiteStorage.open(path))
        await asyncio.sleep(0.3)  # it has read version 1 and waits for the lock
        assert not opening.done()
        for number, _, more in later:
            for statement in statements(more):
                other.execute(statement).fetchall()
            other.execute(f"PRAGMA user_version = {number}")
        other.execute("COMMIT")
        storage = await asyncio.wait_for(opening, 10)  # not "table already exists"
        try:
            assert await storage.schema_version() == len(migrations())
        finally:
            await storage.close()
    finally:
        other.close()
