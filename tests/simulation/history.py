"""The recorded history of one run, and the invariants checked on all of it (Jepsen style).

Everything that matters is written down as it happens, in true (Discord's) time: faults, process
lives, every post request as its bytes leave (with who held the claim at that instant), every
message Discord created, and `/daily status` as the real service renders it when a day's catch-up
window closes. The invariants then read the whole history; none of them trusts the bot's own
records of what it did.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.daily.delivery import HISTORY_MARGIN

if TYPE_CHECKING:
    from tests.simulation.discord_sim import Message


EARLY = dt.timedelta(seconds=1)  # the engine clock is measured to half a round trip


@dataclass(frozen=True)
class Event:
    t: float  # seconds since the run started (true time)
    who: str
    text: str
    channel: int | None = None


@dataclass(frozen=True)
class Post:
    """A message the bot's account created in a channel."""

    t: float
    at: dt.datetime
    channel: int
    day: dt.date | None
    message_id: int
    sender: str


@dataclass(frozen=True)
class Send:
    """A post request leaving a process, and who held that day's claim at that instant."""

    t: float
    sender: str
    channel: int
    day: dt.date
    holder: str | None  # claimant of the delivery row, if it is `sending`
    state: str | None
    stalled: bool  # the sender was frozen since it last confirmed the claim (the residual risk)
    # How far ahead of true time the clock the sender decides with was (its host's with SQLite; none
    # with a database clock): the history check trusts it to HISTORY_MARGIN, a documented limit.
    clock_ahead: float = 0.0


@dataclass(frozen=True)
class DueCheck:
    """A day's catch-up window has closed (plus slack): was it posted, and what did /daily status say?"""

    t: float
    channel: int
    day: dt.date
    due: dt.datetime
    deadline: dt.datetime
    posted_in_time: bool
    status: str
    bot_was_up: bool  # some process could run, long enough to say why, between the due time and the check


@dataclass(frozen=True)
class Violation:
    invariant: str
    channel: int | None
    text: str
    residual: bool = False  # the known, documented residual risk (see the README), not a defect

    def __str__(self) -> str:
        tag = " (residual risk)" if self.residual else ""
        return f"{self.invariant}{tag}: {self.text}"


@dataclass
class History:
    now: object  # Callable[[], float]: the loop's time
    events: list[Event] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    sends: list[Send] = field(default_factory=list)
    checks: list[DueCheck] = field(default_factory=list)
    stopped: list[tuple[str, str]] = field(default_factory=list)  # (process, why) for up processes whose loop died
    late_bound: list[tuple[int, dt.date, dt.datetime]] = field(default_factory=list)  # quiet days: (ch, day, by)
    engine_clock: bool = False  # the database has its own clock: no post may go out early
    closed: bool = False
    deleted: dict[int, dt.datetime] = field(default_factory=dict)  # channels deleted, and when
    # (t, the process's own clock, process, channel, day, operation, succeeded): claim, take_over, renew,
    # finish, finish_failed, retry_later; and reclaim (all of that process's claims)
    ownership: list[tuple[float, float, str, int, dt.date, str, bool]] = field(default_factory=list)
    unclaimed: list[tuple[str, int, str]] = field(default_factory=list)  # restarted, own claim left to the lease

    def _t(self) -> float:
        return float(self.now())  # type: ignore[operator]

    def add(self, who: str, text: str, channel: int | None = None) -> None:
        if self.closed:
            return  # the run is over: what its killed coroutines do while being closed is not history
        self.events.append(Event(self._t(), who, text, channel))

    def post(self, message: Message, sender: str) -> None:
        day = _day_of(message.nonce)
        self.posts.append(Post(self._t(), message.at, message.channel_id, day, message.id, sender))
        self.add(
            "discord",
            f"message {message.id} created in channel {message.channel_id} for {day} (from {sender})",
            message.channel_id,
        )

    def render(self, channels: set[int] | None = None) -> str:
        lines = []
        for e in self.events:
            if channels is not None and e.channel is not None and e.channel not in channels:
                continue
            lines.append(f"{_clock(e.t)}  {e.who:<8} {e.text}")
        return "\n".join(lines)


def _day_of(nonce: str | None) -> dt.date | None:
    if not nonce or len(nonce) < 8:
        return None
    try:
        return dt.datetime.strptime(nonce[-8:], "%Y%m%d").date()
    except ValueError:
        return None


def _clock(t: float) -> str:
    whole = int(t)
    return f"+{whole // 86400}d{(whole % 86400) // 3600:02d}:{(whole % 3600) // 60:02d}:{whole % 60:02d}.{int((t - whole) * 1000):03d}"


def check(history: History, tolerance: dt.timedelta, lease: dt.timedelta) -> list[Violation]:
    """Every invariant on the whole history; `tolerance` is how late a post started in time may land."""
    out: list[Violation] = []
    # 0. A claim is taken over only once its holder let it go or its lease ran out, as the
    #    taker's own clock could tell (a clock that jumped may take over early: that is not a race).
    holder: dict[tuple[int, dt.date], tuple[str, float]] = {}
    seconds = lease.total_seconds()
    for t, clock, process, channel, day, op, ok in history.ownership:
        key = (channel, day)
        if not ok:
            continue
        if op == "reclaim":
            for k in [k for k, (p, _) in holder.items() if p == process]:
                del holder[k]
        elif op in ("claim", "renew"):
            holder[key] = (process, clock)
        elif op == "take_over":
            held = holder.get(key)
            if held is not None and held[0] != process and clock < int(held[1]) + seconds:
                out.append(
                    Violation(
                        "one holder per claim",
                        channel,
                        f"{process} took over the post for {day} in channel {channel} at {_clock(t)}, "
                        f"{clock - held[1]:.3f} s after {held[0]} confirmed it (lease {seconds:g} s)",
                    )
                )
            holder[key] = (process, clock)
        elif op in ("finish", "finish_failed", "retry_later"):
            holder.pop(key, None)
    # 1. At most one message per (channel, local day).
    by_day: dict[tuple[int, dt.date | None], list[Post]] = {}
    for p in history.posts:
        by_day.setdefault((p.channel, p.day), []).append(p)
    for (channel, posted_day), posts in sorted(by_day.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        if len(posts) > 1:
            stale = [
                s
                for s in history.sends
                if s.channel == channel and s.day == posted_day and s.holder != s.sender and s.stalled
            ]
            # A clock further ahead than the history check's margin hides the first post from it (the
            # README's "trusts clocks to within 10 minutes"): the documented limit, not a defect.
            ahead = [
                s
                for s in history.sends
                if s.channel == channel and s.day == posted_day and s.clock_ahead > HISTORY_MARGIN.total_seconds()
            ]
            out.append(
                Violation(
                    "one post per channel and day",
                    channel,
                    f"{len(posts)} messages for {posted_day} in channel {channel}: "
                    + ", ".join(f"{p.message_id} by {p.sender} at {_clock(p.t)}" for p in posts)
                    + (f" (its sender's clock was {ahead[0].clock_ahead:.0f} s ahead)" if ahead else ""),
                    residual=bool(stale or ahead),
                )
            )
    # 2. No send after a lost claim.
    for s in history.sends:
        if s.holder != s.sender:
            who = f"{s.holder} holds it" if s.holder else f"it is {s.state}"
            out.append(
                Violation(
                    "no send after a lost claim",
                    s.channel,
                    f"{s.sender} sent the post for {s.day} in channel {s.channel} at {_clock(s.t)} but {who}"
                    + (" (it was frozen since its last check)" if s.stalled else ""),
                    residual=s.stalled,
                )
            )
    # 2b. With the database's clock to go by, nothing is posted before it is due (with the host's
    #     clock as the engine's, SQLite, a host that is fast posts early by its error: not checked).
    if history.engine_clock:
        for c in history.checks:
            for p in history.posts:
                if p.channel == c.channel and p.day == c.day and p.at < c.due - EARLY:
                    out.append(
                        Violation(
                            "not posted before it is due",
                            c.channel,
                            f"the post for {c.day} in channel {c.channel} came at {p.at:%Y-%m-%d %H:%M:%S}, "
                            f"{(c.due - p.at).total_seconds():.1f} s before it was due",
                        )
                    )
    # 3. Every due post delivered within its catch-up window, or a reason in /daily status.
    for c in history.checks:
        late = [p for p in history.posts if p.channel == c.channel and p.day == c.day and p.at > c.deadline + tolerance]
        for p in late:
            # The request that made it: frozen since its last check, it is the residual risk again.
            sends = [x for x in history.sends if x.channel == c.channel and x.day == c.day and x.t <= p.t]
            stalled = bool(sends) and sends[-1].stalled
            out.append(
                Violation(
                    "posted within the catch-up window",
                    c.channel,
                    f"the post for {c.day} in channel {c.channel} came at {p.at:%Y-%m-%d %H:%M:%S}, "
                    f"after its window closed at {c.deadline:%Y-%m-%d %H:%M:%S}"
                    + (" (its sender was frozen since its last check)" if stalled else ""),
                    residual=stalled,
                )
            )
        if c.posted_in_time or not c.bot_was_up:
            continue
        if not status_explains(c.status, c.channel):
            out.append(
                Violation(
                    "a missed post is explained in /daily status",
                    c.channel,
                    f"no post for {c.day} in channel {c.channel} (due {c.due:%Y-%m-%d %H:%M}), "
                    f"and /daily status says nothing about it:\n{_indent(c.status)}",
                )
            )
    # 4. A bot that is up recovers on its own.
    for process, channel, left in history.unclaimed:
        out.append(
            Violation(
                "a restarted process takes its own claims back at once",
                channel,
                f"{process} started again but left its post for {left} in channel {channel} to wait out the lease",
            )
        )
    for process, why in history.stopped:
        out.append(Violation("an up process recovers on its own", None, f"{process}: {why}"))
    for channel, day, by in history.late_bound:
        if channel in history.deleted:
            continue
        posts = [p for p in history.posts if p.channel == channel and p.day == day]
        if not posts or min(p.at for p in posts) > by:
            out.append(
                Violation(
                    "an up process recovers on its own",
                    channel,
                    f"after the last fault, every process up and Discord calm, the post for {day} in channel "
                    f"{channel} was not there by {by:%Y-%m-%d %H:%M:%S}",
                )
            )
    return out


def status_explains(status: str, channel: int) -> bool:
    for line in status.split("\n•"):
        if f"<#{channel}>" in line and any(w in line for w in ("⏸ **Paused**", "⚠ Last problem", "did not go out")):
            return True
        if f"#sim-{channel}" in line:  # a notice about the channel (deleted): it names it
            return True
    return False


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())
