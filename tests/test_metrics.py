"""Prometheus metrics: answers counted by command, kind and outcome, timed, and served at /metrics
from the bot's own loop; daily posts counted; nothing served unless metrics_port is set."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import socket
import sys
from pathlib import Path

import aiohttp
import pytest

from bot.config import MetricsPortInUse, Settings
from bot.content.library import Library
from bot.daily.delivery import Pacer
from bot.daily.health import SchedulerHealth
from bot.metrics import Metrics
from tests.conftest import FIXTURE_DOC, ROOT, START, close_env, make_env
from tests.fakediscord import CHANNEL_ID, GUILD_ID, Answer, FakeDiscord, chat_message, interaction_payload, option
from tests.storage.test_sqlite import schedule


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def sample(text: str, name: str, **labels: str) -> float | None:
    """The value of one sample in Prometheus's text format."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        key, _, value = line.rpartition(" ")
        metric, _, rest = key.partition("{")
        found = ",".join(sorted(rest.rstrip("}").split(","))) if rest else ""
        if metric == name and found == wanted:
            return float(value)
    return None


async def scrape(port: int) -> str:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/metrics") as response:
        assert response.status == 200
        return await response.text()


async def test_answers_are_counted_timed_and_served(
    library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    port = free_port()
    settings = Settings("test", (), None, 0, metrics_port=port)
    metrics = Metrics()
    env = await make_env(library, monkeypatch, tmp_path / "bot.sqlite3", settings=settings, metrics=metrics)
    try:
        await env.invoke("paragraph", [option("ref", "4")])
        await env.invoke("paragraph", [option("ref", "OP 99")])  # refused: no such paragraph
        await env.invoke("paragraph", [option("ref", "terror", focused=True)], autocomplete=True)
        await env.invoke("verse", [option("ref", "4")])  # removed since the last sync
        await env.dispatch(interaction_payload("Quote cited paragraphs", target=chat_message("see para 4")))
        await asyncio.sleep(0.05)  # the tree records after the answer is sent
        text = await scrape(port)
    finally:
        await close_env(env)

    def commands(command: str, kind: str, outcome: str) -> float | None:
        return sample(text, "resolution_bot_commands_total", command=command, kind=kind, outcome=outcome)

    assert commands("paragraph", "command", "ok") == 1
    assert commands("paragraph", "command", "refused") == 1
    assert commands("paragraph", "autocomplete", "ok") == 1
    assert commands("unknown", "command", "not_found") == 1
    assert commands("Quote cited paragraphs", "context_menu", "ok") == 1
    assert sample(text, "resolution_bot_answer_seconds_count", kind="command") == 3
    assert sample(text, "resolution_bot_invalid_requests") == 0
    assert sample(text, "resolution_bot_daily_posts_total", event="sent") == 0  # present before the first post
    with pytest.raises(aiohttp.ClientConnectionError):  # closed with the bot
        await scrape(port)


async def test_daily_posts_and_invalid_requests_are_counted(
    library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    metrics = Metrics()
    env = await make_env(library, monkeypatch, tmp_path / "bot.sqlite3", metrics=metrics)
    try:
        forbidden = CHANNEL_ID + 1
        env.server.route("POST", rf"/channels/{forbidden}/messages", lambda r, m: Answer(403, {"code": 50013}))
        for channel in (CHANNEL_ID, forbidden):
            due = dataclasses.replace(schedule(channel, guild_id=GUILD_ID, due=START), document=library.default_symbol)
            await env.storage.save_schedule(due, now=START)
        env.bot.scheduler.pacer = Pacer(1e6)
        assert await env.bot.scheduler.run_once() == 2
        text = metrics.render().decode()
    finally:
        await close_env(env)
    assert sample(text, "resolution_bot_daily_posts_total", event="sent") == 1
    assert sample(text, "resolution_bot_daily_posts_total", event="failed") == 1
    assert sample(text, "resolution_bot_daily_posts_total", event="paused") == 1
    assert sample(text, "resolution_bot_invalid_requests") == 1  # the 403, seen by the HTTP trace


async def test_no_metrics_port_serves_nothing(
    library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env = await make_env(library, monkeypatch, tmp_path / "bot.sqlite3")
    try:
        assert env.bot.metrics is None and env.bot._metrics_server is None
        assert env.bot.scheduler.on_event is None
    finally:
        await close_env(env)


def test_gateway_latency_is_shown_per_shard_once_known() -> None:
    metrics = Metrics()
    metrics.watch(lambda: 7, lambda: [(0, 0.042), (1, float("inf")), (2, float("nan")), (3, 0.1)])
    text = metrics.render().decode()
    assert sample(text, "resolution_bot_gateway_latency_seconds", shard="0") == 0.042
    assert sample(text, "resolution_bot_gateway_latency_seconds", shard="3") == 0.1
    assert sample(text, "resolution_bot_gateway_latency_seconds", shard="1") is None  # no heartbeat answered yet
    assert sample(text, "resolution_bot_gateway_latency_seconds", shard="2") is None
    assert sample(text, "resolution_bot_invalid_requests") == 7


def test_the_schedulers_health_is_exported() -> None:
    health = SchedulerHealth()
    metrics = Metrics()
    metrics.watch_scheduler(lambda: health)
    text = metrics.render().decode()
    assert sample(text, "resolution_bot_scheduler_up") == 1  # starting
    assert sample(text, "resolution_bot_scheduler_last_pass_timestamp_seconds") is None  # no pass yet
    health.passed(START)
    health.failed(ConnectionResetError("connection lost"), restarting=True)
    text = metrics.render().decode()
    assert sample(text, "resolution_bot_scheduler_up") == 0
    assert sample(text, "resolution_bot_scheduler_state", state="restarting") == 1
    assert sample(text, "resolution_bot_scheduler_state", state="running") == 0
    assert sample(text, "resolution_bot_scheduler_last_pass_timestamp_seconds") == START.timestamp()
    assert sample(text, "resolution_bot_scheduler_restarts_total") == 1


async def test_a_second_process_serves_on_the_next_free_port_of_the_range() -> None:
    first = free_port()
    with socket.socket() as taken:  # an earlier process of this host
        taken.bind(("127.0.0.1", first))
        taken.listen()
        runner, port = await Metrics().serve_first_free("127.0.0.1", first, first + 5)
        try:
            assert port > first
            assert "resolution_bot_commands" in await scrape(port)
        finally:
            await runner.cleanup()
        with pytest.raises(MetricsPortInUse, match=f"metrics_port: port {first} is already in use on 127.0.0.1"):
            await Metrics().serve_first_free("127.0.0.1", first)


async def test_a_taken_metrics_port_stops_start_up_saying_so(tmp_path: Path) -> None:
    """The bot logs in, then finds its metrics port taken (another instance of the template unit):
    it says exactly that, and exits 2, not "Cannot reach Discord"."""
    server = FakeDiscord()
    base = await server.start()
    port = free_port()
    config = tmp_path / "config.yaml"
    config.write_text(
        f"documents: [{FIXTURE_DOC}]\ndatabase: {tmp_path / 'bot.sqlite3'}\n"
        f"discord_api_base: {base}\nmetrics_port: {port}\n",
        encoding="utf-8",
    )
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                "--config",
                str(config),
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT), "DISCORD_TOKEN": "x.y.z"},
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE,
            )
            _, err = await asyncio.wait_for(process.communicate(), 60)
        finally:
            await server.stop()
    message = err.decode()
    assert process.returncode == 2, message
    assert f"Cannot start: metrics_port: port {port} is already in use on 127.0.0.1" in message
    assert "Cannot reach Discord" not in message and "Traceback" not in message
