"""The delivery loop on a real SQLite file with a hand-moved clock: exactly once, never lost."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import logging
import time

import pytest

from bot.content.library import Library
from bot.daily.delivery import InvalidRequestGuard, Outcome, Pacer, SendResult
from bot.daily.schedule import Order
from bot.daily.words import shown
from bot.render import daily_header
from bot.storage import ShardFilter
from bot.storage.sqlite import SQLiteStorage
from tests.daily.conftest import BERLIN, CHANNEL, GUILD, Killed, Rig, make_scheduler, subscribe

UTC = dt.UTC


async def test_posts_at_the_local_time_once_a_day(rig: Rig) -> None:
    await subscribe(rig)
    assert await rig.scheduler.run_once() == 0
    rig.clock.set(dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC))  # 09:00 in Berlin
    assert await rig.scheduler.run_once() == 1
    assert await rig.scheduler.run_once() == 0
    (post,) = rig.posts()
    assert post.content == "**Paragraph of the day** · 28 November 2026 · 1 of 32"
    assert post.embeds[0].title == "A/RES/62/152 · preambular paragraph 1"
    assert post.embeds[0].footer.text and post.embeds[0].footer.text.startswith("General Assembly resolution 62/152")
    rig.clock.set(dt.datetime(2026, 11, 29, 8, 0, tzinfo=UTC))
    assert await rig.scheduler.run_once() == 1
    assert [p.content for p in rig.posts()][1] == "**Paragraph of the day** · 29 November 2026 · 2 of 32"
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 29))
    assert record is not None and record.state == "sent"
    assert record.message_id == rig.poster.channel(CHANNEL).messages[1].id  # the second message, as Discord numbered it


async def test_never_posts_for_a_day_before_subscribing(rig: Rig) -> None:
    rig.clock.set(dt.datetime(2026, 11, 28, 9, 0, tzinfo=UTC))  # 10:00 Berlin: today's 09:00 has passed
    await subscribe(rig)
    rig.clock.advance(hours=2)
    assert await rig.scheduler.run_once() == 0
    schedule = await rig.storage.get_schedule(CHANNEL)
    assert schedule is not None and schedule.next_day == dt.date(2026, 11, 29)


@pytest.mark.parametrize("when", ["before", "after"])
async def test_a_process_killed_while_sending_neither_duplicates_nor_loses(
    rig: Rig, library: Library, when: str
) -> None:
    await subscribe(rig)
    rig.clock.set(dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    rig.poster.die = when
    with pytest.raises(Killed):
        await rig.scheduler.run_once()
    await rig.storage.close()  # the process is gone

    # A new process on the same file, after the claim's lease has run out.
    rig.clock.advance(minutes=3)
    storage = await SQLiteStorage.open(rig.path)
    try:
        scheduler = make_scheduler(storage, library, rig.poster, rig.clock)
        assert await scheduler.run_once() == 1
        assert await scheduler.run_once() == 0
        (post,) = rig.posts()
        assert post.content and post.content.startswith(daily_header(dt.date(2026, 11, 28)))
        record = await storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
        assert record is not None and record.state == "sent" and record.attempts == 2
    finally:
        rig.storage = storage  # closed by the fixture


async def test_a_claim_within_its_lease_is_left_to_its_owner(rig: Rig, library: Library) -> None:
    await subscribe(rig)
    rig.clock.set(dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    rig.poster.die = "before"
    with pytest.raises(Killed):
        await rig.scheduler.run_once()
    other = make_scheduler(rig.storage, library, rig.poster, rig.clock)
    rig.clock.advance(seconds=30)
    assert await other.run_once() == 0  # still within the two-minute lease


async def test_two_schedulers_on_one_database_post_once(rig: Rig, library: Library) -> None:
    second_storage = await SQLiteStorage.open(rig.path)
    try:
        await subscribe(rig)
        for i in range(20):
            await rig.service.set(GUILD + i, 1000 + i, dt.time(9), BERLIN, Order.DOCUMENT, rig.clock.now())
        rig.clock.set(dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
        other = make_scheduler(second_storage, library, rig.poster, rig.clock)
        counts = await asyncio.gather(rig.scheduler.run_once(), other.run_once())
        assert sum(counts) == 21
        assert all(len(c.messages) == 1 for c in rig.poster.channels.values())
        assert rig.poster.attempts == 21
    finally:
        await second_storage.close()


async def test_catch_up_within_the_window(rig: Rig) -> None:
    await subscribe(rig)
    rig.clock.set(dt.datetime(2026, 11, 28, 13, 30, tzinfo=UTC))  # 5.5 h late
    assert await rig.scheduler.run_once() == 1
    assert rig.posts()[0].content == "**Paragraph of the day** · 28 November 2026 · 1 of 32"


async def test_outside_the_window_the_day_is_skipped_and_logged(rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    await subscribe(rig)
    rig.clock.set(dt.datetime(2026, 11, 28, 14, 30, tzinfo=UTC))  # 6.5 h late
    with caplog.at_level(logging.WARNING):
        assert await rig.scheduler.run_once() == 0
    assert "skipped" in caplog.text
    schedule = await rig.storage.get_schedule(CHANNEL)
    assert schedule is not None and schedule.next_day == dt.date(2026, 11, 29) and schedule.position == 0
    rig.clock.set(dt.datetime(2026, 11, 29, 8, 0, tzinfo=UTC))
    assert await rig.scheduler.run_once() == 1
    assert rig.posts()[0].content == "**Paragraph of the day** · 29 November 2026 · 1 of 32"  # no paragraph lost


async def test_after_days_of_downtime_only_today_is_posted(rig: Rig) -> None:
    await subscribe(rig)
    rig.clock.set(dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    assert await rig.scheduler.run_once() == 1
    (post,) = rig.posts()
    assert post.content == "**Paragraph of the day** · 1 December 2026 · 1 of 32"


@pytest.mark.parametrize(
    ("result", "reason"),
    [
        (
            SendResult(Outcome.FORBIDDEN, detail="403, code 50013: Missing Permissions"),
            "lost access to this channel or the permission",
        ),
    ],
)
async def test_forbidden_channels_pause_the_schedule(
    rig: Rig, caplog: pytest.LogCaptureFixture, result: SendResult, reason: str
) -> None:
    await subscribe(rig)
    rig.clock.set(dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    rig.poster.outcomes = [result]
    with caplog.at_level(logging.WARNING):
        await rig.scheduler.run_once()
    schedule = await rig.storage.get_schedule(CHANNEL)
    assert schedule is not None and schedule.paused_reason is not None
    assert reason in shown(schedule.paused_reason, None)  # kept as a message id, said in English here
    assert caplog.text.count("paused") == 1
    status = await rig.service.status(GUILD, rig.clock.now())
    assert status.content and "⏸ **Paused**" in status.content and reason in status.content
    # No retry storm: nothing more is attempted, today or on later days.
    for _ in range(3):
        rig.clock.advance(days=1)
        assert await rig.scheduler.run_once() == 0
    assert rig.poster.attempts == 1
    # /daily set resumes it.
    await subscribe(rig)
    rig.clock.set(dt.datetime(2026, 12, 2, 8, 0, tzinfo=UTC))
    assert await rig.scheduler.run_once() == 1
    assert len(rig.posts()) == 1


async def test_server_errors_are_retried_with_backoff_within_the_day(rig: Rig) -> None:
    await subscribe(rig)
    rig.clock.set(dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    rig.poster.outcomes = [SendResult(Outcome.RETRY, detail="503 from Discord")] * 2
    await rig.scheduler.run_once()
    assert rig.posts() == []
    rig.clock.advance(seconds=29)
    assert await rig.scheduler.run_once() == 0
    rig.clock.advance(seconds=1)
    assert await rig.scheduler.run_once() == 1  # second failure: next wait doubles
    rig.clock.advance(seconds=59)
    assert await rig.scheduler.run_once() == 0
    rig.clock.advance(seconds=1)
    assert await rig.scheduler.run_once() == 1
    assert len(rig.posts()) == 1
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state == "sent" and record.attempts == 3


async def test_retries_give_up_at_the_end_of_the_catch_up_window(rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    await subscribe(rig)
    rig.clock.set(dt.datetime(2026, 11, 28, 13, 59, 50, tzinfo=UTC))  # 10 s before the window closes
    rig.poster.outcomes = [SendResult(Outcome.RETRY, detail="network: ClientOSError")]
    with caplog.at_level(logging.ERROR):
        await rig.scheduler.run_once()
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state == "missed"  # issue 13: missed, with the reason in words
    assert "missed: a temporary problem reaching Discord" in caplog.text


async def test_a_blocked_guard_stops_every_request_and_hands_claims_back(rig: Rig, library: Library) -> None:
    guard = InvalidRequestGuard(limit=3)
    scheduler = make_scheduler(rig.storage, library, rig.poster, rig.clock, guard=guard)
    await subscribe(rig)
    rig.clock.set(dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    for _ in range(3):
        guard.record(rig.clock.now())
    assert await scheduler.run_once() == 0  # blocked before claiming
    assert rig.poster.attempts == 0
    rig.clock.advance(minutes=10, seconds=1)
    assert await scheduler.run_once() == 1
    assert len(rig.posts()) == 1


async def test_the_loop_sleeps_until_the_next_due_time(rig: Rig) -> None:
    await subscribe(rig)
    task = asyncio.create_task(rig.scheduler.run_forever())
    async with asyncio.timeout(10):
        while not rig.posts():
            await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    # From 07:00 to 09:00 Berlin: two waits (the loop re-reads the index at least hourly), no polling.
    assert rig.clock.waits[:2] == [3600.0, 3600.0]
    assert rig.posts()[0].content == "**Paragraph of the day** · 28 November 2026 · 1 of 32"


async def test_spring_forward_posts_once_at_the_first_valid_minute(rig: Rig) -> None:
    rig.clock.set(dt.datetime(2026, 3, 28, 12, 0, tzinfo=UTC))
    await subscribe(rig, at=dt.time(2, 30))
    rig.clock.set(dt.datetime(2026, 3, 29, 0, 59, tzinfo=UTC))
    assert await rig.scheduler.run_once() == 0
    rig.clock.set(dt.datetime(2026, 3, 29, 1, 0, tzinfo=UTC))  # 03:00 CEST
    assert await rig.scheduler.run_once() == 1


async def test_fall_back_posts_the_repeated_time_once(rig: Rig) -> None:
    rig.clock.set(dt.datetime(2026, 10, 24, 12, 0, tzinfo=UTC))
    await subscribe(rig, at=dt.time(2, 30))
    for hour, minute in [(0, 30), (1, 30), (2, 30)]:  # 02:30 CEST, 02:30 CET, later
        rig.clock.set(dt.datetime(2026, 10, 25, hour, minute, tzinfo=UTC))
        await rig.scheduler.run_once()
    assert len(rig.posts()) == 1


async def test_the_pacer_spaces_requests_across_concurrent_senders() -> None:
    now = [0.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    pacer = Pacer(45.0, monotonic=lambda: now[0], sleep=sleep)
    await asyncio.gather(*(pacer.acquire() for _ in range(46)))
    assert max(slept) == pytest.approx(45 / 45.0)
    assert len(slept) == 45


async def test_the_pacer_keeps_its_pace_when_every_sleep_wakes_a_little_late() -> None:
    """asyncio's timers wake a millisecond or two late; spaced from each late wake, 45/s became 42/s."""
    now = [0.0]

    async def sleep(seconds: float) -> None:
        now[0] += seconds + 0.0015  # every wake 1.5 ms late, as measured on this machine

    pacer = Pacer(45.0, monotonic=lambda: now[0], sleep=sleep)
    granted = []
    for _ in range(451):
        await pacer.acquire()
        granted.append(now[0])
    assert granted[-1] - granted[0] == pytest.approx(10.0, abs=0.01)  # 450 turns of 1/45 s
    assert min(b - a for a, b in itertools.pairwise(granted)) >= 0.9 / 45


async def test_the_pacer_never_bursts_after_a_stall() -> None:
    """The event loop stalls while senders wait for their turn: afterwards they go out spaced
    from the real time, not all at once (a burst would crowd Discord's one-second window)."""
    pacer = Pacer(100.0)  # 10 ms apart
    granted: list[float] = []

    async def send() -> None:
        await pacer.acquire()
        granted.append(time.monotonic())

    senders = [asyncio.create_task(send()) for _ in range(12)]
    await asyncio.sleep(0.015)  # a couple have gone
    time.sleep(0.08)  # noqa: ASYNC251 (the loop is stuck: a GC pause, a busy CPU) past several turns
    await asyncio.gather(*senders)
    gaps = [b - a for a, b in itertools.pairwise(granted)]
    assert min(gaps) >= 0.009, [round(g, 4) for g in gaps]


async def test_another_shards_post_is_taken_once_it_is_a_grace_late_and_counted(
    rig: Rig, library: Library, caplog: pytest.LogCaptureFixture
) -> None:
    """A process of the other shard: it leaves the post to its owner, until the owner is `grace` late."""
    await subscribe(rig)  # GUILD's shard of 2 is not shard 1
    owner_shard = (GUILD >> 22) % 2
    events: list[str] = []
    grace = dt.timedelta(minutes=3)
    other = make_scheduler(
        rig.storage,
        library,
        rig.poster,
        rig.clock,
        shard=ShardFilter(2, (1 - owner_shard,), grace),
        on_event=events.append,
    )
    rig.clock.set(dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC))  # 09:00 in Berlin: due
    assert await other.run_once() == 0 and rig.posts() == []
    rig.clock.advance(minutes=2)
    assert await other.run_once() == 0
    rig.clock.advance(minutes=1, seconds=1)  # 3 min 1 s late
    with caplog.at_level(logging.WARNING):
        assert await other.run_once() == 1
    assert len(rig.posts()) == 1 and events == ["taken_over", "sent"]
    assert f"channel {CHANNEL} of shard {owner_shard}, 3 min 1 s late" in caplog.text
