"""`python -m bot status`: an operator's view, from the database, of which processes are alive,
their shards, their schedulers' health, and the state of the daily posts."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from pathlib import Path

from bot.daily.health import SchedulerHealth
from bot.instances import STALE_AFTER, InstanceRegistry
from bot.status import render_status
from bot.storage import DailyOverview, Instance
from bot.storage.sqlite import SQLiteStorage
from tests.clock import FakeClock
from tests.conftest import FIXTURE_DOC
from tests.storage.test_sqlite import TOMORROW, delivery_for, schedule
from tests.test_cli import run

UTC = dt.UTC
QUIET = DailyOverview(
    active=3,
    paused=1,
    due=0,
    in_flight=0,
    expired=0,
    retrying=0,
    uncertain=0,
    recent={"sent": 3},
    at=dt.datetime(2026, 11, 28, 12, tzinfo=UTC),
)


def test_a_healthy_fleet_reads_plainly() -> None:
    now = dt.datetime(2026, 11, 28, 12, tzinfo=UTC)
    alive = Instance(
        identity="bot-a shards 0-3 of 8",
        session="s",
        hostname="host-a",
        pid=10,
        shards="0-3 of 8",
        started_at=now - dt.timedelta(hours=3),
        heartbeat_at=now - dt.timedelta(seconds=4),
        scheduler_state="running",
        scheduler_pass_at=now - dt.timedelta(seconds=12),
        metrics="127.0.0.1:9108",
    )
    stopped = dataclasses.replace(alive, identity="bot-b shards 4-7 of 8", heartbeat_at=None, scheduler_state="stopped")
    text, healthy = render_status([alive, stopped], QUIET, now, STALE_AFTER)
    assert healthy and text.endswith("All is well.")
    assert text.splitlines()[:5] == [
        "Processes: 1 alive, 1 stopped",
        "  bot-a shards 0-3 of 8: alive (pid 10 on host-a, heartbeat 4 s ago, started 3 h ago)",
        "    daily scheduler: running, last pass 12 s ago",
        "    metrics: http://127.0.0.1:9108/metrics",
        "  bot-b shards 4-7 of 8: stopped (pid 10 on host-a, stopped cleanly)",
    ]
    assert "  schedules: 3 active, 1 paused (the reason shows in /daily status)" in text


def test_a_silent_process_a_failing_scheduler_and_abandoned_claims_need_attention() -> None:
    now = dt.datetime(2026, 11, 28, 12, tzinfo=UTC)
    failing = Instance(
        identity="bot-a all shards",
        session="s",
        hostname="host-a",
        pid=10,
        shards="all",
        started_at=now - dt.timedelta(minutes=5),
        heartbeat_at=now - dt.timedelta(seconds=3),
        scheduler_state="restarting",
        scheduler_error="ConnectionDoesNotExistError: connection was closed in the middle of operation",
        scheduler_restarts=3,
    )
    silent = dataclasses.replace(failing, identity="bot-b all shards", heartbeat_at=now - dt.timedelta(minutes=10))
    overview = dataclasses.replace(QUIET, expired=2, retrying=4, uncertain=1, recent={"sending": 2, "sent": 7})
    text, healthy = render_status([failing, silent], overview, now, STALE_AFTER)
    assert not healthy and text.endswith("Something needs attention (see above).")
    assert "    daily scheduler: restarting, last pass never, restarted 3 time(s) after errors" in text
    assert "    last error: ConnectionDoesNotExistError: connection was closed in the middle of operation" in text
    assert "  bot-b all shards: SILENT (pid 10 on host-a; last heartbeat 10 min ago: it died or hangs" in text
    assert "  claimed by a process that went quiet (taken over once the lease runs out): 2" in text
    assert "  waiting to retry: 4, of which 1 may have reached Discord" in text
    assert "  due in the last 24 hours, by state: sending 2, sent 7" in text


def test_status_reads_the_database_the_config_names(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    asyncio.run(_a_running_bot(database))
    (tmp_path / "config.yaml").write_text(f"documents: [{FIXTURE_DOC}]\ndatabase: {database}\n", encoding="utf-8")
    result = run("status", "--config", str(tmp_path / "config.yaml"))  # no token needed
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Processes: 1 alive" in out and "  host-a all shards: alive (pid 10 on host-a" in out
    assert "    daily scheduler: running, last pass " in out
    assert "  being sent: 1" in out
    assert out.rstrip().endswith("All is well.")


def test_status_without_any_process_says_no_post_goes_out(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text(f"documents: [{FIXTURE_DOC}]\ndatabase: bot.sqlite3\n", encoding="utf-8")
    result = run("status", "--config", str(tmp_path / "config.yaml"))
    assert result.returncode == 1
    assert "Processes: none has ever run against this database" in result.stdout
    assert "  No process is alive: no daily post goes out." in result.stdout


async def _a_running_bot(database: Path) -> None:
    storage = await SQLiteStorage.open(database)
    try:
        now = dt.datetime.now(UTC).replace(microsecond=0)
        clock = FakeClock(now)
        registry = InstanceRegistry(
            storage, clock, Instance(identity="host-a all shards", session="s", hostname="host-a", pid=10, shards="all")
        )
        await registry.register()
        health = SchedulerHealth()
        health.passed(now)
        await registry.beat(health)
        s = schedule(due=now)
        await storage.save_schedule(s, now=now)
        await storage.claim(s, dataclasses.replace(delivery_for(s), claimed_at=now), TOMORROW.date(), TOMORROW)
    finally:
        await storage.close()


def test_a_process_whose_shards_are_gone_can_be_forgotten(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    asyncio.run(_a_running_bot(database))
    asyncio.run(_gone_after_a_reshard(database))
    (tmp_path / "config.yaml").write_text(f"documents: [{FIXTURE_DOC}]\ndatabase: {database}\n", encoding="utf-8")
    before = run("status", "--config", str(tmp_path / "config.yaml"))
    assert before.returncode == 1 and "  host-a shards 3-5 of 8: SILENT" in before.stdout
    alive = run("status", "--config", str(tmp_path / "config.yaml"), "--forget", "host-a all shards")
    assert alive.returncode == 1 and "a live one can't be forgotten" in alive.stdout
    after = run("status", "--config", str(tmp_path / "config.yaml"), "--forget", "host-a shards 3-5 of 8")
    assert after.returncode == 0, after.stdout
    assert after.stdout.startswith("Forgot “host-a shards 3-5 of 8”.\nProcesses: 1 alive\n")


async def _gone_after_a_reshard(database: Path) -> None:
    storage = await SQLiteStorage.open(database)
    try:
        old = Instance(identity="host-a shards 3-5 of 8", session="x", hostname="host-a", pid=9, shards="3-5 of 8")
        long_ago = dt.datetime.now(UTC) - dt.timedelta(days=2)
        assert await storage.register_instance(old, now=long_ago, stale_after=STALE_AFTER) is None
    finally:
        await storage.close()
