"""The SQLite implementation of `Storage`: aiosqlite, WAL, forward migrations at open.

One connection per process; an asyncio lock keeps each operation's statements
together. Changes run in `BEGIN IMMEDIATE` write transactions, each in its own
savepoint, committed in groups (see `_transaction`), so a crash at any point
leaves either all of a change or none of it, and two processes on the same
file serialise their claims.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import math
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Self

import aiosqlite

from bot.daily import regressions
from bot.storage import (
    OPEN_STATES,
    DailyOverview,
    Delivery,
    DeliveryState,
    Instance,
    Notice,
    Schedule,
    ShardFilter,
    migrations,
    next_wake_with_grace,
)

log = logging.getLogger(__name__)
UTC = dt.UTC


def statements(sql: str) -> list[str]:
    """A migration file's statements, one by one (executescript would commit in the middle)."""
    out, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                out.append(current.strip())
            current = ""
    if current.strip() and not all(s.strip().startswith("--") for s in current.strip().splitlines()):
        raise RuntimeError(f"incomplete SQL statement at the end of a migration: {current.strip()[:60]}")
    return out


_OPEN = tuple(str(s) for s in OPEN_STATES)


def _ts(value: dt.datetime) -> int:
    return int(value.timestamp())


def _lease_ts(value: dt.datetime) -> int:
    """A claim's time (claimed_at), kept to the whole second like every time here, but rounded up:
    a lease then runs out up to a second late, never early (`pending` compares whole seconds)."""
    return math.ceil(value.timestamp())


def _dt(value: int | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromtimestamp(value, UTC)


def _schedule(row: aiosqlite.Row) -> Schedule:
    hour, minute = map(int, row["post_time"].split(":"))
    return Schedule(
        channel_id=row["channel_id"],
        guild_id=row["guild_id"],
        document=row["document"],
        post_time=dt.time(hour, minute),
        timezone=row["timezone"],
        order=row["post_order"],
        position=row["position"],
        seed=row["seed"],
        next_due=dt.datetime.fromtimestamp(row["next_due"], UTC),
        next_day=dt.date.fromisoformat(row["next_day"]),
        paused_reason=row["paused_reason"],
        channel_name=row["channel_name"],
        last_failure=row["last_failure"],
        last_failure_at=_dt(row["last_failure_at"]),
    )


def _delivery(row: aiosqlite.Row) -> Delivery:
    return Delivery(
        channel_id=row["channel_id"],
        day=dt.date.fromisoformat(row["day"]),
        guild_id=row["guild_id"],
        position=row["position"],
        ref=row["ref"],
        state=DeliveryState(row["state"]),
        due=dt.datetime.fromtimestamp(row["due"], UTC),
        attempts=row["attempts"],
        claimant=row["claimant"],
        claimed_at=_dt(row["claimed_at"]),
        retry_at=_dt(row["retry_at"]),
        message_id=row["message_id"],
        error=row["error"],
        uncertain=bool(row["uncertain"]),
        version=row["claim_version"],
    )


def _instance(row: aiosqlite.Row) -> Instance:
    return Instance(
        identity=row["identity"],
        session=row["session"],
        hostname=row["hostname"],
        pid=row["pid"],
        shards=row["shards"],
        started_at=_dt(row["started_at"]),
        heartbeat_at=_dt(row["heartbeat_at"]),
        scheduler_state=row["scheduler_state"],
        scheduler_pass_at=_dt(row["scheduler_pass_at"]),
        scheduler_error=row["scheduler_error"],
        scheduler_restarts=row["scheduler_restarts"],
        metrics=row["metrics"],
    )


def _shard_sql(shard: ShardFilter | None, late: str = "", before: int | None = None) -> tuple[str, list[Any]]:
    """A condition for `shard`'s rows; with a grace, also other shards' rows whose `late`
    expression (a time) is at or before `before` (now minus the grace)."""
    if shard is None:
        return "", []
    marks = ", ".join("?" for _ in shard.ids)
    own = f"((guild_id >> 22) % ?) IN ({marks})"
    if shard.grace is None or not late or before is None:
        return f" AND {own}", [shard.count, *shard.ids]
    return f" AND ({own} OR {late} <= ?)", [shard.count, *shard.ids, before - int(shard.grace.total_seconds())]


class SQLiteStorage:
    """`Storage` on one SQLite file."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self._lock = asyncio.Lock()
        self._group: asyncio.Future[None] | None = None  # the write transaction changes are joining
        self._committer: asyncio.Task[None] | None = None

    @classmethod
    async def open(cls, path: Path | str) -> Self:
        """Open (creating the file and its folder if need be) and migrate forward."""
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(str(path), isolation_level=None)
        db.row_factory = aiosqlite.Row
        storage = cls(db)
        try:
            await db.execute("PRAGMA busy_timeout = 10000")
            # Switching to WAL needs a moment alone with the file and does not wait for it:
            # another process opening the same new file at the same time makes it fail at once.
            for attempt in range(100):
                try:
                    await db.execute("PRAGMA journal_mode = WAL")
                    break
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) or attempt == 99:
                        raise
                    await asyncio.sleep(0.02)
            await db.execute("PRAGMA synchronous = FULL")  # a committed claim survives power loss
            await storage._migrate()
        except BaseException:
            await db.close()
            raise
        return storage

    async def _migrate(self) -> None:
        """Apply each newer migration in its own write transaction.

        The version is read *inside* the transaction (BEGIN IMMEDIATE takes the write lock first),
        so a second process starting at the same moment waits, then finds the work done. A database
        already up to date (every restart) is seen so from one read, without taking the write lock.
        """
        current = await self.schema_version()
        for version, name, sql in migrations():
            if version <= current:
                continue
            async with self._transaction() as db:
                async with db.execute("PRAGMA user_version") as cursor:
                    row = await cursor.fetchone()
                if (row[0] if row else 0) >= version:
                    continue
                log.info("Applying database migration %s", name)
                for statement in statements(sql):
                    await db.execute(statement)
                await db.execute(f"PRAGMA user_version = {version}")

    async def database_now(self) -> dt.datetime | None:
        return None  # one file on this host: the host's clock is the engine's

    async def schema_version(self) -> int:
        async with self._db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def close(self) -> None:
        if self._committer is not None:
            with contextlib.suppress(Exception):
                await self._committer
        await self._db.close()

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """One atomic change, committed together with the others that are waiting (group commit).

        Each change runs alone in a savepoint of the current write transaction: a change that
        fails is rolled back on its own. The transaction commits as soon as the changes queued
        behind the first one have run, with one fsync for all of them; each caller returns only
        once its change is durable. Under load this turns dozens of commits into one, and
        shortens the time another process waits for SQLite's write lock.
        """
        async with self._lock:
            if self._group is None:
                await self._db.execute("BEGIN IMMEDIATE")
                self._group = asyncio.get_running_loop().create_future()
                # Queued behind every change already waiting for the lock: they join this group.
                self._committer = asyncio.create_task(self._commit(self._group))
            group = self._group
            await self._db.execute("SAVEPOINT change")
            try:
                yield self._db
            except BaseException:
                await self._db.execute("ROLLBACK TO change")
                await self._db.execute("RELEASE change")
                raise
            await self._db.execute("RELEASE change")
        await asyncio.shield(group)

    async def _commit(self, group: asyncio.Future[None]) -> None:
        try:
            async with self._lock:
                self._group = None
                await self._db.execute("COMMIT")
        except BaseException as exc:
            if self._db.in_transaction:
                await self._db.execute("ROLLBACK")
            if not group.done():
                group.set_exception(exc if isinstance(exc, Exception) else RuntimeError("commit interrupted"))
            if not isinstance(exc, Exception):
                raise
        else:
            group.set_result(None)

    async def _one(self, sql: str, args: list[Any] | tuple[Any, ...]) -> aiosqlite.Row | None:
        async with self._lock, self._db.execute(sql, args) as cursor:
            return await cursor.fetchone()

    async def _all(self, sql: str, args: list[Any] | tuple[Any, ...]) -> list[aiosqlite.Row]:
        async with self._lock, self._db.execute(sql, args) as cursor:
            return list(await cursor.fetchall())

    # -- schedules ----------------------------------------------------------

    async def get_schedule(self, channel_id: int) -> Schedule | None:
        row = await self._one("SELECT * FROM schedules WHERE channel_id = ?", (channel_id,))
        return _schedule(row) if row else None

    async def guild_schedules(self, guild_id: int) -> list[Schedule]:
        rows = await self._all(
            "SELECT * FROM schedules WHERE guild_id = ? ORDER BY created_at, channel_id", (guild_id,)
        )
        return [_schedule(r) for r in rows]

    async def save_schedule(self, schedule: Schedule, *, now: dt.datetime) -> None:
        async with self._transaction() as db:
            await db.execute(
                """
                INSERT INTO schedules (channel_id, guild_id, document, post_time, timezone, post_order, position,
                                       seed, next_due, next_day, paused_reason, paused_at, created_at, updated_at,
                                       channel_name, last_failure, last_failure_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, NULL, NULL)
                ON CONFLICT (channel_id) DO UPDATE SET
                    guild_id = excluded.guild_id, document = excluded.document, post_time = excluded.post_time,
                    timezone = excluded.timezone, post_order = excluded.post_order, position = excluded.position,
                    seed = excluded.seed, next_due = excluded.next_due, next_day = excluded.next_day,
                    paused_reason = NULL, paused_at = NULL, updated_at = excluded.updated_at,
                    channel_name = COALESCE(excluded.channel_name, schedules.channel_name),
                    last_failure = NULL, last_failure_at = NULL
                """,
                (
                    schedule.channel_id,
                    schedule.guild_id,
                    schedule.document,
                    f"{schedule.post_time:%H:%M}",
                    schedule.timezone,
                    schedule.order,
                    schedule.position,
                    schedule.seed,
                    _ts(schedule.next_due),
                    schedule.next_day.isoformat(),
                    _ts(now),
                    _ts(now),
                    schedule.channel_name,
                ),
            )

    async def delete_schedule(self, channel_id: int) -> bool:
        async with self._transaction() as db:
            cursor = await db.execute("DELETE FROM schedules WHERE channel_id = ?", (channel_id,))
            deleted = cursor.rowcount > 0
            # A stopped schedule must not post later from a pending retry.
            await db.execute(
                "UPDATE deliveries SET state = 'failed', error = 'schedule stopped' "
                "WHERE channel_id = ? AND state IN ('sending', 'retry')",
                (channel_id,),
            )
        return deleted

    async def delete_guild(self, guild_id: int) -> int:
        async with self._transaction() as db:
            cursor = await db.execute("DELETE FROM schedules WHERE guild_id = ?", (guild_id,))
            count = cursor.rowcount
            await db.execute("DELETE FROM guild_settings WHERE guild_id = ?", (guild_id,))
            await db.execute("DELETE FROM daily_notices WHERE guild_id = ?", (guild_id,))
            await db.execute(
                "UPDATE deliveries SET state = 'failed', error = 'bot removed from server' "
                "WHERE guild_id = ? AND state IN ('sending', 'retry')",
                (guild_id,),
            )
        return count

    async def pause(self, channel_id: int, reason: str, *, now: dt.datetime) -> bool:
        async with self._transaction() as db:
            cursor = await db.execute(
                "UPDATE schedules SET paused_reason = ?, paused_at = ?, updated_at = ? "
                "WHERE channel_id = ? AND paused_reason IS NULL",
                (reason, _ts(now), _ts(now), channel_id),
            )
            return cursor.rowcount > 0

    async def advance(self, channel_id: int, steps: int = 1) -> Schedule | None:
        async with self._transaction() as db:
            await db.execute("UPDATE schedules SET position = position + ? WHERE channel_id = ?", (steps, channel_id))
            async with db.execute("SELECT * FROM schedules WHERE channel_id = ?", (channel_id,)) as cursor:
                row = await cursor.fetchone()
        return _schedule(row) if row else None

    async def last_day(self, channel_id: int) -> dt.date | None:
        row = await self._one(
            "SELECT MAX(day) AS day FROM deliveries WHERE channel_id = ? AND state != 'skipped'", (channel_id,)
        )
        return dt.date.fromisoformat(row["day"]) if row and row["day"] else None

    # -- due work -----------------------------------------------------------

    async def due(self, now: dt.datetime, limit: int, shard: ShardFilter | None = None) -> list[Schedule]:
        where, args = _shard_sql(shard, "next_due", _ts(now))
        rows = await self._all(
            f"SELECT * FROM schedules WHERE paused_reason IS NULL AND next_due <= ?{where} ORDER BY next_due LIMIT ?",
            [_ts(now), *args, limit],
        )
        return [_schedule(r) for r in rows]

    async def next_wake(self, lease: dt.timedelta, shard: ShardFilter | None = None) -> dt.datetime | None:
        if shard is not None and shard.grace is not None:
            return await next_wake_with_grace(self, lease, shard)
        where, args = _shard_sql(shard)
        if shard is None:  # MIN over the partial index: one index probe
            row = await self._one("SELECT MIN(next_due) AS t FROM schedules WHERE paused_reason IS NULL", ())
        else:
            row = await self._one(
                f"SELECT next_due AS t FROM schedules WHERE paused_reason IS NULL{where} ORDER BY next_due LIMIT 1",
                args,
            )
        retry = await self._one(
            "SELECT MIN(CASE WHEN state = 'retry' THEN retry_at ELSE claimed_at + ? END) AS t FROM deliveries "
            f"WHERE state IN ('sending', 'retry'){where}",
            [int(lease.total_seconds()), *args],
        )
        times = [r["t"] for r in (row, retry) if r is not None and r["t"] is not None]
        return _dt(min(times)) if times else None

    async def claim(self, schedule: Schedule, delivery: Delivery, next_day: dt.date, next_due: dt.datetime) -> bool:
        async with self._transaction() as db:
            moved = await db.execute(
                "UPDATE schedules SET position = position + 1, next_due = ?, next_day = ?, updated_at = ? "
                "WHERE channel_id = ? AND next_due = ? AND position = ? AND paused_reason IS NULL",
                (
                    _ts(next_due),
                    next_day.isoformat(),
                    _ts(delivery.claimed_at or delivery.due),
                    schedule.channel_id,
                    _ts(schedule.next_due),
                    schedule.position,
                ),
            )
            if moved.rowcount != 1:  # another instance got there first, or the schedule changed
                return False
            inserted = await db.execute(
                """
                INSERT INTO deliveries (channel_id, day, guild_id, position, ref, state, due, attempts, claimant,
                                        claimed_at)
                VALUES (?, ?, ?, ?, ?, 'sending', ?, 1, ?, ?)
                ON CONFLICT (channel_id, day) DO NOTHING
                """,
                (
                    delivery.channel_id,
                    delivery.day.isoformat(),
                    delivery.guild_id,
                    delivery.position,
                    delivery.ref,
                    _ts(delivery.due),
                    delivery.claimant,
                    _lease_ts(delivery.claimed_at) if delivery.claimed_at else None,
                ),
            )
            if inserted.rowcount != 1:
                # That day was already posted (e.g. the schedule was re-created): move on, post nothing,
                # and keep the paragraph for the next day.
                await db.execute(
                    "UPDATE schedules SET position = position - 1 WHERE channel_id = ?", (schedule.channel_id,)
                )
                return False
        return True

    async def skip_day(self, schedule: Schedule, next_day: dt.date, next_due: dt.datetime) -> bool:
        async with self._transaction() as db:
            cursor = await db.execute(
                "UPDATE schedules SET next_due = ?, next_day = ? WHERE channel_id = ? AND next_due = ? AND position = ?",
                (_ts(next_due), next_day.isoformat(), schedule.channel_id, _ts(schedule.next_due), schedule.position),
            )
            return cursor.rowcount == 1

    async def pending(
        self, now: dt.datetime, lease: dt.timedelta, limit: int, shard: ShardFilter | None = None
    ) -> list[Delivery]:
        late = f"CASE WHEN state = 'retry' THEN retry_at ELSE claimed_at + {int(lease.total_seconds())} END"
        where, args = _shard_sql(shard, late, _ts(now))
        rows = await self._all(
            "SELECT * FROM deliveries WHERE ((state = 'retry' AND retry_at <= ?) OR (state = 'sending' AND claimed_at <= ?))"
            f"{where} ORDER BY due LIMIT ?",
            [_ts(now), _ts(now - lease), *args, limit],
        )
        return [_delivery(r) for r in rows]

    async def take_over(self, delivery: Delivery, claimant: str, now: dt.datetime) -> bool:
        if regressions.on("stale_claim_renew"):  # the old check: state and attempts only
            where, args = "state = ? AND attempts = ?", [str(delivery.state), delivery.attempts]
        else:
            where = "state = ? AND claim_version = ? AND (state = 'retry' OR claimed_at IS ?)"
            args = [str(delivery.state), delivery.version, _ts(delivery.claimed_at) if delivery.claimed_at else None]
        async with self._transaction() as db:
            cursor = await db.execute(
                "UPDATE deliveries SET state = 'sending', claimant = ?, claimed_at = ?, attempts = attempts + 1, "
                f"retry_at = NULL, claim_version = claim_version + 1 WHERE channel_id = ? AND day = ? AND {where}",
                (claimant, _lease_ts(now), delivery.channel_id, delivery.day.isoformat(), *args),
            )
            return cursor.rowcount == 1

    async def reclaim(self, claimant: str, now: dt.datetime) -> int:
        async with self._transaction() as db:
            cursor = await db.execute(
                "UPDATE deliveries SET state = 'retry', retry_at = ?, uncertain = 1, error = 'process restarted', "
                "claim_version = claim_version + 1 WHERE state = 'sending' AND claimant = ?",
                (_ts(now), claimant),
            )
            return cursor.rowcount

    def _holder(self, delivery: Delivery, claimant: str) -> tuple[str, list[Any]]:
        """The condition that `claimant` still holds `delivery`'s claim: its version, and its name."""
        if regressions.on("stale_claim_renew"):  # the old check: the name only
            return "channel_id = ? AND day = ? AND state = 'sending' AND claimant = ?", [
                delivery.channel_id,
                delivery.day.isoformat(),
                claimant,
            ]
        return "channel_id = ? AND day = ? AND state = 'sending' AND claimant = ? AND claim_version = ?", [
            delivery.channel_id,
            delivery.day.isoformat(),
            claimant,
            delivery.version,
        ]

    async def renew(self, delivery: Delivery, claimant: str, now: dt.datetime) -> bool:
        where, args = self._holder(delivery, claimant)
        async with self._transaction() as db:
            cursor = await db.execute(f"UPDATE deliveries SET claimed_at = ? WHERE {where}", (_lease_ts(now), *args))
            return cursor.rowcount == 1

    async def finish(
        self,
        delivery: Delivery,
        state: DeliveryState,
        *,
        claimant: str,
        message_id: int | None = None,
        error: str | None = None,
    ) -> bool:
        where, args = self._holder(delivery, claimant)
        async with self._transaction() as db:
            cursor = await db.execute(
                "UPDATE deliveries SET state = ?, message_id = ?, error = ?, retry_at = NULL, uncertain = 0 "
                f"WHERE {where}",
                (str(state), message_id, error, *args),
            )
            return cursor.rowcount == 1

    async def finish_failed(
        self, delivery: Delivery, *, claimant: str, error: str, reason: str, now: dt.datetime, pause: bool
    ) -> bool | None:
        where, args = self._holder(delivery, claimant)
        async with self._transaction() as db:
            cursor = await db.execute(
                "UPDATE deliveries SET state = 'failed', message_id = NULL, error = ?, retry_at = NULL, uncertain = 0 "
                f"WHERE {where}",
                (error, *args),
            )
            if cursor.rowcount != 1:
                return None
            paused = False
            if pause:
                cursor = await db.execute(
                    "UPDATE schedules SET paused_reason = ?, paused_at = ?, updated_at = ? "
                    "WHERE channel_id = ? AND paused_reason IS NULL",
                    (reason, _ts(now), _ts(now), delivery.channel_id),
                )
                paused = cursor.rowcount > 0
            await db.execute(
                "UPDATE schedules SET last_failure = ?, last_failure_at = ? WHERE channel_id = ?",
                (reason, _ts(now), delivery.channel_id),
            )
            return paused

    async def retry_later(
        self, delivery: Delivery, at: dt.datetime, error: str, *, claimant: str, uncertain: bool
    ) -> bool:
        where, args = self._holder(delivery, claimant)
        async with self._transaction() as db:
            cursor = await db.execute(
                f"UPDATE deliveries SET state = 'retry', retry_at = ?, error = ?, uncertain = MAX(uncertain, ?) WHERE {where}",
                (_ts(at), error, int(uncertain), *args),
            )
            return cursor.rowcount == 1

    async def get_delivery(self, channel_id: int, day: dt.date) -> Delivery | None:
        row = await self._one(
            "SELECT * FROM deliveries WHERE channel_id = ? AND day = ?", (channel_id, day.isoformat())
        )
        return _delivery(row) if row else None

    async def record_failure(self, channel_id: int, message: str, *, now: dt.datetime) -> None:
        async with self._transaction() as db:
            await db.execute(
                "UPDATE schedules SET last_failure = ?, last_failure_at = ? WHERE channel_id = ?",
                (message, _ts(now), channel_id),
            )

    async def remove_schedule(self, channel_id: int, message: str, *, now: dt.datetime) -> bool:
        async with self._transaction() as db:
            async with db.execute(
                "SELECT guild_id, channel_name FROM schedules WHERE channel_id = ?", (channel_id,)
            ) as cursor:
                row = await cursor.fetchone()
            if row is None:
                return False
            await db.execute("DELETE FROM schedules WHERE channel_id = ?", (channel_id,))
            await db.execute(
                "UPDATE deliveries SET state = 'failed', error = ? WHERE channel_id = ? AND state IN (?, ?)",
                (message, channel_id, *_OPEN),
            )
            await db.execute(
                "INSERT INTO daily_notices (guild_id, channel_id, channel_name, message, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (row["guild_id"], channel_id, row["channel_name"], message, _ts(now)),
            )
        return True

    async def notices(self, guild_id: int, since: dt.datetime) -> list[Notice]:
        rows = await self._all(
            "SELECT * FROM daily_notices WHERE guild_id = ? AND created_at >= ? ORDER BY created_at",
            (guild_id, _ts(since)),
        )
        return [
            Notice(r["channel_id"], r["channel_name"], r["message"], dt.datetime.fromtimestamp(r["created_at"], UTC))
            for r in rows
        ]

    async def prune(self, before: dt.date, notices_before: dt.datetime) -> int:
        async with self._transaction() as db:
            old = await db.execute(
                "DELETE FROM deliveries WHERE day < ? AND state NOT IN (?, ?)", (before.isoformat(), *_OPEN)
            )
            gone = await db.execute("DELETE FROM daily_notices WHERE created_at < ?", (_ts(notices_before),))
            return old.rowcount + gone.rowcount

    # -- gateway ------------------------------------------------------------

    async def reserve_identify(self, bucket: int, spacing: dt.timedelta, now: dt.datetime) -> dt.timedelta:
        at = now.timestamp()
        async with self._transaction() as db:
            async with db.execute("SELECT slot FROM identify_slots WHERE bucket = ?", (bucket,)) as cursor:
                row = await cursor.fetchone()
            slot = at if row is None else max(at, float(row["slot"]) + spacing.total_seconds())
            await db.execute(
                "INSERT INTO identify_slots (bucket, slot) VALUES (?, ?) ON CONFLICT (bucket) DO UPDATE SET slot = ?",
                (bucket, slot, slot),
            )
        return dt.timedelta(seconds=slot - at)

    # -- instances ----------------------------------------------------------

    async def register_instance(
        self, instance: Instance, *, now: dt.datetime, stale_after: dt.timedelta
    ) -> Instance | None:
        async with self._transaction() as db:
            cursor = await db.execute(
                """
                INSERT INTO instances (identity, session, hostname, pid, shards, started_at, heartbeat_at,
                                       scheduler_state, scheduler_pass_at, scheduler_error, scheduler_restarts,
                                       metrics)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'starting', NULL, NULL, 0, ?)
                ON CONFLICT (identity) DO UPDATE SET
                    session = excluded.session, hostname = excluded.hostname, pid = excluded.pid,
                    shards = excluded.shards, started_at = excluded.started_at,
                    heartbeat_at = excluded.heartbeat_at, scheduler_state = 'starting', scheduler_pass_at = NULL,
                    scheduler_error = NULL, scheduler_restarts = 0, metrics = excluded.metrics
                WHERE instances.heartbeat_at IS NULL OR instances.heartbeat_at <= ?
                """,
                (
                    instance.identity,
                    instance.session,
                    instance.hostname,
                    instance.pid,
                    instance.shards,
                    _ts(now),
                    _ts(now),
                    instance.metrics,
                    _ts(now - stale_after),
                ),
            )
            if cursor.rowcount == 1:
                return None
            async with db.execute("SELECT * FROM instances WHERE identity = ?", (instance.identity,)) as rows:
                row = await rows.fetchone()
        assert row is not None
        return _instance(row)

    async def beat_instance(self, instance: Instance, *, now: dt.datetime) -> bool:
        async with self._transaction() as db:
            cursor = await db.execute(
                "UPDATE instances SET heartbeat_at = ?, scheduler_state = ?, scheduler_pass_at = ?, "
                "scheduler_error = ?, scheduler_restarts = ?, metrics = ? WHERE identity = ? AND session = ?",
                (
                    _ts(now),
                    instance.scheduler_state,
                    _ts(instance.scheduler_pass_at) if instance.scheduler_pass_at else None,
                    instance.scheduler_error,
                    instance.scheduler_restarts,
                    instance.metrics,
                    instance.identity,
                    instance.session,
                ),
            )
            return cursor.rowcount == 1

    async def release_instance(self, instance: Instance, *, now: dt.datetime) -> None:
        async with self._transaction() as db:
            await db.execute(
                "UPDATE instances SET heartbeat_at = NULL, scheduler_state = 'stopped' "
                "WHERE identity = ? AND session = ?",
                (instance.identity, instance.session),
            )

    async def instances(self) -> list[Instance]:
        return [_instance(r) for r in await self._all("SELECT * FROM instances ORDER BY identity", ())]

    async def forget_instance(self, identity: str, *, now: dt.datetime, stale_after: dt.timedelta) -> bool:
        async with self._transaction() as db:
            cursor = await db.execute(
                "DELETE FROM instances WHERE identity = ? AND (heartbeat_at IS NULL OR heartbeat_at <= ?)",
                (identity, _ts(now - stale_after)),
            )
            return cursor.rowcount == 1

    async def daily_overview(self, now: dt.datetime, lease: dt.timedelta) -> DailyOverview:
        schedules = await self._one(
            "SELECT COUNT(*) FILTER (WHERE paused_reason IS NULL) AS active, "
            "COUNT(*) FILTER (WHERE paused_reason IS NOT NULL) AS paused, "
            "COUNT(*) FILTER (WHERE paused_reason IS NULL AND next_due <= ?) AS due FROM schedules",
            (_ts(now),),
        )
        open_ = await self._one(
            "SELECT COUNT(*) FILTER (WHERE state = 'sending' AND claimed_at > ?) AS in_flight, "
            "COUNT(*) FILTER (WHERE state = 'sending' AND claimed_at <= ?) AS expired, "
            "COUNT(*) FILTER (WHERE state = 'retry') AS retrying, "
            "COUNT(*) FILTER (WHERE state = 'retry' AND uncertain) AS uncertain "
            "FROM deliveries WHERE state IN ('sending', 'retry')",
            (_ts(now - lease), _ts(now - lease)),
        )
        recent = await self._all(
            "SELECT state, COUNT(*) AS n FROM deliveries WHERE due > ? GROUP BY state ORDER BY state",
            (_ts(now - dt.timedelta(days=1)),),
        )
        assert schedules is not None and open_ is not None
        return DailyOverview(
            active=schedules["active"] or 0,
            paused=schedules["paused"] or 0,
            due=schedules["due"] or 0,
            in_flight=open_["in_flight"] or 0,
            expired=open_["expired"] or 0,
            retrying=open_["retrying"] or 0,
            uncertain=open_["uncertain"] or 0,
            recent={r["state"]: r["n"] for r in recent},
            at=now,
        )

    # -- server settings ----------------------------------------------------

    async def citation_style(self, guild_id: int) -> str | None:
        row = await self._one("SELECT citation_style FROM guild_settings WHERE guild_id = ?", (guild_id,))
        return row["citation_style"] if row else None

    async def set_citation_style(self, guild_id: int, style: str | None, *, now: dt.datetime) -> None:
        async with self._transaction() as db:
            await db.execute(
                "INSERT INTO guild_settings (guild_id, citation_style, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (guild_id) DO UPDATE SET citation_style = excluded.citation_style, "
                "updated_at = excluded.updated_at",
                (guild_id, style, _ts(now)),
            )

    async def guild_document(self, guild_id: int) -> str | None:
        row = await self._one("SELECT document FROM guild_settings WHERE guild_id = ?", (guild_id,))
        return row["document"] if row else None

    async def set_guild_document(self, guild_id: int, symbol: str | None, *, now: dt.datetime) -> None:
        async with self._transaction() as db:
            await db.execute(
                "INSERT INTO guild_settings (guild_id, document, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (guild_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at",
                (guild_id, symbol, _ts(now)),
            )

    # -- interface languages (bot.i18n) ---------------------------------------

    async def server_language(self, guild_id: int) -> str | None:
        row = await self._one("SELECT language FROM guild_settings WHERE guild_id = ?", (guild_id,))
        return row["language"] if row else None

    async def set_server_language(self, guild_id: int, language: str | None, *, now: dt.datetime) -> None:
        async with self._transaction() as db:
            await db.execute(
                "INSERT INTO guild_settings (guild_id, language, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (guild_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at",
                (guild_id, language, _ts(now)),
            )

    async def user_language(self, user_id: int) -> str | None:
        row = await self._one("SELECT language FROM user_settings WHERE user_id = ?", (user_id,))
        return row["language"] if row else None

    async def set_user_language(self, user_id: int, language: str | None, *, now: dt.datetime) -> None:
        async with self._transaction() as db:
            if language is None:
                await db.execute("DELETE FROM user_settings WHERE user_id = ?", (user_id,))
                return
            await db.execute(
                "INSERT INTO user_settings (user_id, language, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at",
                (user_id, language, _ts(now)),
            )
