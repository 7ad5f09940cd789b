"""Shard clusters: which shards a process runs, what it posts, its share of the REST budget,
and IDENTIFYs paced across every process through the shared database."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from pathlib import Path

import pytest
from discord.ext import commands

from bot.client import ResolutionBot
from bot.config import DailySettings, Settings, Shards, format_shard_ids, load_settings, parse_shard_ids
from bot.content.library import Library
from bot.content.yamlfile import FileProblems
from bot.identify import IdentifyGate, SessionLimits
from bot.storage import ShardFilter
from bot.storage.sqlite import SQLiteStorage
from tests.clock import FakeClock
from tests.test_config import write

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 28, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "count", "ids"),
    [("0-3", 8, (0, 1, 2, 3)), ("5", 8, (5,)), ("0,2,5-7", 8, (0, 2, 5, 6, 7)), (" 6-7 , 0 ", 8, (0, 6, 7))],
)
def test_shard_ids_are_read_from_ranges_and_lists(text: str, count: int, ids: tuple[int, ...]) -> None:
    assert parse_shard_ids(text, count) == ids
    assert parse_shard_ids(format_shard_ids(ids), count) == ids


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("8", "shard 8 does not exist: with 8 shards they are numbered 0 to 7"),
        ("3-1", "runs backwards"),
        ("0-2,2", "listed twice"),
        ("a-b", "is not a shard number or range"),
        ("", "is not a shard number or range"),
    ],
)
def test_bad_shard_ids_say_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_shard_ids(text, 8)


def test_the_config_names_the_shards_of_this_process(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "documents: [content/doc.yaml]\nshards:\n  count: 8\n  ids: 3-5\n"))
    assert settings.shards == Shards(8, (3, 4, 5)) and settings.shards.label == "shards 3-5 of 8"
    listed = load_settings(write(tmp_path, "documents: [content/doc.yaml]\nshards: {count: 4, ids: [0, 3]}\n"))
    assert listed.shards == Shards(4, (0, 3))
    assert load_settings(write(tmp_path, "documents: [content/doc.yaml]\n")).shards is None
    every = load_settings(write(tmp_path, "documents: [content/doc.yaml]\nshards: {count: 3}\n"))
    assert every.shards == Shards(3, (0, 1, 2))  # systemd's resolution-bot@0-1 then adds --shards 0-1


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("shards:\n  count: 8\n  ids: 6-9\n", "config.yaml:4: shards.ids: shard 9 does not exist"),
        ("shards:\n  count: 0\n  ids: 0\n", "config.yaml:3: shards.count: 0 is out of range"),
        ("shards:\n  ids: 0\n", "config.yaml:3: shards.count: missing"),
        ("discord_api_base: ftp://proxy\n", "config.yaml:2: discord_api_base: must be an http(s) URL"),
        ("daily:\n  takeover_grace_seconds: 1\n", "config.yaml:3: daily.takeover_grace_seconds: 1 is out of range"),
    ],
)
def test_bad_shard_settings_name_file_line_and_field(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(FileProblems) as caught:
        load_settings(write(tmp_path, "documents: [content/doc.yaml]\n" + text))
    assert problem in str(caught.value)


def settings_with(shards: Shards | None) -> Settings:
    return Settings(
        source="test",
        documents=(),
        default_document=None,
        default_document_line=0,
        shards=shards,
        daily=DailySettings(posts_per_second=40.0, takeover_grace_seconds=90),
    )


async def test_a_process_with_some_shards_posts_for_their_servers_at_its_share_of_the_rate(
    library: Library, tmp_path: Path
) -> None:
    storage = await SQLiteStorage.open(tmp_path / "bot.sqlite3")
    try:
        bot = ResolutionBot(library, storage, settings_with(Shards(8, (0, 1, 2))), run_scheduler=False)
        assert isinstance(bot, commands.AutoShardedBot)
        assert (bot.shard_count, bot.shard_ids) == (8, [0, 1, 2])
        assert bot.scheduler.shard == ShardFilter(8, (0, 1, 2), dt.timedelta(seconds=90))
        assert bot.scheduler.pacer.rate == pytest.approx(40.0 * 3 / 8)
        whole = ResolutionBot(library, storage, settings_with(None), run_scheduler=False)
        assert whole.shard_count is None  # Discord says how many at connect time; this process runs them all
        assert whole.scheduler.shard is None and whole.scheduler.pacer.rate == 40.0
        every = ResolutionBot(library, storage, settings_with(Shards(2, (0, 1))), run_scheduler=False)
        assert every.scheduler.shard is None and every.scheduler.pacer.rate == 40.0
    finally:
        await storage.close()


class Sleeps:
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.taken: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.taken.append(seconds)
        await asyncio.sleep(0)


def limits(concurrency: int, remaining: int = 1000) -> SessionLimits:
    return SessionLimits(1000, remaining, dt.timedelta(hours=3), concurrency)


async def test_two_processes_never_identify_twice_in_a_bucket_within_5_seconds(tmp_path: Path) -> None:
    """Two processes restart together; shards 0-3 of a bot allowed 2 IDENTIFYs at a time."""
    clock = FakeClock(NOW)
    first = await SQLiteStorage.open(tmp_path / "bot.sqlite3")
    second = await SQLiteStorage.open(tmp_path / "bot.sqlite3")
    try:

        async def fetch() -> SessionLimits:
            return limits(2)

        sleeps = [Sleeps(clock), Sleeps(clock)]
        gates = [
            IdentifyGate(store, clock, fetch, shards_here=2, sleep=sleep)
            for store, sleep in zip((first, second), sleeps, strict=True)
        ]
        # Process A runs shards 0 and 1, B runs 2 and 3: 0 and 2 share bucket 0, 1 and 3 bucket 1.
        await asyncio.gather(gates[0].wait(0), gates[1].wait(2), gates[0].wait(1), gates[1].wait(3))
        waits = sorted(sleeps[0].taken + sleeps[1].taken)
        assert waits == [5.5, 5.5]  # the second of each bucket waits; the first of each goes at once
        clock.advance(seconds=60)
        await gates[0].wait(0)  # a minute later the bucket is free again
        assert sleeps[0].taken.count(5.5) + sleeps[1].taken.count(5.5) == 2
        assert len(sleeps[0].taken + sleeps[1].taken) == 2
    finally:
        await first.close()
        await second.close()


async def test_low_session_limits_are_warned_about_and_unknown_limits_pace_one_at_a_time(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock(NOW)
    storage = await SQLiteStorage.open(tmp_path / "bot.sqlite3")
    try:

        async def low() -> SessionLimits:
            return limits(1, remaining=12)

        with caplog.at_level(logging.WARNING, logger="bot.identify"):
            await IdentifyGate(storage, clock, low, sleep=Sleeps(clock)).wait(0)
        assert "Discord allows only 12 more gateway sessions today" in caplog.text

        async def broken() -> SessionLimits:
            raise OSError("gateway unreachable")

        sleep = Sleeps(clock)
        gate = IdentifyGate(storage, clock, broken, sleep=sleep)
        await gate.wait(1)
        await gate.wait(2)  # with max_concurrency unknown, every shard shares one bucket
        assert sleep.taken == [5.5, 11.0]  # bucket 0 was just used by the first gate, then by shard 1
        assert "assuming 1 IDENTIFY at a time" in caplog.text
    finally:
        await storage.close()
