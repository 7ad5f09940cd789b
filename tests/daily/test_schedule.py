"""When posts are due and which paragraph comes next: pure functions, DST included."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.content.errors import UserError
from bot.content.model import Document, Kind, Ref
from bot.daily.schedule import (
    Order,
    next_occurrence,
    nonce,
    occurrence,
    parse_time,
    parse_timezone,
    pick,
    plan,
    sequence,
    timezone_choices,
)

UTC = dt.UTC
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("09:00", dt.time(9)), ("9:05", dt.time(9, 5)), ("23:59", dt.time(23, 59)), ("18h30", dt.time(18, 30))],
)
def test_times_are_24_hour(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "24:00", "12:60", "noon", "9", "9am", ""])
def test_bad_times_say_what_is_accepted(text: str) -> None:
    with pytest.raises(UserError, match="use 24-hour HH:MM, e.g. 09:00 or 18:30"):
        parse_time(text)


def test_time_zones_are_iana_names() -> None:
    assert parse_timezone("America/New_York").key == "America/New_York"
    assert parse_timezone("europe/berlin").key == "Europe/Berlin"
    assert parse_timezone("Europe/Geneva").key == "Europe/Zurich"  # not an IANA name; people expect it
    with pytest.raises(UserError, match="“Mars/Olympus” is not a time zone I know. Use an IANA name"):
        parse_timezone("Mars/Olympus")


def test_time_zone_autocomplete() -> None:
    assert timezone_choices("")[0] == ("UTC", "UTC")
    assert len(timezone_choices("")) <= 25
    assert timezone_choices("new_york")[0] == ("America/New_York", "America/New_York")
    assert timezone_choices("geneva")[0] == ("Europe/Geneva → Europe/Zurich", "Europe/Zurich")
    assert all(len(name) <= 100 for name, _ in timezone_choices("a"))


def test_an_ordinary_day() -> None:
    assert occurrence(dt.date(2026, 7, 1), dt.time(9), BERLIN) == utc(2026, 7, 1, 7)


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected_utc", "expected_local"),
    [
        # Spring forward: 02:00 -> 03:00. 02:30 does not exist: the first valid minute after it.
        (BERLIN, dt.date(2026, 3, 29), dt.time(2, 30), utc(2026, 3, 29, 1, 0), "03:00"),
        (NEW_YORK, dt.date(2026, 3, 8), dt.time(2, 15), utc(2026, 3, 8, 7, 0), "03:00"),
        # Lord Howe moves by 30 minutes: 02:00 -> 02:30.
        (LORD_HOWE, dt.date(2026, 10, 4), dt.time(2, 10), utc(2026, 10, 3, 15, 30), "02:30"),
        # A time just outside the gap is untouched.
        (LORD_HOWE, dt.date(2026, 10, 4), dt.time(2, 30), utc(2026, 10, 3, 15, 30), "02:30"),
    ],
)
def test_a_time_that_does_not_exist_posts_at_the_first_valid_minute(
    zone: ZoneInfo, day: dt.date, at: dt.time, expected_utc: dt.datetime, expected_local: str
) -> None:
    when = occurrence(day, at, zone)
    assert when == expected_utc
    assert f"{when.astimezone(zone):%H:%M}" == expected_local


@pytest.mark.parametrize(
    ("zone", "day", "at", "first"),
    [
        (BERLIN, dt.date(2026, 10, 25), dt.time(2, 30), utc(2026, 10, 25, 0, 30)),
        (NEW_YORK, dt.date(2026, 11, 1), dt.time(1, 30), utc(2026, 11, 1, 5, 30)),
        (LORD_HOWE, dt.date(2026, 4, 5), dt.time(1, 45), utc(2026, 4, 4, 14, 45)),
    ],
)
def test_a_repeated_time_posts_once_at_its_first_occurrence(
    zone: ZoneInfo, day: dt.date, at: dt.time, first: dt.datetime
) -> None:
    assert occurrence(day, at, zone) == first
    # The day after the change has exactly one occurrence, 24 h + the shift later.
    after, when = next_occurrence(first, at, zone)
    assert after == day + dt.timedelta(days=1)
    assert when > first


@pytest.mark.parametrize("zone", [BERLIN, NEW_YORK, LORD_HOWE])
def test_every_local_day_of_a_year_has_exactly_one_post(zone: ZoneInfo) -> None:
    at = dt.time(2, 15)  # inside every one of these zones' transitions
    when = utc(2025, 12, 31, 12)
    days = []
    for _ in range(366):
        day, when = next_occurrence(when, at, zone)
        days.append(day)
    assert days == [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(366)]


@given(
    st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2035, 1, 1), timezones=st.just(UTC)),
    st.times(),
    st.sampled_from([BERLIN, NEW_YORK, LORD_HOWE, ZoneInfo("UTC"), ZoneInfo("Asia/Kolkata")]),
)
def test_next_occurrence_is_the_first_after(after: dt.datetime, at: dt.time, zone: ZoneInfo) -> None:
    at = at.replace(second=0, microsecond=0, tzinfo=None, fold=0)
    day, when = next_occurrence(after, at, zone)
    assert when > after
    assert occurrence(day, at, zone) == when
    assert occurrence(day - dt.timedelta(days=1), at, zone) <= after


def test_the_first_post_is_never_for_a_day_before_subscribing() -> None:
    now = utc(2026, 11, 28, 10)  # 11:00 in Berlin; 09:00 has passed
    assert next_occurrence(now, dt.time(9), BERLIN)[0] == dt.date(2026, 11, 29)
    assert next_occurrence(now, dt.time(12), BERLIN)[0] == dt.date(2026, 11, 28)


def test_a_channel_posted_today_waits_for_tomorrow_even_if_rescheduled_later_today() -> None:
    now = utc(2026, 11, 28, 10)
    day, _ = next_occurrence(now, dt.time(18), BERLIN, not_on_or_before=dt.date(2026, 11, 28))
    assert day == dt.date(2026, 11, 29)


CATCH_UP = dt.timedelta(hours=6)


def test_a_post_missed_within_the_window_goes_out() -> None:
    due = utc(2026, 11, 28, 8)  # 09:00 Berlin
    decision = plan(utc(2026, 11, 28, 13), dt.date(2026, 11, 28), due, dt.time(9), BERLIN, CATCH_UP)
    assert decision.post and decision.day == dt.date(2026, 11, 28)
    assert decision.next_day == dt.date(2026, 11, 29)


def test_a_post_missed_beyond_the_window_is_skipped() -> None:
    due = utc(2026, 11, 28, 8)
    decision = plan(utc(2026, 11, 28, 15), dt.date(2026, 11, 28), due, dt.time(9), BERLIN, CATCH_UP)
    assert not decision.post
    assert decision.next_day == dt.date(2026, 11, 29)


def test_never_two_days_posts_at_once() -> None:
    # Down for three days; back an hour after today's time: only today's post goes out.
    due = utc(2026, 11, 25, 8)
    decision = plan(utc(2026, 11, 28, 9), dt.date(2026, 11, 25), due, dt.time(9), BERLIN, CATCH_UP)
    assert decision.post and decision.day == dt.date(2026, 11, 28)
    assert decision.missed == 3
    assert decision.next_day == dt.date(2026, 11, 29)


@pytest.mark.parametrize(
    ("order", "first", "count"),
    [
        (Order.DOCUMENT, Ref(Kind.PREAMBLE, 1), 32),
        (Order.OPERATIVE, Ref(Kind.OPERATIVE, 1), 17),
        (Order.PREAMBLE, Ref(Kind.PREAMBLE, 1), 15),
    ],
)
def test_orders_and_wrap_around(doc: Document, order: Order, first: Ref, count: int) -> None:
    refs = sequence(doc, order)
    assert len(refs) == count and refs[0] == first
    assert pick(doc, order, 0, 0) == (first, 1, count)
    assert pick(doc, order, 0, count - 1)[1:] == (count, count)
    assert pick(doc, order, 0, count) == (first, 1, count)  # and again
    if order is Order.DOCUMENT:
        assert pick(doc, order, 0, 15)[0] == Ref(Kind.OPERATIVE, 1)  # after PP15 comes OP1


def test_random_order_posts_every_paragraph_once_per_cycle(doc: Document) -> None:
    for cycle in range(3):
        refs = [pick(doc, Order.RANDOM, 1234, cycle * 32 + i)[0] for i in range(32)]
        assert sorted(refs) == sorted(sequence(doc, Order.DOCUMENT))
    first = [pick(doc, Order.RANDOM, 1234, i)[0] for i in range(32)]
    second = [pick(doc, Order.RANDOM, 1234, 32 + i)[0] for i in range(32)]
    assert first != second  # each cycle reshuffled
    assert first == [pick(doc, Order.RANDOM, 1234, i)[0] for i in range(32)]  # and reproducible after a restart


def test_nonces_are_deterministic_and_fit_discord() -> None:
    biggest = nonce(2**64 - 1, dt.date(9999, 12, 31))
    assert len(biggest) <= 25
    assert nonce(123, dt.date(2026, 11, 28)) == nonce(123, dt.date(2026, 11, 28))
    assert nonce(123, dt.date(2026, 11, 28)) != nonce(123, dt.date(2026, 11, 29))
    assert nonce(123, dt.date(2026, 11, 28)) != nonce(124, dt.date(2026, 11, 28))
