"""Every storage engine behind one fixture: the contract tests run once per engine."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.storage import Storage
from bot.storage.sqlite import SQLiteStorage
from tests import postgres


@dataclass
class Engine:
    """Opens storages on one database: a second `open()` is another process on the same data."""

    name: str
    _open: Callable[[], Awaitable[Storage]]
    opened: list[Storage] = field(default_factory=list)

    async def open(self) -> Storage:
        storage = await self._open()
        self.opened.append(storage)
        return storage


@pytest.fixture(params=["sqlite", "postgresql"])
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Engine]:
    if request.param == "sqlite":
        path = tmp_path / "bot.sqlite3"
        found = Engine("sqlite", lambda: SQLiteStorage.open(path))
        try:
            yield found
        finally:
            for storage in found.opened:
                await storage.close()
        return
    await postgres.require(request)
    from bot.storage.postgresql import PostgresStorage

    async with postgres.fresh_schema() as schema:
        # The caller's clock, as SQLite: these tests move time by hand. The database's own clock
        # is tested in test_postgresql.py.
        found = Engine("postgresql", lambda: PostgresStorage.open(postgres.DSN, schema=schema, host_clock=True))
        try:
            yield found
        finally:
            for storage in found.opened:
                await storage.close()


@pytest.fixture
async def storage(engine: Engine) -> Storage:
    return await engine.open()
