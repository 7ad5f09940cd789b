"""Gateway IDENTIFYs paced across every process of the bot, through the shared database.

Discord allows one IDENTIFY per 5 seconds in each bucket (`shard_id % max_concurrency`),
counted across all the bot's processes, and a limited number of new sessions a day
(`session_start_limit`). discord.py paces only the shards of its own process; a fleet that
restarts together would IDENTIFY in a burst. Before each IDENTIFY, `IdentifyGate` reserves
the bucket's next free time in the storage every process shares, and waits for it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.daily.delivery import Clock
from bot.storage import Storage

log = logging.getLogger(__name__)

# Discord: one IDENTIFY per 5 s per bucket, counted when it arrives. Reservations are half a
# second further apart, so a first IDENTIFY that leaves a little late never crowds the next.
IDENTIFY_SPACING = dt.timedelta(seconds=5.5)
LOW_SESSIONS = 100  # warn when fewer new sessions than this are left for the day


@dataclass(frozen=True)
class SessionLimits:
    """What GET /gateway/bot says of new sessions (discord.py's SessionStartLimits, as plain data)."""

    total: int
    remaining: int
    reset_after: dt.timedelta
    max_concurrency: int


class IdentifyGate:
    """Waits, before an IDENTIFY, until this shard's bucket is free across the whole fleet."""

    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        limits: Callable[[], Awaitable[SessionLimits]],
        *,
        shards_here: int = 1,
        spacing: dt.timedelta = IDENTIFY_SPACING,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._storage = storage
        self._clock = clock
        self._limits = limits
        self._shards_here = shards_here
        self._spacing = spacing
        self._sleep = sleep
        self._concurrency: int | None = None

    async def wait(self, shard_id: int | None) -> None:
        concurrency = await self._max_concurrency()
        bucket = (shard_id or 0) % concurrency
        try:
            delay = await self._storage.reserve_identify(bucket, self._spacing, self._clock.now())
        except Exception:
            # The database is unreachable: fall back to spacing this process's own IDENTIFYs.
            log.warning("Could not reserve an IDENTIFY slot; waiting %s s instead", self._spacing.total_seconds())
            delay = self._spacing
        if delay > dt.timedelta(0):
            log.info("Shard %s waits %.1f s for its IDENTIFY slot (bucket %d)", shard_id, delay.total_seconds(), bucket)
            await self._sleep(delay.total_seconds())

    async def _max_concurrency(self) -> int:
        """Asked of Discord once per process; also warns when new sessions run low."""
        if self._concurrency is None:
            try:
                limits = await self._limits()
            except Exception as exc:
                log.warning("Could not read the session start limits (%s); assuming 1 IDENTIFY at a time", exc)
                self._concurrency = 1
                return 1
            self._concurrency = max(1, limits.max_concurrency)
            if limits.remaining < max(LOW_SESSIONS, 2 * self._shards_here):
                hours = limits.reset_after.total_seconds() / 3600
                log.warning(
                    "Discord allows only %d more gateway sessions today (of %d; the count resets in %.1f h). "
                    "Avoid restarting the bot until then.",
                    limits.remaining,
                    limits.total,
                    hours,
                )
        return self._concurrency
