"""Discord misbehaving on what the bot sends: interaction callbacks, follow-ups and channel posts
answered 429 (with retry_after), 500, 502, 403, 404, left hanging, or the connection dropped.

The bot keeps answering the next interaction, loses no daily post, and logs each fault once,
without a traceback.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.config import Settings
from bot.content.library import Library
from bot.daily.schedule import Order
from bot.storage import DeliveryState
from tests.cogs.test_daily import daily, fast_retries
from tests.cogs.test_reading import message
from tests.conftest import DiscordEnv, close_env, make_env
from tests.fakediscord import (
    APP_ID,
    CHANNEL_ID,
    GUILD_ID,
    Answer,
    Recorded,
    channel_option,
    guild_create_payload,
    message_payload,
)

UTC = dt.UTC

FAULTS: dict[str, Answer] = {
    "429": Answer(429, {"message": "slow down", "retry_after": 0.05, "global": False}, {"Via": "1.1 google"}),
    "500": Answer(500, {"message": "Internal Server Error", "code": 0}),
    "502": Answer(502, {"message": "Bad Gateway", "code": 0}),
    "403": Answer(403, {"message": "Missing Access", "code": 50001}),
    "404": Answer(404, {"message": "Unknown interaction", "code": 10062}),
    "drop": Answer(drop=True),
}


class Faulty:
    """A responder that fails every try at the first path it sees (discord.py retries 5xx and 429
    itself), or hangs on it (fault None), while `on`; anything else is answered normally."""

    def __init__(self, fault: Answer | None, normal: Callable[[Recorded, re.Match[str]], Answer]) -> None:
        self.fault = fault
        self.normal = normal
        self.on = True
        self.failing: str | None = None

    async def __call__(self, request: Recorded, match: re.Match[str]) -> Answer:
        self.failing = self.failing or request.path
        if self.on and request.path == self.failing:
            if self.fault is None:
                await asyncio.sleep(3600)  # hangs until the bot gives up on it
            return self.fault  # type: ignore[return-value]
        return self.normal(request, match)


async def logged_once(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """The bot's warnings, once the bot has had time to give up (discord.py retries first)."""
    async with asyncio.timeout(10):
        while not problems(caplog):
            await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)  # nothing more follows
    return problems(caplog)


def problems(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith("bot")]


@pytest.mark.parametrize("fault", [*FAULTS, "hang"])
async def test_a_failed_callback_never_stops_the_next_answer(
    env: DiscordEnv, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, fault: str
) -> None:
    fast_retries(monkeypatch)
    env.server.route("POST", r"/interactions/(\d+)/([^/]+)/callback", Faulty(FAULTS.get(fault), env.server._callback))
    with caplog.at_level(logging.DEBUG):
        first = asyncio.create_task(env.invoke("paragraph", [{"name": "ref", "type": 3, "value": "4"}]))
        await env.server.wait_for(lambda r: "/callback" in r.path)
        await asyncio.sleep(0.3)  # discord.py's own retries, where it makes them
        second = await env.invoke("paragraph", [{"name": "ref", "type": 3, "value": "5"}])
        assert message(second)["embeds"][0]["title"].endswith("operative paragraph 5")
        logged = await logged_once(caplog)
        first.cancel()
    assert len(logged) == 1, [r.getMessage() for r in logged]
    assert "Could not answer /paragraph" in logged[0].getMessage()
    assert not [r for r in caplog.records if r.exc_info and r.name.startswith("bot")]


@pytest.mark.parametrize("fault", ["500", "403", "404", "drop"])
async def test_a_failed_follow_up_is_logged_once_and_the_bot_goes_on(
    env: DiscordEnv, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, fault: str
) -> None:
    fast_retries(monkeypatch)
    env.bot._connection.parse_guild_create(guild_create_payload())
    normal = lambda r, m: Answer(body=message_payload(CHANNEL_ID, r.json))  # noqa: E731
    env.server.route("POST", rf"/webhooks/{APP_ID}/([^/]+)", Faulty(FAULTS[fault], normal))
    with caplog.at_level(logging.DEBUG):
        opt, resolved = channel_option("channel", CHANNEL_ID)
        deferred = await env.invoke("daily", daily("set", [opt]), resolved=resolved)
        assert deferred.json["type"] == 5
        await env.server.wait_for(lambda r: r.path.startswith("/webhooks/"))
        await logged_once(caplog)
        after = await env.invoke("paragraph", [{"name": "ref", "type": 3, "value": "5"}])
        assert message(after)["embeds"]
    assert len(problems(caplog)) == 1, [r.getMessage() for r in problems(caplog)]
    assert await env.storage.get_schedule(CHANNEL_ID) is not None  # the work itself was done


@pytest.mark.parametrize("fault", [*FAULTS, "hang"])
async def test_no_daily_post_is_lost_to_a_fault(
    env: DiscordEnv, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, fault: str
) -> None:
    fast_retries(monkeypatch)
    bot = env.bot
    # The server is in the cache, as with the guilds intent: the bot knows it may read the history
    # (without knowing, a post whose outcome was lost and not found is never sent again).
    bot._connection.parse_guild_create(guild_create_payload())
    await bot.daily.set(GUILD_ID, CHANNEL_ID, dt.time(12, 30), ZoneInfo("UTC"), Order.DOCUMENT, env.clock.now())
    created: list[dict[str, Any]] = []

    def normal(request: Recorded, match: re.Match[str]) -> Answer:
        posted = env.server.create_message(CHANNEL_ID, request.json)  # Discord's nonce window and history
        created.append(posted)
        return Answer(body=posted)

    unknown_channel = Answer(404, {"message": "Unknown Channel", "code": 10003})
    chosen = unknown_channel if fault == "404" else FAULTS.get(fault)
    faulty = Faulty(chosen, normal)
    env.server.route("POST", rf"/channels/{CHANNEL_ID}/messages", faulty)
    env.clock.set(dt.datetime(2026, 11, 28, 12, 30, tzinfo=UTC))
    scheduler = env.scheduler(send_timeout=0.5)
    with caplog.at_level(logging.DEBUG):
        await scheduler.run_once()
        faulty.on = False  # Discord recovers
        env.clock.advance(minutes=10)  # past any retry
        await scheduler.run_once()
    record = await env.storage.get_delivery(CHANNEL_ID, dt.date(2026, 11, 28))
    assert record is not None
    if fault == "403":
        assert record.state is DeliveryState.FAILED  # paused: a person must fix the permission
        schedule = await env.storage.get_schedule(CHANNEL_ID)
        assert schedule is not None and schedule.paused_reason
    elif fault == "404":
        assert await env.storage.get_schedule(CHANNEL_ID) is None  # the channel is gone: its schedule too
    else:
        assert record.state is DeliveryState.SENT, (record.state, record.error)
        assert len(created) == 1  # exactly once
    assert len([r for r in problems(caplog) if "12-30" not in r.getMessage()]) <= 2
    assert not [r for r in caplog.records if r.exc_info and r.name.startswith("bot")]


async def proxied_daily_post(env: DiscordEnv, answers: list[Answer]) -> tuple[list[str], DeliveryState]:
    """One daily post through a REST proxy whose first answers are `answers`; the POSTs made and the
    delivery's state after one scheduler pass."""
    await env.bot.daily.set(GUILD_ID, CHANNEL_ID, dt.time(12, 30), ZoneInfo("UTC"), Order.DOCUMENT, env.clock.now())
    tries: list[str] = []

    def proxy(request: Recorded, match: re.Match[str]) -> Answer:
        tries.append(request.path)
        return (
            answers[len(tries) - 1]
            if len(tries) <= len(answers)
            else Answer(body=message_payload(CHANNEL_ID, request.json))
        )

    env.server.route("POST", rf"/channels/{CHANNEL_ID}/messages", proxy)
    env.clock.set(dt.datetime(2026, 11, 28, 12, 30, tzinfo=UTC))
    await env.scheduler(send_timeout=5).run_once()
    record = await env.storage.get_delivery(CHANNEL_ID, dt.date(2026, 11, 28))
    assert record is not None
    return tries, record.state


PROXY_429 = Answer(429, {"message": "proxy: global budget spent", "retry_after": 0.02}, {"Retry-After": "0.02"})


@pytest.fixture
async def proxied_env(library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AsyncIterator[DiscordEnv]:
    """A bot configured with `discord_api_base`: its REST requests go through a proxy of its own."""
    settings = Settings("test", (), None, 0, discord_api_base="http://rest-proxy.internal:8080/api/v10")
    environment = await make_env(library, monkeypatch, tmp_path / "bot.sqlite3", settings=settings)
    try:
        yield environment
    finally:
        await close_env(environment)


async def test_a_proxys_own_429_without_via_is_waited_out_and_retried(
    proxied_env: DiscordEnv, caplog: pytest.LogCaptureFixture
) -> None:
    """A shared REST proxy answers its own 429 (no `Via` header): discord.py alone would raise at once."""
    with caplog.at_level(logging.WARNING):
        tries, state = await proxied_daily_post(proxied_env, [PROXY_429, PROXY_429])
    assert (len(tries), state) == (3, DeliveryState.SENT)  # two short waits, then posted in the same pass
    assert len([r for r in caplog.records if "429 without Via" in r.getMessage()]) == 2


async def test_a_429_without_via_that_persists_is_raised_after_a_few_tries(proxied_env: DiscordEnv) -> None:
    tries, state = await proxied_daily_post(proxied_env, [PROXY_429] * 10)
    assert (len(tries), state) == (4, DeliveryState.RETRY)  # given up for now; the scheduler tries again later


async def test_without_a_proxy_a_429_without_via_is_never_retried(
    env: DiscordEnv, caplog: pytest.LogCaptureFixture
) -> None:
    """Straight from Discord, a 429 without `Via` is Cloudflare banning the IP: another try only
    lengthens the ban. With no `discord_api_base`, one request, then the post waits for its retry."""
    cloudflare_ban = Answer(429, {"message": "You are being blocked"}, {"Retry-After": "0.02"})
    with caplog.at_level(logging.WARNING):
        tries, state = await proxied_daily_post(env, [cloudflare_ban] * 10)
    assert (len(tries), state) == (1, DeliveryState.RETRY)
    assert not [r for r in caplog.records if "429 without Via" in r.getMessage()]
