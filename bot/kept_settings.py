"""Each server's settings, read from storage once and kept for a while.

Every command and every autocomplete keystroke needs its server's default document, and a
citation its default style. A read is a hop to the database's thread (or a round trip to
PostgreSQL) that cost more than the rest of an answer (issue 14's bench), while the values
change only through /settings. That command runs in the process that serves its server (a
server lives on one shard), which forgets what it kept; a change written by any other
process is seen within `KEEP`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

T = TypeVar("T")

KEEP = dt.timedelta(minutes=1)
MAX_KEPT = 10_000  # servers; beyond this the oldest reads are dropped


class KeptSettings(Generic[T]):
    """One setting of each server (`guild_id -> value`), kept for `keep` after it was read."""

    def __init__(self, read: Callable[[int], Awaitable[T]], keep: dt.timedelta = KEEP) -> None:
        self._read = read
        self._keep = keep
        self._kept: dict[int, tuple[T, dt.datetime]] = {}

    async def get(self, guild_id: int, now: dt.datetime) -> T:
        kept = self._kept.get(guild_id)
        if kept is not None and now - kept[1] < self._keep:
            return kept[0]
        value = await self._read(guild_id)
        if len(self._kept) >= MAX_KEPT:
            self._kept = {g: v for g, v in self._kept.items() if now - v[1] < self._keep}
            while len(self._kept) >= MAX_KEPT:
                del self._kept[next(iter(self._kept))]
        self._kept[guild_id] = (value, now)
        return value

    def forget(self, guild_id: int) -> None:
        """After this process changed the setting: the next read goes to storage."""
        self._kept.pop(guild_id, None)
