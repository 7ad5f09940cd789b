"""Issue 13, item 2: no delivery is sent after its due time plus the catch-up window, however it
comes to be open (a retry, a take-over). The first test posted two days' paragraphs at once before
the fix."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from bot.content.library import Library
from bot.daily import regressions
from bot.daily.delivery import Outcome, SendResult
from bot.storage import DeliveryState
from tests.daily.conftest import CHANNEL, GUILD, Killed, Rig, make_scheduler, subscribe

UTC = dt.UTC
NINE_BERLIN = dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
FIRST, THIRD = dt.date(2026, 11, 28), dt.date(2026, 11, 30)


@pytest.fixture
def switch() -> Iterator[set[str]]:
    try:
        yield regressions.ACTIVE
    finally:
        regressions.ACTIVE.clear()


async def test_after_a_503_and_two_days_down_only_todays_post_goes_out(rig: Rig) -> None:
    await subscribe(rig)
    rig.clock.set(NINE_BERLIN)
    rig.poster.outcomes = [SendResult(Outcome.RETRY, detail="503 from Discord", reason="Discord had a server problem")]
    await rig.scheduler.run_once()  # the 503: a retry is due in 30 s, but the bot goes down
    first = await rig.storage.get_delivery(CHANNEL, FIRST)
    assert first is not None and first.state is DeliveryState.RETRY
    rig.clock.set(NINE_BERLIN + dt.timedelta(days=2, minutes=5))  # back two days later, in time for today's
    await rig.scheduler.run_once()
    assert [p.content.split(" · ")[1] for p in rig.posts() if p.content] == ["30 November 2026"]
    first = await rig.storage.get_delivery(CHANNEL, FIRST)
    assert first is not None and first.state is DeliveryState.MISSED
    third = await rig.storage.get_delivery(CHANNEL, THIRD)
    assert third is not None and third.state is DeliveryState.SENT
    status = (await rig.service.status(GUILD, rig.clock.now())).content or ""
    assert "28 November 2026" in status and "missed" in status and "catch-up" in status


async def test_a_claim_taken_over_after_its_window_is_marked_missed_not_sent(rig: Rig, library: Library) -> None:
    await subscribe(rig)
    rig.clock.set(NINE_BERLIN)
    rig.poster.die = "before"  # the process dies holding the claim, before Discord saw anything
    with pytest.raises(Killed):
        await make_scheduler(rig.storage, library, rig.poster, rig.clock, claimant="dead").run_once()
    rig.clock.set(NINE_BERLIN + dt.timedelta(hours=7))  # past 6 h of catch-up
    await make_scheduler(rig.storage, library, rig.poster, rig.clock, claimant="heir").run_once()
    assert rig.posts() == []
    record = await rig.storage.get_delivery(CHANNEL, FIRST)
    assert record is not None and record.state is DeliveryState.MISSED


async def test_a_send_checks_the_deadline_even_when_the_claim_is_fresh(rig: Rig, library: Library) -> None:
    """A retry taken over in time, but whose send slot came only after the window closed."""
    await subscribe(rig)
    rig.clock.set(NINE_BERLIN)
    rig.poster.outcomes = [SendResult(Outcome.RETRY, detail="503 from Discord")]
    await rig.scheduler.run_once()
    rig.clock.set(NINE_BERLIN + dt.timedelta(hours=5, minutes=59, seconds=59))
    scheduler = make_scheduler(rig.storage, library, rig.poster, rig.clock)
    real = scheduler._request_slot

    async def slow_slot(delivery):  # type: ignore[no-untyped-def]
        rig.clock.advance(seconds=2)  # the pacer's wait ends after the window
        return await real(delivery)

    scheduler._request_slot = slow_slot  # type: ignore[method-assign]
    await scheduler.run_once()
    assert rig.posts() == []
    record = await rig.storage.get_delivery(CHANNEL, FIRST)
    assert record is not None and record.state is DeliveryState.MISSED


async def test_switch_no_deadline_before_send_brings_back_the_double_post(rig: Rig, switch: set[str]) -> None:
    switch.add("no_deadline_before_send")
    with pytest.raises(AssertionError):
        await test_after_a_503_and_two_days_down_only_todays_post_goes_out(rig)
    assert len(rig.posts()) == 2


async def test_an_uncertain_post_at_the_end_of_its_window_is_looked_for_not_called_missed(rig: Rig) -> None:
    """Discord created the post but answered 500, ten seconds before the window closed: there is no
    time for a retry, but the record must say what happened (sent), not "missed"."""
    await subscribe(rig)
    rig.clock.set(NINE_BERLIN + dt.timedelta(hours=5, minutes=59, seconds=50))
    rig.poster.accept_then_fail = SendResult(Outcome.RETRY, detail="500 from Discord", uncertain=True)
    await rig.scheduler.run_once()
    assert len(rig.posts()) == 1
    record = await rig.storage.get_delivery(CHANNEL, FIRST)
    assert record is not None and record.state is DeliveryState.SENT
    assert record.message_id == rig.poster.channel(CHANNEL).messages[0].id


async def test_an_uncertain_post_past_its_window_without_the_history_is_unconfirmed(rig: Rig) -> None:
    await subscribe(rig)
    rig.poster.channel(CHANNEL).readable = False
    rig.clock.set(NINE_BERLIN + dt.timedelta(hours=5, minutes=59, seconds=50))
    rig.poster.accept_then_fail = SendResult(Outcome.RETRY, detail="500 from Discord", uncertain=True)
    await rig.scheduler.run_once()
    record = await rig.storage.get_delivery(CHANNEL, FIRST)
    assert record is not None and record.state is DeliveryState.UNCONFIRMED


async def test_a_host_clock_jump_while_frozen_never_sends_after_the_window(rig: Rig, library: Library) -> None:
    """Simulator seeds 1442/1841: the database's clock is the one that counts (PostgreSQL); the
    host's clock jumps back 10 minutes while the process is frozen between its claim and its send.
    The offset measured at the start of the pass is then stale: the deadline must be checked with
    the engine's clock as it is now, not as it was before the freeze."""
    await subscribe(rig)
    rig.clock.set(NINE_BERLIN)
    rig.poster.outcomes = [SendResult(Outcome.RETRY, detail="503 from Discord")]
    await rig.scheduler.run_once()
    engine = {"skew": dt.timedelta(0)}  # the database's clock = host clock + skew

    async def database_now() -> dt.datetime:
        return rig.clock.now() + engine["skew"]

    rig.storage.database_now = database_now  # type: ignore[method-assign]
    rig.clock.set(NINE_BERLIN + dt.timedelta(hours=5, minutes=59))  # a minute left in the window
    scheduler = make_scheduler(rig.storage, library, rig.poster, rig.clock)
    real = scheduler._request_slot

    async def frozen_then_jumped(delivery):  # type: ignore[no-untyped-def]
        rig.clock.advance(seconds=120)  # frozen for 2 minutes: the window closes meanwhile
        rig.clock.advance(seconds=-600)  # and the host's clock jumps back 10 minutes
        engine["skew"] += dt.timedelta(seconds=600)  # the database's did not
        return await real(delivery)

    scheduler._request_slot = frozen_then_jumped  # type: ignore[method-assign]
    await scheduler.run_once()
    assert rig.posts() == []
    record = await rig.storage.get_delivery(CHANNEL, FIRST)
    assert record is not None and record.state is DeliveryState.MISSED
