"""The benchmarks' local Discords answer the reads a history check makes the way Discord does:
through the real bot's HTTP stack and DiscordPoster, a post taken over from a dead process is
found in the channel's history since its own time, and the bot learns it may read that history
(otherwise the post ends "could not confirm" and the benchmark misses it)."""

from __future__ import annotations

import datetime as dt

import discord
import pytest

from bench import cluster, daily
from bench.localserver import serve
from bot.daily.discord_poster import DiscordPoster
from bot.daily.history import Seen, find_own_post
from tests.fakediscord import BOT_ID

CHANNEL = 20_007 + 1  # not one of the forbidden channels (…07)
GUILD = 5 << 22


async def _check(handler: object) -> None:
    runner, base = await serve(handler)  # type: ignore[arg-type]
    old = discord.http.Route.BASE
    discord.http.Route.BASE = base
    client = discord.Client(intents=discord.Intents.none())
    try:
        await client.login("bench.token.value")
        poster = DiscordPoster(client)
        since = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
        await client.http.send_message(CHANNEL, params=discord.http.handle_message_parameters(content="**Daily** x"))
        assert await poster.history_readable(CHANNEL) is True
        assert await poster.history_readable(20_000 + 99_999_999) is None  # no such channel: cannot know

        async def read_page(after: int | None, limit: int):  # type: ignore[no-untyped-def]
            return await poster.read_history(CHANNEL, after, limit)

        found = await find_own_post(read_page, author_id=BOT_ID, marker="**Daily**", since=since, readable=True)
        assert found.seen is Seen.FOUND
        later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=5)
        nothing = await find_own_post(read_page, author_id=BOT_ID, marker="**Daily**", since=later, readable=True)
        assert nothing.seen is Seen.NOT_FOUND
    finally:
        await client.close()
        discord.http.Route.BASE = old
        await runner.cleanup()


@pytest.mark.asyncio
async def test_daily_bench_discord_answers_history_checks() -> None:
    server = daily.FaultyDiscord(1000, {CHANNEL: GUILD})
    await _check(server.handle)


@pytest.mark.asyncio
async def test_cluster_bench_discord_answers_history_checks() -> None:
    server = cluster.CountingDiscord(1000, {CHANNEL: GUILD})
    server.expect(10)
    await _check(server.handle)


async def test_the_permission_reads_before_a_history_check_are_paced() -> None:
    """For a server not in its cache the bot reads the channel, the server and its member before a
    history check. The scheduler paces every request it makes; these reads too, or a take-over of a
    dead process's claims (64 at once) bursts past Discord's global limit (429s in the bench)."""
    server = daily.FaultyDiscord(1000, {CHANNEL: GUILD})
    runner, base = await serve(server.handle)
    old = discord.http.Route.BASE
    discord.http.Route.BASE = base
    client = discord.Client(intents=discord.Intents.none())
    paced: list[int] = []

    async def pace() -> None:
        paced.append(server.permission_reads)  # how many reads had gone out when the next was granted

    try:
        await client.login("bench.token.value")
        assert await DiscordPoster(client).history_readable(CHANNEL, pace=pace) is True
    finally:
        await client.close()
        discord.http.Route.BASE = old
        await runner.cleanup()
    assert server.permission_reads == 3 and paced == [0, 1, 2]
