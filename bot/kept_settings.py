"""Each server's settings, and each person's language, read from storage once and kept for a while.

Every command and every autocomplete keystroke needs its server's default document, and a
citation its default style. A read is a hop to the database's thread (or a round trip to
PostgreSQL) that cost more than the rest of an answer (issue 14's bench), while the values
change only through /settings. That command runs in the process that serves its server (a
server lives on one shard), which forgets what it kept; a change written by any other
process is seen within `KEEP`.

The interface languages (bot.i18n) are read the same way: a person's `/settings language` and the
server's `/settings server-language` were read on every command, keystroke and click. A person may
use the bot in servers that other processes serve: their change reaches those within `KEEP`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")

KEEP = dt.timedelta(minutes=1)
MAX_KEPT = 10_000  # servers (or people); beyond this the oldest reads are dropped


class KeptSettings(Generic[T]):
    """One setting of each server or person (`id -> value`), kept for `keep` after it was read."""

    def __init__(self, read: Callable[[int], Awaitable[T]], keep: dt.timedelta = KEEP) -> None:
        self._read = read
        self._keep = keep
        self._kept: dict[int, tuple[T, dt.datetime]] = {}

    async def get(self, guild_id: int, now: dt.datetime) -> T:
        kept = self._kept.get(guild_id)
        if kept is not None and now - kept[1] < self._keep:
            return kept[0]
        value = await self._read(guild_id)
        self._kept.pop(guild_id, None)  # re-read: it goes to the end, with the newest reads
        if len(self._kept) >= MAX_KEPT:
            # Full: drop what has expired, and if that is not enough the oldest reads, down to three
            # quarters, so that a full table costs one rebuild per MAX_KEPT/4 reads, not one per read.
            fresh = [(g, v) for g, v in self._kept.items() if now - v[1] < self._keep]
            self._kept = dict(fresh[len(fresh) - MAX_KEPT * 3 // 4 :] if len(fresh) >= MAX_KEPT else fresh)
        self._kept[guild_id] = (value, now)
        return value

    def forget(self, guild_id: int) -> None:
        """After this process changed the setting: the next read goes to storage."""
        self._kept.pop(guild_id, None)


class LanguageSettings(Protocol):
    """Where bot.i18n reads the interface languages people and servers chose."""

    async def user_language(self, user_id: int) -> str | None: ...
    async def server_language(self, guild_id: int) -> str | None: ...


class KeptLanguages:
    """A person's and a server's interface language, read once and kept like the other settings.
    /settings language and /settings server-language `forget` what they change."""

    def __init__(self, storage: LanguageSettings, now: Callable[[], dt.datetime], keep: dt.timedelta = KEEP) -> None:
        # Looked up at each read, not bound here: the storage's methods may be wrapped later.
        self.users: KeptSettings[str | None] = KeptSettings(lambda user: storage.user_language(user), keep)
        self.servers: KeptSettings[str | None] = KeptSettings(lambda guild: storage.server_language(guild), keep)
        self._now = now

    async def user_language(self, user_id: int) -> str | None:
        return await self.users.get(user_id, self._now())

    async def server_language(self, guild_id: int) -> str | None:
        return await self.servers.get(guild_id, self._now())

    async def languages(self, user_id: int | None, guild_id: int | None) -> tuple[str | None, str | None]:
        """The person's and the server's language (None for one not asked for), with one read of the
        clock for both: every command and keystroke asks for them together."""
        now = self._now()
        chosen = None if user_id is None else await self.users.get(user_id, now)
        server = None if guild_id is None else await self.servers.get(guild_id, now)
        return chosen, server
