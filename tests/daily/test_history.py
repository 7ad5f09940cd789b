"""Issue 13, item 1: before a send whose outcome is unknown is tried again, the channel's history
since the post's time is read in full, and a history that cannot be read never leads to a resend.

The rig's channel answers as Discord does: newest first, 100 a page, and an empty list (not 403)
without Read Message History. Each of the first three tests posted twice before the fix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from bot.config import DailySettings
from bot.content.library import Library
from bot.daily import regressions
from bot.daily.history import MessageRecord, Seen, find_own_post, time_snowflake
from bot.render import daily_header
from bot.storage import DeliveryState, ShardFilter
from bot.storage.sqlite import SQLiteStorage
from tests.daily.conftest import CHANNEL, GUILD, NONCE_WINDOW, Killed, Rig, make_scheduler, subscribe

UTC = dt.UTC
NINE_BERLIN = dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
DAY = dt.date(2026, 11, 28)
COULD_NOT_CONFIRM = "could not confirm whether Discord accepted it; I did not post again so it is never posted twice"


@pytest.fixture
def switch() -> Iterator[set[str]]:
    """Turn regressions on for one test (and always off again)."""
    try:
        yield regressions.ACTIVE
    finally:
        regressions.ACTIVE.clear()


async def died_after_discord_accepted(rig: Rig, library: Library, claimant: str = "host-1") -> None:
    """The 09:00 post reaches Discord; the process dies before it can record that."""
    await subscribe(rig)
    rig.clock.set(NINE_BERLIN)
    rig.poster.die = "after"
    with pytest.raises(Killed):
        await make_scheduler(rig.storage, library, rig.poster, rig.clock, claimant=claimant).run_once()
    assert len(rig.posts()) == 1


async def restart_after(rig: Rig, library: Library, minutes: float) -> None:
    """The same instance comes back `minutes` later and gets its claims back (as run_forever does)."""
    rig.clock.advance(minutes=minutes)
    again = make_scheduler(rig.storage, library, rig.poster, rig.clock, claimant="host-1")
    await rig.storage.reclaim("host-1", rig.clock.now())
    await again.run_once()


async def test_without_read_message_history_a_bot_away_6_minutes_does_not_post_twice(
    rig: Rig, library: Library
) -> None:
    rig.poster.channel(CHANNEL).readable = False  # Discord answers the history read with []
    await died_after_discord_accepted(rig, library)
    await restart_after(rig, library, 6)  # past the nonce window
    assert len(rig.posts()) == 1
    record = await rig.storage.get_delivery(CHANNEL, DAY)
    assert record is not None and record.state is DeliveryState.UNCONFIRMED
    status = (await rig.service.status(GUILD, rig.clock.now())).content or ""
    assert COULD_NOT_CONFIRM in status
    assert "Read Message History" in status
    rig.clock.advance(hours=1)  # and it stays that way
    await rig.scheduler.run_once()
    assert len(rig.posts()) == 1


async def test_a_busy_channel_with_30_newer_messages_does_not_post_twice(rig: Rig, library: Library) -> None:
    await died_after_discord_accepted(rig, library)
    rig.clock.advance(minutes=1)
    rig.poster.channel(CHANNEL).chat(30)  # the post is no longer among the last 25
    await restart_after(rig, library, 6)
    assert len(rig.posts()) == 1
    record = await rig.storage.get_delivery(CHANNEL, DAY)
    assert record is not None and record.state is DeliveryState.SENT
    assert record.message_id == rig.poster.channel(CHANNEL).messages[0].id


async def test_the_default_timings_take_over_a_dead_process_within_the_nonce_window(rig: Rig, library: Library) -> None:
    """Process A (its shard's owner) dies right after Discord accepted the post; process B, of
    another shard, takes it over after the default lease and grace. Even when B cannot read the
    history, it must never post a second time."""
    settings = DailySettings()
    rig.poster.channel(CHANNEL).readable = False
    owner_shard = (GUILD >> 22) % 2
    a = make_scheduler(
        rig.storage, library, rig.poster, rig.clock, claimant="a", lease=settings.claim_lease,
        shard=ShardFilter(2, (owner_shard,), settings.takeover_grace),
    )  # fmt: skip
    other = await SQLiteStorage.open(rig.path)
    try:
        b = make_scheduler(
            other, library, rig.poster, rig.clock, claimant="b", lease=settings.claim_lease,
            shard=ShardFilter(2, (1 - owner_shard,), settings.takeover_grace),
        )  # fmt: skip
        await subscribe(rig)
        rig.clock.set(NINE_BERLIN)
        rig.poster.die = "after"
        with pytest.raises(Killed):
            await a.run_once()
        taken_at = None
        for _ in range(100):  # B wakes every 10 s, as its loop would around the lease's end
            rig.clock.advance(seconds=10)
            await b.run_once()
            record = await other.get_delivery(CHANNEL, DAY)
            assert record is not None
            if record.claimant == "b" and taken_at is None:
                taken_at = rig.clock.now()
            if record.state not in (DeliveryState.SENDING, DeliveryState.RETRY):
                break
        assert len(rig.posts()) == 1
        assert taken_at is not None and taken_at - NINE_BERLIN < NONCE_WINDOW
        record = await other.get_delivery(CHANNEL, DAY)
        assert record is not None and record.state is DeliveryState.UNCONFIRMED
    finally:
        await other.close()


async def test_a_post_not_in_a_readable_history_is_sent_again(rig: Rig, library: Library) -> None:
    """Discord never got it (the process died before): the history says so, and the post goes out."""
    await subscribe(rig)
    rig.clock.set(NINE_BERLIN)
    rig.poster.die = "before"
    with pytest.raises(Killed):
        await make_scheduler(rig.storage, library, rig.poster, rig.clock, claimant="host-1").run_once()
    rig.poster.channel(CHANNEL).chat(250)  # three pages to read through
    await restart_after(rig, library, 6)
    assert len(rig.posts()) == 1
    record = await rig.storage.get_delivery(CHANNEL, DAY)
    assert record is not None and record.state is DeliveryState.SENT


async def test_when_the_permission_is_not_known_a_post_found_counts_and_one_not_found_is_not_resent(
    rig: Rig, library: Library
) -> None:
    rig.poster.permission_known = False
    await died_after_discord_accepted(rig, library)
    await restart_after(rig, library, 6)
    record = await rig.storage.get_delivery(CHANNEL, DAY)
    assert record is not None and record.state is DeliveryState.SENT  # found: proof enough
    assert len(rig.posts()) == 1


# -- the Discord-free search itself ----------------------------------------------------------


def test_the_snowflake_of_a_time_is_discord_pys() -> None:
    import discord

    when = dt.datetime(2026, 11, 28, 8, 0, 0, 123000, tzinfo=UTC)
    assert time_snowflake(when) == discord.utils.time_snowflake(when)


async def test_find_own_post_pages_from_the_time_and_matches_author_and_marker() -> None:
    since = NINE_BERLIN
    base = time_snowflake(since)
    marker = daily_header(DAY)
    messages = [MessageRecord(base - 5, 1, marker + " old")]  # before the time: never read
    messages += [MessageRecord(base + i, 2, "chat") for i in range(1, 250)]
    messages.append(MessageRecord(base + 300, 2, marker + " someone quoting the header"))
    messages.append(MessageRecord(base + 301, 1, marker + " · 1 of 32"))
    reads: list[int | None] = []

    async def read_page(after: int | None, limit: int) -> list[MessageRecord]:
        reads.append(after)
        assert limit == 100
        return [m for m in messages if after is not None and m.id > after][:limit]

    found = await find_own_post(read_page, author_id=1, marker=marker, since=since)
    assert (found.seen, found.message_id, found.pages) == (Seen.FOUND, base + 301, 3)
    assert reads[0] == base
    missing = await find_own_post(read_page, author_id=1, marker=daily_header(DAY + dt.timedelta(days=1)), since=since)
    assert missing.seen is Seen.NOT_FOUND
    unreadable = await find_own_post(read_page, author_id=1, marker=marker, since=since, readable=False)
    assert unreadable.seen is Seen.UNKNOWN and "Read Message History" in unreadable.reason
    too_busy = await find_own_post(read_page, author_id=1, marker=marker, since=since, max_pages=2)
    assert too_busy.seen is Seen.UNKNOWN and too_busy.reason


# -- the switch brings the old check back, and the tests above fail again --------------------


async def test_switch_history_last_25_brings_back_the_busy_channel_double_post(
    rig: Rig, library: Library, switch: set[str]
) -> None:
    switch.add("history_last_25")
    with pytest.raises(AssertionError):
        await test_a_busy_channel_with_30_newer_messages_does_not_post_twice(rig, library)
    assert len(rig.posts()) == 2


async def test_switch_history_last_25_brings_back_the_resend_without_permission(
    rig: Rig, library: Library, switch: set[str]
) -> None:
    switch.add("history_last_25")
    with pytest.raises(AssertionError):
        await test_without_read_message_history_a_bot_away_6_minutes_does_not_post_twice(rig, library)
    assert len(rig.posts()) == 2
