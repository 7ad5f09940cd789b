"""A run's scenario, drawn from its seed: the world (channels, timings, processes) and the faults.

A scenario is plain data, so a failing one can be shrunk (fewer faults, channels, processes)
and printed. Faults only happen before `quiet_from`; after it every process is up, clocks are
right and Discord is calm, so the last day shows whether the bot recovered on its own.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field, replace

from bot.daily.timing import timing_problem

UTC = dt.UTC
ZONES = ("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham")
KINDS = (
    "kill",  # kill -9 a process; it is started again `arg` seconds later
    "pause",  # freeze a process for `arg` seconds (longer than the lease, sometimes than the nonce window)
    "db_restart",  # the database is gone for `arg` seconds; every open transaction rolls back
    "db_restart_boot",  # the same, while a process (re)starts into it
    "drop_conn",  # a process loses its connection in the middle of its next transaction
    "clock_jump",  # a process's wall clock jumps by `arg` seconds (NTP puts it back at the quiet time)
    "no_read",  # the bot loses Read Message History in a channel for `arg` seconds
    "no_send",  # the bot loses Send Messages in a channel; an admin fixes it and runs /daily set after `arg`
    "delete_channel",  # the channel is deleted
    "reshard",  # the fleet becomes `arg` processes, restarted one by one
    "flaky",  # Discord answers badly (429, 5xx, lost answers) for `arg` seconds
    "chatter",  # members post `arg` messages in a channel
    "stall_send",  # a process freezes for `arg` s right before its next post request leaves
    "kill_in_send",  # the sender of a channel's next post dies as Discord gets it; restarts `arg` s later
    "freeze_after_claim",  # a process freezes right after its next claim: `arg` s, or (0) until another may take it
    "outage",  # the host goes down: every process dies, and all start again `arg` s later
    "outage_in_send",  # the host goes down as a channel's next post reaches Discord; back `arg` s later
)

# The hazards the daily posts exist to survive come up most: an outcome lost in flight, a
# history that cannot be read, a process frozen holding a claim, Discord misbehaving.
WEIGHTS = tuple(
    {"kill_in_send": 4, "no_read": 3, "chatter": 3, "freeze_after_claim": 2, "flaky": 2, "outage": 2}.get(k, 1)
    for k in KINDS
)


@dataclass(frozen=True)
class Fault:
    t: float  # seconds after the start
    kind: str
    target: int = 0  # process slot or channel index
    arg: float = 0.0

    def describe(self) -> str:
        return f"{self.kind}(target={self.target}, arg={self.arg:g}) at {self.t:.1f} s"


@dataclass(frozen=True)
class ChannelSpec:
    id: int
    guild: int
    post_time: dt.time
    zone: str


@dataclass(frozen=True)
class Scenario:
    seed: int
    start: dt.datetime
    days: int
    quiet_from: float
    catch_up: dt.timedelta
    lease: dt.timedelta
    grace: dt.timedelta
    nonce_window: dt.timedelta
    processes: int
    channels: tuple[ChannelSpec, ...]
    faults: tuple[Fault, ...]
    skews: tuple[float, ...] = field(default=(0.0, 0.0, 0.0, 0.0))
    engine_clock: bool = False  # the database has its own clock (PostgreSQL's now()), the true time
    kept: tuple[int, tuple[int, ...], tuple[int, ...]] | None = None  # shrunk: (processes, channels, faults) kept

    @property
    def end(self) -> float:
        return self.days * 86_400.0

    def describe(self) -> str:
        lines = [
            f"seed {self.seed}: {self.processes} process(es), {len(self.channels)} channel(s), {self.days} days "
            f"from {self.start:%Y-%m-%d %H:%M} UTC; lease {self.lease.total_seconds():g} s, "
            f"grace {self.grace.total_seconds():g} s, catch-up {self.catch_up}, nonce window "
            f"{self.nonce_window.total_seconds():g} s; {'database clock' if self.engine_clock else 'host clocks'}; skews {', '.join(f'{s:+.1f}' for s in self.skews[: self.processes])} s",
        ]
        for c in self.channels:
            lines.append(
                f"  channel {c.id} (guild {c.guild}, shard {(c.guild >> 22) % self.processes} of {self.processes}) posts at {c.post_time:%H:%M} {c.zone}"
            )
        for f in self.faults:
            lines.append(f"  fault {f.describe()}")
        return "\n".join(lines)


def generate(seed: int) -> Scenario:
    rng = random.Random(seed)
    days = 3
    start = dt.datetime(2026, 3, 27, tzinfo=UTC) + dt.timedelta(minutes=rng.randrange(0, 3 * 24 * 60))
    catch_up = dt.timedelta(minutes=rng.choice((20, 45, 90, 360)))
    # Only timings the configuration accepts (bot/daily/timing.py: resends stay inside the nonce window).
    lease, grace = rng.choice(
        [
            (dt.timedelta(seconds=lease), dt.timedelta(seconds=grace))
            for lease in (30, 60, 120)
            for grace in (60, 90, 180)
            if timing_problem(dt.timedelta(seconds=lease), dt.timedelta(seconds=grace)) is None
        ]
    )
    processes = rng.choice((1, 1, 2, 3, 4))
    channels = []
    for i in range(rng.randint(1, 4)):
        guild = ((rng.randrange(1, 10_000) << 22) | rng.randrange(0, 1 << 22)) & ((1 << 62) - 1)
        channels.append(
            ChannelSpec(
                id=1000 + i,
                guild=guild,
                post_time=dt.time(rng.randrange(24), rng.choice((0, 15, 30, 45))),
                zone=rng.choice(ZONES),
            )
        )
    quiet_from = 2 * 86_400.0
    # Like FoundationDB's BUGGIFY: most faults gather around one channel's due time, where they
    # combine (a lost answer, a dead sender, an unreadable history) the way outages do.
    focus = rng.randrange(len(channels))
    focus_due = _due(start, channels[focus], rng.randrange(2))
    cu = catch_up.total_seconds()
    faults: list[Fault] = []
    # Swarm testing: each run draws its faults from a few kinds only, so those few combine often.
    swarm = sorted(set(rng.choices(KINDS, WEIGHTS, k=rng.randint(2, 5))))
    weights = [WEIGHTS[KINDS.index(k)] for k in swarm]
    for _ in range(rng.randint(0, 12)):
        kind = rng.choices(swarm, weights)[0]
        where = rng.random()
        if where < 0.6:
            t = focus_due + _offset(rng, kind)
        elif where < 0.8:
            spec = rng.choice(channels)
            t = _due(start, spec, rng.randrange(2)) + rng.uniform(-60, 600)
        else:
            t = rng.uniform(0, quiet_from)
        t = min(max(0.0, t), quiet_from - 3600)
        target = rng.randrange(4)
        arg = {
            "kill": rng.choice((0.5, 5.0, 60.0, 400.0, cu * 1.2)),
            "pause": rng.choice((lease.total_seconds() * rng.choice((0.5, 1.5, 3.0)), 400.0, cu * 1.2)),
            "db_restart": rng.choice((0.5, 5.0, 30.0)),
            "db_restart_boot": rng.choice((1.0, 10.0)),
            "drop_conn": 0.0,
            "clock_jump": rng.choice((-1, 1)) * rng.choice((2.0, 45.0, 600.0)),
            "no_read": rng.choice((1200.0, 7200.0)),
            "no_send": rng.choice((600.0, 7200.0)),
            "delete_channel": 0.0,
            "reshard": float(rng.randint(1, 4)),
            "flaky": rng.choice((60.0, 900.0, 3600.0)),
            "chatter": float(rng.choice((5, 40, 150))),
            "stall_send": rng.choice((lease.total_seconds() * 1.5, 400.0, 700.0)),
            "kill_in_send": rng.choice((1.0, 30.0, 400.0, 400.0, cu * 1.2)),
            "freeze_after_claim": rng.choice((0.0, 0.0, cu * 1.2)),
            "outage": rng.choice((60.0, cu * 1.2, 20_000.0)),
            "outage_in_send": rng.choice((60.0, 400.0, cu * 1.2)),
        }[kind]
        if _channel_fault(kind):
            target = focus if rng.random() < 0.7 else rng.randrange(len(channels))
        faults.append(Fault(round(t, 3), kind, target, arg))
    # Half the runs also get one of the hazards the daily posts were built against, whole, at the
    # focus channel's due time (each one is a case issue 13 reproduced by hand).
    if rng.random() < 0.5:
        hazard = rng.choice(HAZARDS)
        for kind, offset, arg in hazard(rng, cu, lease.total_seconds()):
            faults.append(
                Fault(
                    round(max(0.0, focus_due + offset), 3),
                    kind,
                    focus if _channel_fault(kind) else rng.randrange(4),
                    arg,
                )
            )
    faults.sort(key=lambda f: (f.t, f.kind, f.target))
    skews = tuple(round(rng.uniform(-3, 3), 3) for _ in range(4))
    engine_clock = rng.random() < 0.5
    return Scenario(
        seed=seed,
        start=start,
        days=days,
        quiet_from=quiet_from,
        catch_up=catch_up,
        lease=lease,
        grace=grace,
        nonce_window=dt.timedelta(minutes=5),
        processes=processes,
        channels=tuple(channels),
        faults=tuple(faults),
        skews=skews,
        engine_clock=engine_clock,
    )


Hazard = list[tuple[str, float, float]]  # (kind, offset from the due time, arg)


def _lost_outcome(rng: random.Random, cu: float, lease: float) -> Hazard:
    """The sender dies with its post in flight and is back after the nonce window; the history
    cannot show the post (no Read Message History, or a busy channel scrolled it away)."""
    hide = (
        ("no_read", -rng.choice((0.0, 300.0)), 1200.0)
        if rng.random() < 0.5
        else ("chatter", 60.0, rng.choice((40.0, 150.0)))
    )
    return [(rng.choice(("kill_in_send", "outage_in_send")), -rng.uniform(1, 60), 400.0), hide]


def _late(rng: random.Random, cu: float, lease: float) -> Hazard:
    """The post's sender is gone, or frozen holding the claim, until its catch-up window has closed."""
    if rng.random() < 0.5:
        return [("freeze_after_claim", -rng.uniform(1, 60), cu * 1.2)]
    return [("kill_in_send", -rng.uniform(1, 60), cu * 1.2), ("flaky", -rng.uniform(0, 60), 60.0)]


def _race(rng: random.Random, cu: float, lease: float) -> Hazard:
    """The claim's holder freezes until just when another process may take the claim over."""
    return [("freeze_after_claim", -rng.uniform(1, 60), 0.0)]


def _boot_into_outage(rng: random.Random, cu: float, lease: float) -> Hazard:
    """A process starts while the database is restarting."""
    return [("db_restart_boot", -rng.uniform(0, 600), rng.choice((1.0, 10.0)))]


HAZARDS = (_lost_outcome, _late, _race, _boot_into_outage)


def _offset(rng: random.Random, kind: str) -> float:
    """When, around a due time, a fault of this kind hurts most."""
    if kind in ("kill_in_send", "outage_in_send", "stall_send", "freeze_after_claim"):
        return -rng.uniform(1, 120)  # armed for that post
    if kind == "no_read":
        return -rng.choice((0.0, 300.0, 900.0))  # in place before the post goes out
    if kind == "chatter":
        return rng.choice((5.0, 20.0, 100.0, 200.0))  # after the post: it scrolls out of the last page
    return rng.choice((-600.0, -30.0, -2.0, 0.0, 0.5, 3.0, 20.0, 100.0, 200.0, 400.0))


def _due(start: dt.datetime, spec: ChannelSpec, day: int) -> float:
    """Seconds from the start to the channel's first due time after `day` days."""
    from zoneinfo import ZoneInfo

    from bot.daily.schedule import next_occurrence

    _, due = next_occurrence(start + dt.timedelta(days=day), spec.post_time, ZoneInfo(spec.zone))
    return (due - start).total_seconds()


def restrict(s: Scenario, processes: int, channels: tuple[int, ...], faults: tuple[int, ...]) -> Scenario:
    """The seed's scenario with only these processes, channels and faults (indices into the full one)."""
    kept = tuple(s.channels[i] for i in channels)
    out = []
    for i in faults:
        f = s.faults[i]
        if _channel_fault(f.kind):
            if f.target not in channels:
                continue
            f = replace(f, target=channels.index(f.target))
        out.append(f)
    return replace(s, processes=processes, channels=kept, faults=tuple(out), kept=(processes, channels, faults))


def shrinks(s: Scenario) -> list[Scenario]:
    """Smaller scenarios to try, simplest first: fewer faults, channels, processes."""
    full = generate(s.seed)
    processes, channels, faults = s.kept or (
        full.processes,
        tuple(range(len(full.channels))),
        tuple(range(len(full.faults))),
    )
    out = [restrict(full, processes, channels, faults[:i] + faults[i + 1 :]) for i in range(len(faults))]
    if len(channels) > 1:
        out += [restrict(full, processes, channels[:i] + channels[i + 1 :], faults) for i in range(len(channels))]
    if processes > 1:
        out.append(restrict(full, processes - 1, channels, faults))
    return out


def replay_flags(s: Scenario) -> str:
    """The command-line options that rebuild this (possibly shrunk) scenario from its seed."""
    if s.kept is None:
        return f"--seed {s.seed}"
    processes, channels, faults = s.kept
    return (
        f"--seed {s.seed} --processes {processes} --channels {','.join(map(str, channels)) or '-'} "
        f"--faults {','.join(map(str, faults)) or '-'}"
    )


def _channel_fault(kind: str) -> bool:
    return kind in ("no_read", "no_send", "delete_channel", "chatter", "kill_in_send", "outage_in_send")
