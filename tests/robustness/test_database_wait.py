"""PostgreSQL not reachable at boot (issue 13, item 7): the bot waits for it, with a clear log line
and backoff, and opens it once it appears; it never exits 2 for a server that is merely down."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.__main__ import open_storage
from bot.config import load_settings
from bot.memory import pause_collection
from tests import postgres
from tests.conftest import FIXTURE_DOC


def closed_port() -> int:
    """A port nothing listens on (yet)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def forwarder(port: int, to_host: str, to_port: int) -> AsyncIterator[None]:
    """The PostgreSQL server "appears" on `port`: every connection there is piped to the real one."""

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def handle(client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        server_r, server_w = await asyncio.open_connection(to_host, to_port)
        await asyncio.gather(pipe(client_r, server_w), pipe(server_r, client_w))

    server = await asyncio.start_server(handle, "127.0.0.1", port)
    try:
        yield
    finally:
        server.close()


async def test_a_database_that_is_not_reachable_yet_is_waited_for_then_opened(
    request: pytest.FixtureRequest, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    await postgres.require(request)
    real = urlsplit(postgres.DSN)
    port = closed_port()
    async with postgres.fresh_schema() as schema, contextlib.AsyncExitStack() as stack:
        # The schema of this test: asyncpg passes unknown URL parameters on as server settings.
        url = f"postgresql://{real.username}@127.0.0.1:{port}{real.path}?search_path={schema}"
        await _create_schema(schema)
        (tmp_path / "config.yaml").write_text(f"documents: [{FIXTURE_DOC}]\ndatabase: {url}\n", encoding="utf-8")
        settings = load_settings(tmp_path / "config.yaml")
        waits: list[float] = []

        async def sleep(seconds: float) -> None:
            waits.append(seconds)
            if len(waits) == 3:  # after the third failed try, the server comes up
                await stack.enter_async_context(forwarder(port, real.hostname or "127.0.0.1", real.port or 5432))

        with caplog.at_level(logging.WARNING, logger="bot"):
            storage = await open_storage(settings, sleep=sleep)
        try:
            assert await storage.instances() == []  # migrated (the latest table is there), in this schema
        finally:
            await storage.close()
    assert waits == [1.0, 2.0, 4.0]
    logged = [r.getMessage() for r in caplog.records if "not reachable yet" in r.getMessage()]
    assert len(logged) == 3
    assert logged[0].startswith(f"The database is not reachable yet ({url}: ")
    assert logged[0].endswith("trying again in 1 s")


class GaveUp(Exception):
    """The test stops waiting (the bot itself would wait on)."""


async def test_a_start_waiting_for_its_database_collects_cycles_again(tmp_path: Path) -> None:
    # `python -m bot run` pauses the cyclic collector until it has logged in (bot/memory.py); a wait
    # that may last minutes must not keep it paused.
    (tmp_path / "config.yaml").write_text(
        f"documents: [{FIXTURE_DOC}]\ndatabase: postgresql://bot@127.0.0.1:{closed_port()}/bot\n", encoding="utf-8"
    )
    collecting: list[bool] = []

    async def sleep(seconds: float) -> None:
        collecting.append(gc.isenabled())
        raise GaveUp

    pause_collection()
    try:
        with pytest.raises(GaveUp):
            await open_storage(load_settings(tmp_path / "config.yaml"), sleep=sleep)
    finally:
        gc.unfreeze()
        gc.enable()
    assert collecting == [True]


async def test_the_wait_between_tries_doubles_up_to_30_seconds(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text(
        f"documents: [{FIXTURE_DOC}]\ndatabase: postgresql://bot@127.0.0.1:{closed_port()}/bot\n", encoding="utf-8"
    )
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 8:
            raise GaveUp

    with pytest.raises(GaveUp):
        await open_storage(load_settings(tmp_path / "config.yaml"), sleep=sleep)
    assert waits == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0, 30.0]


async def _create_schema(schema: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(postgres.DSN, timeout=10)
    try:
        await connection.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    finally:
        await connection.close()
