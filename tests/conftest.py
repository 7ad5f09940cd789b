"""Shared fixtures: the shipped document, the test fixture document, a bot wired to FakeDiscord."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.answers import Answers
from bot.client import ResolutionBot
from bot.content.library import Library, load_library
from bot.content.model import Document
from bot.daily.delivery import Pacer, Scheduler
from bot.daily.discord_poster import DiscordPoster
from bot.storage.sqlite import SQLiteStorage
from tests.clock import FakeClock
from tests.fakediscord import (
    BOT_ID,
    BOT_TOKEN,
    CHANNEL_ID,
    FakeDiscord,
    Recorded,
    component_payload,
    interaction_payload,
    message_payload,
    user_payload,
)

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content" / "a-res-62-152.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_DOC = FIXTURES / "a-res-99-1.yaml"


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library([CONTENT], None)


@pytest.fixture(scope="session")
def doc(library: Library) -> Document:
    return library.default


@pytest.fixture(scope="session")
def answers(library: Library) -> Answers:
    return Answers(library)


START = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)
INTERACTION_TOKEN_MARK = "OnRva2VuLXNlY3JldC12YWx1ZQ"  # the tail of every fake interaction token
BOT_TOKEN_MARK = "fakeTokenForTestsOnly"


class _EveryLine(logging.Handler):
    """Formats every record the whole suite logs, after the bot's redaction filter, as production does."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.leaks: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        line = self.format(record)
        if BOT_TOKEN_MARK in line or INTERACTION_TOKEN_MARK in line:
            self.leaks.append(line[:300])


@pytest.fixture(scope="session", autouse=True)
def no_token_in_any_log_line() -> Iterator[None]:
    """Across the whole suite, at DEBUG level: no bot token and no interaction token in any log line."""
    from bot.logsafety import RedactingFilter

    handler = _EveryLine()
    handler.addFilter(RedactingFilter((BOT_TOKEN,)))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    quiet = logging.getLogger("aiosqlite")  # every SQL call at DEBUG: noise, and no tokens pass through it
    quiet.setLevel(logging.INFO)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
        quiet.setLevel(logging.NOTSET)
    assert not handler.leaks, handler.leaks[:3]


@dataclass
class DiscordEnv:
    """A logged-in bot whose HTTP goes to a recording FakeDiscord, on a real SQLite file and a hand-moved clock."""

    bot: ResolutionBot
    server: FakeDiscord
    storage: SQLiteStorage
    clock: FakeClock

    async def invoke(self, command: str, options: list[dict[str, Any]] | None = None, **kw: Any) -> Recorded:
        """Dispatch a raw INTERACTION_CREATE and return the callback the bot POSTed."""
        return await self.dispatch(interaction_payload(command, options, **kw))

    async def dispatch(self, payload: dict[str, Any]) -> Recorded:
        """Hand a raw INTERACTION_CREATE to discord.py and return the callback the bot POSTed."""
        self.bot._connection.parse_interaction_create(payload)  # type: ignore[arg-type]
        prefix = f"/interactions/{payload['id']}/"
        return await self.server.wait_for(lambda r: r.path.startswith(prefix))

    def scheduler(self, **options: Any) -> Scheduler:
        """A daily-post scheduler on this bot's real HTTP stack, storage and clock, unpaced."""
        return Scheduler(
            self.storage, self.bot.library, DiscordPoster(self.bot), clock=self.clock, pacer=Pacer(1e6), **options
        )

    async def click(self, sent: Recorded, label: str, **kw: Any) -> Recorded:
        """Click the button labelled `label` on the message a callback created (as Discord would show it)."""
        data = sent.json["data"]
        buttons = [c for row in data.get("components", []) for c in row["components"]]
        (button,) = [b for b in buttons if b.get("label") == label]
        assert not button.get("disabled"), f"{label} is disabled"
        shown = message_payload(CHANNEL_ID, data, author=user_payload(BOT_ID, "resolution-bot", bot=True))
        return await self.dispatch(component_payload(shown, button["custom_id"], **kw))


async def make_env(library: Library, monkeypatch: pytest.MonkeyPatch, database: Path, **bot_options: Any) -> DiscordEnv:
    server = FakeDiscord()
    monkeypatch.setattr(discord.http.Route, "BASE", await server.start())
    storage = await SQLiteStorage.open(database)
    clock = FakeClock(START)
    server.now = clock.now  # the nonce window and message ids run on the test's clock
    bot = ResolutionBot(library, storage, clock=clock, run_scheduler=False, **bot_options)
    await bot.login(BOT_TOKEN)
    return DiscordEnv(bot, server, storage, clock)


async def close_env(environment: DiscordEnv) -> None:
    # Nothing the bot sent (replies, posts, commands) carries its token.
    for request in environment.server.requests:
        assert BOT_TOKEN_MARK not in json.dumps(request.body), request.path
    await environment.bot.close()
    await environment.storage.close()
    await environment.server.stop()


@pytest.fixture
async def storage(tmp_path: Path) -> AsyncIterator[SQLiteStorage]:
    opened = await SQLiteStorage.open(tmp_path / "bot.sqlite3")
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
async def env(library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AsyncIterator[DiscordEnv]:
    environment = await make_env(library, monkeypatch, tmp_path / "bot.sqlite3")
    try:
        yield environment
    finally:
        await close_env(environment)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say plainly when the PostgreSQL tests did not run (no server on this machine)."""
    from tests import postgres

    if postgres.skipped:
        terminalreporter.write_line(
            f"PostgreSQL: {len(postgres.skipped)} tests skipped: {postgres.SKIP_REASON}. "
            "CI runs them (RB_REQUIRE_POSTGRES=1).",
            yellow=True,
        )
