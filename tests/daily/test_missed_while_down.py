"""A day the whole bot was down for, past its catch-up window, is told in /daily status.

Found by the simulator (tests/simulation, e.g. seed 19): the post is skipped when the bot comes
back, which is right (a post hours late is worse than none), but nothing said so: /daily
status looked as if nothing had happened. A missing post must be visible, with a reason."""

from __future__ import annotations

import datetime as dt

from bot.storage import Delivery, DeliveryState
from tests.daily.conftest import CHANNEL, GUILD, Rig, subscribe

UTC = dt.UTC


async def test_a_day_missed_while_the_bot_was_down_is_told_in_daily_status(rig: Rig) -> None:
    await subscribe(rig)  # 09:00 Berlin, catch-up 6 h
    rig.clock.set(dt.datetime(2026, 11, 28, 15, 0, tzinfo=UTC))  # back at 16:00 Berlin: 7 h late
    assert await rig.scheduler.run_once() == 0
    assert rig.posts() == []  # never posted late
    status = (await rig.service.status(GUILD, rig.clock.now())).content or ""
    assert "⚠ Last problem" in status
    assert "28 November" in status and "the bot was down" in status
    schedule = await rig.storage.get_schedule(CHANNEL)
    assert schedule is not None and schedule.next_day == dt.date(2026, 11, 29)  # and the schedule moved on


async def test_days_missed_before_the_one_that_is_posted_are_told_too(rig: Rig) -> None:
    await subscribe(rig)
    rig.clock.set(dt.datetime(2026, 11, 30, 8, 30, tzinfo=UTC))  # two days down; today's post is in time
    assert await rig.scheduler.run_once() == 1
    assert len(rig.posts()) == 1
    status = (await rig.service.status(GUILD, rig.clock.now())).content or ""
    assert "⚠ Last problem" in status and "the posts from 28 November 2026 to 29 November 2026 were missed" in status
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 30))
    assert record is not None and record.state == DeliveryState.SENT


async def test_a_post_whose_sender_stalled_past_its_window_is_told_in_daily_status(rig: Rig) -> None:
    """Simulator seed 2163: every process froze right after claiming the day's post, until after its
    catch-up window. Nothing records it as missed while they stall; status must say it itself."""
    await subscribe(rig)  # 09:00 Berlin (08:00 UTC), catch-up 6 h
    schedule = await rig.storage.get_schedule(CHANNEL)
    assert schedule is not None
    due = dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    claimed = Delivery(CHANNEL, schedule.next_day, GUILD, 0, "PP 1", DeliveryState.SENDING, due, 1, "p1", due)
    after = dt.datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
    assert await rig.storage.claim(schedule, claimed, dt.date(2026, 11, 29), after)  # then p1 froze
    rig.clock.set(dt.datetime(2026, 11, 28, 13, 0, tzinfo=UTC))  # inside the window: still being sent
    status = (await rig.service.status(GUILD, rig.clock.now())).content or ""
    assert "did not go out" not in status
    rig.clock.set(dt.datetime(2026, 11, 28, 14, 30, tzinfo=UTC))  # the window closed at 14:00 UTC
    status = (await rig.service.status(GUILD, rig.clock.now())).content or ""
    assert "⚠ The post for 28 November 2026 did not go out before its catch-up window closed" in status
    french = (await rig.service.status(GUILD, rig.clock.now(), locale="fr")).content or ""
    assert "⚠ La publication du 28 novembre 2026 n’est pas partie" in french
