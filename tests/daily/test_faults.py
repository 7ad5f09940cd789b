"""Issue 7: "exactly once, never lost" under real faults. Each test here failed on the old delivery loop.

Discord is modelled as it behaves: a nonce de-duplicates only for a few minutes
(`NONCE_WINDOW`, on the test clock), a send can be slower than a claim's lease,
a 5xx may hide a message that was created, a process can stop between any two lines.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import sqlite3
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import aiohttp
import discord
import pytest

from bot.content.library import Library
from bot.daily.delivery import Outcome, Pacer, SendResult
from bot.daily.discord_poster import DiscordPoster
from bot.daily.history import MessageRecord
from bot.daily.schedule import Order
from bot.daily.words import shown
from bot.render import Reply
from bot.storage import Delivery, DeliveryState, Schedule
from bot.storage.sqlite import SQLiteStorage
from tests.daily.conftest import BERLIN, CHANNEL, GUILD, NONCE_WINDOW, Killed, Rig, make_scheduler, subscribe

UTC = dt.UTC
NINE_BERLIN = dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC)


class GatedPacer(Pacer):
    """A pacer that holds its caller until the test opens the gate: a send stuck behind thousands of others."""

    def __init__(self) -> None:
        super().__init__(1e6)
        self.gate = asyncio.Event()
        self.waiting = asyncio.Event()

    async def acquire(self) -> None:
        self.waiting.set()
        await self.gate.wait()


class FlakyStorage(SQLiteStorage):
    """The real SQLite storage, with a claim that fails for one channel as a busy database would."""

    failing: set[int]

    async def claim(self, schedule: Schedule, delivery: Delivery, next_day: dt.date, next_due: dt.datetime) -> bool:
        if schedule.channel_id in self.failing:
            raise sqlite3.OperationalError("database is locked")
        return await super().claim(schedule, delivery, next_day, next_due)


async def add(rig: Rig, channel: int, **changes: Any) -> None:
    """A schedule for 09:00 Berlin, stored as is (bypassing /daily set's checks, as an old row would be)."""
    await rig.service.set(GUILD + channel, channel, dt.time(9), BERLIN, Order.DOCUMENT, rig.clock.now())
    if changes:
        stored = await rig.storage.get_schedule(channel)
        assert stored is not None
        await rig.storage.save_schedule(dataclasses.replace(stored, **changes), now=rig.clock.now())


# -- 1. one bad schedule never stops the others --------------------------------------


async def test_a_row_with_a_removed_zone_or_order_is_paused_and_the_others_post(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    await add(rig, 1, timezone="US/Pacific-New")  # removed from tzdata in 2020
    await add(rig, 2, order="alphabetical")  # a value no version of the bot knows
    for channel in range(3, 8):
        await add(rig, channel)
    rig.clock.set(NINE_BERLIN)
    with caplog.at_level(logging.ERROR):
        assert await rig.scheduler.run_once() == 5
    assert all(len(rig.posts(c)) == 1 for c in range(3, 8))
    zone = await rig.storage.get_schedule(1)
    order = await rig.storage.get_schedule(2)
    assert zone is not None and zone.paused_reason is not None
    assert "time zone “US/Pacific-New” no longer exists" in shown(zone.paused_reason, None)
    assert order is not None and order.paused_reason is not None
    assert "run `/daily set`" in shown(order.paused_reason, None)
    status = (await rig.service.status(GUILD + 1, rig.clock.now())).content or ""
    assert "US/Pacific-New" in status and "Traceback" not in status


async def test_a_passing_database_error_on_one_row_spares_the_others(
    library: Library, tmp_path: Path, rig: Rig
) -> None:
    flaky = await FlakyStorage.open(tmp_path / "flaky.sqlite3")
    flaky.failing = {1}
    try:
        rig.storage, real = flaky, rig.storage
        rig.service.storage = flaky
        for channel in (1, 2, 3):
            await add(rig, channel)
        scheduler = make_scheduler(flaky, library, rig.poster, rig.clock)
        rig.clock.set(NINE_BERLIN)
        assert await scheduler.run_once() == 2  # 2 and 3 post; 1 is left for the next pass
        assert (await flaky.get_schedule(1)).paused_reason is None  # type: ignore[union-attr]
        flaky.failing = set()  # the lock passed
        rig.clock.advance(seconds=5)
        assert await scheduler.run_once() == 1
        assert [len(rig.posts(c)) for c in (1, 2, 3)] == [1, 1, 1]
    finally:
        rig.storage = real
        await flaky.close()


async def test_a_row_that_keeps_failing_is_paused_after_three_passes(
    library: Library, tmp_path: Path, rig: Rig
) -> None:
    flaky = await FlakyStorage.open(tmp_path / "flaky.sqlite3")
    flaky.failing = {1}
    try:
        rig.service.storage = flaky
        await rig.service.set(GUILD, 1, dt.time(9), BERLIN, Order.DOCUMENT, rig.clock.now())
        scheduler = make_scheduler(flaky, library, rig.poster, rig.clock)
        rig.clock.set(NINE_BERLIN)
        for _ in range(3):
            await scheduler.run_once()
        schedule = await flaky.get_schedule(1)
        assert schedule is not None and schedule.paused_reason is not None
        assert "going wrong on the bot's side" in shown(schedule.paused_reason, None)
    finally:
        rig.service.storage = rig.storage
        await flaky.close()


# -- 2. a due time that today's zone rules no longer give ----------------------------


async def test_a_stale_due_time_is_recomputed_without_spinning(rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    await subscribe(rig)
    stored = await rig.storage.get_schedule(CHANNEL)
    assert stored is not None
    # As if stored under older rules for Berlin: an hour before today's 09:00 occurrence.
    stale = stored.next_due - dt.timedelta(hours=1)
    await rig.storage.save_schedule(dataclasses.replace(stored, next_due=stale), now=rig.clock.now())
    rig.clock.set(stale + dt.timedelta(minutes=1))
    task = asyncio.create_task(rig.scheduler.run_forever())
    with caplog.at_level(logging.WARNING):
        async with asyncio.timeout(10):
            while not rig.posts() and len(rig.clock.waits) < 500:
                await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert len(rig.clock.waits) < 10, "the loop must not spin"
    assert all(w >= 1.0 for w in rig.clock.waits)
    assert "skipped" not in caplog.text
    (post,) = rig.posts()
    assert post.content == "**Paragraph of the day** · 28 November 2026 · 1 of 32"
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.due == stored.next_due  # posted at 09:00 under today's rules


# -- 3. two instances, a send slower than the lease ---------------------------------


async def test_a_send_slower_than_the_lease_posts_once(rig: Rig, library: Library) -> None:
    other_storage = await SQLiteStorage.open(rig.path)
    try:
        await subscribe(rig)
        gated = GatedPacer()
        slow = make_scheduler(rig.storage, library, rig.poster, rig.clock, claimant="slow")
        slow.pacer = gated
        fast = make_scheduler(other_storage, library, rig.poster, rig.clock, claimant="fast")
        rig.clock.set(NINE_BERLIN)
        first = asyncio.create_task(slow.run_once())
        await asyncio.wait_for(gated.waiting.wait(), 5)  # claimed, stuck behind the pacer
        rig.clock.advance(minutes=3)  # past the lease: the other instance takes over
        assert await fast.run_once() == 1
        assert len(rig.posts()) == 1
        rig.clock.advance(minutes=NONCE_WINDOW.total_seconds() / 60 + 1)  # the nonce would not save us now
        gated.gate.set()
        await asyncio.wait_for(first, 5)
        assert len(rig.posts()) == 1  # the first sender saw it had lost the claim, and sent nothing
        record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
        assert record is not None and record.state is DeliveryState.SENT and record.claimant == "fast"
    finally:
        await other_storage.close()


async def test_a_hanging_request_is_bounded_and_checked_before_a_resend(rig: Rig, library: Library) -> None:
    """A post that Discord accepted but whose answer never came: the retry looks before sending."""
    await subscribe(rig)
    hung = asyncio.Event()
    real_post = rig.poster.post

    async def accepted_then_hung(channel_id: int, reply: Reply, nonce: str) -> SendResult:
        await real_post(channel_id, reply, nonce)
        hung.set()
        await asyncio.sleep(3600)  # the answer never comes
        raise AssertionError("unreachable")

    rig.poster.post = accepted_then_hung  # type: ignore[method-assign]
    scheduler = make_scheduler(rig.storage, library, rig.poster, rig.clock, send_timeout=0.05)
    rig.clock.set(NINE_BERLIN)
    assert await scheduler.run_once() == 1
    assert hung.is_set()
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state is DeliveryState.RETRY and record.uncertain
    rig.poster.post = real_post  # type: ignore[method-assign]
    rig.clock.advance(minutes=30)  # long past the nonce window
    assert await scheduler.run_once() == 1
    assert len(rig.posts()) == 1  # found in the channel's history: not sent again
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state is DeliveryState.SENT


async def uncertain_post(rig: Rig, library: Library) -> None:
    """Today's post accepted by Discord, its answer lost: the delivery waits to be retried, uncertain."""
    await subscribe(rig)
    real_post = rig.poster.post

    async def accepted_then_hung(channel_id: int, reply: Reply, nonce: str) -> SendResult:
        await real_post(channel_id, reply, nonce)
        await asyncio.sleep(3600)  # the answer never comes
        raise AssertionError("unreachable")

    rig.poster.post = accepted_then_hung  # type: ignore[method-assign]
    rig.clock.set(NINE_BERLIN)
    assert await make_scheduler(rig.storage, library, rig.poster, rig.clock, send_timeout=0.05).run_once() == 1
    rig.poster.post = real_post  # type: ignore[method-assign]
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state is DeliveryState.RETRY and record.uncertain
    rig.clock.advance(minutes=30)  # past the retry and the nonce window


async def test_a_history_check_waiting_for_its_turn_is_not_a_hanging_request(rig: Rig, library: Library) -> None:
    """The bound on a request is Discord's time, not the wait for our own pace (CI's cluster test
    failed so: a take-over's history checks, queued behind each other in one pacer, each ran out
    of a bound meant for one request, and were retried together into the same queue)."""
    await uncertain_post(rig, library)
    pacer = Pacer(5)  # a turn every 0.2 s: the history page waits longer than a request may take
    scheduler = make_scheduler(rig.storage, library, rig.poster, rig.clock, send_timeout=0.1)
    scheduler.pacer = pacer
    assert await scheduler.run_once() == 1
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state is DeliveryState.SENT, record and record.error
    assert len(rig.posts()) == 1  # found in the history, not sent again


@pytest.mark.parametrize("hangs", ["history page", "permission read"])
async def test_a_history_check_whose_request_hangs_is_retried_within_the_bound(
    rig: Rig, library: Library, hangs: str
) -> None:
    await uncertain_post(rig, library)
    requests: list[str] = []

    async def hang(*args: Any, pace: Any = None) -> Any:
        if pace is not None:
            await pace()
        requests.append(hangs)
        await asyncio.sleep(3600)

    if hangs == "history page":
        rig.poster.read_history = hang  # type: ignore[method-assign, assignment]
    else:
        rig.poster.history_readable = hang  # type: ignore[method-assign, assignment]
    scheduler = make_scheduler(rig.storage, library, rig.poster, rig.clock, send_timeout=0.1)
    async with asyncio.timeout(5):
        assert await scheduler.run_once() == 1
    assert requests == [hangs]
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state is DeliveryState.RETRY and record.uncertain
    assert record.error == "history read timed out"
    assert len(rig.posts()) == 1  # the one Discord accepted; nothing sent blind


async def test_a_history_check_is_bounded_as_a_whole_not_request_by_request(rig: Rig, library: Library) -> None:
    """Fifty slow pages, each well inside the bound: the check still ends at one send timeout of
    Discord's time, so a resend stays within the nonce window (`bot.daily.timing`)."""
    await uncertain_post(rig, library)
    pages: list[int | None] = []

    async def busy_channel(channel_id: int, after: int | None, limit: int) -> list[MessageRecord]:
        pages.append(after)
        await asyncio.sleep(0.02)
        start = (after or 0) + 1
        return [MessageRecord(start + i, 1234, "someone else") for i in range(limit)]  # always a full page

    rig.poster.read_history = busy_channel  # type: ignore[method-assign]
    scheduler = make_scheduler(rig.storage, library, rig.poster, rig.clock, send_timeout=0.1)
    assert await scheduler.run_once() == 1
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state is DeliveryState.RETRY and record.error == "history read timed out"
    assert 1 <= len(pages) <= 6  # ended by the bound: not after all 50 pages, nor one bound a page


@pytest.mark.parametrize(
    ("result", "checked"),
    [
        (SendResult(Outcome.RETRY, detail="500 from Discord", uncertain=True), True),
        (SendResult(Outcome.RETRY, detail="network: ServerDisconnectedError", uncertain=True), True),
        (SendResult(Outcome.RETRY, detail="429 rate limited"), False),  # a 429 was not processed
    ],
)
async def test_retries_reuse_the_nonce_after_a_history_check_when_unsure(
    rig: Rig, result: SendResult, checked: bool
) -> None:
    await subscribe(rig)
    rig.clock.set(NINE_BERLIN)
    looked: list[int] = []
    real_read = rig.poster.read_history

    async def read_history(channel_id: int, after: int | None, limit: int) -> list[MessageRecord]:
        looked.append(channel_id)
        return await real_read(channel_id, after, limit)

    rig.poster.read_history = read_history  # type: ignore[method-assign]
    if checked:  # Discord created the message, then answered with an error
        rig.poster.accept_then_fail = result
    else:
        rig.poster.outcomes = [result]
    await rig.scheduler.run_once()
    rig.clock.advance(minutes=10)  # past the retry and past the nonce window
    assert await rig.scheduler.run_once() == 1
    assert bool(looked) is checked
    assert len(rig.posts()) == 1
    nonces = {m.nonce for m in rig.poster.channel(CHANNEL).messages}
    assert len(nonces) == 1


# -- 5. deleted channels ---------------------------------------------------------------


async def test_a_404_unknown_channel_removes_the_schedule_and_says_so(rig: Rig) -> None:
    await rig.service.set(
        GUILD, CHANNEL, dt.time(9), BERLIN, Order.DOCUMENT, rig.clock.now(), channel_name="old-channel"
    )
    rig.clock.set(NINE_BERLIN)
    rig.poster.outcomes = [SendResult(Outcome.GONE, detail="404, code 10003", reason="the channel was deleted")]
    await rig.scheduler.run_once()
    assert await rig.storage.get_schedule(CHANNEL) is None  # its slot is free again
    status = (await rig.service.status(GUILD, rig.clock.now())).content or ""
    assert "#old-channel: the channel was deleted, so its daily posts stopped" in status
    assert "10003" not in status and "404" not in status


# -- 8. shutdown -------------------------------------------------------------------------


async def test_shutdown_lets_a_send_in_flight_finish_and_claims_nothing_new(rig: Rig, library: Library) -> None:
    await subscribe(rig)
    await rig.service.set(GUILD + 1, CHANNEL + 1, dt.time(9), BERLIN, Order.DOCUMENT, rig.clock.now())
    release = asyncio.Event()
    started = asyncio.Event()
    real_post = rig.poster.post

    async def slow_post(channel_id: int, reply: Reply, nonce: str) -> SendResult:
        started.set()
        await release.wait()
        return await real_post(channel_id, reply, nonce)

    rig.poster.post = slow_post  # type: ignore[method-assign]
    scheduler = make_scheduler(rig.storage, library, rig.poster, rig.clock, concurrency=1)
    rig.clock.set(NINE_BERLIN)
    loop = asyncio.create_task(scheduler.run_forever())
    await asyncio.wait_for(started.wait(), 5)
    stopping = asyncio.create_task(scheduler.shutdown(grace=5))
    await asyncio.sleep(0.05)
    release.set()
    await asyncio.wait_for(stopping, 5)
    await asyncio.wait_for(loop, 5)
    sent = [d for d in [await rig.storage.get_delivery(c, dt.date(2026, 11, 28)) for c in (CHANNEL, CHANNEL + 1)] if d]
    assert [d.state for d in sent if d.state is DeliveryState.SENT]  # the one in flight was recorded
    assert sum(len(rig.posts(c)) for c in (CHANNEL, CHANNEL + 1)) == len(
        [d for d in sent if d.state is DeliveryState.SENT]
    )


async def test_shutdown_cancels_a_send_that_outlives_the_grace(rig: Rig, library: Library) -> None:
    await subscribe(rig)

    async def never(channel_id: int, reply: Reply, nonce: str) -> SendResult:
        await asyncio.sleep(3600)
        raise AssertionError("unreachable")

    rig.poster.post = never  # type: ignore[method-assign]
    scheduler = make_scheduler(rig.storage, library, rig.poster, rig.clock, send_timeout=3600)
    rig.clock.set(NINE_BERLIN)
    loop = asyncio.create_task(scheduler.run_forever())
    async with asyncio.timeout(5):
        while not scheduler._inflight:
            await asyncio.sleep(0.01)
    await asyncio.wait_for(scheduler.shutdown(grace=0.1), 5)
    await asyncio.wait_for(loop, 5)
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state is DeliveryState.SENDING  # its lease expires; the next run checks


async def test_a_restarted_instance_resumes_its_own_claims_at_once_after_a_history_check(
    rig: Rig, library: Library
) -> None:
    await subscribe(rig)
    rig.clock.set(NINE_BERLIN)
    rig.poster.die = "after"  # Discord has the message; the process dies before recording it
    first = make_scheduler(rig.storage, library, rig.poster, rig.clock, claimant="host-1")
    with pytest.raises(Killed):
        await first.run_once()
    rig.clock.advance(seconds=5)  # restarted well within the lease
    again = make_scheduler(rig.storage, library, rig.poster, rig.clock, claimant="host-1")
    rig.clock.held = True  # one pass (reclaim, take-over, history check), then the loop stands still
    loop = asyncio.create_task(again.run_forever())
    await asyncio.wait_for(rig.clock.waiting.wait(), 10)
    loop.cancel()
    with pytest.raises(asyncio.CancelledError):
        await loop
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state is DeliveryState.SENT  # found in the history, in the first pass
    assert rig.clock.now() == NINE_BERLIN + dt.timedelta(seconds=5)  # at once: no lease waited out
    assert len(rig.posts()) == 1


# -- review probes: the history check's bound, paused while it waits for its pace ------------------


async def test_a_permission_read_hanging_in_the_real_poster_is_a_timeout_not_an_unknown_permission(
    rig: Rig, library: Library
) -> None:
    """DiscordPoster.history_readable catches TimeoutError (a network timeout: permission unknown).
    The check's own bound must not end there: a hang is retried, never marked unconfirmed."""
    await uncertain_post(rig, library)

    async def hangs(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(3600)

    client = SimpleNamespace(
        get_channel=lambda _: None, http=SimpleNamespace(get_channel=hangs), user=SimpleNamespace(id=4242)
    )
    rig.poster.history_readable = DiscordPoster(client).history_readable  # type: ignore[arg-type, method-assign]
    scheduler = make_scheduler(rig.storage, library, rig.poster, rig.clock, send_timeout=0.1)
    async with asyncio.timeout(5):
        assert await scheduler.run_once() == 1
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state is DeliveryState.RETRY and record.uncertain, record
    assert record.error == "history read timed out"
    assert len(rig.posts()) == 1


class SecondTurnGate(Pacer):
    """Grants the send slot's turn at once, then holds the history page's turn until the test opens it."""

    def __init__(self) -> None:
        super().__init__(1e6)
        self.turns = 0
        self.gate = asyncio.Event()
        self.waiting = asyncio.Event()

    async def acquire(self) -> None:
        self.turns += 1
        if self.turns >= 2:
            self.waiting.set()
            await self.gate.wait()


async def test_a_shutdown_while_a_history_check_waits_for_its_turn_records_nothing(rig: Rig, library: Library) -> None:
    """Cancelled in the pacer (the bound paused): the cancellation is not turned into a timeout, so
    nothing is recorded (the claim expires and is checked again) and nothing is sent."""
    await uncertain_post(rig, library)
    scheduler = make_scheduler(rig.storage, library, rig.poster, rig.clock, send_timeout=0.1)
    scheduler.pacer = pacer = SecondTurnGate()
    running = asyncio.create_task(scheduler.run_once())
    async with asyncio.timeout(5):
        await pacer.waiting.wait()
        await asyncio.sleep(0.3)  # past the bound, which must be paused
        assert not running.done()
        await scheduler.shutdown(grace=0.05)
        await running
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state is DeliveryState.SENDING, record
    assert len(rig.posts()) == 1


async def test_a_history_check_past_its_bound_starts_no_further_read(rig: Rig, library: Library) -> None:
    """A page that comes back after the bound ran out (the loop busy, the timer not yet run): the
    next turn must not start another read; the check is over."""
    await uncertain_post(rig, library)
    pages: list[int | None] = []

    async def slow_full_page(channel_id: int, after: int | None, limit: int) -> list[MessageRecord]:
        pages.append(after)
        await asyncio.sleep(0)  # the request goes out; its answer comes
        time.sleep(0.15)  # noqa: ASYNC251 (the point: the loop busy past the 0.1 s bound, its timer not run)
        start = (after or 0) + 1
        return [MessageRecord(start + i, 1234, "someone else") for i in range(limit)]

    rig.poster.read_history = slow_full_page  # type: ignore[method-assign]
    scheduler = make_scheduler(rig.storage, library, rig.poster, rig.clock, send_timeout=0.1)
    assert await scheduler.run_once() == 1
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.error == "history read timed out"
    assert len(pages) == 1, f"{len(pages)} reads started"


@pytest.mark.parametrize("fault", ["connection reset", "503 after discord.py's own retries", "read timeout"])
async def test_a_passing_fault_reading_the_permission_is_retried_not_taken_for_an_unknown_permission(
    rig: Rig, library: Library, fault: str
) -> None:
    """A take-over reads the bot's permission in another shard's channel over REST. A fault that
    passes (a reset, a 5xx, aiohttp's own timeout) said "permission unknown", and a post not found
    with an unknown permission is never sent again: the day's post was lost to one dropped
    connection. It is retried now, as a failed history page is; only Discord's answer that the
    channel cannot be seen (403, 404) leaves the permission unknown."""
    await subscribe(rig)
    rig.clock.set(NINE_BERLIN)
    rig.poster.outcomes = [SendResult(Outcome.RETRY, detail="500 from Discord", uncertain=True)]  # not created
    assert await rig.scheduler.run_once() == 1
    rig.clock.advance(minutes=30)
    failures = [1]

    async def get_channel(channel_id: int) -> Any:
        if failures:
            failures.pop()
            if fault == "connection reset":
                raise aiohttp.ClientConnectionError("Connection reset by peer")
            if fault == "read timeout":
                raise TimeoutError
            raise discord.DiscordServerError(SimpleNamespace(status=503, reason="Service Unavailable"), "upstream")
        return {"id": str(channel_id), "guild_id": "77", "type": 0, "permission_overwrites": []}

    async def get_guild(guild_id: int, with_counts: bool = False) -> Any:
        return {"id": "77", "owner_id": "1", "roles": [{"id": "77", "permissions": str(1 << 16)}]}

    async def get_member(guild_id: int, user_id: int) -> Any:
        return {"user": {"id": str(user_id)}, "roles": []}

    http = SimpleNamespace(get_channel=get_channel, get_guild=get_guild, get_member=get_member)
    client = SimpleNamespace(get_channel=lambda _: None, http=http, user=SimpleNamespace(id=4242))
    rig.poster.history_readable = DiscordPoster(client).history_readable  # type: ignore[arg-type, method-assign]
    scheduler = make_scheduler(rig.storage, library, rig.poster, rig.clock, send_timeout=5)
    assert await scheduler.run_once() == 1
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state is DeliveryState.RETRY and record.uncertain, record
    rig.clock.advance(minutes=5)
    assert await scheduler.run_once() == 1
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state is DeliveryState.SENT, record  # not in the history: sent now
    assert len(rig.posts()) == 1


# -- review probes: the real poster's history faults, and a failed check at the deadline ----------


def _http_error(status: int) -> discord.HTTPException:
    response = SimpleNamespace(status=status, reason="x")
    kind = {403: discord.Forbidden, 404: discord.NotFound}.get(status, discord.HTTPException)
    if status >= 500:
        kind = discord.DiscordServerError
    return kind(response, {"message": "x", "code": 0})


HISTORY_FAULTS: dict[str, BaseException] = {
    "429 after discord.py's retries": _http_error(429),
    "503": _http_error(503),
    "connection reset": aiohttp.ClientConnectionError("reset"),
    "server disconnected": aiohttp.ServerDisconnectedError(),
    "OSError": ConnectionResetError(104, "reset"),
    "aiohttp's own timeout": TimeoutError(),
}


def _client_failing_with(exc: BaseException) -> Any:
    async def fail(*_: Any, **__: Any) -> Any:
        raise exc

    class History:
        def __aiter__(self) -> History:
            return self

        async def __anext__(self) -> Any:
            raise exc

    messageable = SimpleNamespace(history=lambda **_: History())
    http = SimpleNamespace(get_channel=fail, get_guild=fail, get_member=fail)
    return SimpleNamespace(
        get_channel=lambda _: None,
        get_partial_messageable=lambda _: messageable,
        http=http,
        user=SimpleNamespace(id=4242),
    )


@pytest.mark.parametrize("fault", sorted(HISTORY_FAULTS))
async def test_review_probe_every_passing_fault_of_the_real_poster_is_history_unavailable(fault: str) -> None:
    from bot.daily.history import HistoryUnavailable

    poster = DiscordPoster(_client_failing_with(HISTORY_FAULTS[fault]))
    with pytest.raises(HistoryUnavailable):
        await poster.history_readable(CHANNEL)
    with pytest.raises(HistoryUnavailable):
        await poster.read_history(CHANNEL, None, 100)


@pytest.mark.parametrize("status", [403, 404])
async def test_review_probe_a_refusal_stays_unknown_or_refused_not_retried(status: int) -> None:
    from bot.daily.history import HistoryRefused

    poster = DiscordPoster(_client_failing_with(_http_error(status)))
    assert await poster.history_readable(CHANNEL) is None
    with pytest.raises(HistoryRefused):
        await poster.read_history(CHANNEL, None, 100)


async def test_review_probe_a_cancellation_is_not_taken_for_a_fault() -> None:
    poster = DiscordPoster(_client_failing_with(asyncio.CancelledError()))
    with pytest.raises(asyncio.CancelledError):
        await poster.history_readable(CHANNEL)
    with pytest.raises(asyncio.CancelledError):
        await poster.read_history(CHANNEL, None, 100)


@pytest.mark.parametrize("late", [False, True])
async def test_review_probe_a_failed_history_page_is_retried_and_at_the_deadline_unconfirmed(
    rig: Rig, library: Library, late: bool, caplog: pytest.LogCaptureFixture
) -> None:
    """A history page failing with a passing fault: retried (uncertain) within the window, never an
    'unexpected' error with a traceback; past the window the check cannot tell, so the post is
    recorded as unconfirmed, not sent and not 'missed'."""
    from bot.daily.history import HistoryUnavailable

    await subscribe(rig)
    rig.clock.set(NINE_BERLIN)
    rig.poster.outcomes = [SendResult(Outcome.RETRY, detail="500 from Discord", uncertain=True)]
    assert await rig.scheduler.run_once() == 1

    async def failing_page(channel_id: int, after: int | None, limit: int) -> list[MessageRecord]:
        raise HistoryUnavailable("503 from Discord")

    rig.poster.read_history = failing_page  # type: ignore[method-assign]
    rig.clock.advance(hours=12 if late else 0.5)
    with caplog.at_level(logging.WARNING):
        await rig.scheduler.run_once()
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None
    assert not [r for r in caplog.records if r.exc_info], "a traceback in the log"
    if late:
        assert record.state is DeliveryState.UNCONFIRMED, record
    else:
        assert record.state is DeliveryState.RETRY and record.uncertain, record
        assert record.error == "history read failed: 503 from Discord"
    assert rig.posts() == []
