"""What is due when, and which paragraph: pure functions of their arguments.

No clock, no I/O: `now` is always passed in. Local times are computed with
zoneinfo. A local time that does not exist (clocks jump forward) posts at the
first valid minute after it; a time that happens twice (clocks fall back)
posts once, at its first occurrence.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from enum import Enum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.content.errors import UserError
from bot.content.model import Document, Kind, Ref

UTC = dt.UTC
DEFAULT_TIME = dt.time(9, 0)
DEFAULT_TIMEZONE = "UTC"
_TIME = re.compile(r"^\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*$")


class Order(Enum):
    DOCUMENT = "document"
    OPERATIVE = "operative"
    PREAMBLE = "preamble"
    RANDOM = "random"
    ARTICLES = "articles"  # the articles of the document's annexed declaration: "an article a day"

    @property
    def description(self) -> str:
        return _ORDER_TEXT[self]


_ORDER_TEXT = {
    Order.DOCUMENT: "document order (PP1…, then OP1…, then again)",
    Order.OPERATIVE: "operative paragraphs only",
    Order.PREAMBLE: "preambular paragraphs only",
    Order.RANDOM: "random, no repeats until every paragraph has been posted",
    Order.ARTICLES: "the articles of the Declaration, one a day (53/144)",
}


def parse_time(text: str) -> dt.time:
    """`HH:MM` on a 24-hour clock."""
    match = _TIME.match(text)
    if not match:
        raise UserError("daily-bad-time", text=text.strip()[:20])
    return dt.time(int(match[1]), int(match[2]))


def parse_timezone(text: str) -> ZoneInfo:
    """An IANA time zone name such as Europe/Geneva."""
    name = ALIASES.get(text.strip().casefold(), text.strip())
    try:
        if name and name in _zone_names():
            return ZoneInfo(name)
        folded = {n.casefold(): n for n in _zone_names()}
        if name.casefold() in folded:
            return ZoneInfo(folded[name.casefold()])
    except (ZoneInfoNotFoundError, ValueError):
        pass
    raise UserError("daily-bad-zone", zone=name[:40])


_ZONES: frozenset[str] | None = None


def _zone_names() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones())
    return _ZONES


COMMON_ZONES = (
    "UTC",
    "Europe/Zurich",
    "America/New_York",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Mexico_City",
    "America/Sao_Paulo",
    "America/Bogota",
    "Africa/Lagos",
    "Africa/Nairobi",
    "Africa/Johannesburg",
    "Africa/Cairo",
    "Asia/Beirut",
    "Asia/Kolkata",
    "Asia/Bangkok",
    "Asia/Jakarta",
    "Asia/Manila",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Australia/Lord_Howe",
)


# Cities people expect that IANA files under another name.
ALIASES = {
    "europe/geneva": "Europe/Zurich",
    "geneva": "Europe/Zurich",
    "new york": "America/New_York",
    "gmt": "Etc/GMT",
}


def timezone_choices(current: str, limit: int = 25) -> list[tuple[str, str]]:
    """(name, value) choices containing what was typed: city-name prefix matches first."""
    wanted = current.strip().casefold().replace(" ", "_")
    if not wanted:
        return [(z, z) for z in COMMON_ZONES[:limit]]
    extra = [
        (f"{alias.title()} → {zone}", zone)
        for alias, zone in ALIASES.items()
        if wanted in alias.replace(" ", "_") and "/" in alias
    ]
    names = [n for n in _zone_names() if wanted in n.casefold()]
    names.sort(key=lambda n: (not n.casefold().split("/")[-1].startswith(wanted), len(n), n))
    return (extra + [(n, n) for n in names])[:limit]


def occurrence(day: dt.date, at: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The UTC instant of local time `at` on `day` in `zone`."""
    naive = dt.datetime.combine(day, at)
    for _ in range(24 * 60):  # walk out of a DST gap a minute at a time
        local = naive.replace(tzinfo=zone, fold=0)
        utc = local.astimezone(UTC)
        if utc.astimezone(zone).replace(tzinfo=None) == naive:
            return utc
        naive += dt.timedelta(minutes=1)
    raise AssertionError(f"no valid local time after {day} {at} in {zone}")


def next_occurrence(
    after: dt.datetime, at: dt.time, zone: ZoneInfo, not_on_or_before: dt.date | None = None
) -> tuple[dt.date, dt.datetime]:
    """The first (local date, UTC instant) strictly after `after`, on a date after `not_on_or_before`."""
    day = after.astimezone(zone).date() - dt.timedelta(days=1)
    if not_on_or_before is not None and day <= not_on_or_before:
        day = not_on_or_before
    while True:
        day += dt.timedelta(days=1)
        when = occurrence(day, at, zone)
        if when > after:
            return day, when


def latest_occurrence(now: dt.datetime, at: dt.time, zone: ZoneInfo) -> tuple[dt.date, dt.datetime]:
    """The most recent (local date, UTC instant) at or before `now`."""
    day = now.astimezone(zone).date() + dt.timedelta(days=1)
    while True:
        when = occurrence(day, at, zone)
        if when <= now:
            return day, when
        day -= dt.timedelta(days=1)


@dataclass(frozen=True)
class Plan:
    """What to do with a schedule that is due: post for `day`, skip to the next occurrence,
    or (`moved`) only correct a stored due time that the current zone rules no longer give."""

    post: bool
    day: dt.date  # the local date posted for, or the date skipped to
    due: dt.datetime  # when that post was due
    next_day: dt.date
    next_due: dt.datetime
    missed: int  # whole days missed before `day` (logged)
    moved: bool = False  # not due after all: next_due recomputed, nothing skipped


def plan(
    now: dt.datetime, next_day: dt.date, next_due: dt.datetime, at: dt.time, zone: ZoneInfo, catch_up: dt.timedelta
) -> Plan:
    """Decide a due schedule: never two days' posts at once, nothing outside the catch-up window.

    The stored `next_due` was computed with the zone rules of its day; after a tzdata
    update it may no longer be the occurrence of `next_day`. The current rules decide.
    """
    expected = occurrence(next_day, at, zone)
    if expected > now:  # not due under today's rules: correct the stored time, post and skip nothing
        return Plan(False, next_day, expected, next_day, expected, 0, moved=True)
    day, due = latest_occurrence(now, at, zone)
    missed = (day - next_day).days
    after_day, after_due = next_occurrence(now, at, zone, not_on_or_before=day)
    return Plan(now - due <= catch_up, day, due, after_day, after_due, max(missed, 0))


def sequence(doc: Document, order: Order) -> tuple[Ref, ...]:
    """The paragraphs an order cycles through."""
    pre = tuple(p.ref for p in doc.preamble)
    op = tuple(p.ref for p in doc.operative)
    if order is Order.ARTICLES:
        annex = next((a for a in doc.annexes if a.articles), None)
        return tuple(Ref(Kind.ARTICLE, a.number) for a in annex.articles) if annex else ()
    if order is Order.OPERATIVE:
        return op
    if order is Order.PREAMBLE:
        return pre
    return pre + op


def pick(doc: Document, order: Order, seed: int, position: int) -> tuple[Ref, int, int]:
    """The paragraph at `position` (counting from 0, forever): (ref, index 1-based, cycle length).

    Random order shuffles each full cycle with a seed of its own, so no paragraph
    repeats until all have been posted, and the order survives restarts.
    """
    refs = sequence(doc, order)
    cycle, index = divmod(position, len(refs))
    if order is Order.RANDOM:
        shuffled = random.Random(f"{seed}:{cycle}").sample(range(len(refs)), len(refs))
        return refs[shuffled[index]], index + 1, len(refs)
    return refs[index], index + 1, len(refs)


def nonce(channel_id: int, day: dt.date) -> str:
    """Deterministic per channel and local date, at most 25 characters (Discord's limit)."""
    return f"{_base36(channel_id)}{day:%Y%m%d}"


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out
