"""Persistence behind a small interface: SQLite (aiosqlite) embedded by default, PostgreSQL
(asyncpg) for several processes or hosts.

Nothing above this package depends on an engine: the scheduler and the commands use
`Storage` and the records below. Both engines provide the same atomic operations
(`claim` and `take_over` are compare-and-swap), checked by one contract test suite.
Each engine has its own numbered migrations under `migrations/<engine>/`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from typing import Protocol


def migrations(engine: str = "sqlite") -> list[tuple[int, str, str]]:
    """(version, name, sql) for every migration file of `engine` ("sqlite" or "postgresql"), in order."""
    found = []
    for entry in resources.files(__name__).joinpath("migrations", engine).iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            found.append((version, entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration files must be numbered 1..n without gaps, found {versions}")
    return found


class DeliveryState(StrEnum):
    SENDING = "sending"  # claimed by `claimant`; its lease runs from `claimed_at`
    RETRY = "retry"  # to be tried again at `retry_at`
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"
    # The outcome of a send is unknown and the channel's history could not be read to tell:
    # never sent again (a missing post can be seen, a double post cannot be taken back).
    UNCONFIRMED = "unconfirmed"
    MISSED = "missed"  # its catch-up window ended before it could be sent


OPEN_STATES = (DeliveryState.SENDING, DeliveryState.RETRY)


@dataclass(frozen=True)
class Schedule:
    """One channel's daily post."""

    channel_id: int
    guild_id: int
    document: str
    post_time: dt.time
    timezone: str
    order: str
    position: int  # how many paragraphs have been posted or skipped past
    seed: int
    next_due: dt.datetime  # UTC
    next_day: dt.date  # the local date of next_due
    paused_reason: str | None = None
    channel_name: str | None = None  # as it was when set, to name a deleted channel
    last_failure: str | None = None  # in words, for /daily status
    last_failure_at: dt.datetime | None = None


@dataclass(frozen=True)
class Delivery:
    """One day's post for one channel. The (channel, local date) pair is claimed once, ever."""

    channel_id: int
    day: dt.date
    guild_id: int
    position: int
    ref: str
    state: DeliveryState
    due: dt.datetime
    attempts: int = 0
    claimant: str | None = None
    claimed_at: dt.datetime | None = None
    retry_at: dt.datetime | None = None
    message_id: int | None = None
    error: str | None = None
    uncertain: bool = False  # a send may have reached Discord: look in the channel before sending again
    # The claim's version: bumped by every take-over (and by a restart getting its claims back).
    # Renew, finish and retry_later succeed only with the version stored now, so a holder that
    # lost its claim, even to a process of the same name, changes nothing and sends nothing.
    version: int = 1


@dataclass(frozen=True)
class Notice:
    """Something a server should hear about in /daily status (a deleted channel's posts stopped)."""

    channel_id: int
    channel_name: str | None
    message: str
    created_at: dt.datetime


@dataclass(frozen=True)
class Instance:
    """One process of the bot as the database knows it: who it is, whether it is alive, and how
    its daily scheduler is doing (see `bot.instances`)."""

    identity: str  # stable across restarts: the instance name and the shards
    session: str  # this run of the process
    hostname: str
    pid: int
    shards: str
    started_at: dt.datetime | None = None
    heartbeat_at: dt.datetime | None = None  # None: it stopped cleanly
    scheduler_state: str = "starting"
    scheduler_pass_at: dt.datetime | None = None
    scheduler_error: str | None = None
    scheduler_restarts: int = 0
    metrics: str | None = None


@dataclass(frozen=True)
class DailyOverview:
    """The daily posts at a glance, for `python -m bot status`."""

    active: int  # schedules that post
    paused: int  # schedules paused with a reason (see /daily status)
    due: int  # active schedules whose next post is due now and not yet claimed
    in_flight: int  # posts claimed and being sent, their lease running
    expired: int  # posts claimed by a process that went quiet (taken over once the lease is out)
    retrying: int  # posts waiting for their next try
    uncertain: int  # of those, posts that may have reached Discord (history is read first)
    recent: dict[str, int]  # posts due in the last 24 hours, by state
    at: dt.datetime  # when, by the storage's clock (PostgreSQL: the database's), so ages read right


@dataclass(frozen=True)
class ShardFilter:
    """The guilds on these shards, (guild_id >> 22) % count in ids; and, once `grace` late, anyone's.

    A process schedules the servers of its own shards. With a `grace`, it also takes a post
    of another shard that is that late (due, retried or claimed and gone quiet): the process
    that owns it is down, and a dead host then delays posts by at most the grace, never loses
    them. Claims keep it exactly once either way."""

    count: int
    ids: tuple[int, ...]
    grace: dt.timedelta | None = None

    def owns(self, guild_id: int) -> bool:
        return (guild_id >> 22) % self.count in self.ids


async def next_wake_with_grace(storage: Storage, lease: dt.timedelta, shard: ShardFilter) -> dt.datetime | None:
    """`next_wake` for a filter with a grace: the earliest of this process's own work and anyone's
    work a grace after it falls due (then it becomes this process's too). Both engines use it."""
    own = await storage.next_wake(lease, ShardFilter(shard.count, shard.ids))
    anyone = await storage.next_wake(lease)
    wakes = [t for t in (own, anyone + shard.grace if anyone and shard.grace else None) if t is not None]
    return min(wakes) if wakes else None


class Storage(Protocol):
    async def close(self) -> None: ...

    async def database_now(self) -> dt.datetime | None:
        """The engine's own clock, when it keeps one that decides leases and due times (PostgreSQL's
        `now()`); None when the caller's time is used (SQLite, or PostgreSQL with `host_clock`).
        The scheduler measures its offset from the host clock and decides with it everywhere."""

    # -- schedules ----------------------------------------------------------
    async def get_schedule(self, channel_id: int) -> Schedule | None: ...
    async def guild_schedules(self, guild_id: int) -> list[Schedule]: ...
    async def save_schedule(self, schedule: Schedule, *, now: dt.datetime) -> None:
        """Insert or replace the channel's schedule (clears any pause)."""

    async def delete_schedule(self, channel_id: int) -> bool: ...
    async def delete_guild(self, guild_id: int) -> int:
        """Forget a server the bot was removed from: its schedules and settings; returns how many schedules."""

    async def pause(self, channel_id: int, reason: str, *, now: dt.datetime) -> bool:
        """Pause an active schedule; False if it was already paused or is gone."""

    async def advance(self, channel_id: int, steps: int = 1) -> Schedule | None: ...
    async def last_day(self, channel_id: int) -> dt.date | None:
        """The latest local date a post was claimed for in this channel."""

    # -- due work -----------------------------------------------------------
    async def due(self, now: dt.datetime, limit: int, shard: ShardFilter | None = None) -> list[Schedule]: ...
    async def next_wake(self, lease: dt.timedelta, shard: ShardFilter | None = None) -> dt.datetime | None:
        """The earliest time anything becomes due: an active schedule, a retry, or a claim's lease running out."""

    async def claim(self, schedule: Schedule, delivery: Delivery, next_day: dt.date, next_due: dt.datetime) -> bool:
        """Atomically record the day's delivery as `sending` and move the schedule on.

        False (and nothing changed) if another instance claimed it or the schedule changed.
        """

    async def skip_day(self, schedule: Schedule, next_day: dt.date, next_due: dt.datetime) -> bool:
        """Move the schedule past missed days without posting (compare-and-swap)."""

    async def pending(
        self, now: dt.datetime, lease: dt.timedelta, limit: int, shard: ShardFilter | None = None
    ) -> list[Delivery]:
        """Deliveries to (re)try: retries that are due, and `sending` ones whose claimant went quiet."""

    async def take_over(self, delivery: Delivery, claimant: str, now: dt.datetime) -> bool:
        """Claim an open delivery (a due retry, or a `sending` one past its lease), as read by
        `pending`: compare-and-swap on its state, version and lease (`claimed_at`, which a renew
        moves on), so a take-over read before the holder renewed fails. Bumps the version."""

    async def reclaim(self, claimant: str, now: dt.datetime) -> int:
        """At start: claims this instance name held when its previous process died become uncertain
        retries due now (a history check comes first), instead of waiting out their lease."""

    async def renew(self, delivery: Delivery, claimant: str, now: dt.datetime) -> bool:
        """Re-confirm a claim right before a request: restarts its lease; False if `claimant` lost it
        (the stored version is no longer `delivery.version`: someone took it over)."""

    async def finish(
        self,
        delivery: Delivery,
        state: DeliveryState,
        *,
        claimant: str,
        message_id: int | None = None,
        error: str | None = None,
    ) -> bool:
        """Record the outcome, only while `claimant` still holds the claim (at `delivery.version`)."""

    async def finish_failed(
        self, delivery: Delivery, *, claimant: str, error: str, reason: str, now: dt.datetime, pause: bool
    ) -> bool | None:
        """Discord refused the post: in one transaction, record it failed, record `reason` as the
        schedule's last failure and, with `pause` (a 403), pause the schedule with it, so a crash can
        never leave a failed day that /daily status does not show (simulator seeds 1406, 2139).
        Only while `claimant` holds the claim (at `delivery.version`): None, and nothing changed,
        if it does not; else whether this paused it (False if it was already paused, or not asked)."""

    async def retry_later(
        self, delivery: Delivery, at: dt.datetime, error: str, *, claimant: str, uncertain: bool
    ) -> bool:
        """Hand the delivery back for another try at `at`, only while `claimant` holds it (at `delivery.version`)."""

    async def get_delivery(self, channel_id: int, day: dt.date) -> Delivery | None: ...

    async def record_failure(self, channel_id: int, message: str, *, now: dt.datetime) -> None:
        """The schedule's last failure, in words (shown by /daily status)."""

    async def remove_schedule(self, channel_id: int, message: str, *, now: dt.datetime) -> bool:
        """Delete a schedule whose channel is gone, leaving the server a notice; False if there was none."""

    async def notices(self, guild_id: int, since: dt.datetime) -> list[Notice]: ...
    async def prune(self, before: dt.date, notices_before: dt.datetime) -> int:
        """Forget finished deliveries for local dates before `before`, and old notices; returns how many."""

    # -- gateway ------------------------------------------------------------
    async def reserve_identify(self, bucket: int, spacing: dt.timedelta, now: dt.datetime) -> dt.timedelta:
        """Reserve the next time this IDENTIFY bucket is free (at least `spacing` after the last
        reservation of any process), atomically; returns how long to wait for it."""

    # -- instances ----------------------------------------------------------
    async def register_instance(
        self, instance: Instance, *, now: dt.datetime, stale_after: dt.timedelta
    ) -> Instance | None:
        """Take `instance.identity` for this process, atomically: when nobody holds it, or its holder
        stopped cleanly or has not beaten for `stale_after`. None when taken; else the live holder."""

    async def beat_instance(self, instance: Instance, *, now: dt.datetime) -> bool:
        """Refresh this process's heartbeat and scheduler health; False if another session took its identity."""

    async def release_instance(self, instance: Instance, *, now: dt.datetime) -> None:
        """This process stops cleanly: its identity is free at once (if it still holds it)."""

    async def instances(self) -> list[Instance]: ...
    async def forget_instance(self, identity: str, *, now: dt.datetime, stale_after: dt.timedelta) -> bool:
        """Delete a process's row that is stopped or stale (e.g. shards that no longer exist after a
        reshard), so `status` stops reporting it; False if there is none, or it is alive."""

    async def daily_overview(self, now: dt.datetime, lease: dt.timedelta) -> DailyOverview: ...

    # -- server settings ----------------------------------------------------
    async def citation_style(self, guild_id: int) -> str | None:
        """The server's default citation style, None when it has not chosen one."""

    async def set_citation_style(self, guild_id: int, style: str | None, *, now: dt.datetime) -> None: ...

    async def guild_document(self, guild_id: int) -> str | None:
        """The symbol of the server's default document, None when it has not chosen one."""

    async def set_guild_document(self, guild_id: int, symbol: str | None, *, now: dt.datetime) -> None: ...

    async def server_language(self, guild_id: int) -> str | None:
        """The interface language a server chose for public answers and daily posts (None: not set)."""

    async def set_server_language(self, guild_id: int, language: str | None, *, now: dt.datetime) -> None: ...
    async def user_language(self, user_id: int) -> str | None:
        """The interface language a person chose for their own answers (None: not chosen)."""

    async def set_user_language(self, user_id: int, language: str | None, *, now: dt.datetime) -> None:
        """Remember a person's choice; None forgets it (and the row)."""
