"""The delivery loop: exactly one post per channel and local day, across crashes, restarts and rivals.

Each day's post is claimed in storage *before* it is sent (the claim also
moves the schedule on). Ownership is explicit and short-lived:

- right before each request the claim is re-confirmed, which restarts its
  lease; an instance that lost it (another took it over) sends nothing;
- each request is bounded well under the lease, so no send outlives its claim;
- every state change names its owner and changes nothing if that is no longer us;
- every take-over bumps the claim's version, and every renew, send and finish
  checks it (a compare-and-set in storage), so one claim has one holder;
- a send whose outcome is unknown (a timeout, a dropped connection, a 5xx
  that discord.py retried and gave up on) is *uncertain*: before anything is
  sent again, the channel's history since the post's time is read in full for
  it (`bot.daily.history`). When that history cannot be read (no Read Message
  History: Discord then answers with an empty list), the post is marked "could
  not confirm" and never sent again: a missing post can be seen, a double post
  cannot be taken back. Discord's nonce only de-duplicates for a few minutes, so
  it is a second net, not the first (see `bot.daily.timing`);
- nothing is sent, or taken over to be sent, after its due time plus the
  catch-up window: it is recorded as missed, with the reason in words;
- "now" is one clock per engine: the database's on PostgreSQL (the host clock's
  offset from it is measured every pass and again before every request, and applied to the
  injected clock, so a host-clock jump while the process was frozen cannot make it stale), the
  host's on SQLite.

One schedule's failure never stops the others: a row that cannot be planned
is paused with a reason a person can read. The loop sleeps until the next due
time from an index, never scanning every schedule, and an idle pass never
wakes it again in under a second. Sends are bounded in concurrency and paced
under Discord's global limit; all posting pauses before invalid responses
(401/403/429, counted for the whole process) approach Discord's ban threshold.
On shutdown it stops claiming and gives sends in flight a grace period.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import datetime as dt
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.content.langs import text_language
from bot.content.library import Library
from bot.content.model import Document
from bot.content.refs import format_refs, parse_ref
from bot.daily import regressions
from bot.daily.health import SchedulerHealth, restart_delay
from bot.daily.history import FindResult, HistoryUnavailable, MessageRecord, Seen, find_own_post
from bot.daily.schedule import Order, nonce, pick, plan, sequence
from bot.daily.timing import CLAIM_LEASE_SECONDS, RETRY_BASE, RETRY_CAP, send_timeout
from bot.daily.words import Phrase, stored
from bot.i18n import SOURCE_LOCALE, Audience, choose_locale
from bot.render import Reply, daily_markers, daily_post
from bot.storage import Delivery, DeliveryState, Schedule, ShardFilter, Storage

log = logging.getLogger(__name__)

UTC = dt.UTC
PACE_PER_SECOND = 45.0  # below Discord's global 50/s; discord.py only reacts after a 429
INVALID_WINDOW = dt.timedelta(minutes=10)
INVALID_LIMIT = 2_500  # a quarter of Discord's 10,000 per 10 minutes
BATCH = 500
MAX_SLEEP = 3_600.0
MIN_IDLE_WAIT = 1.0  # an idle pass never wakes the loop sooner than this
# How far before a post's due time its history is read from: the claim (and so the post) is never
# before the due time by the clock that decided it; Discord's clock may be behind that one.
HISTORY_MARGIN = dt.timedelta(minutes=10)
UNREAD = "daily-why-unread"  # bot.daily.words: said in the reader's language
TRANSIENT_LIMIT = 3  # unexplained failures in a row before a schedule is paused
SHUTDOWN_GRACE = 10.0
KEEP_DELIVERIES = dt.timedelta(days=60)


class Outcome(Enum):
    SENT = "sent"
    GONE = "gone"  # 404 Unknown Channel: the channel no longer exists
    FORBIDDEN = "forbidden"  # 403: the bot lost access or permissions
    RETRY = "retry"  # 5xx, network faults, a 429 that discord.py gave up on
    FAILED = "failed"  # any other client error: retrying will not help


@dataclass(frozen=True)
class SendResult:
    outcome: Outcome
    message_id: int | None = None
    detail: str = ""  # for the log: status and error code
    reason: str = ""  # for people (/daily status): no codes; a `Phrase`, said in their language
    uncertain: bool = False  # the message may have reached Discord all the same


class Poster(Protocol):
    """The daily posts' Discord: one message with a nonce, and the history read the check needs."""

    async def post(self, channel_id: int, reply: Reply, nonce: str) -> SendResult: ...

    def own_id(self) -> int:
        """The bot's own user id: its posts are the messages by this author."""

    async def history_readable(self, channel_id: int, pace: Callable[[], Awaitable[None]] | None = None) -> bool | None:
        """Whether the bot may read the channel's history (Read Message History); None if Discord will
        not say. Awaits `pace()` before each request it makes to Discord (none when it knows from its
        cache); raises `HistoryUnavailable` for a fault that passes."""

    async def read_history(self, channel_id: int, after: int | None, limit: int) -> Sequence[MessageRecord]:
        """One page of the channel's history after the snowflake `after`, oldest first (see
        `bot.daily.history.ReadPage`); raises `HistoryRefused` when Discord refuses the read,
        `HistoryUnavailable` for a fault that passes."""


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


class EngineClock:
    """The injected clock, moved onto the storage engine's clock.

    PostgreSQL decides claims and leases with its own `now()`; the scheduler must decide with the
    same clock (plan, retry times, deadlines, sleeps), or a host clock hours fast posts nothing and
    one minutes fast pushes retries past Discord's nonce window. `sync` measures the offset of the
    engine's clock from the injected one (half a round trip's accuracy) and `now` applies it. On
    SQLite (the host's clock is the engine's) the offset is zero.
    """

    def __init__(self, clock: Clock) -> None:
        self.host = clock
        self.offset = dt.timedelta(0)

    def now(self) -> dt.datetime:
        return self.host.now() + self.offset

    async def sleep(self, seconds: float) -> None:
        await self.host.sleep(seconds)

    async def wait(self, event: asyncio.Event, seconds: float) -> None:
        await self.host.wait(event, seconds)

    async def sync(self, storage: Storage) -> None:
        if regressions.on("host_clock"):  # the old way: the host's clock, whatever the database says
            self.offset = dt.timedelta(0)
            return
        before = self.host.now()
        engine = await storage.database_now()
        if engine is None:
            self.offset = dt.timedelta(0)
            return
        after = self.host.now()
        self.offset = engine - (before + (after - before) / 2)


class Pacer:
    """Spaces requests at least 1/rate seconds apart, across all concurrent senders.

    Each grant is spaced from the previous grant as scheduled while the loop keeps time, and
    from the *actual* grant when it does not: when the event loop stalls, the waiters that
    overslept go one by one again, never in a burst that would crowd Discord's one-second
    window.
    """

    def __init__(
        self,
        rate: float,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.rate = rate
        self._interval = 1.0 / rate
        self._monotonic = monotonic
        self._sleep = sleep
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        async with self._lock:  # first come, first served
            now = self._monotonic()
            if self._next > now:
                await self._sleep(self._next - now)
                now = self._monotonic()
            # A sleep wakes a little late (a millisecond or two): keep to the schedule then, or the
            # delays add up and the pace falls short (45/s became 42/s). Later than a tenth of a turn
            # (a stalled loop, or simply idle): start again from now, never catching up in a burst.
            on_time = self._next <= now <= self._next + self._interval / 10
            self._next = (self._next if on_time else max(now, self._next)) + self._interval


class InvalidRequestGuard:
    """Counts 401/403/429 responses in a sliding window; blocks all posting near the limit.

    Fed by every response the process receives (see `discord_poster.invalid_request_trace`),
    including discord.py's own 429 retries and interaction callbacks.
    """

    def __init__(self, limit: int = INVALID_LIMIT, window: dt.timedelta = INVALID_WINDOW) -> None:
        self.limit = limit
        self.window = window
        self._events: collections.deque[dt.datetime] = collections.deque()
        self._warned = False

    def record(self, now: dt.datetime) -> None:
        self._events.append(now)
        self._trim(now)

    def _trim(self, now: dt.datetime) -> None:
        while self._events and self._events[0] <= now - self.window:
            self._events.popleft()

    def count(self, now: dt.datetime) -> int:
        self._trim(now)
        return len(self._events)

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


class _Blocked(Exception):
    """The invalid-request guard says stop: no request now."""

    def __init__(self, until: dt.datetime) -> None:
        self.until = until


async def for_server(storage: Storage, doc: Document, guild_id: int) -> tuple[Document, str]:
    """What a server's daily post shows: `doc` in the server's language (i18n's
    `/settings server-language`, mapped to a UN language) where the library has it, else as it is;
    and the interface locale its header is written in (the server's, else English). A settings
    read that fails must not stop the post: it goes out in the original, with an English header."""
    try:
        setting = await storage.server_language(guild_id)
    except Exception:
        log.exception("Could not read the language of server %s; posting the original text", guild_id)
        return doc, SOURCE_LOCALE
    language = text_language(setting)
    shown = (doc.in_language(language) if language else None) or doc
    return shown, choose_locale(Audience.SERVER, server=setting)


async def in_server_language(storage: Storage, doc: Document, guild_id: int) -> Document:
    """The text a server's daily post shows (see `for_server`)."""
    return (await for_server(storage, doc, guild_id))[0]


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
        lease: dt.timedelta = dt.timedelta(seconds=CLAIM_LEASE_SECONDS),
        send_timeout: float | None = None,
        shard: ShardFilter | None = None,
        claimant: str | None = None,
        guard: InvalidRequestGuard | None = None,
        pacer: Pacer | None = None,
        on_event: Callable[[str], None] | None = None,
    ) -> None:
        self.storage = storage
        # Told "sent", "failed", "paused", "retried" or "taken_over" as posts go (for metrics).
        self.on_event = on_event
        self.library = library
        self.poster = poster
        self.clock = EngineClock(clock or SystemClock())
        self.catch_up = catch_up
        self.lease = lease
        # A request and the history read before it both fit in the lease, with room to spare.
        self.send_timeout = send_timeout if send_timeout is not None else _send_timeout(lease).total_seconds()
        self.shard = shard
        # Stable across restarts (bot.instances): reclaim() then finds the claims of the process that died.
        self.claimant = claimant if claimant and not regressions.on("random_identity") else uuid.uuid4().hex[:12]
        self.health = SchedulerHealth()
        self.guard = guard or InvalidRequestGuard()
        self.pacer = pacer or Pacer(rate)
        self.concurrency = concurrency  # posts (and history checks) in flight at once
        self._slots = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()
        self._stopping = False
        self._inflight: set[asyncio.Task[bool]] = set()
        self._failures: collections.Counter[int] = collections.Counter()
        self._pruned: dt.date | None = None

    @property
    def stopping(self) -> bool:
        return self._stopping

    def wake(self) -> None:
        """Re-read the next due time now (a schedule was added or changed)."""
        self._wake.set()

    # -- the loop -----------------------------------------------------------

    async def run_forever(self) -> None:
        """Run the loop until shutdown, supervised: an error that stops it, at start-up (reclaim)
        included, is logged and the loop restarted with backoff; `health` says how it is doing."""
        failures, passes = 0, -1
        while not self._stopping:
            try:
                await self._run()
            except asyncio.CancelledError:
                self.health.state = "stopped"
                raise
            except Exception as exc:
                if regressions.on("unsupervised_scheduler"):
                    self.health.state = "stopped"
                    raise  # the old defect: the task dies, silently, and nothing posts again
                # Back to the shortest wait once a restart has worked (it completed a pass).
                failures = failures + 1 if self.health.passes == passes else 1
                passes = self.health.passes
                delay = restart_delay(failures)
                self.health.failed(exc, restarting=True)
                log.exception(
                    "Daily scheduler stopped on an error; restarting it in %.0f s (restart %d)",
                    delay,
                    self.health.restarts,
                )
                await self.clock.sleep(delay)
        self.health.state = "stopped"

    async def _run(self) -> None:
        log.info("Daily scheduler started (instance %s)", self.claimant)
        await self.clock.sync(self.storage)
        resumed = await self.storage.reclaim(self.claimant, self.clock.now())
        if resumed:
            log.warning("Resuming %d daily post(s) this instance was sending when it stopped", resumed)
        while not self._stopping:
            # Cleared before the pass, so a wake() during it cuts the next sleep short.
            self._wake.clear()
            try:
                attempted = await self.run_once()
                await self._prune()
                delay = await self._delay()
                if not attempted:
                    delay = max(delay, MIN_IDLE_WAIT)
                self.health.passed(self.clock.now())
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.exception("Daily scheduler pass failed; trying again in a minute")
                self.health.failed(exc, restarting=False)
                delay = 60.0
            if not self._stopping:
                await self.clock.wait(self._wake, delay)

    async def shutdown(self, grace: float = SHUTDOWN_GRACE) -> None:
        """Stop claiming; give sends in flight `grace` seconds to finish and record, then cancel them."""
        self._stopping = True
        self._wake.set()
        pending = set(self._inflight)
        if pending:
            log.info("Waiting up to %.0f s for %d daily post(s) in flight", grace, len(pending))
            _, late = await asyncio.wait(pending, timeout=grace)
            for task in late:
                task.cancel()
            if late:
                await asyncio.gather(*late, return_exceptions=True)
                log.warning("%d daily post(s) cancelled at shutdown; their claims expire and are checked", len(late))

    def _blocked_until(self) -> dt.datetime | None:
        """The guard's block, by the engine's clock: the guard counts responses by the injected
        (host) clock, as the HTTP trace sees them."""
        until = self.guard.blocked_until(self.clock.host.now())
        return None if until is None else until + self.clock.offset

    async def _delay(self) -> float:
        now = self.clock.now()
        blocked = self._blocked_until()
        if blocked is not None:
            return (blocked - now).total_seconds()
        wake_at = await self.storage.next_wake(self.lease, self.shard)
        if wake_at is None:
            return MAX_SLEEP
        return min(MAX_SLEEP, max(0.0, (wake_at - now).total_seconds()))

    async def _prune(self) -> None:
        today = self.clock.now().date()
        if self._pruned == today:
            return
        self._pruned = today
        removed = await self.storage.prune(today - KEEP_DELIVERIES, self.clock.now() - KEEP_DELIVERIES)
        if removed:
            log.info("Pruned %d daily-post records older than %d days", removed, KEEP_DELIVERIES.days)

    async def run_once(self) -> int:
        """Do everything that is due now; returns how many sends were attempted.

        Each send starts as soon as its claim is committed, so claiming the rest
        of a batch overlaps with sending (the pacer and the concurrency bound keep
        the sends in check). A failure to claim one row never stops the others.
        """
        started: list[asyncio.Task[bool]] = []
        await self.clock.sync(self.storage)  # one clock per engine, measured every pass
        try:
            while not self._stopping:
                now = self.clock.now()
                if self._blocked_until() is not None:
                    break
                for delivery in await self.storage.pending(now, self.lease, BATCH, self.shard):
                    if self._stopping:
                        break
                    await self._slots.acquire()  # claim only what can be sent now
                    started.append(self._start(self._take_over_and_send(delivery, now)))
                schedules = await self.storage.due(now, BATCH, self.shard)
                for schedule in schedules:
                    if self._stopping:
                        break
                    # Claim only when a send slot is free: a claim never waits long for its send.
                    # Claims run concurrently, so storage commits them together.
                    await self._slots.acquire()
                    started.append(self._start(self._claim_and_send(schedule, self.clock.now())))
                if len(schedules) < BATCH:
                    break
        finally:
            # Sends already started finish even if claiming failed: they hold claims.
            outcomes = await asyncio.gather(*started, return_exceptions=True) if started else []
            for outcome in outcomes:  # each send handles its own errors; what is left is the process ending
                if isinstance(outcome, BaseException) and not isinstance(outcome, asyncio.CancelledError):
                    raise outcome
        return sum(1 for outcome in outcomes if outcome is True)

    def _start(self, work: Coroutine[None, None, bool]) -> asyncio.Task[bool]:
        task = asyncio.create_task(work)
        self._inflight.add(task)
        task.add_done_callback(self._inflight.discard)
        return task

    async def _claim_and_send(self, schedule: Schedule, now: dt.datetime) -> bool:
        """Holding a send slot: claim the schedule's post and send it. True if a send was attempted."""
        try:
            claimed = await self._claim_isolated(schedule, now)
        except BaseException:
            self._slots.release()
            raise
        if claimed is None:
            self._slots.release()
            return False
        if self.shard is not None and not self.shard.owns(schedule.guild_id):
            # Another shard's post, a grace period late: the process that owns it is down or behind.
            self._event("taken_over")
            log.warning(
                "Posting the daily paragraph for channel %s of shard %d, %s late: its own process has not",
                schedule.channel_id,
                (schedule.guild_id >> 22) % self.shard.count,
                _late(now - schedule.next_due),
            )
        await self._attempt(claimed)
        return True

    async def _take_over_and_send(self, delivery: Delivery, now: dt.datetime) -> bool:
        """Holding a send slot: take over an open delivery (a retry, or a claim whose owner went quiet)."""
        try:
            taken = await self._take_over(delivery, now)
        except BaseException:
            self._slots.release()
            raise
        if not taken:
            self._slots.release()
            return False
        # Ours now, at the next version: every later renew, send and finish checks it.
        mine = replace(
            delivery,
            state=DeliveryState.SENDING,
            attempts=delivery.attempts + 1,
            claimant=self.claimant,
            claimed_at=now,
            # A `sending` claim whose owner went quiet may already have reached Discord.
            uncertain=delivery.uncertain or delivery.state is DeliveryState.SENDING,
            version=delivery.version + 1,
        )
        try:
            missed = await self._past_deadline(mine, now)
        except BaseException:
            self._slots.release()
            raise
        if missed:
            self._slots.release()
            return False
        if delivery.state is DeliveryState.SENDING and delivery.claimant != self.claimant:
            self._event("taken_over")
            log.warning(
                "Took over the daily post for channel %s on %s from instance %s, which went quiet mid-send",
                delivery.channel_id,
                delivery.day,
                delivery.claimant,
            )
        else:
            self._event("retried")
        await self._attempt(mine)
        return True

    # -- claiming -----------------------------------------------------------

    async def _claim_isolated(self, schedule: Schedule, now: dt.datetime) -> Delivery | None:
        """Claim one schedule; whatever goes wrong stays with that schedule."""
        try:
            claimed = await self._claim(schedule, now)
        except (ZoneInfoNotFoundError, ValueError, KeyError, IndexError) as exc:
            reason = _unplannable(schedule, exc)
            log.error("Daily posts to channel %s paused: %s (%r)", schedule.channel_id, reason, exc)
            await self._pause_quietly(schedule.channel_id, reason, now)
            return None
        except Exception:
            self._failures[schedule.channel_id] += 1
            failures = self._failures[schedule.channel_id]
            log.exception("Could not claim the daily post for channel %s (%d in a row)", schedule.channel_id, failures)
            if failures >= TRANSIENT_LIMIT:
                reason = Phrase("daily-keeps-failing")
                await self._pause_quietly(schedule.channel_id, reason, now)
            return None
        self._failures.pop(schedule.channel_id, None)
        return claimed

    def _event(self, name: str) -> None:
        if self.on_event is not None:
            try:
                self.on_event(name)
            except Exception:  # counting must never stop a post
                log.exception("Could not count the daily-post event %s", name)

    async def _pause_quietly(self, channel_id: int, reason: str, now: dt.datetime) -> None:
        try:
            if await self.storage.pause(channel_id, stored(reason), now=now):
                self._event("paused")
        except Exception:
            log.exception("Could not pause the daily posts to channel %s", channel_id)

    async def _claim(self, schedule: Schedule, now: dt.datetime) -> Delivery | None:
        zone = ZoneInfo(schedule.timezone)
        order = Order(schedule.order)
        decision = plan(now, schedule.next_day, schedule.next_due, schedule.post_time, zone, self.catch_up)
        if decision.moved:
            # The zone's rules changed since the due time was stored: correct it, quietly.
            await self.storage.skip_day(schedule, decision.next_day, decision.next_due)
            return None
        if not decision.post:
            if await self.storage.skip_day(schedule, decision.next_day, decision.next_due):
                log.warning(
                    "Daily post for channel %s on %s skipped: due %s, more than %s ago",
                    schedule.channel_id,
                    decision.day,
                    decision.due.isoformat(),
                    self.catch_up,
                )
                # Never none without a reason a person can see: not only in the log.
                down = _down_for(schedule.next_day, decision.day, self.catch_up)
                await self.storage.record_failure(schedule.channel_id, stored(down), now=now)
            return None
        doc = self.library.document_or_default(schedule.document)
        ref, _, _ = pick(doc, order, schedule.seed, schedule.position)
        delivery = Delivery(
            channel_id=schedule.channel_id,
            day=decision.day,
            guild_id=schedule.guild_id,
            position=schedule.position,
            ref=format_refs([ref]),
            state=DeliveryState.SENDING,
            due=decision.due,
            attempts=1,
            claimant=self.claimant,
            claimed_at=now,
        )
        if not await self.storage.claim(schedule, delivery, decision.next_day, decision.next_due):
            return None
        if decision.missed:
            log.warning(
                "Channel %s missed %d day(s) of posts while the bot was down", schedule.channel_id, decision.missed
            )
            last = decision.day - dt.timedelta(days=1)
            down = _down_for(schedule.next_day, last, self.catch_up)
            await self.storage.record_failure(schedule.channel_id, stored(down), now=now)
        return delivery

    # -- sending ------------------------------------------------------------

    async def _take_over(self, delivery: Delivery, now: dt.datetime) -> bool:
        try:
            return await self.storage.take_over(delivery, self.claimant, now)
        except Exception:
            log.exception("Could not take over the daily post for channel %s on %s", delivery.channel_id, delivery.day)
            return False

    async def _attempt(self, delivery: Delivery) -> None:
        """Send one claimed post; holds the send slot acquired before the claim."""
        try:
            await self._send(delivery)
        except _Blocked as blocked:
            await self._hand_back(delivery, blocked.until, "paused: too many invalid requests")
        except Exception as exc:  # never let one post stop the others
            log.exception("Daily post for channel %s on %s failed unexpectedly", delivery.channel_id, delivery.day)
            await self._retry(delivery, f"unexpected: {type(exc).__name__}", uncertain=True)
        finally:
            self._slots.release()

    async def _request_slot(self, delivery: Delivery) -> bool:
        """Before every request: re-confirm the claim (restarting its lease), wait for our pace, check
        the guard. The pace comes last, so no database wait stands between it and the request; if the
        wait for our turn was long (it is normally short: only as many claims as send slots are held),
        the claim is confirmed once more."""
        # Measured again here, not only once a pass: the process may have been frozen since (after
        # its claim, say) while the host's clock jumped, and a stale offset would let the deadline
        # check after this pass a post that is already past its window. Not a monotonic reading
        # instead: CLOCK_MONOTONIC stops while the host sleeps or its VM is paused.
        await self.clock.sync(self.storage)
        confirmed = self.clock.now()
        if not await self._still_mine(delivery, confirmed):
            return False
        await self.pacer.acquire()
        now = self.clock.now()
        if now - confirmed > self.lease / 4:
            await self.clock.sync(self.storage)
            if not await self._still_mine(delivery, self.clock.now()):
                return False
        blocked = self._blocked_until()
        if blocked is not None:
            raise _Blocked(blocked)
        return True

    async def _still_mine(self, delivery: Delivery, now: dt.datetime) -> bool:
        if await self.storage.renew(delivery, self.claimant, now):
            return True
        log.info(
            "Daily post for channel %s on %s: another instance holds it now; not sending",
            delivery.channel_id,
            delivery.day,
        )
        return False

    async def _send(self, delivery: Delivery) -> None:
        schedule = await self.storage.get_schedule(delivery.channel_id)
        if schedule is None:
            await self.storage.finish(delivery, DeliveryState.FAILED, claimant=self.claimant, error="schedule stopped")
            return
        if delivery.uncertain:
            # An earlier send may have reached Discord: its nonce may have expired since, so look.
            if not await self._request_slot(delivery) or await self._past_deadline(delivery, self.clock.now()):
                return
            try:
                found = await self._find(delivery, daily_markers(delivery.day))
            except TimeoutError:
                await self._retry(delivery, "history read timed out", uncertain=True)
                return
            except HistoryUnavailable as fault:
                await self._retry(delivery, f"history read failed: {fault}", uncertain=True)
                return
            if found.seen is Seen.FOUND:
                if await self.storage.finish(
                    delivery, DeliveryState.SENT, claimant=self.claimant, message_id=found.message_id
                ):
                    self._event("sent")  # by an earlier attempt whose outcome was lost
                log.info("Daily post for channel %s on %s was already sent", delivery.channel_id, delivery.day)
                return
            if found.seen is Seen.UNKNOWN:
                await self._unconfirmed(delivery, found.reason)
                return
        doc = self.library.document_or_default(schedule.document)
        ref = parse_ref(delivery.ref, doc)
        refs = sequence(doc, Order(schedule.order))
        shown, locale = await for_server(self.storage, doc, schedule.guild_id)
        reply = daily_post(shown, ref, delivery.position % len(refs) + 1, len(refs), delivery.day, locale)
        if not await self._request_slot(delivery) or await self._past_deadline(delivery, self.clock.now()):
            return
        try:
            result = await asyncio.wait_for(
                self.poster.post(delivery.channel_id, reply, nonce(delivery.channel_id, delivery.day)),
                self.send_timeout,
            )
        except TimeoutError:
            result = SendResult(
                Outcome.RETRY,
                detail=f"no answer in {self.send_timeout:.0f} s",
                reason=Phrase("daily-why-no-answer"),
                uncertain=True,
            )
        await self._record(delivery, result)

    async def _find(self, delivery: Delivery, marker: tuple[str, ...]) -> FindResult:
        """Our post in the channel's history since the post's own time, page by page, each request
        paced. Raises `TimeoutError` once its requests have taken `send_timeout` at Discord, and
        `HistoryUnavailable` when one fails in a way that passes.

        The bound is Discord's time, as a send's is: the waits for our pace are not counted
        (`bot.daily.timing` says why the nonce window allows them). A take-over's checks queue
        behind each other in the pacer, up to four permission reads and a page each; counting that
        queue made every check of a take-over time out, and their retries met in the same queue."""
        channel = delivery.channel_id
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(self.send_timeout) as bound:

            async def pace() -> None:
                left = (bound.when() or loop.time()) - loop.time()
                if left <= 0:  # spent while the loop was busy, its timer not yet run: no other turn, no other read
                    bound.reschedule(loop.time())
                    await asyncio.sleep(0)  # the bound's cancellation lands here
                bound.reschedule(None)  # our own queue: not Discord's time
                await self.pacer.acquire()
                bound.reschedule(loop.time() + left)

            async def read_page(after: int | None, limit: int) -> Sequence[MessageRecord]:
                await pace()
                return await self.poster.read_history(channel, after, limit)

            return await find_own_post(
                read_page,
                author_id=self.poster.own_id(),
                marker=marker,
                since=delivery.due - HISTORY_MARGIN,
                readable=await self.poster.history_readable(channel, pace=pace),
            )

    async def _unconfirmed(self, delivery: Delivery, reason: str) -> None:
        """The post may have reached Discord and the history cannot tell: never send it again."""
        now = self.clock.now()
        if not await self.storage.finish(
            delivery, DeliveryState.UNCONFIRMED, claimant=self.claimant, error=f"could not confirm: {reason}"
        ):
            return
        self._event("failed")
        await self.storage.record_failure(
            delivery.channel_id, stored(Phrase("daily-unconfirmed", day=delivery.day, reason=reason)), now=now
        )
        log.warning(
            "Daily post for channel %s on %s: outcome unknown and %s; not sending it again",
            delivery.channel_id,
            delivery.day,
            reason,
        )

    async def _past_deadline(self, delivery: Delivery, now: dt.datetime) -> bool:
        """Past its due time plus the catch-up window: record it as missed (we hold the claim) and send nothing."""
        if regressions.on("no_deadline_before_send"):  # the old way: the deadline only after a failure
            return False
        if now <= delivery.due + self.catch_up:
            return False
        await self._miss(delivery, now, Phrase("daily-why-late"))
        return True

    async def _miss(self, delivery: Delivery, now: dt.datetime, words: str, *, uncertain: bool = False) -> None:
        if uncertain or delivery.uncertain:
            # It may have reached Discord: record what happened (without sending anything), not "missed".
            try:
                found = await self._find(delivery, daily_markers(delivery.day))
            except Exception as exc:  # a timeout or a read that failed: it stays unknown
                log.warning("Could not read channel %s's history: %r", delivery.channel_id, exc)
                found = FindResult(Seen.UNKNOWN, reason=Phrase(UNREAD))
            if found.seen is Seen.FOUND:
                if await self.storage.finish(
                    delivery, DeliveryState.SENT, claimant=self.claimant, message_id=found.message_id
                ):
                    self._event("sent")
                return
            if found.seen is Seen.UNKNOWN:
                await self._unconfirmed(delivery, found.reason)
                return
        if not await self.storage.finish(
            delivery, DeliveryState.MISSED, claimant=self.claimant, error=f"missed: {words}"
        ):
            return
        self._event("failed")
        missed = Phrase("daily-missed", day=delivery.day, why=words, hours=_hours(self.catch_up))
        await self.storage.record_failure(delivery.channel_id, stored(missed), now=now)
        log.error("Daily post for channel %s on %s missed: %s", delivery.channel_id, delivery.day, words)

    async def _record(self, delivery: Delivery, result: SendResult) -> None:
        now = self.clock.now()
        channel = delivery.channel_id
        if result.outcome is Outcome.SENT:
            if await self.storage.finish(
                delivery, DeliveryState.SENT, claimant=self.claimant, message_id=result.message_id
            ):
                self._event("sent")
            return
        if result.outcome is Outcome.RETRY:
            await self._retry(delivery, result.detail, uncertain=result.uncertain, reason=result.reason)
            return
        # Each outcome is recorded in one transaction with what /daily status shows of it, so a crash
        # between the two can never leave a failed day unexplained (simulator seeds 1406, 2139).
        if result.outcome is Outcome.GONE:
            # Removing the schedule fails its open deliveries (this one) and leaves the notice.
            if await self.storage.remove_schedule(channel, stored(Phrase("daily-deleted")), now=now):
                self._event("failed")
                log.warning("Channel %s no longer exists (%s): its daily schedule was removed", channel, result.detail)
            return
        # Refused: failed with its reason; a 403 (lost access) also pauses the schedule until /daily set.
        forbidden = result.outcome is Outcome.FORBIDDEN
        reason = result.reason or Phrase("daily-why-lost-access" if forbidden else "daily-why-refused-post")
        paused = await self.storage.finish_failed(
            delivery, claimant=self.claimant, error=result.detail, reason=stored(reason), now=now, pause=forbidden
        )
        if paused is None:
            return  # no longer ours: the owner decides
        self._event("failed")
        if paused:
            self._event("paused")
            log.warning("Daily posts to channel %s paused: %s (%s)", channel, reason, result.detail)
        elif not forbidden:
            log.error("Daily post for channel %s on %s rejected: %s", channel, delivery.day, result.detail)

    async def _retry(self, delivery: Delivery, detail: str, *, uncertain: bool, reason: str = "") -> None:
        now = self.clock.now()
        backoff = min(RETRY_CAP, RETRY_BASE * (2 ** max(0, delivery.attempts - 1)))
        deadline = delivery.due + self.catch_up
        words = reason or Phrase("daily-why-temporary")
        if now + backoff > deadline:
            tried = Phrase("daily-why-attempts", problem=words, count=delivery.attempts)
            await self._miss(delivery, now, tried, uncertain=uncertain)
            return
        if await self.storage.retry_later(delivery, now + backoff, detail, claimant=self.claimant, uncertain=uncertain):
            retrying = Phrase("daily-retrying", problem=words)
            await self.storage.record_failure(delivery.channel_id, stored(retrying), now=now)
            log.warning(
                "Daily post for channel %s on %s will be retried at %s: %s",
                delivery.channel_id,
                delivery.day,
                (now + backoff).isoformat(),
                detail,
            )

    async def _hand_back(self, delivery: Delivery, until: dt.datetime, detail: str) -> None:
        """Give a claim back untried (the guard blocked it): it is retried when the block ends."""
        await self.storage.retry_later(delivery, until, detail, claimant=self.claimant, uncertain=delivery.uncertain)


def _unplannable(schedule: Schedule, exc: Exception) -> Phrase:
    """Why a stored schedule cannot be planned, in words for /daily status."""
    if isinstance(exc, ZoneInfoNotFoundError) or "zone" in str(exc).casefold():
        return Phrase("daily-zone-gone", zone=schedule.timezone)
    return Phrase("daily-settings-invalid")


def _hours(span: dt.timedelta) -> float | int:
    """A catch-up window in hours, as a number the catalogue writes ("6", "1.5")."""
    hours = span.total_seconds() / 3600
    return int(hours) if hours.is_integer() else hours


def _down_for(first: dt.date, last: dt.date, catch_up: dt.timedelta) -> Phrase:
    """Why the posts from `first` to `last` never went out, for /daily status."""
    if first >= last:
        return Phrase("daily-down-one", day=last, hours=_hours(catch_up))
    return Phrase("daily-down-range", first=first, last=last, hours=_hours(catch_up))


def _send_timeout(lease: dt.timedelta) -> dt.timedelta:
    return send_timeout(lease)


def _late(delta: dt.timedelta) -> str:
    seconds = max(0, int(delta.total_seconds()))
    return f"{seconds // 60} min {seconds % 60} s" if seconds >= 60 else f"{seconds} s"
