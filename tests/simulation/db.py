"""The database under the real `SQLiteStorage`: one SQLite file, one connection per process, no threads.

aiosqlite runs each call on a worker thread and wakes the loop when it is done. Under a
virtual clock that is a race: time could jump while a query is in flight, and the order in
which two processes' queries finish would depend on the OS scheduler. `InlineConnection` is
aiosqlite's `Connection` with the thread hop taken out: each call runs on the loop's thread,
so it is finished before anything else happens, and virtual time never moves during one.

What the thread gave for free is rebuilt in virtual time:
- SQLite's busy timeout (another process holds the write lock): the call backs off in virtual
  time and tries again, for at most `BUSY_TIMEOUT` virtual seconds, then fails like SQLite does;
- a little latency per call, drawn from the seed, so processes interleave between calls.

And the faults the database can have:
- kill -9 of the process: its connection closes, its open transaction rolls back;
- the database restarts: for a while every call of every process fails, open transactions
  roll back (as when PostgreSQL restarts; for SQLite, as an I/O error would);
- a connection lost mid-transaction: that process's transaction rolls back, the call fails.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import sqlite3
from collections.abc import Callable
from typing import Any

import aiosqlite

from bot.storage.sqlite import SQLiteStorage

BUSY_TIMEOUT = 10.0  # as bot/storage/sqlite.py sets it
BUSY_STEPS = (0.001, 0.002, 0.005, 0.01, 0.015, 0.02, 0.025, 0.025, 0.025, 0.05, 0.05, 0.1)  # SQLite's own


class DatabaseDown(sqlite3.OperationalError):
    pass


class SimDatabase:
    """The shared file and what happens to it: outages, and which process it is failing."""

    def __init__(self, path: str, rng: random.Random, loop: asyncio.AbstractEventLoop) -> None:
        self.path = path
        self.rng = rng
        self.loop = loop
        self.down_until = -1.0
        self.connections: list[InlineConnection] = []
        self.calls = 0
        self.max_latency = 0.002
        self.drop_next: set[str] = set()  # processes whose next call inside a transaction loses the connection

    def restart(self, seconds: float) -> None:
        """The database goes away for `seconds`: every open transaction rolls back."""
        self.down_until = self.loop.time() + seconds
        for connection in self.connections:
            connection.rollback_now()

    def open_sync(self, owner: str, *, faults: bool = True) -> SQLiteStorage:
        """A new process's `SQLiteStorage` on the shared (already migrated) file; the observer's
        connection (`faults=False`) reads the truth and never fails."""
        raw = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        raw.execute("PRAGMA busy_timeout = 0")  # waiting happens in virtual time instead
        raw.execute("PRAGMA synchronous = OFF")  # a temporary file: durability against power loss is not tested
        connection = InlineConnection(self, owner, raw, faults=faults)
        self.connections.append(connection)
        return SQLiteStorage(connection)


class InlineConnection(aiosqlite.Connection):
    def __init__(self, db: SimDatabase, owner: str, raw: sqlite3.Connection, *, faults: bool = True) -> None:
        super().__init__(lambda: raw, 64)
        self.faults = faults
        self._connection = raw
        self._connection.row_factory = aiosqlite.Row
        self.sim = db
        self.owner = owner

    def rollback_now(self) -> None:
        if self.faults and self._connection is not None and self._connection.in_transaction:
            self._connection.rollback()

    def kill(self) -> None:
        """The process died: the OS closes its file, which releases its locks; SQLite rolls its
        transaction back. Closing alone is not that: with a statement still open (a cursor read
        half-way), sqlite3 keeps the connection, and its write lock, until the statement is
        finalized, which a dead process never does (seed 372: the database stayed locked)."""
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.rollback()  # resets every open statement, releases the lock
            self._connection.close()
            self._connection = None
        self._running = False

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        sim = self.sim
        latency = sim.rng.random() * sim.max_latency
        await asyncio.sleep(latency)  # let other processes run between two calls
        waited, tries = 0.0, 0
        while True:
            if not self._running or self._connection is None:
                raise ValueError("Connection closed")
            sim.calls += 1
            if self.faults and sim.loop.time() < sim.down_until:
                raise DatabaseDown("the database is restarting (connection lost)")
            if self.owner in sim.drop_next and self._connection.in_transaction:
                sim.drop_next.discard(self.owner)
                self._connection.rollback()
                raise DatabaseDown("connection lost in the middle of a transaction")
            try:
                return fn(*args, **kwargs)
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if waited >= BUSY_TIMEOUT:
                    raise
            step = BUSY_STEPS[min(tries, len(BUSY_STEPS) - 1)]
            tries += 1
            await asyncio.sleep(step)
            waited += step

    async def close(self) -> None:
        self.kill()

    def __await__(self) -> Any:  # pragma: no cover - never awaited: already connected
        raise RuntimeError("InlineConnection is connected when made")
