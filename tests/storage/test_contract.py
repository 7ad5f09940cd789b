"""The storage contract: what every engine (SQLite, PostgreSQL) promises the scheduler and commands.

Each test runs once per engine (see conftest.py); on PostgreSQL with the caller's clock, so
time moves by hand as on SQLite.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

import pytest

from bot.storage import DeliveryState, ShardFilter, Storage
from tests.storage.conftest import Engine
from tests.storage.test_sqlite import NOW, TOMORROW, delivery_for, schedule


async def test_schedules_round_trip_and_update_in_place(storage: Storage) -> None:
    await storage.save_schedule(schedule(), now=NOW)
    assert await storage.get_schedule(10) == schedule()
    changed = schedule(position=5)
    await storage.save_schedule(changed, now=NOW)
    assert await storage.get_schedule(10) == changed
    assert len(await storage.guild_schedules(1)) == 1


async def test_due_uses_next_due_and_skips_paused(storage: Storage) -> None:
    await storage.save_schedule(schedule(10, due=NOW - dt.timedelta(minutes=1)), now=NOW)
    await storage.save_schedule(schedule(11, due=NOW + dt.timedelta(minutes=1)), now=NOW)
    await storage.save_schedule(schedule(12, due=NOW - dt.timedelta(minutes=2)), now=NOW)
    assert await storage.pause(12, "gone", now=NOW)
    assert not await storage.pause(12, "gone again", now=NOW)  # reported once
    assert [s.channel_id for s in await storage.due(NOW, 100)] == [10]
    assert await storage.next_wake(dt.timedelta(minutes=2)) == NOW - dt.timedelta(minutes=1)


async def test_saving_again_resumes_a_paused_schedule(storage: Storage) -> None:
    await storage.save_schedule(schedule(), now=NOW)
    await storage.pause(10, "the bot lost access", now=NOW)
    assert (await storage.get_schedule(10)).paused_reason == "the bot lost access"  # type: ignore[union-attr]
    await storage.save_schedule(schedule(), now=NOW)
    assert (await storage.get_schedule(10)).paused_reason is None  # type: ignore[union-attr]


async def test_a_day_is_claimed_once(storage: Storage) -> None:
    s = schedule()
    await storage.save_schedule(s, now=NOW)
    assert await storage.claim(s, delivery_for(s), TOMORROW.date(), TOMORROW)
    assert not await storage.claim(s, delivery_for(s, "b"), TOMORROW.date(), TOMORROW)
    moved = await storage.get_schedule(10)
    assert moved is not None and moved.position == 1 and moved.next_due == TOMORROW
    record = await storage.get_delivery(10, NOW.date())
    assert record is not None and record.state == "sending" and record.claimant == "a"


async def test_a_retry_becomes_pending_at_its_time(storage: Storage) -> None:
    s = schedule()
    await storage.save_schedule(s, now=NOW)
    await storage.claim(s, delivery_for(s), TOMORROW.date(), TOMORROW)
    record = await storage.get_delivery(10, NOW.date())
    assert record is not None
    later = NOW + dt.timedelta(seconds=30)
    assert await storage.retry_later(record, later, "503", claimant="a", uncertain=True)
    assert await storage.pending(NOW, dt.timedelta(hours=1), 10) == []
    assert [(d.error, d.uncertain) for d in await storage.pending(later, dt.timedelta(hours=1), 10)] == [("503", True)]
    assert await storage.next_wake(dt.timedelta(minutes=2)) == later


async def test_a_stopped_schedule_drops_its_pending_retries(storage: Storage) -> None:
    s = schedule()
    await storage.save_schedule(s, now=NOW)
    await storage.claim(s, delivery_for(s), TOMORROW.date(), TOMORROW)
    assert await storage.delete_schedule(10)
    assert await storage.pending(NOW + dt.timedelta(days=1), dt.timedelta(0), 10) == []


async def test_leaving_a_server_deletes_its_schedules(storage: Storage) -> None:
    await storage.save_schedule(schedule(10, guild_id=1), now=NOW)
    await storage.save_schedule(schedule(11, guild_id=1), now=NOW)
    await storage.save_schedule(schedule(12, guild_id=2), now=NOW)
    assert await storage.delete_guild(1) == 2
    assert [s.channel_id for s in await storage.due(NOW, 10)] == [12]


async def test_shards_see_only_their_guilds(storage: Storage) -> None:
    for shard in range(4):
        await storage.save_schedule(schedule(100 + shard, guild_id=(shard << 22) | 5), now=NOW)
    mine = ShardFilter(4, (1, 3))
    assert sorted(s.channel_id for s in await storage.due(NOW, 10, mine)) == [101, 103]
    assert all(mine.owns(s.guild_id) for s in await storage.due(NOW, 10, mine))


@pytest.mark.parametrize("steps", [1, 3])
async def test_skip_moves_the_position(storage: Storage, steps: int) -> None:
    await storage.save_schedule(schedule(), now=NOW)
    moved = await storage.advance(10, steps)
    assert moved is not None and moved.position == steps


async def test_an_open_claim_wakes_the_scheduler_when_its_lease_runs_out(storage: Storage) -> None:
    s = schedule()
    await storage.save_schedule(s, now=NOW)
    await storage.claim(s, delivery_for(s), TOMORROW.date(), TOMORROW)
    # Not at the claim time (that would spin while another instance is sending), but when it could be taken over.
    assert await storage.next_wake(dt.timedelta(minutes=2)) == NOW + dt.timedelta(minutes=2)


async def test_a_lease_never_runs_out_early_whatever_the_fraction_of_a_second_it_was_renewed_at(
    storage: Storage,
) -> None:
    """Simulator seed 1528: SQLite keeps whole seconds. A renew at 0.9 s past a second was stored
    as the second before, so a rival took the claim over 59.1 s after it (lease 60 s). A lease may
    run out a little late, never early, and the scheduler wakes when it has."""
    s = schedule()
    await storage.save_schedule(s, now=NOW)
    mine = delivery_for(s, claimant="a")
    await storage.claim(s, mine, TOMORROW.date(), TOMORROW)
    lease = dt.timedelta(seconds=60)
    renewed = NOW + dt.timedelta(seconds=10.9)
    (record,) = [d for d in [await storage.get_delivery(10, NOW.date())] if d is not None]
    assert await storage.renew(record, "a", renewed)
    assert await storage.pending(renewed + lease - dt.timedelta(seconds=0.5), lease, 10) == []
    assert await storage.pending(renewed + lease - dt.timedelta(seconds=0.001), lease, 10) == []
    wake = await storage.next_wake(lease)
    assert wake is not None and renewed + lease <= wake <= renewed + lease + dt.timedelta(seconds=1)
    (stale,) = await storage.pending(wake, lease, 10)
    assert stale.claimant == "a"


async def test_only_the_owner_changes_a_claim(storage: Storage) -> None:
    s = schedule()
    await storage.save_schedule(s, now=NOW)
    mine = delivery_for(s, claimant="a")
    await storage.claim(s, mine, TOMORROW.date(), TOMORROW)
    later = NOW + dt.timedelta(minutes=3)
    (stale,) = await storage.pending(later, dt.timedelta(minutes=2), 10)
    assert await storage.take_over(stale, "b", later)
    # "a" lost it: it can neither renew, retry nor finish it.
    assert not await storage.renew(mine, "a", later)
    assert not await storage.retry_later(mine, later, "503", claimant="a", uncertain=False)
    assert not await storage.finish(mine, DeliveryState.SENT, claimant="a", message_id=1)
    record = await storage.get_delivery(10, NOW.date())
    assert record is not None and record.state is DeliveryState.SENDING and record.claimant == "b"
    taken = await storage.get_delivery(10, NOW.date())
    assert taken is not None
    assert await storage.renew(taken, "b", later)
    assert await storage.finish(taken, DeliveryState.SENT, claimant="b", message_id=2)
    record = await storage.get_delivery(10, NOW.date())
    assert record is not None and record.state is DeliveryState.SENT and record.message_id == 2


# -- issue 13, item 3: one claim, one holder (a version bumped by every take-over) ----------


async def test_a_take_over_bumps_the_claim_version_so_the_old_holder_of_the_same_name_can_do_nothing(
    storage: Storage,
) -> None:
    """A restarted process keeps its name (a stable identity): the name alone cannot tell the
    paused old process from the one that took the claim over. The version can."""
    s = schedule()
    await storage.save_schedule(s, now=NOW)
    await storage.claim(s, delivery_for(s, claimant="inst"), TOMORROW.date(), TOMORROW)
    held = await storage.get_delivery(10, NOW.date())
    assert held is not None
    later = NOW + dt.timedelta(minutes=3)  # the lease (2 min) ran out
    (stale,) = await storage.pending(later, dt.timedelta(minutes=2), 10)
    assert await storage.take_over(stale, "inst", later)
    # The old holder wakes up after its lease: renew, retry and finish all fail.
    assert not await storage.renew(held, "inst", later)
    assert not await storage.retry_later(held, later, "503", claimant="inst", uncertain=False)
    assert not await storage.finish(held, DeliveryState.SENT, claimant="inst", message_id=1)
    taken = await storage.get_delivery(10, NOW.date())
    assert taken is not None and taken.version == held.version + 1
    assert await storage.renew(taken, "inst", later)
    assert await storage.finish(taken, DeliveryState.SENT, claimant="inst", message_id=2)


async def test_a_take_over_read_before_the_holders_renew_fails(storage: Storage) -> None:
    """The lease ran out, a rival read the claim as stale, then the holder renewed it (and will
    send): the rival's take-over must fail, or both send."""
    s = schedule()
    await storage.save_schedule(s, now=NOW)
    await storage.claim(s, delivery_for(s, claimant="a"), TOMORROW.date(), TOMORROW)
    held = await storage.get_delivery(10, NOW.date())
    assert held is not None
    later = NOW + dt.timedelta(minutes=3)
    (stale,) = await storage.pending(later, dt.timedelta(minutes=2), 10)
    assert await storage.renew(held, "a", later)  # nobody had taken it: the holder may go on
    assert not await storage.take_over(stale, "b", later + dt.timedelta(seconds=1))
    record = await storage.get_delivery(10, NOW.date())
    assert record is not None and record.claimant == "a" and record.state is DeliveryState.SENDING
    assert await storage.finish(held, DeliveryState.SENT, claimant="a", message_id=1)


async def test_a_restart_that_gets_its_claims_back_also_bumps_the_version(storage: Storage) -> None:
    s = schedule()
    await storage.save_schedule(s, now=NOW)
    await storage.claim(s, delivery_for(s, claimant="inst"), TOMORROW.date(), TOMORROW)
    held = await storage.get_delivery(10, NOW.date())
    assert held is not None
    assert await storage.reclaim("inst", NOW) == 1
    (back,) = await storage.pending(NOW, dt.timedelta(hours=1), 10)
    assert await storage.take_over(back, "inst", NOW)
    assert not await storage.renew(held, "inst", NOW)  # the process before the restart, still alive somewhere
    taken = await storage.get_delivery(10, NOW.date())
    assert taken is not None and taken.version == held.version + 2


async def test_removing_a_deleted_channels_schedule_leaves_a_notice(storage: Storage) -> None:
    await storage.save_schedule(dataclasses.replace(schedule(), channel_name="old-channel"), now=NOW)
    assert await storage.remove_schedule(10, "the channel was deleted", now=NOW)
    assert not await storage.remove_schedule(10, "the channel was deleted", now=NOW)
    assert await storage.guild_schedules(1) == []
    (notice,) = await storage.notices(1, NOW - dt.timedelta(days=1))
    assert (notice.channel_name, notice.message) == ("old-channel", "the channel was deleted")


async def test_old_deliveries_are_pruned_but_open_ones_kept(storage: Storage) -> None:
    old = schedule(10, due=NOW - dt.timedelta(days=90))
    await storage.save_schedule(old, now=NOW)
    await storage.claim(old, delivery_for(old), NOW.date(), NOW)
    done = schedule(11, due=NOW - dt.timedelta(days=80))
    await storage.save_schedule(done, now=NOW)
    await storage.claim(done, delivery_for(done), NOW.date(), NOW)
    assert await storage.finish(delivery_for(done), DeliveryState.SENT, claimant="a", message_id=1)
    assert await storage.prune((NOW - dt.timedelta(days=60)).date(), NOW - dt.timedelta(days=60)) == 1
    assert await storage.get_delivery(11, done.next_day) is None
    assert await storage.get_delivery(10, old.next_day) is not None  # still open: never pruned


async def test_two_processes_claim_a_day_once(engine: Engine) -> None:
    first, second = await engine.open(), await engine.open()
    s = schedule()
    await first.save_schedule(s, now=NOW)
    results = await asyncio.gather(
        *(
            store.claim(s, delivery_for(s, name), TOMORROW.date(), TOMORROW)
            for store, name in [(first, "a"), (second, "b")] * 5
        )
    )
    assert sum(results) == 1
    moved = await second.get_schedule(10)
    assert moved is not None and moved.position == 1


async def test_two_processes_take_over_a_stale_claim_once(engine: Engine) -> None:
    first, second = await engine.open(), await engine.open()
    s = schedule()
    await first.save_schedule(s, now=NOW)
    assert await first.claim(s, delivery_for(s, "dead"), TOMORROW.date(), TOMORROW)
    later = NOW + dt.timedelta(minutes=5)
    (stale,) = await second.pending(later, dt.timedelta(minutes=2), 10)
    won = await asyncio.gather(
        *(store.take_over(stale, name, later) for store, name in [(first, "a"), (second, "b")] * 3)
    )
    assert sum(won) == 1
    record = await first.get_delivery(10, NOW.date())
    assert record is not None and record.claimant in ("a", "b") and record.attempts == 2


async def test_a_restarted_instance_gets_back_its_own_claims_as_uncertain(storage: Storage) -> None:
    mine, theirs = schedule(10), schedule(11)
    for s, name in ((mine, "me"), (theirs, "other")):
        await storage.save_schedule(s, now=NOW)
        assert await storage.claim(s, delivery_for(s, name), TOMORROW.date(), TOMORROW)
    assert await storage.reclaim("me", NOW) == 1
    (back,) = await storage.pending(NOW, dt.timedelta(hours=1), 10)  # due now, not after the lease
    assert (back.channel_id, back.state, back.uncertain) == (10, DeliveryState.RETRY, True)
    other = await storage.get_delivery(11, NOW.date())
    assert other is not None and other.state is DeliveryState.SENDING and other.claimant == "other"


async def test_citation_styles_are_kept_per_server_and_forgotten_with_it(storage: Storage) -> None:
    assert await storage.citation_style(1) is None
    await storage.set_citation_style(1, "oscola", now=NOW)
    await storage.set_citation_style(2, "bluebook", now=NOW)
    await storage.set_citation_style(1, "aglc", now=NOW)
    assert (await storage.citation_style(1), await storage.citation_style(2)) == ("aglc", "bluebook")
    await storage.delete_guild(1)
    assert (await storage.citation_style(1), await storage.citation_style(2)) == (None, "bluebook")


async def test_a_servers_document_is_kept_beside_its_citation_style_and_forgotten_with_it(storage: Storage) -> None:
    assert await storage.guild_document(1) is None
    await storage.set_citation_style(1, "oscola", now=NOW)
    await storage.set_guild_document(1, "A/RES/78/216", now=NOW)
    await storage.set_guild_document(2, "A/RES/53/144", now=NOW)
    assert (await storage.guild_document(1), await storage.guild_document(2)) == ("A/RES/78/216", "A/RES/53/144")
    assert await storage.citation_style(1) == "oscola"  # one setting does not reset the other
    await storage.set_guild_document(1, None, now=NOW)
    assert await storage.guild_document(1) is None and await storage.citation_style(1) == "oscola"
    await storage.delete_guild(2)
    assert await storage.guild_document(2) is None


async def test_a_claim_for_a_day_already_posted_moves_on_and_keeps_the_paragraph(storage: Storage) -> None:
    s = schedule()
    await storage.save_schedule(s, now=NOW)
    assert await storage.claim(s, delivery_for(s), TOMORROW.date(), TOMORROW)
    # The schedule is re-created for the same day (e.g. /daily set again): that day is not posted twice.
    await storage.save_schedule(s, now=NOW)
    assert not await storage.claim(s, delivery_for(s, "b"), TOMORROW.date(), TOMORROW)
    again = await storage.get_schedule(10)
    assert again is not None and again.position == 0 and again.next_due == TOMORROW


async def test_other_shards_work_is_taken_once_it_is_a_grace_period_late(storage: Storage) -> None:
    """A process of shards 0-1 of 4 posts for its own servers at once, and for the others' (whose
    process may be down) only when they are `grace` late."""
    grace = dt.timedelta(minutes=3)
    mine = ShardFilter(4, (0, 1), grace)
    own = schedule(10, guild_id=(1 << 22) | 5)  # shard 1
    foreign = schedule(11, guild_id=(2 << 22) | 5)  # shard 2
    for s in (own, foreign):
        await storage.save_schedule(s, now=NOW)
    assert [s.channel_id for s in await storage.due(NOW, 10, mine)] == [10]
    assert await storage.next_wake(dt.timedelta(minutes=2), ShardFilter(4, (2,), grace)) == NOW
    assert await storage.next_wake(dt.timedelta(minutes=2), ShardFilter(4, (3,), grace)) == NOW + grace
    assert [s.channel_id for s in await storage.due(NOW + grace, 10, mine)] == [10, 11]
    assert [s.channel_id for s in await storage.due(NOW + grace, 10, ShardFilter(4, (0, 1)))] == [10]

    # A foreign claim whose process went quiet: taken over a grace after its lease ran out.
    lease = dt.timedelta(minutes=2)
    assert await storage.claim(foreign, delivery_for(foreign, "dead"), TOMORROW.date(), TOMORROW)
    assert await storage.pending(NOW + lease, lease, 10, mine) == []
    assert await storage.pending(NOW + lease, lease, 10, ShardFilter(4, (2,))) != []
    (late,) = await storage.pending(NOW + lease + grace, lease, 10, mine)
    assert late.channel_id == 11


async def test_identify_slots_are_reserved_once_per_bucket_every_5_seconds(engine: Engine) -> None:
    first, second = await engine.open(), await engine.open()
    spacing = dt.timedelta(seconds=5)
    waits = await asyncio.gather(*(store.reserve_identify(0, spacing, NOW) for store in (first, second, first, second)))
    assert sorted(w.total_seconds() for w in waits) == [0, 5, 10, 15]
    assert await first.reserve_identify(1, spacing, NOW) == dt.timedelta(0)  # another bucket: free
    assert await second.reserve_identify(0, spacing, NOW + dt.timedelta(seconds=12)) == dt.timedelta(seconds=8)
    assert await second.reserve_identify(0, spacing, NOW + dt.timedelta(minutes=5)) == dt.timedelta(0)


async def test_switch_stale_claim_renew_brings_back_two_holders(storage: Storage) -> None:
    from bot.daily import regressions

    regressions.ACTIVE.add("stale_claim_renew")
    try:
        with pytest.raises(AssertionError):
            await test_a_take_over_read_before_the_holders_renew_fails(storage)
        record = await storage.get_delivery(10, NOW.date())
        assert record is not None and record.claimant == "b"  # taken from a holder that had just renewed
    finally:
        regressions.ACTIVE.discard("stale_claim_renew")


async def test_switch_stale_claim_renew_lets_the_old_holder_of_the_same_name_renew(storage: Storage) -> None:
    from bot.daily import regressions

    regressions.ACTIVE.add("stale_claim_renew")
    try:
        with pytest.raises(AssertionError):
            await test_a_take_over_bumps_the_claim_version_so_the_old_holder_of_the_same_name_can_do_nothing(storage)
    finally:
        regressions.ACTIVE.discard("stale_claim_renew")


async def _refuse_schedule_updates(engine: Engine, storage: Storage, on: bool) -> None:
    """Make every change to a schedule fail (a crash at that point, as far as the transaction goes)."""
    if engine.name == "sqlite":
        sql = (
            "CREATE TRIGGER refuse BEFORE UPDATE ON schedules BEGIN SELECT RAISE(ABORT, 'refused'); END"
            if on
            else "DROP TRIGGER refuse"
        )
        async with storage._transaction() as db:  # type: ignore[attr-defined]
            await db.execute(sql)
        return
    if on:
        await storage._pool.execute(  # type: ignore[attr-defined]
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$; "
            "CREATE TRIGGER refuse BEFORE UPDATE ON schedules FOR EACH ROW EXECUTE FUNCTION refuse()"
        )
    else:
        await storage._pool.execute("DROP TRIGGER refuse ON schedules")  # type: ignore[attr-defined]


async def test_a_refused_post_is_failed_and_paused_in_one_transaction(engine: Engine) -> None:
    """Simulator seed 1406: after a 403, marking the post failed and pausing the schedule with its
    reason were separate transactions; a kill between them hid the missed day from /daily status."""
    storage = await engine.open()
    s = schedule()
    await storage.save_schedule(s, now=NOW)
    mine = delivery_for(s)
    assert await storage.claim(s, mine, TOMORROW.date(), TOMORROW)
    reason = "I lost access to this channel or the permission to post there"
    # Not the holder: nothing changes.
    stranger = dataclasses.replace(mine, claimant="b")
    assert await storage.finish_failed(stranger, claimant="b", error="403", reason=reason, now=NOW, pause=True) is None
    assert (await storage.get_schedule(10)).paused_reason is None  # type: ignore[union-attr]
    # The pause cannot be written: then the failure is not written either.
    await _refuse_schedule_updates(engine, storage, on=True)
    with pytest.raises(Exception, match="refused"):
        await storage.finish_failed(mine, claimant="a", error="403", reason=reason, now=NOW, pause=True)
    await _refuse_schedule_updates(engine, storage, on=False)
    record = await storage.get_delivery(10, mine.day)
    assert record is not None and record.state == "sending"
    assert (await storage.get_schedule(10)).paused_reason is None  # type: ignore[union-attr]
    # Both, together.
    assert await storage.finish_failed(mine, claimant="a", error="403", reason=reason, now=NOW, pause=True) is True
    record = await storage.get_delivery(10, mine.day)
    assert record is not None and record.state == "failed" and record.error == "403"
    paused = await storage.get_schedule(10)
    assert paused is not None and paused.paused_reason == reason and paused.last_failure == reason
    assert paused.last_failure_at == NOW
    # Only once: the claim is finished.
    assert await storage.finish_failed(mine, claimant="a", error="403", reason=reason, now=NOW, pause=True) is None


async def test_another_refusal_is_failed_and_told_in_one_transaction_without_a_pause(engine: Engine) -> None:
    """A refusal that is not about access (a 400): failed, and the reason recorded as the schedule's
    last failure in the same transaction, but the schedule keeps running."""
    storage = await engine.open()
    s = schedule()
    await storage.save_schedule(s, now=NOW)
    mine = delivery_for(s)
    assert await storage.claim(s, mine, TOMORROW.date(), TOMORROW)
    reason = "Discord refused the post"
    await _refuse_schedule_updates(engine, storage, on=True)
    with pytest.raises(Exception, match="refused"):
        await storage.finish_failed(mine, claimant="a", error="400", reason=reason, now=NOW, pause=False)
    await _refuse_schedule_updates(engine, storage, on=False)
    record = await storage.get_delivery(10, mine.day)
    assert record is not None and record.state == "sending"  # nothing half-written
    assert await storage.finish_failed(mine, claimant="a", error="400", reason=reason, now=NOW, pause=False) is False
    record = await storage.get_delivery(10, mine.day)
    assert record is not None and record.state == "failed" and record.error == "400"
    told = await storage.get_schedule(10)
    assert told is not None and told.paused_reason is None and told.last_failure == reason
