"""The PostgreSQL server the tests use: reachable or not, and a fresh schema per test.

`.ci/run` sets RB_REQUIRE_POSTGRES=1: there, a missing server fails the PostgreSQL tests.
Elsewhere they are skipped, and the run's summary says so.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

DSN = os.environ.get("RB_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
REQUIRED = os.environ.get("RB_REQUIRE_POSTGRES") == "1"
SKIP_REASON = f"PostgreSQL not reachable at {DSN} (set RB_TEST_POSTGRES to point at one)"

_reachable: bool | None = None
skipped: list[str] = []  # test ids skipped for want of a server, for the run's summary


async def reachable() -> bool:
    """Whether the test server answers (asked once per run)."""
    global _reachable
    if _reachable is None:
        try:
            import asyncpg

            connection = await asyncpg.connect(DSN, timeout=3)
            await connection.close()
            _reachable = True
        except (TimeoutError, OSError, ImportError, Exception):
            _reachable = False
    return _reachable


async def require(request: pytest.FixtureRequest) -> None:
    """Skip (or, in CI, fail) the test when there is no server."""
    if await reachable():
        return
    if REQUIRED:
        pytest.fail(f"{SKIP_REASON}; CI requires it (RB_REQUIRE_POSTGRES=1)")
    skipped.append(request.node.nodeid)
    pytest.skip(SKIP_REASON)


async def database_now() -> dt.datetime:
    """The test server's clock (`now()`), which PostgresStorage uses for claims and leases."""
    import asyncpg

    connection = await asyncpg.connect(DSN, timeout=10)
    try:
        value = await connection.fetchval("SELECT now()")
    finally:
        await connection.close()
    assert isinstance(value, dt.datetime)
    return value


@asynccontextmanager
async def fresh_schema() -> AsyncIterator[str]:
    """A schema of its own for one test, dropped afterwards."""
    import asyncpg

    name = f"rb_test_{secrets.token_hex(6)}"
    try:
        yield name
    finally:
        connection = await asyncpg.connect(DSN, timeout=10)
        try:
            await connection.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        finally:
            await connection.close()
