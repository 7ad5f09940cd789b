"""Daily posts at scale, as ratios to baselines measured in the same run.

1. Finding due schedules among 100,000 (one wake-up of the scheduler: the next
   due time, then the due batch). Target: under 5 ms per wake-up. Printed
   against an empty round trip to the same database (the floor for any query)
   and against a scan of every schedule (what an index saves).
2. Delivering 2,000 posts due in the same minute through the real bot and
   discord.py, to a local server that enforces Discord's global limit of 50
   requests per second (answering 429 beyond it). The floor is 40 s; target:
   within 15 % of it, with zero 429s.

3. Exactly once under faults and at scale: 20,000 posts due in the same minute
   across 5,000 servers, against a local server enforcing a global limit of
   500 requests/s (Discord's is 50/s; the ratio to the floor is what counts),
   1 % of posts answered 500 after Discord created the message, 1 % of
   channels answering 403; two scheduler processes on one database, one of them
   killed with SIGKILL mid-run and restarted. Every post that should go out is
   sent exactly once (counted by message and by nonce); total time within
   1.15x the floor; zero 429s caused by the bot's own pacing.

    python bench/daily.py [--posts 2000] [--schedules 100000] [--cluster-posts 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiosqlite
import discord
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.discordreads import MessageIds, history, server_read  # noqa: E402
from bench.localserver import json_response, serve  # noqa: E402
from bot.client import ResolutionBot  # noqa: E402
from bot.content.library import load_library, without_cycle_collection  # noqa: E402
from bot.daily.delivery import Scheduler  # noqa: E402
from bot.daily.discord_poster import DiscordPoster  # noqa: E402
from bot.storage.sqlite import SQLiteStorage  # noqa: E402
from tests.fakediscord import BOT_ID, application_payload, message_payload, user_payload  # noqa: E402

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
GLOBAL_LIMIT = 50  # requests per second, Discord's global limit for a bot
TARGET_WAKE_MS = 5.0
TARGET_DELIVERY_RATIO = 1.15


def schedule_row(channel: int, guild: int, due: dt.datetime, seed: int) -> tuple[object, ...]:
    """One row of the schedules table, as /daily set would store it."""
    return (channel, guild, "A/RES/62/152", f"{due:%H:%M}", "UTC", "document", 0, seed, int(due.timestamp()),
            due.date().isoformat(), 0, 0)  # fmt: skip


async def insert_schedules(path: Path, rows: list[tuple[object, ...]]) -> None:
    storage = await SQLiteStorage.open(path)  # creates the schema
    await storage.close()
    async with aiosqlite.connect(path) as db:
        await db.executemany(
            "INSERT INTO schedules (channel_id, guild_id, document, post_time, timezone, post_order, position, seed,"
            " next_due, next_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        await db.commit()


async def fill(path: Path, count: int, due_now: int) -> None:
    """`count` schedules spread over the day; `due_now` of them due at NOW."""
    rows = []
    for i in range(count):
        due = NOW if i < due_now else NOW + dt.timedelta(seconds=60 + (i * 86_400) // count)
        rows.append(schedule_row(10_000 + i, (i % 5000) << 22, due, i))
    await insert_schedules(path, rows)


async def bench_wakeups(count: int) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        await fill(path, count, due_now=50)
        storage = await SQLiteStorage.open(path)
        try:

            async def wake() -> None:
                await storage.next_wake(dt.timedelta(minutes=2))
                await storage.due(NOW, 500)

            async def floor() -> None:
                await storage._one("SELECT 1", ())

            async def scan() -> None:
                rows = await storage._all("SELECT * FROM schedules", ())
                [r for r in rows if r["next_due"] <= NOW.timestamp() and r["paused_reason"] is None]

            async def timed(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
                samples = []
                for _ in range(rounds):
                    start = time.perf_counter()
                    await fn()
                    samples.append(time.perf_counter() - start)
                return statistics.median(samples)

            base = await timed(floor, 200)
            wake_s = await timed(wake, 200)
            scan_s = await timed(scan, 5)
        finally:
            await storage.close()
    print(f"1. finding due schedules among {count:,}")
    print(
        f"   one wake-up: {wake_s * 1000:.3f} ms  = {wake_s / base:.1f}x an empty query, "
        f"{wake_s / (TARGET_WAKE_MS / 1000):.3f} of the {TARGET_WAKE_MS:g} ms target"
    )
    print(f"   scanning every schedule instead: {scan_s * 1000:.1f} ms = {scan_s / wake_s:.0f}x a wake-up")
    return wake_s * 1000 < TARGET_WAKE_MS


def global_429(retry: float) -> web.Response:
    """Discord's answer past the global limit; the Via header makes discord.py wait and retry."""
    return json_response(
        {"message": "You are being rate limited.", "retry_after": retry, "global": True},
        429,
        {"Via": "1.1 google", "X-RateLimit-Global": "true", "Retry-After": str(retry)},
    )


class LimitedDiscord:
    """A local Discord that enforces the global 50 requests/s and counts 429s."""

    def __init__(self) -> None:
        self.recent: collections.deque[float] = collections.deque()
        self.accepted = 0
        self.limited = 0

    async def handle(self, request: web.Request) -> web.Response:
        now = time.monotonic()
        while self.recent and self.recent[0] <= now - 1.0:
            self.recent.popleft()
        if len(self.recent) >= GLOBAL_LIMIT:
            self.limited += 1
            return global_429(round(self.recent[0] + 1.0 - now, 3))
        self.recent.append(now)
        path = request.path.removeprefix("/api/v10")
        if path == "/users/@me":
            return json_response(user_payload(BOT_ID, "bench", bot=True))
        if path == "/oauth2/applications/@me":
            return json_response(application_payload())
        body = await request.json()
        self.accepted += 1
        return json_response(message_payload(int(path.split("/")[2]), body))


class BenchClock:
    """The real clock, but the schedules think it is 09:00 on the day."""

    def __init__(self) -> None:
        self._start = time.monotonic()

    def now(self) -> dt.datetime:
        return NOW + dt.timedelta(seconds=time.monotonic() - self._start)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

    async def wait(self, event: asyncio.Event, seconds: float) -> None:
        await asyncio.sleep(0)


async def bench_delivery(posts: int) -> bool:
    server = LimitedDiscord()
    runner, discord.http.Route.BASE = await serve(server.handle)
    library = load_library([ROOT / "content" / "a-res-62-152.yaml"], None)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "delivery.sqlite3"
        await fill(path, posts, due_now=posts)
        storage = await SQLiteStorage.open(path)
        bot = ResolutionBot(library, storage, run_scheduler=False)
        try:
            await bot.login("bench.token.value")
            scheduler = Scheduler(storage, library, DiscordPoster(bot), clock=BenchClock())
            start = time.perf_counter()
            sent = await scheduler.run_once()
            elapsed = time.perf_counter() - start
        finally:
            await bot.close()
            await storage.close()
            await runner.cleanup()
    floor = posts / GLOBAL_LIMIT
    ratio = elapsed / floor
    print(f"2. delivering {posts:,} posts due in the same minute (local server enforcing {GLOBAL_LIMIT}/s)")
    print(f"   {sent:,} sent, {server.accepted:,} accepted, {server.limited} answered 429")
    print(f"   took {elapsed:.1f} s; the floor is {floor:.1f} s: ratio {ratio:.3f} (target ≤ {TARGET_DELIVERY_RATIO})")
    return server.limited == 0 and ratio <= TARGET_DELIVERY_RATIO and server.accepted == posts


# -- 3. two processes, faults, a SIGKILL ------------------------------------------------

CLUSTER_LIMIT = 200  # requests per second the local server allows (500 saturates a 2-core machine: see README)
NONCE_WINDOW_S = 60.0  # Discord's nonce de-duplication lasts "a few minutes"; shorter here, the run is short
PROCESSES = int(os.environ.get("BENCH_PROCESSES", "2"))
KILL_AFTER = float(os.environ.get("BENCH_KILL_AFTER", "12"))


class FaultyDiscord:
    """A local Discord: a global limit, nonces remembered for a while, 1 % 500s (after creating the
    message), 1 % of channels forbidden; history reads and the channel, server and member reads
    that tell the bot it may read the history, as Discord answers them (bench/discordreads.py); it
    counts every message and every duplicate. `guild_of`: each channel's server."""

    def __init__(self, limit: int, guild_of: dict[int, int]) -> None:
        self.limit = limit
        self.guild_of = guild_of
        self.guilds = set(guild_of.values())
        self.ids = MessageIds()
        self.permission_reads = 0
        self.recent: collections.deque[float] = collections.deque()
        self.limited = 0
        self.messages: dict[int, list[dict[str, object]]] = collections.defaultdict(list)
        self.nonces: dict[tuple[int, str], tuple[float, dict[str, object]]] = {}
        self.absorbed = 0  # repeats that the nonce window swallowed
        self.failed_once: set[int] = set()
        self.forbidden = 0
        self.history_reads = 0
        self.limited_by: collections.Counter[str] = collections.Counter()
        self.limited_at: list[float] = []

    async def _kind(self, request: web.Request, path: str) -> str:
        """What a limited request was: only `paced` ones (the scheduler's posts and history reads) count
        against the bot's own pacing; logging in, discord.py's own 5xx retries and the permission reads
        before a history check (GET /channels/{id}, /guilds/...: not paced by the scheduler) are not."""
        parts = path.strip("/").split("/")
        if (len(parts) == 2 and parts[0] == "channels") or parts[0] == "guilds":
            return "permission read"
        if not path.startswith("/channels/"):
            return "login"
        if request.method == "POST":
            body = await request.json()
            if (
                int(path.split("/")[2]) in self.failed_once
                and (int(path.split("/")[2]), str(body.get("nonce"))) in self.nonces
            ):
                return "discord.py retry"
        return "paced"

    @staticmethod
    def forbidden_channel(channel: int) -> bool:
        return channel % 100 == 7

    @staticmethod
    def flaky_channel(channel: int) -> bool:
        return channel % 100 == 13

    async def handle(self, request: web.Request) -> web.Response:
        now = time.monotonic()
        while self.recent and self.recent[0] <= now - 1.0:
            self.recent.popleft()
        path = request.path.removeprefix("/api/v10")
        if len(self.recent) >= self.limit:
            self.limited += 1
            self.limited_by[await self._kind(request, path)] += 1
            self.limited_at.append(now)
            return global_429(round(self.recent[0] + 1.0 - now, 3))
        self.recent.append(now)
        if path == "/users/@me":
            return json_response(user_payload(BOT_ID, "bench", bot=True))
        if path == "/oauth2/applications/@me":
            return json_response(application_payload())
        parts = path.strip("/").split("/")
        channel = int(parts[1]) if parts[0] == "channels" else 0
        missing_access = json_response({"message": "Missing Access", "code": 50001}, 403)
        if request.method == "GET" and self.forbidden_channel(channel):
            return missing_access  # the bot cannot see the channel: every read of it is refused
        found = server_read(parts, self.guild_of, self.guilds) if request.method == "GET" else None
        if found is not None:
            self.permission_reads += 1
            return json_response(found[1], found[0])
        if request.method == "GET":
            self.history_reads += 1
            return json_response(history(self.messages[channel], dict(request.query)))
        if self.forbidden_channel(channel):
            self.forbidden += 1
            return missing_access
        body = await request.json()
        key = (channel, str(body.get("nonce")))
        seen = self.nonces.get(key)
        if seen is not None and now - seen[0] < NONCE_WINDOW_S:
            self.absorbed += 1
            return json_response(seen[1])
        message = message_payload(channel, body)
        message["id"] = str(self.ids.next())  # carries its creation time, as Discord's ids do
        self.messages[channel].append(message)
        self.nonces[key] = (now, message)
        if self.flaky_channel(channel) and channel not in self.failed_once:
            self.failed_once.add(channel)
            return json_response({"message": "Internal Server Error", "code": 0}, 500)
        return json_response(message)


def cluster_guilds(posts: int, servers: int) -> dict[int, int]:
    """Each channel of part 3 and its server."""
    return {20_000 + i: ((i % servers) + 1) << 22 for i in range(posts)}


async def fill_cluster(path: Path, posts: int, servers: int, due: dt.datetime) -> None:
    rows = [
        schedule_row(channel, guild, due, i)
        for i, (channel, guild) in enumerate(cluster_guilds(posts, servers).items())
    ]
    await insert_schedules(path, rows)


async def worker(db: Path, base: str, name: str, rate: float) -> None:
    """One scheduler process: the real bot's HTTP stack and Scheduler on the shared database."""
    import logging

    logging.basicConfig(level=logging.WARNING, format=f"[{name}] %(levelname)s %(name)s: %(message)s")
    discord.http.Route.BASE = base
    library = load_library([ROOT / "content" / "a-res-62-152.yaml"], None)
    storage = await SQLiteStorage.open(db)
    bot = ResolutionBot(library, storage, run_scheduler=False)
    await bot.login("bench.token.value")
    scheduler = Scheduler(
        storage, library, DiscordPoster(bot), rate=rate, claimant=name, guard=bot.scheduler.guard, concurrency=64
    )
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    runner = asyncio.create_task(scheduler.run_forever())
    await stop.wait()
    await scheduler.shutdown()
    runner.cancel()
    await bot.close()
    await storage.close()


def spawn(db: Path, base: str, name: str, rate: float) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, __file__, "--worker", str(db), base, name, str(rate)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


async def bench_cluster(posts: int, limit: int = CLUSTER_LIMIT, servers: int = 5_000) -> bool:
    # The fake Discord counts without the cyclic GC: a full collection over the messages it keeps
    # stalled it, and the requests read in a burst afterwards were counted against the bots'
    # pacing (two 429s at the same moment of every run). The bots, in processes of their own,
    # keep their GC as usual.
    with without_cycle_collection():
        return await _bench_cluster(posts, limit, servers)


async def _bench_cluster(posts: int, limit: int, servers: int) -> bool:
    server = FaultyDiscord(limit, cluster_guilds(posts, servers))
    runner, base = await serve(server.handle)
    share = 0.9 * limit / PROCESSES  # each process paces at its share of the limit, less 10 % (as 45 of 50 by default)
    expected = {20_000 + i for i in range(posts)}
    forbidden = {c for c in expected if FaultyDiscord.forbidden_channel(c)}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "cluster.sqlite3"
        due = dt.datetime.now(UTC).replace(microsecond=0) + dt.timedelta(seconds=3)
        await fill_cluster(db, posts, servers, due)
        names = [f"host-{n}" for n in range(PROCESSES)]
        workers = {name: spawn(db, base, name, share) for name in names}
        await asyncio.sleep(max(0.0, (due - dt.datetime.now(UTC)).total_seconds()))
        start = time.perf_counter()
        started = time.monotonic()
        killed_at = None
        storage = await SQLiteStorage.open(db)
        try:
            while True:
                await asyncio.sleep(0.25)
                elapsed = time.perf_counter() - start
                if killed_at is None and elapsed > KILL_AFTER:
                    workers[names[0]].send_signal(signal.SIGKILL)  # mid-run, between any two lines
                    workers[names[0]].wait()
                    killed_at = elapsed
                    workers[names[0]] = spawn(db, base, names[0], share)
                # Every post settled: sent, failed (403) or "could not confirm" (never sent again).
                row = await storage._one(
                    "SELECT COUNT(*) AS n FROM deliveries WHERE state IN ('sent', 'failed', 'unconfirmed')", ()
                )
                if row is not None and row["n"] >= posts:
                    break
                if elapsed > 600:
                    print("   gave up after 600 s")
                    break
            elapsed = time.perf_counter() - start
            states = await storage._all("SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state", ())
            shares = await storage._all("SELECT claimant, COUNT(*) AS n FROM deliveries GROUP BY claimant", ())
        finally:
            await storage.close()
            for proc in workers.values():
                proc.send_signal(signal.SIGTERM)
            for proc in workers.values():
                proc.wait(timeout=30)
            await runner.cleanup()
    twice = [c for c, m in server.messages.items() if len(m) > 1]
    missing = [c for c in expected - forbidden if not server.messages.get(c)]
    nonces_twice = [c for c in expected if len({n for (ch, n) in server.nonces if ch == c}) > 1]
    floor = posts / limit
    ratio = elapsed / floor
    print(
        f"3. {posts:,} posts due in one minute across {servers:,} servers, {PROCESSES} processes on one database, "
        f"limit {limit}/s"
    )
    print(f"   process host-0 killed with SIGKILL at {killed_at or 0:.1f} s and restarted")
    print(f"   delivery states: {', '.join(f'{r[0]} {r[1]:,}' for r in states)}")
    print(f"   posts by process: {', '.join(f'{r[0]} {r[1]:,}' for r in shares)}")
    print(
        f"   messages: {sum(len(m) for m in server.messages.values()):,} in {len(server.messages):,} channels; "
        f"channels with two messages: {len(twice)}; with two nonces: {len(nonces_twice)}; "
        f"missing: {len(missing)}"
    )
    print(
        f"   faults: {len(server.failed_once)} answered 500 after creating the message, {server.forbidden} answered 403 "
        f"({len(forbidden)} channels); repeats absorbed by the nonce: {server.absorbed}; history reads: "
        f"{server.history_reads}; channel/server/member reads: {server.permission_reads}"
    )
    when = ", ".join(f"{t - started:.1f} s" for t in server.limited_at[:5])
    kinds = ", ".join(f"{k} {v}" for k, v in server.limited_by.items()) or "none"
    print(f"   answered 429: {server.limited} ({kinds})" + (f", at {when}" if when else ""))
    print(f"   took {elapsed:.1f} s; the floor is {floor:.1f} s: ratio {ratio:.3f} (target ≤ {TARGET_DELIVERY_RATIO})")
    paced_429 = server.limited_by["paced"]
    return not twice and not missing and not nonces_twice and paced_429 == 0 and ratio <= TARGET_DELIVERY_RATIO


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--schedules", type=int, default=100_000)
    parser.add_argument("--posts", type=int, default=2_000)
    parser.add_argument("--cluster-posts", type=int, default=20_000)
    parser.add_argument("--cluster-limit", type=int, default=CLUSTER_LIMIT)
    parser.add_argument("--only", choices=("wakeups", "delivery", "cluster"))
    parser.add_argument("--worker", nargs=4, metavar=("DB", "BASE", "NAME", "RATE"))
    args = parser.parse_args()
    if args.worker:
        db, base, name, rate = args.worker
        await worker(Path(db), base, name, float(rate))
        return 0
    ok = True
    if args.only in (None, "wakeups"):
        ok = await bench_wakeups(args.schedules) and ok
    if args.only in (None, "delivery"):
        ok = await bench_delivery(args.posts) and ok
    if args.only in (None, "cluster"):
        ok = await bench_cluster(args.cluster_posts, args.cluster_limit) and ok
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
