"""Daily posts at scale, as ratios to baselines measured in the same run.

1. Finding due schedules among 100,000 (one wake-up of the scheduler: the next
   due time, then the due batch). Target: under 5 ms per wake-up. Printed
   against an empty round trip to the same database (the floor for any query)
   and against a scan of every schedule (what an index saves).
2. Delivering 2,000 posts due in the same minute through the real bot and
   discord.py, to a local server that enforces Discord's global limit of 50
   requests per second (answering 429 beyond it). The floor is 40 s; target:
   within 15 % of it, with zero 429s.

    python bench/daily.py [--posts 2000] [--schedules 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiosqlite
import discord
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.client import ResolutionBot  # noqa: E402
from bot.content.library import load_library  # noqa: E402
from bot.daily.delivery import Scheduler  # noqa: E402
from bot.daily.discord_poster import DiscordPoster  # noqa: E402
from bot.storage.sqlite import SQLiteStorage  # noqa: E402
from tests.fakediscord import BOT_ID, application_payload, message_payload, user_payload  # noqa: E402

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
GLOBAL_LIMIT = 50  # requests per second, Discord's global limit for a bot
TARGET_WAKE_MS = 5.0
TARGET_DELIVERY_RATIO = 1.15


async def fill(path: Path, count: int, due_now: int) -> None:
    """`count` schedules spread over the day; `due_now` of them due at NOW."""
    storage = await SQLiteStorage.open(path)  # creates the schema
    await storage.close()
    rows = []
    for i in range(count):
        due = NOW if i < due_now else NOW + dt.timedelta(seconds=60 + (i * 86_400) // count)
        rows.append(
            (
                10_000 + i,
                (i % 5000) << 22,
                "A/RES/62/152",
                f"{due:%H:%M}",
                "UTC",
                "document",
                0,
                i,
                int(due.timestamp()),
                due.date().isoformat(),
                0,
                0,
            )
        )
    async with aiosqlite.connect(path) as db:
        await db.executemany(
            "INSERT INTO schedules (channel_id, guild_id, document, post_time, timezone, post_order, position, seed,"
            " next_due, next_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        await db.commit()


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
            retry = round(self.recent[0] + 1.0 - now, 3)
            return self._json(
                {"message": "You are being rate limited.", "retry_after": retry, "global": True},
                429,
                {"Via": "1.1 google", "X-RateLimit-Global": "true", "Retry-After": str(retry)},
            )
        self.recent.append(now)
        path = request.path.removeprefix("/api/v10")
        if path == "/users/@me":
            return self._json(user_payload(BOT_ID, "bench", bot=True))
        if path == "/oauth2/applications/@me":
            return self._json(application_payload())
        body = await request.json()
        self.accepted += 1
        return self._json(message_payload(int(path.split("/")[2]), body))

    @staticmethod
    def _json(body: object, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
        return web.Response(
            status=status,
            body=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", **(headers or {})},
        )


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
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", server.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    discord.http.Route.BASE = f"http://127.0.0.1:{port}/api/v10"
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


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--schedules", type=int, default=100_000)
    parser.add_argument("--posts", type=int, default=2_000)
    args = parser.parse_args()
    ok = await bench_wakeups(args.schedules)
    ok = await bench_delivery(args.posts) and ok
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
