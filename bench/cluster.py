"""A shard cluster's daily posts on PostgreSQL: 100,000 schedules, 20,000 due in the same minute,
4 scheduler processes, against a local server enforcing a global request limit.

Each process runs the real bot's HTTP stack and Scheduler on one PostgreSQL database (the
database's clock, SKIP LOCKED claims), posts for the servers of its own shard (as a process of
a shard cluster does) and paces at its share of the limit, less 10 % (as the default 45 of 50). Printed:
total time against the floor (posts / limit; target ≤ 1.15x), 429s caused by the bot's own
pacing (target 0), every post exactly once, and the claim latency (median and p99) of each
process against an empty query to the same database.

Needs the PostgreSQL server at RB_TEST_POSTGRES (default postgresql://postgres@127.0.0.1/test).

    python bench/cluster.py [--schedules 100000] [--due 20000] [--processes 4] [--limit 200]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import asyncpg
import discord
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.daily import global_429  # noqa: E402
from bench.discordreads import MessageIds, history, server_read  # noqa: E402
from bench.localserver import json_response, serve  # noqa: E402
from bot.client import ResolutionBot  # noqa: E402
from bot.content.library import load_library, without_cycle_collection  # noqa: E402
from bot.daily.delivery import Scheduler  # noqa: E402
from bot.daily.discord_poster import DiscordPoster  # noqa: E402
from bot.storage import Delivery, Schedule, ShardFilter  # noqa: E402
from bot.storage.postgresql import PostgresStorage  # noqa: E402
from tests.fakediscord import BOT_ID, application_payload, message_payload, user_payload  # noqa: E402

DSN = os.environ.get("RB_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
UTC = dt.UTC
TARGET_RATIO = 1.15


class CountingDiscord:
    """A global limit per second (429 beyond it, with Via so discord.py waits); every message counted.
    History reads, and the channel, server and member reads that tell a process it may read the
    history, answered as Discord does (bench/discordreads.py). `guild_of`: each channel's server."""

    def __init__(self, limit: int, guild_of: dict[int, int]) -> None:
        self.limit = limit
        self.guild_of = guild_of
        self.guilds = set(guild_of.values())
        self.ids = MessageIds()
        self.held: dict[int, list[dict[str, Any]]] = collections.defaultdict(list)
        self.reads = 0
        self.recent: collections.deque[float] = collections.deque()
        self.limited = 0
        self.messages: collections.Counter[int] = collections.Counter()
        self.first: float | None = None
        self.last = 0.0
        self.done = asyncio.Event()
        self.total = 0
        self._expected = 0

    def expect(self, messages: int) -> None:
        self._expected = messages

    async def handle(self, request: web.Request) -> web.Response:
        now = time.monotonic()
        while self.recent and self.recent[0] <= now - 1.0:
            self.recent.popleft()
        path = request.path.removeprefix("/api/v10")
        if path == "/users/@me":
            return json_response(user_payload(BOT_ID, "bench", bot=True))
        if path == "/oauth2/applications/@me":
            return json_response(application_payload())
        if len(self.recent) >= self.limit:
            self.limited += 1
            return global_429(round(self.recent[0] + 1.0 - now, 3))
        self.recent.append(now)
        parts = path.strip("/").split("/")
        if request.method == "GET":
            self.reads += 1
            found = server_read(parts, self.guild_of, self.guilds)
            if found is not None:
                return json_response(found[1], found[0])
            return json_response(history(self.held[int(parts[1])], dict(request.query)))
        channel = int(parts[1])
        body = await request.json()
        message = message_payload(channel, body)
        message["id"] = str(self.ids.next())  # carries its creation time, as Discord's ids do
        self.held[channel].append(message)
        self.messages[channel] += 1
        self.total += 1
        self.first = self.first if self.first is not None else now
        self.last = now
        if self.total >= self._expected:
            self.done.set()
        return json_response(message)


class TimedStorage(PostgresStorage):
    """PostgresStorage that remembers how long each claim took."""

    claims: list[float]
    won: int

    async def claim(self, schedule: Schedule, delivery: Delivery, next_day: dt.date, next_due: dt.datetime) -> bool:
        started = time.perf_counter()
        try:
            won = await super().claim(schedule, delivery, next_day, next_due)
            self.won += won
            return won
        finally:
            self.claims.append(time.perf_counter() - started)


async def worker(schema: str, base: str, name: str, rate: float) -> None:
    discord.http.Route.BASE = base
    library = load_library([ROOT / "content" / "a-res-62-152.yaml"], None)
    storage = await TimedStorage.open(DSN, schema=schema)
    storage.claims = []
    storage.won = 0
    bot = ResolutionBot(library, storage, run_scheduler=False)
    await bot.login("bench.token.value")
    # As in a shard cluster: each process owns its shard's servers (anyone's, once 3 minutes late).
    number, count = int(name.rsplit("-", 1)[1]), int(os.environ["BENCH_PROCESSES"])
    shard = ShardFilter(count, (number,), dt.timedelta(minutes=3))
    scheduler = Scheduler(storage, library, DiscordPoster(bot), rate=rate, claimant=name, concurrency=64, shard=shard)
    empty = []
    for _ in range(200):
        started = time.perf_counter()
        await storage._pool.fetchval("SELECT 1")
        empty.append(time.perf_counter() - started)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    print(json.dumps({"ready": name}), flush=True)
    runner = asyncio.create_task(scheduler.run_forever())
    await stop.wait()
    await scheduler.shutdown()
    runner.cancel()
    claims = sorted(storage.claims)
    print(
        json.dumps(
            {
                "name": name,
                "claims": len(claims),
                "won": storage.won,
                "median": statistics.median(claims) if claims else 0.0,
                "p99": claims[min(len(claims) - 1, int(len(claims) * 0.99))] if claims else 0.0,
                "empty": statistics.median(empty),
            }
        ),
        flush=True,
    )
    await bot.close()
    await storage.close()


def spawn(schema: str, base: str, name: str, rate: float, processes: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, __file__, "--worker", schema, base, name, str(rate)],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT), "BENCH_PROCESSES": str(processes)},
    )


def guild_of(schedule: int) -> int:
    """The server of the `schedule`-th schedule (its channel is 30,000 + schedule)."""
    return ((schedule % 5_000) + 1) << 22


async def fill(schema: str, schedules: int, due: int) -> dt.datetime:
    """`schedules` rows; `due` of them due this minute, the rest spread over the next 23 hours."""
    storage = await PostgresStorage.open(DSN, schema=schema)  # creates the schema
    await storage.close()
    connection = await asyncpg.connect(DSN, server_settings={"search_path": schema})
    try:
        clock: dt.datetime = await connection.fetchval("SELECT now()")
        now = clock.astimezone(UTC).replace(second=0, microsecond=0)
        rows = []
        for i in range(schedules):
            at = now if i < due else now + dt.timedelta(minutes=5 + (i * 1_380) // schedules)
            rows.append(
                (30_000 + i, guild_of(i), "A/RES/62/152", f"{at:%H:%M}", "UTC", "document", 0, i, at,
                 at.date(), now, now)
            )  # fmt: skip
        await connection.copy_records_to_table(
            "schedules",
            records=rows,
            columns=[
                "channel_id", "guild_id", "document", "post_time", "timezone", "post_order", "position", "seed",
                "next_due", "next_day", "created_at", "updated_at",
            ],
        )  # fmt: skip
    finally:
        await connection.close()
    return now


async def drop(schema: str) -> None:
    connection = await asyncpg.connect(DSN)
    try:
        await connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    finally:
        await connection.close()


async def bench(schedules: int, due: int, processes: int, limit: int) -> bool:
    # The fake Discord counts without the cyclic GC: a full collection over the messages it keeps
    # stalled it, and the requests read in a burst afterwards were counted against the bots'
    # pacing (two 429s at the same moment of every run). The bots, in processes of their own,
    # keep their GC as usual.
    with without_cycle_collection():
        return await _bench(schedules, due, processes, limit)


async def _bench(schedules: int, due: int, processes: int, limit: int) -> bool:
    server = CountingDiscord(limit, {30_000 + i: guild_of(i) for i in range(schedules)})
    runner, base = await serve(server.handle)
    schema = f"rb_bench_{secrets.token_hex(4)}"
    try:
        await fill(schema, schedules, due)
        share = 0.9 * limit / processes  # less 10 %, as the default 45 of Discord's 50
        server.expect(due)
        workers = [spawn(schema, base, f"host-{n}", share, processes) for n in range(processes)]
        try:
            await asyncio.wait_for(server.done.wait(), 900)
        except TimeoutError:
            print("   gave up after 900 s")
        await asyncio.sleep(2)  # a duplicate would show up here
        for proc in workers:
            proc.send_signal(signal.SIGTERM)
        reports: list[dict[str, Any]] = []
        for proc in workers:
            out, _ = await asyncio.get_running_loop().run_in_executor(None, proc.communicate)
            reports += [json.loads(line) for line in out.decode().splitlines() if line.startswith('{"name"')]
    finally:
        await runner.cleanup()
        await drop(schema)
    elapsed = server.last - (server.first or server.last)
    floor = due / limit
    ratio = elapsed / floor if floor else 0.0
    twice = sum(1 for n in server.messages.values() if n > 1)
    missing = due - len(server.messages)
    print(f"{due:,} of {schedules:,} schedules due in one minute, {processes} processes on PostgreSQL, limit {limit}/s")
    print(f"   messages: {sum(server.messages.values()):,}; channels posted twice: {twice}; missing: {missing}")
    print(f"   answered 429: {server.limited}; reads (history, channel, server, member): {server.reads}")
    print(
        f"   first to last post: {elapsed:.1f} s; the floor is {floor:.1f} s: ratio {ratio:.3f} (target ≤ {TARGET_RATIO})"
    )
    for report in sorted(reports, key=lambda r: str(r["name"])):
        print(
            f"   {report['name']}: {report['won']:,} posts claimed in {report['claims']:,} tries, median {report['median'] * 1000:.2f} ms, "
            f"p99 {report['p99'] * 1000:.2f} ms ({report['p99'] / report['empty']:.0f}x an empty query, "
            f"{report['empty'] * 1000:.2f} ms)"
        )
    ok = twice == 0 and missing == 0 and server.limited == 0 and ratio <= TARGET_RATIO
    print("targets met" if ok else "TARGETS MISSED")
    return ok


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--schedules", type=int, default=100_000)
    parser.add_argument("--due", type=int, default=20_000)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--worker", nargs=4, metavar=("SCHEMA", "BASE", "NAME", "RATE"))
    args = parser.parse_args()
    if args.worker:
        schema, base, name, rate = args.worker
        await worker(schema, base, name, float(rate))
        return 0
    try:
        connection = await asyncpg.connect(DSN, timeout=5)
        await connection.close()
    except Exception as exc:
        print(f"No PostgreSQL server at {DSN} ({exc}); set RB_TEST_POSTGRES. Skipped.")
        return 1
    return 0 if await bench(args.schedules, args.due, args.processes, args.limit) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
