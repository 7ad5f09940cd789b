"""Issue 13, item 1: the lease, grace and retry timings keep every resend inside Discord's nonce
window unless the history check ran (the inequality is written out in bot/daily/timing.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.config import DailySettings, load_settings
from bot.content.yamlfile import FileProblems
from bot.daily.delivery import Scheduler
from bot.daily.discord_poster import DiscordPoster
from bot.daily.history import MAX_PAGES
from bot.daily.timing import (
    NONCE_WINDOW,
    RETRY_BASE,
    latest_retry_resend,
    latest_takeover_resend,
    send_timeout,
    timing_problem,
)
from tests.test_config import write


def test_the_default_timings_keep_every_resend_inside_the_nonce_window() -> None:
    daily = DailySettings()
    lease, grace = daily.claim_lease, daily.takeover_grace
    # The inequality itself, written out: a take-over's history read and resend both finish
    # before the dead holder's request's nonce runs out, and so does a first retry's.
    assert lease + grace + 2 * (lease / 4) < NONCE_WINDOW
    assert 3 * (lease / 4) + RETRY_BASE < NONCE_WINDOW
    assert latest_takeover_resend(lease, grace) < NONCE_WINDOW
    assert latest_retry_resend(lease) < NONCE_WINDOW
    assert timing_problem(lease, grace) is None
    assert dt.timedelta(minutes=5) == NONCE_WINDOW


def test_the_scheduler_bounds_each_request_as_the_inequality_assumes(library: object) -> None:
    scheduler = Scheduler(None, library, None, lease=DailySettings().claim_lease)  # type: ignore[arg-type]
    assert scheduler.send_timeout == send_timeout(DailySettings().claim_lease).total_seconds()
    assert scheduler.lease == DailySettings().claim_lease


PERMISSION_READS = 4  # a thread's: the thread, its channel, the server, the bot's member


def test_the_pacing_the_bounds_leave_out_fits_in_what_the_defaults_leave_under_the_window(library: object) -> None:
    """The send timeout counts Discord's time, not the waits for the process's pace: at most one
    turn of every send slot per request. A take-over's largest history check (a thread's four
    permission reads and every page) and its send's two turns must still end inside the nonce window."""
    daily = DailySettings()
    scheduler = Scheduler(None, library, None, lease=daily.claim_lease)  # type: ignore[arg-type]
    turn = dt.timedelta(seconds=scheduler.concurrency / scheduler.pacer.rate)
    requests = PERMISSION_READS + MAX_PAGES + 2
    assert latest_takeover_resend(daily.claim_lease, daily.takeover_grace) + requests * turn < NONCE_WINDOW
    assert latest_retry_resend(daily.claim_lease) + requests * turn < NONCE_WINDOW


def test_the_old_defaults_break_it() -> None:
    """120 s of lease and 180 s of grace: a take-over at exactly 300 s, when the nonce runs out."""
    assert timing_problem(dt.timedelta(seconds=120), dt.timedelta(seconds=180)) is not None


@pytest.mark.parametrize(
    ("daily", "field"),
    [
        ("  claim_lease_seconds: 120\n  takeover_grace_seconds: 180\n", "daily.claim_lease_seconds"),
        ("  takeover_grace_seconds: 250\n", "daily.takeover_grace_seconds"),
        ("  claim_lease_seconds: 400\n  takeover_grace_seconds: 10\n", "daily.claim_lease_seconds"),
    ],
)
def test_the_configuration_refuses_timings_that_break_it(tmp_path: Path, daily: str, field: str) -> None:
    with pytest.raises(FileProblems) as caught:
        load_settings(write(tmp_path, f"documents: [content/doc.yaml]\ndaily:\n{daily}"))
    text = str(caught.value)
    assert f"config.yaml:3: {field}:" in text or f"config.yaml:4: {field}:" in text
    assert "nonce window" in text


async def test_the_largest_permission_read_takes_no_more_turns_than_the_inequality_counts() -> None:
    """A thread's check reads the thread, its channel, the server and the bot's member, each
    after a turn of the pacer: the test above counts them all."""

    async def get_channel(channel_id: int) -> dict[str, Any]:
        if channel_id == 1:
            return {"id": "1", "guild_id": "9", "parent_id": "2", "type": 11}
        return {"id": "2", "guild_id": "9", "type": 0, "permission_overwrites": []}

    async def get_guild(guild_id: int, with_counts: bool = True) -> dict[str, Any]:
        return {"id": "9", "owner_id": "1", "roles": [{"id": "9", "permissions": str(1 << 16)}]}

    async def get_member(guild_id: int, user_id: int) -> dict[str, Any]:
        return {"roles": []}

    http = SimpleNamespace(get_channel=get_channel, get_guild=get_guild, get_member=get_member)
    client = SimpleNamespace(get_channel=lambda _: None, http=http, user=SimpleNamespace(id=4242))
    turns = 0

    async def pace() -> None:
        nonlocal turns
        turns += 1

    assert await DiscordPoster(client).history_readable(1, pace=pace) is True  # type: ignore[arg-type]
    assert turns == PERMISSION_READS
