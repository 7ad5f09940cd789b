"""Simulator seed 1406 (issue 13's soak): after a 403 the post was marked failed in one transaction
and the schedule paused, with its reason, in the next ones. A kill between them left the day
failed, the schedule active and nothing in /daily status: a missed day nobody could see."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from bot.config import DailySettings
from bot.content.library import Library
from bot.daily.delivery import Outcome, SendResult
from bot.daily.service import DailyService
from bot.daily.words import shown
from bot.storage import DeliveryState
from bot.storage.sqlite import SQLiteStorage
from tests.daily.conftest import CHANNEL, GUILD, Killed, Rig, make_scheduler, subscribe

UTC = dt.UTC
NINE_BERLIN = dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
FORBIDDEN = SendResult(Outcome.FORBIDDEN, detail="403, code 50013: Missing Permissions")


def dies_after(change: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """The process is killed the moment this change has committed."""

    async def change_then_die(*args: Any, **kwargs: Any) -> Any:
        await change(*args, **kwargs)
        raise Killed

    return change_then_die


async def test_a_kill_right_after_a_403_is_recorded_still_leaves_the_pause_in_status(
    rig: Rig, library: Library
) -> None:
    await subscribe(rig)
    rig.clock.set(NINE_BERLIN)
    rig.poster.outcomes = [FORBIDDEN]
    dying = await SQLiteStorage.open(rig.path)  # the process that gets the 403, on the same file
    # Killed right after the first change it commits for the 403, whichever method that is.
    for name in ("finish", "finish_failed"):
        if hasattr(dying, name):
            setattr(dying, name, dies_after(getattr(dying, name)))
    try:
        with pytest.raises(Killed):
            await make_scheduler(dying, library, rig.poster, rig.clock, claimant="dying").run_once()
    finally:
        await dying.close()
    assert rig.poster.attempts == 1
    record = await rig.storage.get_delivery(CHANNEL, NINE_BERLIN.date())
    assert record is not None and record.state is DeliveryState.FAILED
    schedule = await rig.storage.get_schedule(CHANNEL)
    assert schedule is not None and schedule.paused_reason  # paused, with a reason a person can read
    service = DailyService(rig.storage, library, DailySettings())
    status = (await service.status(GUILD, rig.clock.now())).content or ""
    assert "Paused" in status and "permission" in status


async def test_a_403_fails_the_post_and_pauses_with_the_reason(rig: Rig) -> None:
    await subscribe(rig)
    rig.clock.set(NINE_BERLIN)
    rig.poster.outcomes = [FORBIDDEN]
    await rig.scheduler.run_once()
    record = await rig.storage.get_delivery(CHANNEL, NINE_BERLIN.date())
    assert record is not None and record.state is DeliveryState.FAILED
    schedule = await rig.storage.get_schedule(CHANNEL)
    assert schedule is not None and schedule.paused_reason == schedule.last_failure
    assert "permission" in shown(schedule.paused_reason or "", None)
    # Nothing more is tried while paused.
    rig.clock.set(NINE_BERLIN + dt.timedelta(days=1))
    assert await rig.scheduler.run_once() == 0 and rig.poster.attempts == 1
