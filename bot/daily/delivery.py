"""The delivery loop: exactly one post per channel and local day, across crashes and restarts.

Each day's post is claimed atomically in storage *before* it is sent (the
claim also moves the schedule on), sent with a deterministic nonce, and its
outcome recorded. A claim whose process died is taken over after a lease;
if it may already have reached Discord, the channel's recent history is
checked first and the same nonce is reused, so Discord drops a repeat.

The loop sleeps until the next due time from an index, never scanning every
schedule; sends are bounded in concurrency and paced below Discord's global
50 requests/s; invalid responses (401/403/429) are counted and all posting
pauses before they approach Discord's 10,000-per-10-minutes ban threshold.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import dataclasses
import datetime as dt
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.content.library import Library
from bot.content.refs import format_refs, parse_ref
from bot.daily.schedule import Order, nonce, pick, plan, sequence
from bot.render import Reply, daily_post
from bot.storage import Delivery, Schedule, ShardFilter, Storage

log = logging.getLogger(__name__)

UTC = dt.UTC
PACE_PER_SECOND = 45.0  # below Discord's global 50/s; discord.py only reacts after a 429
INVALID_WINDOW = dt.timedelta(minutes=10)
INVALID_LIMIT = 2_500  # a quarter of Discord's 10,000 per 10 minutes
BATCH = 500
MAX_SLEEP = 3_600.0
RETRY_BASE = dt.timedelta(seconds=30)
RETRY_CAP = dt.timedelta(minutes=30)


class Outcome(Enum):
    SENT = "sent"
    GONE = "gone"  # 404: the channel no longer exists
    FORBIDDEN = "forbidden"  # 403: the bot lost access or permissions
    RETRY = "retry"  # 5xx, network faults, a 429 that discord.py gave up on
    FAILED = "failed"  # any other client error: retrying will not help


@dataclass(frozen=True)
class SendResult:
    outcome: Outcome
    message_id: int | None = None
    detail: str = ""
    invalid: bool = False  # a 401/403/429: counts towards Discord's ban threshold


class Poster(Protocol):
    async def post(self, channel_id: int, reply: Reply, nonce: str) -> SendResult: ...

    async def find_post(self, channel_id: int, marker: str) -> int | None:
        """A message of ours in the channel's recent history whose text starts with `marker`."""


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    async def sleep(self, seconds: float) -> None: ...

    async def wait(self, event: asyncio.Event, seconds: float) -> None:
        """Return when `event` is set or `seconds` have passed."""


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(UTC)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))

    async def wait(self, event: asyncio.Event, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout=max(0.0, seconds))


class Pacer:
    """Spaces calls at least 1/rate seconds apart, across all concurrent senders."""

    def __init__(
        self,
        rate: float,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._interval = 1.0 / rate
        self._monotonic = monotonic
        self._sleep = sleep
        self._next = 0.0

    async def acquire(self) -> None:
        now = self._monotonic()
        slot = max(now, self._next)
        self._next = slot + self._interval  # reserved before awaiting: no two callers share a slot
        if slot > now:
            await self._sleep(slot - now)


class InvalidRequestGuard:
    """Counts 401/403/429 responses in a sliding window; blocks all posting near the limit."""

    def __init__(self, limit: int = INVALID_LIMIT, window: dt.timedelta = INVALID_WINDOW) -> None:
        self.limit = limit
        self.window = window
        self._events: collections.deque[dt.datetime] = collections.deque()
        self._warned = False

    def record(self, now: dt.datetime) -> None:
        self._events.append(now)

    def _trim(self, now: dt.datetime) -> None:
        while self._events and self._events[0] <= now - self.window:
            self._events.popleft()

    def blocked_until(self, now: dt.datetime) -> dt.datetime | None:
        self._trim(now)
        if len(self._events) < self.limit:
            self._warned = False
            return None
        until = self._events[len(self._events) - self.limit] + self.window
        if not self._warned:
            log.error(
                "%d invalid responses (401/403/429) in 10 minutes: all daily posts paused until %s",
                len(self._events),
                until.isoformat(),
            )
            self._warned = True
        return until


def header_marker(day: dt.date) -> str:
    """The start of a daily post's text; found again in history after an uncertain send."""
    return f"**Paragraph of the day** · {day.day} {day:%B %Y}"


class Scheduler:
    """Finds due schedules, claims, sends and records; sleeps until the next due time."""

    def __init__(
        self,
        storage: Storage,
        library: Library,
        poster: Poster,
        *,
        clock: Clock | None = None,
        catch_up: dt.timedelta = dt.timedelta(hours=6),
        concurrency: int = 8,
        rate: float = PACE_PER_SECOND,
        lease: dt.timedelta = dt.timedelta(minutes=2),
        shard: ShardFilter | None = None,
        claimant: str | None = None,
        guard: InvalidRequestGuard | None = None,
        pacer: Pacer | None = None,
    ) -> None:
        self.storage = storage
        self.library = library
        self.poster = poster
        self.clock = clock or SystemClock()
        self.catch_up = catch_up
        self.lease = lease
        self.shard = shard
        self.claimant = claimant or uuid.uuid4().hex[:12]
        self.guard = guard or InvalidRequestGuard()
        self.pacer = pacer or Pacer(rate)
        self._slots = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()

    def wake(self) -> None:
        """Re-read the next due time now (a schedule was added or changed)."""
        self._wake.set()

    # -- the loop -----------------------------------------------------------

    async def run_forever(self) -> None:
        log.info("Daily scheduler started (instance %s)", self.claimant)
        while True:
            # Cleared before the pass, so a wake() during it cuts the next sleep short.
            self._wake.clear()
            try:
                await self.run_once()
                delay = await self._delay()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("Daily scheduler pass failed; trying again in a minute")
                delay = 60.0
            await self.clock.wait(self._wake, delay)

    async def _delay(self) -> float:
        now = self.clock.now()
        blocked = self.guard.blocked_until(now)
        if blocked is not None:
            return (blocked - now).total_seconds()
        wake_at = await self.storage.next_wake(self.lease, self.shard)
        if wake_at is None:
            return MAX_SLEEP
        return min(MAX_SLEEP, max(0.0, (wake_at - now).total_seconds()))

    async def run_once(self) -> int:
        """Do everything that is due now; returns how many sends were attempted.

        Each send starts as soon as its claim is committed, so claiming the
        rest of a batch overlaps with sending (the pacer and the concurrency
        bound keep the sends in check).
        """
        started: list[asyncio.Task[None]] = []
        try:
            while True:
                now = self.clock.now()
                if self.guard.blocked_until(now) is not None:
                    break
                for delivery in await self.storage.pending(now, self.lease, BATCH, self.shard):
                    if await self.storage.take_over(delivery, self.claimant, now):
                        # A `sending` claim whose owner went quiet may already have reached Discord.
                        uncertain = delivery.state == "sending"
                        mine = dataclasses.replace(
                            delivery,
                            state="sending",
                            attempts=delivery.attempts + 1,
                            claimant=self.claimant,
                            claimed_at=now,
                        )
                        started.append(asyncio.create_task(self._attempt(mine, uncertain=uncertain)))
                schedules = await self.storage.due(now, BATCH, self.shard)
                for schedule in schedules:
                    claimed = await self._claim(schedule, now)
                    if claimed is not None:
                        started.append(asyncio.create_task(self._attempt(claimed, uncertain=False)))
                if len(schedules) < BATCH:
                    break
            await asyncio.gather(*started)
        except BaseException:
            for task in started:
                task.cancel()
            raise
        return len(started)

    # -- claiming -----------------------------------------------------------

    async def _claim(self, schedule: Schedule, now: dt.datetime) -> Delivery | None:
        zone = ZoneInfo(schedule.timezone)
        decision = plan(now, schedule.next_day, schedule.next_due, schedule.post_time, zone, self.catch_up)
        if not decision.post:
            if await self.storage.skip_day(schedule, decision.next_day, decision.next_due):
                log.warning(
                    "Daily post for channel %s on %s skipped: due %s, more than %s ago",
                    schedule.channel_id,
                    decision.day,
                    decision.due.isoformat(),
                    self.catch_up,
                )
            return None
        if decision.missed:
            log.warning(
                "Channel %s missed %d day(s) of posts while the bot was down", schedule.channel_id, decision.missed
            )
        doc = self.library.document_or_default(schedule.document)
        ref, _, _ = pick(doc, Order(schedule.order), schedule.seed, schedule.position)
        delivery = Delivery(
            channel_id=schedule.channel_id,
            day=decision.day,
            guild_id=schedule.guild_id,
            position=schedule.position,
            ref=format_refs([ref]),
            state="sending",
            due=decision.due,
            claimant=self.claimant,
            claimed_at=now,
        )
        if not await self.storage.claim(schedule, delivery, decision.next_day, decision.next_due):
            return None
        return delivery

    # -- sending ------------------------------------------------------------

    async def _attempt(self, delivery: Delivery, *, uncertain: bool) -> None:
        async with self._slots:
            try:
                await self._send(delivery, uncertain=uncertain)
            except Exception as exc:  # never let one post stop the others
                log.exception("Daily post for channel %s on %s failed unexpectedly", delivery.channel_id, delivery.day)
                await self._retry(delivery, f"unexpected: {type(exc).__name__}")

    async def _send(self, delivery: Delivery, *, uncertain: bool) -> None:
        schedule = await self.storage.get_schedule(delivery.channel_id)
        if schedule is None:
            await self.storage.finish(delivery, "failed", error="schedule stopped")
            return
        marker = header_marker(delivery.day)
        if uncertain:
            # The previous claimant may have reached Discord before it died.
            await self.pacer.acquire()
            existing = await self.poster.find_post(delivery.channel_id, marker)
            if existing is not None:
                await self.storage.finish(delivery, "sent", message_id=existing)
                log.info("Daily post for channel %s on %s was already sent", delivery.channel_id, delivery.day)
                return
        doc = self.library.document_or_default(schedule.document)
        ref = parse_ref(delivery.ref, doc)
        refs = sequence(doc, Order(schedule.order))
        reply = daily_post(doc, ref, delivery.position % len(refs) + 1, len(refs), delivery.day)
        await self.pacer.acquire()
        result = await self.poster.post(delivery.channel_id, reply, nonce(delivery.channel_id, delivery.day))
        now = self.clock.now()
        if result.invalid:
            self.guard.record(now)
        if result.outcome is Outcome.SENT:
            await self.storage.finish(delivery, "sent", message_id=result.message_id)
        elif result.outcome in (Outcome.GONE, Outcome.FORBIDDEN):
            reason = (
                "the channel was deleted"
                if result.outcome is Outcome.GONE
                else "the bot lost access or permission to post there"
            )
            await self.storage.finish(delivery, "failed", error=f"{result.outcome.value}: {result.detail}")
            if await self.storage.pause(delivery.channel_id, f"{reason} ({result.detail})", now=now):
                log.warning("Daily posts to channel %s paused: %s (%s)", delivery.channel_id, reason, result.detail)
        elif result.outcome is Outcome.RETRY:
            await self._retry(delivery, result.detail)
        else:
            await self.storage.finish(delivery, "failed", error=result.detail)
            log.error("Daily post for channel %s on %s rejected: %s", delivery.channel_id, delivery.day, result.detail)

    async def _retry(self, delivery: Delivery, detail: str) -> None:
        now = self.clock.now()
        backoff = min(RETRY_CAP, RETRY_BASE * (2 ** max(0, delivery.attempts - 1)))
        deadline = delivery.due + self.catch_up
        if now + backoff > deadline:
            await self.storage.finish(delivery, "failed", error=f"gave up: {detail}")
            log.error(
                "Daily post for channel %s on %s given up after %d attempts: %s",
                delivery.channel_id,
                delivery.day,
                delivery.attempts,
                detail,
            )
            return
        await self.storage.retry_later(delivery, now + backoff, detail)
        log.warning(
            "Daily post for channel %s on %s will be retried at %s: %s",
            delivery.channel_id,
            delivery.day,
            (now + backoff).isoformat(),
            detail,
        )
