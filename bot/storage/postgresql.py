"""The PostgreSQL implementation of `Storage` (asyncpg), for several processes on several hosts.

- **One clock.** Claims, leases, retries and due times are read from the database's
  `now()`, never the host's: two hosts whose clocks disagree still agree on whether a
  lease has run out. (`host_clock=True` takes the caller's `now` instead, as SQLite
  does; the contract tests use it to move time by hand.)
- **Row locks, no waiting.** A claim or take-over picks its row with
  `SELECT … FOR UPDATE SKIP LOCKED`: a process never queues behind another one's claim,
  it moves on to the next row. Every change of a claimed delivery names its owner.
- **One migration lock.** Migrations run under a transaction-scoped advisory lock, so
  processes starting together apply each migration once.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any, Self

import asyncpg

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

MIGRATION_LOCK = 6_215_220_071_218  # pg_advisory_xact_lock key: A/RES/62/152, 2007-12-18
COMMAND_TIMEOUT = 10.0  # seconds: a hung database fails a statement instead of stalling the scheduler
_OPEN = [str(s) for s in OPEN_STATES]


def _schedule(row: asyncpg.Record) -> Schedule:
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
        next_due=row["next_due"],
        next_day=row["next_day"],
        paused_reason=row["paused_reason"],
        channel_name=row["channel_name"],
        last_failure=row["last_failure"],
        last_failure_at=row["last_failure_at"],
    )


def _delivery(row: asyncpg.Record) -> Delivery:
    return Delivery(
        channel_id=row["channel_id"],
        day=row["day"],
        guild_id=row["guild_id"],
        position=row["position"],
        ref=row["ref"],
        state=DeliveryState(row["state"]),
        due=row["due"],
        attempts=row["attempts"],
        claimant=row["claimant"],
        claimed_at=row["claimed_at"],
        retry_at=row["retry_at"],
        message_id=row["message_id"],
        error=row["error"],
        uncertain=row["uncertain"],
        version=row["claim_version"],
    )


def _instance(row: asyncpg.Record) -> Instance:
    return Instance(
        identity=row["identity"],
        session=row["session"],
        hostname=row["hostname"],
        pid=row["pid"],
        shards=row["shards"],
        started_at=row["started_at"],
        heartbeat_at=row["heartbeat_at"],
        scheduler_state=row["scheduler_state"],
        scheduler_pass_at=row["scheduler_pass_at"],
        scheduler_error=row["scheduler_error"],
        scheduler_restarts=row["scheduler_restarts"],
        metrics=row["metrics"],
    )


def _shard_sql(shard: ShardFilter | None, first: int, late: str = "", now: str = "now()") -> tuple[str, list[Any]]:
    """A condition for `shard`'s rows, its parameters numbered from `first`; with a grace, also
    other shards' rows whose `late` expression (a time) is at least the grace before `now`."""
    if shard is None:
        return "", []
    own = f"((guild_id >> 22) % ${first}) = ANY(${first + 1}::int[])"
    if shard.grace is None or not late:
        return f" AND {own}", [shard.count, list(shard.ids)]
    return f" AND ({own} OR {late} <= {now} - ${first + 2}::interval)", [shard.count, list(shard.ids), shard.grace]


class PostgresStorage:
    """`Storage` on a PostgreSQL database shared by every process of the bot."""

    def __init__(self, pool: asyncpg.Pool, *, host_clock: bool = False) -> None:
        self._pool = pool
        self._host_clock = host_clock

    @classmethod
    async def open(
        cls,
        dsn: str,
        *,
        password: str | None = None,
        schema: str | None = None,
        host_clock: bool = False,
        max_connections: int = 4,
    ) -> Self:
        """Connect and migrate forward. `schema` puts the tables in that schema (created if missing)."""
        settings = {"search_path": schema} if schema else {}
        if schema:
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,62}", schema):
                raise ValueError(f"not a plain schema name: {schema!r}")
            connection = await asyncpg.connect(dsn, password=password, timeout=COMMAND_TIMEOUT)
            try:
                async with connection.transaction():  # under the migration lock: IF NOT EXISTS alone races
                    await connection.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
                    await connection.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
            finally:
                await connection.close()
        pool = await asyncpg.create_pool(
            dsn,
            password=password,
            min_size=1,
            max_size=max_connections,
            command_timeout=COMMAND_TIMEOUT,
            timeout=COMMAND_TIMEOUT,
            server_settings={"application_name": "resolution-bot", **settings},
        )
        storage = cls(pool, host_clock=host_clock)
        try:
            await storage._migrate()
        except BaseException:
            await pool.close()
            raise
        return storage

    async def _migrate(self) -> None:
        """Apply each newer migration in its own transaction, under the migration lock: a process
        that starts at the same moment waits for the lock, then finds the work done."""
        for version, name, sql in migrations("postgresql"):
            async with self._pool.acquire() as db, db.transaction():
                await db.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
                await db.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations "
                    "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
                )
                if await db.fetchval("SELECT 1 FROM schema_migrations WHERE version = $1", version):
                    continue
                log.info("Applying database migration %s", name)
                await db.execute(sql)
                await db.execute("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", version, name)

    async def database_now(self) -> dt.datetime | None:
        if self._host_clock:
            return None
        value = await self._pool.fetchval("SELECT clock_timestamp()")  # the moment of asking, not the transaction's
        assert isinstance(value, dt.datetime)
        return value

    async def schema_version(self) -> int:
        return int(await self._pool.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_migrations") or 0)

    async def close(self) -> None:
        await self._pool.close()

    def _at(self, now: dt.datetime) -> dt.datetime | None:
        """The caller's time when the host clock is trusted; None means the database's `now()`."""
        return now if self._host_clock else None

    async def _status(self, sql: str, *args: Any) -> int:
        """Run one change; how many rows it touched."""
        return _count(await self._pool.execute(sql, *args))

    # -- schedules ----------------------------------------------------------

    async def get_schedule(self, channel_id: int) -> Schedule | None:
        row = await self._pool.fetchrow("SELECT * FROM schedules WHERE channel_id = $1", channel_id)
        return _schedule(row) if row else None

    async def guild_schedules(self, guild_id: int) -> list[Schedule]:
        rows = await self._pool.fetch(
            "SELECT * FROM schedules WHERE guild_id = $1 ORDER BY created_at, channel_id", guild_id
        )
        return [_schedule(r) for r in rows]

    async def save_schedule(self, schedule: Schedule, *, now: dt.datetime) -> None:
        await self._pool.execute(
            """
            INSERT INTO schedules (channel_id, guild_id, document, post_time, timezone, post_order, position, seed,
                                   next_due, next_day, created_at, updated_at, channel_name)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, COALESCE($11, now()), COALESCE($11, now()), $12)
            ON CONFLICT (channel_id) DO UPDATE SET
                guild_id = excluded.guild_id, document = excluded.document, post_time = excluded.post_time,
                timezone = excluded.timezone, post_order = excluded.post_order, position = excluded.position,
                seed = excluded.seed, next_due = excluded.next_due, next_day = excluded.next_day,
                paused_reason = NULL, paused_at = NULL, updated_at = excluded.updated_at,
                channel_name = COALESCE(excluded.channel_name, schedules.channel_name),
                last_failure = NULL, last_failure_at = NULL
            """,
            schedule.channel_id,
            schedule.guild_id,
            schedule.document,
            f"{schedule.post_time:%H:%M}",
            schedule.timezone,
            schedule.order,
            schedule.position,
            schedule.seed,
            schedule.next_due,
            schedule.next_day,
            self._at(now),
            schedule.channel_name,
        )

    async def delete_schedule(self, channel_id: int) -> bool:
        async with self._pool.acquire() as db, db.transaction():
            deleted = await db.fetchval("DELETE FROM schedules WHERE channel_id = $1 RETURNING 1", channel_id)
            # A stopped schedule must not post later from a pending retry.
            await db.execute(
                "UPDATE deliveries SET state = 'failed', error = 'schedule stopped' "
                "WHERE channel_id = $1 AND state = ANY($2::text[])",
                channel_id,
                _OPEN,
            )
        return bool(deleted)

    async def delete_guild(self, guild_id: int) -> int:
        async with self._pool.acquire() as db, db.transaction():
            status = await db.execute("DELETE FROM schedules WHERE guild_id = $1", guild_id)
            await db.execute("DELETE FROM guild_settings WHERE guild_id = $1", guild_id)
            await db.execute("DELETE FROM daily_notices WHERE guild_id = $1", guild_id)
            await db.execute(
                "UPDATE deliveries SET state = 'failed', error = 'bot removed from server' "
                "WHERE guild_id = $1 AND state = ANY($2::text[])",
                guild_id,
                _OPEN,
            )
        return _count(status)

    async def pause(self, channel_id: int, reason: str, *, now: dt.datetime) -> bool:
        return (
            await self._status(
                "UPDATE schedules SET paused_reason = $1, paused_at = COALESCE($2, now()), "
                "updated_at = COALESCE($2, now()) WHERE channel_id = $3 AND paused_reason IS NULL",
                reason,
                self._at(now),
                channel_id,
            )
            > 0
        )

    async def advance(self, channel_id: int, steps: int = 1) -> Schedule | None:
        row = await self._pool.fetchrow(
            "UPDATE schedules SET position = position + $1 WHERE channel_id = $2 RETURNING *", steps, channel_id
        )
        return _schedule(row) if row else None

    async def last_day(self, channel_id: int) -> dt.date | None:
        day = await self._pool.fetchval(
            "SELECT MAX(day) FROM deliveries WHERE channel_id = $1 AND state != 'skipped'", channel_id
        )
        return day if isinstance(day, dt.date) else None

    # -- due work -----------------------------------------------------------

    async def due(self, now: dt.datetime, limit: int, shard: ShardFilter | None = None) -> list[Schedule]:
        where, args = _shard_sql(shard, 3, "next_due", "COALESCE($1, now())")
        rows = await self._pool.fetch(
            "SELECT * FROM schedules WHERE paused_reason IS NULL AND next_due <= COALESCE($1, now())"
            f"{where} ORDER BY next_due LIMIT $2",
            self._at(now),
            limit,
            *args,
        )
        return [_schedule(r) for r in rows]

    async def next_wake(self, lease: dt.timedelta, shard: ShardFilter | None = None) -> dt.datetime | None:
        if shard is not None and shard.grace is not None:
            return await next_wake_with_grace(self, lease, shard)
        where, args = _shard_sql(shard, 1)
        due = await self._pool.fetchval(
            f"SELECT next_due FROM schedules WHERE paused_reason IS NULL{where} ORDER BY next_due LIMIT 1", *args
        )
        where, args = _shard_sql(shard, 2)
        retry = await self._pool.fetchval(
            "SELECT MIN(CASE WHEN state = 'retry' THEN retry_at ELSE claimed_at + $1::interval END) FROM deliveries "
            f"WHERE state IN ('sending', 'retry'){where}",
            lease,
            *args,
        )
        times = [t for t in (due, retry) if t is not None]
        return min(times) if times else None

    async def claim(self, schedule: Schedule, delivery: Delivery, next_day: dt.date, next_due: dt.datetime) -> bool:
        claimed_at = self._at(delivery.claimed_at or delivery.due)
        async with self._pool.acquire() as db, db.transaction():
            # The schedule's row, unless another process holds it right now (then it is claiming it).
            moved = await db.fetchval(
                """
                UPDATE schedules SET position = position + 1, next_due = $1, next_day = $2,
                                     updated_at = COALESCE($3, now())
                WHERE channel_id = (
                    SELECT channel_id FROM schedules
                    WHERE channel_id = $4 AND next_due = $5 AND position = $6 AND paused_reason IS NULL
                    FOR UPDATE SKIP LOCKED
                )
                RETURNING 1
                """,
                next_due,
                next_day,
                claimed_at,
                schedule.channel_id,
                schedule.next_due,
                schedule.position,
            )
            if not moved:  # another instance got there first, or the schedule changed
                return False
            inserted = await db.fetchval(
                """
                INSERT INTO deliveries (channel_id, day, guild_id, position, ref, state, due, attempts, claimant,
                                        claimed_at)
                VALUES ($1, $2, $3, $4, $5, 'sending', $6, 1, $7, COALESCE($8, now()))
                ON CONFLICT (channel_id, day) DO NOTHING
                RETURNING 1
                """,
                delivery.channel_id,
                delivery.day,
                delivery.guild_id,
                delivery.position,
                delivery.ref,
                delivery.due,
                delivery.claimant,
                claimed_at,
            )
            if not inserted:
                # That day was already posted (e.g. the schedule was re-created): move on, post nothing,
                # and keep the paragraph for the next day.
                await db.execute(
                    "UPDATE schedules SET position = position - 1 WHERE channel_id = $1", schedule.channel_id
                )
                return False
        return True

    async def skip_day(self, schedule: Schedule, next_day: dt.date, next_due: dt.datetime) -> bool:
        return (
            await self._status(
                "UPDATE schedules SET next_due = $1, next_day = $2 WHERE channel_id = $3 AND next_due = $4 "
                "AND position = $5",
                next_due,
                next_day,
                schedule.channel_id,
                schedule.next_due,
                schedule.position,
            )
            == 1
        )

    async def pending(
        self, now: dt.datetime, lease: dt.timedelta, limit: int, shard: ShardFilter | None = None
    ) -> list[Delivery]:
        late = "CASE WHEN state = 'retry' THEN retry_at ELSE claimed_at + $2::interval END"
        where, args = _shard_sql(shard, 4, late, "COALESCE($1, now())")
        rows = await self._pool.fetch(
            "SELECT * FROM deliveries WHERE ((state = 'retry' AND retry_at <= COALESCE($1, now())) OR "
            "(state = 'sending' AND claimed_at <= COALESCE($1, now()) - $2::interval))"
            f"{where} ORDER BY due LIMIT $3",
            self._at(now),
            lease,
            limit,
            *args,
        )
        return [_delivery(r) for r in rows]

    async def take_over(self, delivery: Delivery, claimant: str, now: dt.datetime) -> bool:
        if regressions.on("stale_claim_renew"):  # the old check: state and attempts only
            where = "state = $5 AND attempts = $6"
            extra: list[Any] = [str(delivery.state), delivery.attempts]
        else:
            # A `sending` claim only as `pending` read it: a renew since moved `claimed_at` on.
            where = "state = $5 AND claim_version = $6 AND (state = 'retry' OR claimed_at = $7)"
            extra = [str(delivery.state), delivery.version, delivery.claimed_at]
        return (
            await self._status(
                f"""
                UPDATE deliveries SET state = 'sending', claimant = $1, claimed_at = COALESCE($2, now()),
                                      attempts = attempts + 1, retry_at = NULL, claim_version = claim_version + 1
                WHERE (channel_id, day) = (
                    SELECT channel_id, day FROM deliveries
                    WHERE channel_id = $3 AND day = $4 AND {where}
                    FOR UPDATE SKIP LOCKED
                )
                """,
                claimant,
                self._at(now),
                delivery.channel_id,
                delivery.day,
                *extra,
            )
            == 1
        )

    async def reclaim(self, claimant: str, now: dt.datetime) -> int:
        return await self._status(
            "UPDATE deliveries SET state = 'retry', retry_at = COALESCE($1, now()), uncertain = TRUE, "
            "error = 'process restarted', claim_version = claim_version + 1 WHERE state = 'sending' AND claimant = $2",
            self._at(now),
            claimant,
        )

    @staticmethod
    def _holder(delivery: Delivery, claimant: str, first: int) -> tuple[str, list[Any]]:
        """The condition that `claimant` still holds `delivery`'s claim (its version, and its name),
        its parameters numbered from `first`."""
        where = f"channel_id = ${first} AND day = ${first + 1} AND state = 'sending' AND claimant = ${first + 2}"
        args: list[Any] = [delivery.channel_id, delivery.day, claimant]
        if regressions.on("stale_claim_renew"):  # the old check: the name only
            return where, args
        return f"{where} AND claim_version = ${first + 3}", [*args, delivery.version]

    async def renew(self, delivery: Delivery, claimant: str, now: dt.datetime) -> bool:
        where, args = self._holder(delivery, claimant, 2)
        return (
            await self._status(
                f"UPDATE deliveries SET claimed_at = COALESCE($1, now()) WHERE {where}", self._at(now), *args
            )
            == 1
        )

    async def finish(
        self,
        delivery: Delivery,
        state: DeliveryState,
        *,
        claimant: str,
        message_id: int | None = None,
        error: str | None = None,
    ) -> bool:
        where, args = self._holder(delivery, claimant, 4)
        return (
            await self._status(
                "UPDATE deliveries SET state = $1, message_id = $2, error = $3, retry_at = NULL, uncertain = FALSE "
                f"WHERE {where}",
                str(state),
                message_id,
                error,
                *args,
            )
            == 1
        )

    async def finish_failed(
        self, delivery: Delivery, *, claimant: str, error: str, reason: str, now: dt.datetime, pause: bool
    ) -> bool | None:
        where, args = self._holder(delivery, claimant, 2)
        async with self._pool.acquire() as db, db.transaction():
            finished = _count(
                await db.execute(
                    "UPDATE deliveries SET state = 'failed', message_id = NULL, error = $1, retry_at = NULL, "
                    f"uncertain = FALSE WHERE {where}",
                    error,
                    *args,
                )
            )
            if finished != 1:
                return None
            paused = 0
            if pause:
                paused = _count(
                    await db.execute(
                        "UPDATE schedules SET paused_reason = $1, paused_at = COALESCE($2, now()), "
                        "updated_at = COALESCE($2, now()) WHERE channel_id = $3 AND paused_reason IS NULL",
                        reason,
                        self._at(now),
                        delivery.channel_id,
                    )
                )
            await db.execute(
                "UPDATE schedules SET last_failure = $1, last_failure_at = COALESCE($2, now()) WHERE channel_id = $3",
                reason,
                self._at(now),
                delivery.channel_id,
            )
            return paused > 0

    async def retry_later(
        self, delivery: Delivery, at: dt.datetime, error: str, *, claimant: str, uncertain: bool
    ) -> bool:
        where, args = self._holder(delivery, claimant, 4)
        return (
            await self._status(
                f"UPDATE deliveries SET state = 'retry', retry_at = $1, error = $2, uncertain = uncertain OR $3 WHERE {where}",
                at,
                error,
                uncertain,
                *args,
            )
            == 1
        )

    async def get_delivery(self, channel_id: int, day: dt.date) -> Delivery | None:
        row = await self._pool.fetchrow("SELECT * FROM deliveries WHERE channel_id = $1 AND day = $2", channel_id, day)
        return _delivery(row) if row else None

    async def record_failure(self, channel_id: int, message: str, *, now: dt.datetime) -> None:
        await self._pool.execute(
            "UPDATE schedules SET last_failure = $1, last_failure_at = COALESCE($2, now()) WHERE channel_id = $3",
            message,
            self._at(now),
            channel_id,
        )

    async def remove_schedule(self, channel_id: int, message: str, *, now: dt.datetime) -> bool:
        async with self._pool.acquire() as db, db.transaction():
            row = await db.fetchrow(
                "DELETE FROM schedules WHERE channel_id = $1 RETURNING guild_id, channel_name", channel_id
            )
            if row is None:
                return False
            await db.execute(
                "UPDATE deliveries SET state = 'failed', error = $1 WHERE channel_id = $2 AND state = ANY($3::text[])",
                message,
                channel_id,
                _OPEN,
            )
            await db.execute(
                "INSERT INTO daily_notices (guild_id, channel_id, channel_name, message, created_at) "
                "VALUES ($1, $2, $3, $4, COALESCE($5, now()))",
                row["guild_id"],
                channel_id,
                row["channel_name"],
                message,
                self._at(now),
            )
        return True

    async def notices(self, guild_id: int, since: dt.datetime) -> list[Notice]:
        rows = await self._pool.fetch(
            "SELECT * FROM daily_notices WHERE guild_id = $1 AND created_at >= $2 ORDER BY created_at", guild_id, since
        )
        return [Notice(r["channel_id"], r["channel_name"], r["message"], r["created_at"]) for r in rows]

    async def prune(self, before: dt.date, notices_before: dt.datetime) -> int:
        async with self._pool.acquire() as db, db.transaction():
            old = await db.execute(
                "DELETE FROM deliveries WHERE day < $1 AND NOT (state = ANY($2::text[]))", before, _OPEN
            )
            gone = await db.execute("DELETE FROM daily_notices WHERE created_at < $1", notices_before)
        return _count(old) + _count(gone)

    # -- gateway ------------------------------------------------------------

    async def reserve_identify(self, bucket: int, spacing: dt.timedelta, now: dt.datetime) -> dt.timedelta:
        # One statement: the upsert locks the bucket's row, so concurrent reservations queue.
        row = await self._pool.fetchrow(
            """
            INSERT INTO identify_slots AS s (bucket, slot) VALUES ($1, COALESCE($3, now()))
            ON CONFLICT (bucket) DO UPDATE SET slot = GREATEST(COALESCE($3, now()), s.slot + $2::interval)
            RETURNING s.slot - COALESCE($3, now()) AS wait
            """,
            bucket,
            spacing,
            self._at(now),
        )
        assert row is not None
        wait = row["wait"]
        return wait if isinstance(wait, dt.timedelta) else dt.timedelta(0)

    # -- instances ----------------------------------------------------------

    async def register_instance(
        self, instance: Instance, *, now: dt.datetime, stale_after: dt.timedelta
    ) -> Instance | None:
        # One statement: the upsert locks the identity's row, so two processes starting together
        # cannot both take it. Heartbeats are by the database's clock (unless host_clock).
        async with self._pool.acquire() as db, db.transaction():
            taken = await db.fetchval(
                """
                INSERT INTO instances AS i (identity, session, hostname, pid, shards, started_at, heartbeat_at,
                                            scheduler_state, scheduler_pass_at, scheduler_error, scheduler_restarts,
                                            metrics)
                VALUES ($1, $2, $3, $4, $5, COALESCE($6, now()), COALESCE($6, now()), 'starting', NULL, NULL, 0, $7)
                ON CONFLICT (identity) DO UPDATE SET
                    session = excluded.session, hostname = excluded.hostname, pid = excluded.pid,
                    shards = excluded.shards, started_at = excluded.started_at,
                    heartbeat_at = excluded.heartbeat_at, scheduler_state = 'starting', scheduler_pass_at = NULL,
                    scheduler_error = NULL, scheduler_restarts = 0, metrics = excluded.metrics
                WHERE i.heartbeat_at IS NULL OR i.heartbeat_at <= COALESCE($6, now()) - $8::interval
                RETURNING 1
                """,
                instance.identity,
                instance.session,
                instance.hostname,
                instance.pid,
                instance.shards,
                self._at(now),
                instance.metrics,
                stale_after,
            )
            if taken:
                return None
            row = await db.fetchrow("SELECT * FROM instances WHERE identity = $1", instance.identity)
        assert row is not None
        return _instance(row)

    async def beat_instance(self, instance: Instance, *, now: dt.datetime) -> bool:
        return (
            await self._status(
                "UPDATE instances SET heartbeat_at = COALESCE($1, now()), scheduler_state = $2, "
                "scheduler_pass_at = $3, scheduler_error = $4, scheduler_restarts = $5, metrics = $6 "
                "WHERE identity = $7 AND session = $8",
                self._at(now),
                instance.scheduler_state,
                instance.scheduler_pass_at,
                instance.scheduler_error,
                instance.scheduler_restarts,
                instance.metrics,
                instance.identity,
                instance.session,
            )
            == 1
        )

    async def release_instance(self, instance: Instance, *, now: dt.datetime) -> None:
        await self._pool.execute(
            "UPDATE instances SET heartbeat_at = NULL, scheduler_state = 'stopped' WHERE identity = $1 AND session = $2",
            instance.identity,
            instance.session,
        )

    async def instances(self) -> list[Instance]:
        return [_instance(r) for r in await self._pool.fetch("SELECT * FROM instances ORDER BY identity")]

    async def forget_instance(self, identity: str, *, now: dt.datetime, stale_after: dt.timedelta) -> bool:
        return (
            await self._status(
                "DELETE FROM instances WHERE identity = $1 "
                "AND (heartbeat_at IS NULL OR heartbeat_at <= COALESCE($2, now()) - $3::interval)",
                identity,
                self._at(now),
                stale_after,
            )
            == 1
        )

    async def daily_overview(self, now: dt.datetime, lease: dt.timedelta) -> DailyOverview:
        at = self._at(now)
        async with self._pool.acquire() as db, db.transaction(isolation="repeatable_read", readonly=True):
            schedules = await db.fetchrow(
                "SELECT COUNT(*) FILTER (WHERE paused_reason IS NULL) AS active, "
                "COUNT(*) FILTER (WHERE paused_reason IS NOT NULL) AS paused, "
                "COUNT(*) FILTER (WHERE paused_reason IS NULL AND next_due <= COALESCE($1, now())) AS due "
                "FROM schedules",
                at,
            )
            open_ = await db.fetchrow(
                "SELECT COUNT(*) FILTER (WHERE state = 'sending' AND claimed_at > COALESCE($1, now()) - $2::interval) "
                "AS in_flight, "
                "COUNT(*) FILTER (WHERE state = 'sending' AND claimed_at <= COALESCE($1, now()) - $2::interval) "
                "AS expired, "
                "COUNT(*) FILTER (WHERE state = 'retry') AS retrying, "
                "COUNT(*) FILTER (WHERE state = 'retry' AND uncertain) AS uncertain "
                "FROM deliveries WHERE state = ANY($3::text[])",
                at,
                lease,
                _OPEN,
            )
            at_db = await db.fetchval("SELECT COALESCE($1, now())", at)
            recent = await db.fetch(
                "SELECT state, COUNT(*) AS n FROM deliveries WHERE due > COALESCE($1, now()) - interval '1 day' "
                "GROUP BY state ORDER BY state",
                at,
            )
        assert schedules is not None and open_ is not None
        return DailyOverview(
            active=schedules["active"],
            paused=schedules["paused"],
            due=schedules["due"],
            in_flight=open_["in_flight"],
            expired=open_["expired"],
            retrying=open_["retrying"],
            uncertain=open_["uncertain"],
            recent={r["state"]: r["n"] for r in recent},
            at=at_db,
        )

    # -- server settings ----------------------------------------------------

    async def citation_style(self, guild_id: int) -> str | None:
        style = await self._pool.fetchval("SELECT citation_style FROM guild_settings WHERE guild_id = $1", guild_id)
        return str(style) if style is not None else None

    async def set_citation_style(self, guild_id: int, style: str | None, *, now: dt.datetime) -> None:
        await self._pool.execute(
            "INSERT INTO guild_settings (guild_id, citation_style, updated_at) VALUES ($1, $2, COALESCE($3, now())) "
            "ON CONFLICT (guild_id) DO UPDATE SET citation_style = excluded.citation_style, "
            "updated_at = excluded.updated_at",
            guild_id,
            style,
            self._at(now),
        )

    async def guild_document(self, guild_id: int) -> str | None:
        symbol = await self._pool.fetchval("SELECT document FROM guild_settings WHERE guild_id = $1", guild_id)
        return str(symbol) if symbol is not None else None

    async def set_guild_document(self, guild_id: int, symbol: str | None, *, now: dt.datetime) -> None:
        await self._pool.execute(
            "INSERT INTO guild_settings (guild_id, document, updated_at) VALUES ($1, $2, COALESCE($3, now())) "
            "ON CONFLICT (guild_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at",
            guild_id,
            symbol,
            self._at(now),
        )

    # -- interface languages (bot.i18n) ---------------------------------------

    async def server_language(self, guild_id: int) -> str | None:
        language = await self._pool.fetchval("SELECT language FROM guild_settings WHERE guild_id = $1", guild_id)
        return str(language) if language is not None else None

    async def set_server_language(self, guild_id: int, language: str | None, *, now: dt.datetime) -> None:
        await self._pool.execute(
            "INSERT INTO guild_settings (guild_id, language, updated_at) VALUES ($1, $2, COALESCE($3, now())) "
            "ON CONFLICT (guild_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at",
            guild_id,
            language,
            self._at(now),
        )

    async def user_language(self, user_id: int) -> str | None:
        language = await self._pool.fetchval("SELECT language FROM user_settings WHERE user_id = $1", user_id)
        return str(language) if language is not None else None

    async def set_user_language(self, user_id: int, language: str | None, *, now: dt.datetime) -> None:
        if language is None:
            await self._pool.execute("DELETE FROM user_settings WHERE user_id = $1", user_id)
            return
        await self._pool.execute(
            "INSERT INTO user_settings (user_id, language, updated_at) VALUES ($1, $2, COALESCE($3, now())) "
            "ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at",
            user_id,
            language,
            self._at(now),
        )


def _count(status: str) -> int:
    """Rows a statement touched, from its status ("UPDATE 3")."""
    return int(status.rsplit(" ", 1)[-1])
