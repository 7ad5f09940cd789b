"""Did our post already reach Discord? The channel's history since the post's own time, read
page by page, without Discord: the scheduler runs this on the real `Poster`, the simulator on
its simulated Discord.

The interface (used by `Scheduler` and by `tests/simulation/`):

- ``read_page(after, limit)``: one request for up to ``limit`` (at most 100) messages of the
  channel whose ids are greater than the snowflake ``after`` (None: the newest messages, the
  way Discord answers without ``after``), returned as `MessageRecord`s **oldest first**. It
  raises `HistoryRefused` when Discord refuses the read (then: cannot confirm), anything else
  on a passing failure (the caller retries later); it must not turn a refusal into an empty
  page, because an empty page means "nothing there".
- ``readable``: whether the bot has Read Message History in the channel (True, False, or None
  when that is not known). Without it Discord answers every read with an **empty list**, not
  403, so "nothing found" proves nothing then.
- ``find_own_post(read_page, author_id=, marker=, since=, readable=)`` pages from ``since``
  until a short page (the present), and matches our own message by author id and the header
  marker the post starts with (a tuple: the header in every interface language). Its
  `FindResult` says FOUND (with the message id), NOT_FOUND (the whole history since ``since``
  was read and the bot may read it: sending again is safe), or UNKNOWN (cannot confirm either
  way, with a reason in words: never send again).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.daily import regressions
from bot.daily.words import Phrase

DISCORD_EPOCH_MS = 1_420_070_400_000  # 2015-01-01T00:00:00Z, the start of Discord's snowflakes
PAGE = 100  # Discord's largest page of messages
MAX_PAGES = 50  # 5,000 messages since the post: a busier channel cannot be confirmed (and is not posted twice)
OLD_LIMIT = 25  # what the check read before issue 13 (regression `history_last_25` only)


@dataclass(frozen=True)
class MessageRecord:
    """The little of a message the check needs."""

    id: int
    author_id: int
    content: str


class Seen(StrEnum):
    FOUND = "found"
    NOT_FOUND = "not_found"  # the history since the post's time was read in full, with permission
    UNKNOWN = "unknown"  # could not tell: the post may or may not be there


@dataclass(frozen=True)
class FindResult:
    seen: Seen
    message_id: int | None = None
    pages: int = 0  # requests made
    reason: str = ""  # why it is UNKNOWN, in words for /daily status
    detail: str = ""  # for the log: status and error code


class HistoryRefused(Exception):
    """Discord refused the history read (403, 404): the post can be neither found nor ruled out."""


class HistoryUnavailable(Exception):
    """A read for the history check failed in a way that passes (a dropped connection, a 5xx after
    discord.py's own retries, a network timeout): the check is tried again later, as a send is."""


ReadPage = Callable[[int | None, int], Awaitable[Sequence[MessageRecord]]]


def time_snowflake(when: dt.datetime) -> int:
    """The lowest snowflake of `when` (as `discord.utils.time_snowflake(when)`): every message
    created at or after `when` has a greater id."""
    return (int(when.timestamp() * 1000) - DISCORD_EPOCH_MS) << 22


# Why a post cannot be confirmed, for /daily status (bot.daily.words: said in the reader's language).
NO_PERMISSION = "daily-why-no-history"
UNKNOWN_PERMISSION = "daily-why-unknown-permission"
REFUSED = "daily-why-refused"
TOO_BUSY = "daily-why-too-busy"


def _why(key: str) -> Phrase:
    return Phrase(key, count=PAGE * MAX_PAGES) if key == TOO_BUSY else Phrase(key)


async def find_own_post(
    read_page: ReadPage,
    *,
    author_id: int,
    marker: str | tuple[str, ...],
    since: dt.datetime,
    readable: bool | None = True,
    max_pages: int = MAX_PAGES,
) -> FindResult:
    """Our message starting with `marker` (or any of several: the header in every language) among
    the channel's messages since `since` (see the module)."""
    if regressions.on("history_last_25"):  # the old check: the last 25 messages; empty means "not sent"
        for message in await read_page(None, OLD_LIMIT):
            if message.author_id == author_id and message.content.startswith(marker):
                return FindResult(Seen.FOUND, message.id, 1)
        return FindResult(Seen.NOT_FOUND, None, 1)
    if readable is False:
        return FindResult(Seen.UNKNOWN, reason=_why(NO_PERMISSION))
    after = time_snowflake(since)
    for pages in range(1, max_pages + 1):
        try:
            page = sorted(await read_page(after, PAGE), key=lambda m: m.id)
        except HistoryRefused as refused:
            return FindResult(Seen.UNKNOWN, pages=pages, reason=_why(REFUSED), detail=str(refused))
        for message in page:
            if message.author_id == author_id and message.content.startswith(marker):
                return FindResult(Seen.FOUND, message.id, pages)
        if len(page) < PAGE:  # the present: nothing newer
            if readable is None:
                return FindResult(Seen.UNKNOWN, pages=pages, reason=_why(UNKNOWN_PERMISSION))
            return FindResult(Seen.NOT_FOUND, pages=pages)
        after = page[-1].id
    return FindResult(Seen.UNKNOWN, pages=max_pages, reason=_why(TOO_BUSY))
