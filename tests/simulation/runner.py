"""Runs one scenario: the real scheduler, delivery and storage, in simulated processes, time and Discord.

What is real: `Scheduler` (bot/daily/delivery.py), `DiscordPoster` (bot/daily/discord_poster.py),
`SQLiteStorage` on a real SQLite file (one connection per process), `DailyService` (/daily set
and /daily status). What is simulated: time (`loop`), the network and Discord (`discord_sim`),
the thread hop of the database driver (`db`), and the faults (`faults`).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import logging
import math
import random
import shutil
import sqlite3
import tempfile
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.config import DailySettings
from bot.content.library import Library, load_library
from bot.daily import regressions
from bot.daily.delivery import Pacer, Scheduler
from bot.daily.discord_poster import DiscordPoster
from bot.daily.schedule import Order, next_occurrence
from bot.daily.service import DailyService
from bot.storage import Delivery, ShardFilter
from bot.storage.sqlite import SQLiteStorage
from tests.simulation.db import InlineConnection, SimDatabase
from tests.simulation.discord_sim import SERVER, Flakiness, SimClient, SimDiscord
from tests.simulation.faults import Fault, Scenario, replay_flags
from tests.simulation.history import DueCheck, History, Send, Violation, check, status_explains
from tests.simulation.loop import CURRENT, Deadlock, Process, SimLoop

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content" / "a-res-62-152.yaml"
SLACK = dt.timedelta(minutes=5)  # after a window closes, time for the bot to write down why it missed
RECOVERY = dt.timedelta(seconds=90)  # after the last fault, a post is this prompt
FLAKY = Flakiness(rate_limited=0.1, server_error=0.15, lost_answer=0.1, lost_request=0.05)
BACKGROUND = Flakiness(rate_limited=0.01, server_error=0.01, lost_answer=0.01, lost_request=0.005)
TRACKED = ("claim", "take_over", "renew", "finish", "finish_failed", "retry_later", "reclaim")

_library: Library | None = None
_template: bytes | None = None


def library() -> Library:
    global _library
    if _library is None:
        _library = load_library([CONTENT], None)
    return _library


def _fresh_database(folder: Path) -> str:
    """A migrated database file (migrated once per test process, then copied)."""
    global _template
    path = folder / "daily.sqlite3"
    if _template is None:

        async def migrate() -> None:
            storage = await SQLiteStorage.open(path)
            await storage.close()

        asyncio.run(migrate())
        raw = sqlite3.connect(path)
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.close()
        _template = path.read_bytes()
    else:
        path.write_bytes(_template)
    return str(path)


@dataclass
class Result:
    scenario: Scenario
    history: History
    violations: list[Violation]

    @property
    def failures(self) -> list[Violation]:
        return [v for v in self.violations if not v.residual]

    @property
    def residual(self) -> list[Violation]:
        return [v for v in self.violations if v.residual]

    def report(self) -> str:
        channels = {v.channel for v in self.failures if v.channel is not None} or None
        lines = [self.scenario.describe(), "", "Violations:"]
        lines += [f"  - {v}" for v in self.violations]
        lines += ["", "History" + (f" (channels {sorted(channels)} and the faults)" if channels else "") + ":"]
        lines.append(self.history.render(channels))
        lines += ["", f"Replay: python -m tests.simulation {replay_flags(self.scenario)}"]
        return "\n".join(lines)


class Tracked:
    """A process's storage, unchanged, with its ownership calls written into the history."""

    def __init__(self, storage: SQLiteStorage, node: Node, world: World) -> None:
        self._storage = storage
        self._node = node
        self._world = world

    async def database_now(self) -> dt.datetime | None:
        """With an engine clock (as PostgreSQL's now()), the database's own time: the true time."""
        if self._world.s.engine_clock:
            await asyncio.sleep(self._world.rng.random() * 0.002)  # a round trip
            return self._world.loop.wall()
        return await self._storage.database_now()

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._storage, name)
        if name not in TRACKED:
            return method

        async def call(*args: Any, **kwargs: Any) -> Any:
            delivery = next((a for a in args if isinstance(a, Delivery)), None)
            try:
                result = await method(*args, **kwargs)
            except Exception as exc:
                self._world.history.add(
                    self._node.name, f"{name} failed: {exc}", delivery.channel_id if delivery else None
                )
                raise
            if delivery is not None:
                self._world.history.ownership.append(
                    (
                        self._world.loop.time(),
                        self._node.scheduler.clock.now().timestamp(),  # its view: the engine clock, if any
                        self._node.scheduler.claimant,
                        delivery.channel_id,
                        delivery.day,
                        name,
                        result is not None if name == "finish_failed" else bool(result),  # False: already paused
                    )
                )
                what = "".join(f" {a}" for a in args[1:] if isinstance(a, str)) + "".join(
                    f" {k}={v}" for k, v in kwargs.items() if k not in ("claimant", "now") and v is not None
                )
                self._world.history.add(
                    self._node.name,
                    f"{name} {delivery.channel_id}/{delivery.day}{what} -> {result}",
                    delivery.channel_id,
                )
                if result and name in ("claim", "take_over", "renew"):
                    self._node.confirmed[(delivery.channel_id, delivery.day)] = self._world.loop.time()
                if result and name in ("claim", "take_over"):
                    await self._world.after_claim(self._node, delivery)
            else:
                self._world.history.add(self._node.name, f"{name} -> {result}")
            if name == "reclaim":
                self._world.history.ownership.append(
                    (self._world.loop.time(), 0.0, self._node.scheduler.claimant, 0, dt.date.min, name, True)
                )
                self._world.after_reclaim(self._node)
            return result

        return call


@dataclass
class Node:
    """One bot process in a slot: its simulated OS process and its real scheduler."""

    slot: int
    name: str
    process: Process
    connection: InlineConnection
    scheduler: Scheduler
    task: asyncio.Task[Any]
    confirmed: dict[tuple[int, dt.date], float] = field(default_factory=dict)
    pauses: list[float] = field(default_factory=list)  # when each freeze began
    stall_next_send: float = 0.0
    previous: str | None = None  # the claimant name of the last process in this slot
    freeze_after_claim: float | None = None  # armed: seconds, or 0 for "until another may take it over"

    @property
    def up(self) -> bool:
        return not self.process.dead and not self.process.paused


class World:
    def __init__(self, scenario: Scenario, folder: Path) -> None:
        self.s = scenario
        self.loop = SimLoop(scenario.start)
        self.rng = random.Random(scenario.seed * 7919 + 1)
        self.history = History(self.loop.time)
        self.history.engine_clock = scenario.engine_clock
        self.db = SimDatabase(_fresh_database(folder), self.rng, self.loop)
        self.discord = SimDiscord(self.loop, self.rng, self.history, scenario.nonce_window)
        self.discord.flaky = BACKGROUND
        self.loop.set_exception_handler(self._unhandled)
        self.nodes: dict[int, Node] = {}
        self.count = scenario.processes
        self.skews = list(scenario.skews)
        self._resharding = asyncio.Lock()  # created outside the loop: it binds to the running one on first use
        self.deleted: dict[int, float] = {}
        self.checking: dict[int, int] = {}  # channel: checks of missed days still looking at /daily status
        # Armed per channel: the next post request's sender dies once Discord has it, restarts this much later.
        self.kill_in_send: dict[int, float] = {}
        self.outage_in_send: dict[int, float] = {}  # the same for the whole host
        self.repairs: list[asyncio.Task[Any]] = []
        self.up_log: list[tuple[float, int]] = []
        self.observer_raw = sqlite3.connect(self.db.path, check_same_thread=False)
        self.observer: SQLiteStorage | None = None
        self.service: DailyService | None = None
        self.settings = DailySettings(
            catch_up_hours=scenario.catch_up.total_seconds() / 3600,
            takeover_grace_seconds=scenario.grace.total_seconds(),
            claim_lease_seconds=scenario.lease.total_seconds(),
        )

    def _unhandled(self, loop: Any, context: dict[str, Any]) -> None:
        """asyncio's "exception never retrieved" and the like: part of the history, not noise on stderr."""
        exc = context.get("exception")
        process = CURRENT.get()
        self.history.add(process.name if process else "asyncio", f"{context.get('message')}: {exc!r}")

    # -- processes ------------------------------------------------------------

    def _shard(self, slot: int) -> ShardFilter | None:
        if self.count == 1:
            return None
        return ShardFilter(self.count, (slot,), self.s.grace)

    def start(self, slot: int) -> Node:
        name = f"p{slot}"
        process = Process(self.loop, name, self.skews[slot])
        storage = self.db.open_sync(name)
        node_box: list[Node] = []

        async def on_send(owner: str, channel: int, nonce: str) -> None:
            await self._on_send(node_box[0], channel, nonce)

        client = SimClient(self.discord, name, on_send)
        shard = self._shard(slot)
        share = len(shard.ids) / shard.count if shard else 1.0
        placeholder: Any = None
        scheduler = Scheduler(
            placeholder,
            library(),
            DiscordPoster(client),  # type: ignore[arg-type]
            clock=process.clock,
            catch_up=self.s.catch_up,
            rate=45.0 * share,
            lease=self.s.lease,
            shard=shard,
            claimant=name,
            pacer=Pacer(45.0 * share, monotonic=self.loop.time),
        )
        node = Node(slot, name, process, storage._db, scheduler, task=None)  # type: ignore[arg-type]
        old = self.nodes.get(slot)
        node.previous = old.scheduler.claimant if old is not None else None
        node_box.append(node)
        scheduler.storage = Tracked(storage, node, self)
        process.on_kill.append(node.connection.kill)
        node.task = process.spawn(scheduler.run_forever())
        self.nodes[slot] = node
        self.history.add(name, f"started ({'all shards' if shard is None else f'shard {slot} of {shard.count}'})")
        self._log_up()
        return node

    def kill(self, node: Node, why: str = "kill -9") -> None:
        if node.process.dead:
            return
        self._check_alive(node)
        node.process.kill()
        self.history.add(node.name, why)
        self._log_up()

    async def stop(self, node: Node) -> None:
        """A graceful stop (a deploy): the scheduler's own shutdown, then the process exits."""
        if node.process.dead:
            return
        if node.process.paused:
            self.resume(node)
        self.history.add(node.name, "stopping (SIGTERM)")
        done = node.process.spawn(node.scheduler.shutdown())
        with contextlib.suppress(Exception):
            await asyncio.wait_for(asyncio.shield(done), 60)
        self.kill(node, "exited")

    def pause(self, node: Node, seconds: float, why: str = "frozen") -> None:
        if node.process.dead or node.process.paused:
            return
        node.process.pause()
        node.pauses.append(self.loop.time())
        self.history.add(node.name, f"{why} for {seconds:g} s")
        self._log_up()
        self.loop.call_later(seconds, self.resume, node, context=SERVER)

    def resume(self, node: Node) -> None:
        if node.process.dead or not node.process.paused:
            return
        node.process.resume()
        self.history.add(node.name, "runs again")
        self._log_up()

    def _log_up(self) -> None:
        self.up_log.append((self.loop.time(), sum(1 for n in self.nodes.values() if n.up)))

    def up_time(self, start: float, end: float) -> float:
        """For how long, between `start` and `end`, some process could run."""
        total = 0.0
        for i, (t, up) in enumerate(self.up_log):
            until = self.up_log[i + 1][0] if i + 1 < len(self.up_log) else float("inf")
            if up > 0:
                total += max(0.0, min(until, end) - max(t, start))
        return total

    async def _on_send(self, node: Node, channel: int, nonce: str) -> None:
        """The bytes of a post request are about to leave `node`: who holds that day's claim now?"""
        if node.stall_next_send:
            seconds, node.stall_next_send = node.stall_next_send, 0.0
            self.pause(node, seconds, "frozen right before a post request leaves")
            await asyncio.sleep(0)  # held here until the process runs again
        day = dt.datetime.strptime(nonce[-8:], "%Y%m%d").date()
        row = self.observer_raw.execute(
            "SELECT state, claimant FROM deliveries WHERE channel_id = ? AND day = ?", (channel, day.isoformat())
        ).fetchone()
        state, claimant = (row[0], row[1]) if row else (None, None)
        holder = claimant if state == "sending" else None
        if holder == node.scheduler.claimant:
            holder = node.name  # its identity (random under the `random_identity` defect)
        since = node.confirmed.get((channel, day), -1.0)
        stalled = any(p >= since for p in node.pauses)
        ahead = 0.0 if self.s.engine_clock else node.process.clock.skew
        self.history.sends.append(Send(self.loop.time(), node.name, channel, day, holder, state, stalled, ahead))
        self.history.add(node.name, f"post request for {channel}/{day} leaves (claim: {holder or state})", channel)
        down = self.outage_in_send.pop(channel, 0.0)
        if down:
            when = self.rng.choice((0.005, 0.065))
            self.loop.call_later(when, self._outage_soon, down, context=SERVER)
        restart = self.kill_in_send.pop(channel, 0.0)
        if restart:
            # Dies before Discord has the request, or once it has it (most often before the answer is back).
            when = self.rng.choice((0.005, 0.065))
            self.loop.call_later(when, self._kill_and_restart, node, restart, context=SERVER)

    def _outage_soon(self, seconds: float) -> None:
        self.loop.create_task(self._outage(seconds, "host down while a post request is in flight"))

    async def _outage(self, seconds: float, why: str = "host down") -> None:
        for node in list(self.nodes.values()):
            self.kill(node, why)
        await asyncio.sleep(min(seconds, max(0.0, self.s.quiet_from - self.loop.time())))
        for slot in range(self.count):
            if slot not in self.nodes or self.nodes[slot].process.dead:
                self.start(slot)

    def _kill_and_restart(self, node: Node, restart: float) -> None:
        self.kill(node, "kill -9 while its post request is in flight")

        def again() -> None:
            if self.nodes.get(node.slot) is node and node.slot < self.count:
                self.start(node.slot)

        self.loop.call_later(restart, again, context=SERVER)

    def after_reclaim(self, node: Node) -> None:
        """A restarted process has reclaimed: nothing its previous life was sending may be left to the lease."""
        before = node.previous
        if before is None:
            return
        left = self.observer_raw.execute(
            "SELECT channel_id, day FROM deliveries WHERE state = 'sending' AND claimant = ?", (before,)
        ).fetchall()
        for channel, day in left:
            self.history.unclaimed.append((node.name, channel, day))
            self.history.add(
                node.name, f"restarted, but {channel}/{day} still waits for the lease of {before}", channel
            )

    async def after_claim(self, node: Node, delivery: Delivery) -> None:
        """Freeze a process right after it claimed, until just when another process may take the claim over."""
        if node.freeze_after_claim is None:
            return
        seconds, node.freeze_after_claim = node.freeze_after_claim, None
        if seconds:
            self.pause(node, seconds, "frozen right after its claim")
            await asyncio.sleep(0)
            return
        others = [n for n in self.nodes.values() if n is not node and not n.process.dead]
        # Storage keeps a claim's time to the whole second, rounded up (bot/storage/sqlite.py `_lease_ts`).
        claimed = float(math.ceil(node.process.clock.now().timestamp()))
        lease = self.s.lease.total_seconds()
        targets = []
        for other in others or [node]:
            shard = other.scheduler.shard
            grace = shard.grace.total_seconds() if shard and shard.grace and not shard.owns(delivery.guild_id) else 0.0
            at = claimed + lease + grace - other.process.clock.skew - self.s.start.timestamp()
            targets.append(at)
        until = min(targets) + self.rng.uniform(0.0, 0.008)
        self.pause(node, max(0.001, until - self.loop.time()), "frozen right after its claim")
        await asyncio.sleep(0)

    # -- the run --------------------------------------------------------------

    async def main(self) -> None:
        s = self.s
        self.observer = self.db.open_sync("observer", faults=False)
        self.service = DailyService(self.observer, library(), self.settings)
        now = self.loop.wall()
        for spec in s.channels:
            self.discord.add_channel(spec.id, spec.guild)
            await self.service.set(
                spec.guild,
                spec.id,
                spec.post_time,
                ZoneInfo(spec.zone),
                Order.DOCUMENT,
                now,
                channel_name=f"sim-{spec.id}",
            )
            self._plan_checks(spec.id, spec.guild, spec.post_time, ZoneInfo(spec.zone), now)
        for slot in range(s.processes):
            self.start(slot)
        for fault in s.faults:
            self.loop.call_at(fault.t, self._fault_soon, fault, context=SERVER)
        self.loop.call_at(s.quiet_from, self._quiet_soon, context=SERVER)
        await asyncio.sleep(s.end)
        for node in self.nodes.values():
            if not node.process.dead:
                self._check_alive(node)

    def _check_alive(self, node: Node) -> None:
        """A process that is up must still be running its scheduler (whatever happened to it)."""
        if node.task.done() and not node.scheduler.stopping:
            why = "its scheduler stopped"
            if not node.task.cancelled() and node.task.exception() is not None:
                why += f": {type(node.task.exception()).__name__}: {node.task.exception()}"
            self.history.stopped.append((node.name, why))
            self.history.add(node.name, why)

    def _plan_checks(self, channel: int, guild: int, at: dt.time, zone: ZoneInfo, created: dt.datetime) -> None:
        end = self.s.start + dt.timedelta(seconds=self.s.end)
        quiet = self.s.start + dt.timedelta(seconds=self.s.quiet_from)
        day, due = next_occurrence(created, at, zone)
        while due + self.s.catch_up + SLACK < end:
            deadline = due + self.s.catch_up
            when = (deadline + SLACK - self.s.start).total_seconds()
            self.loop.call_at(when, self._check_soon, channel, guild, day, due, deadline, context=SERVER)
            if due >= quiet + dt.timedelta(minutes=30):
                skew = max(abs(x) for x in self.skews)
                self.history.late_bound.append((channel, day, due + RECOVERY + dt.timedelta(seconds=skew)))
            day, due = next_occurrence(due, at, zone, not_on_or_before=day)

    def _check_soon(self, *args: Any) -> None:
        self.loop.create_task(self._check(*args))

    async def _check(self, channel: int, guild: int, day: dt.date, due: dt.datetime, deadline: dt.datetime) -> None:
        """The window has closed: posted in time, or /daily status says why. A bot that was frozen or
        down meanwhile gets the time to say it: the check looks again every few minutes until the
        bot has been up for `SLACK` since the due time (or the run ends)."""
        deleted = self.deleted.get(channel)
        if deleted is not None and deleted <= (due - self.s.start).total_seconds():
            return  # no post is owed to a channel deleted before it was due
        tolerance = self._tolerance()
        start = (due - self.s.start).total_seconds()
        self.checking[channel] = self.checking.get(channel, 0) + 1
        try:
            await self._check_until_known(channel, guild, day, due, deadline, tolerance, start)
        finally:
            self.checking[channel] -= 1

    async def _check_until_known(
        self,
        channel: int,
        guild: int,
        day: dt.date,
        due: dt.datetime,
        deadline: dt.datetime,
        tolerance: dt.timedelta,
        start: float,
    ) -> None:
        while True:
            # A post that came late is not missed: its lateness is an invariant of its own.
            posted = any(p.channel == channel and p.day == day for p in self.history.posts)
            assert self.service is not None
            readable = {c.id: c.can_read for c in self.discord.channels.values()}
            reply = await self.service.status(guild, self.loop.wall(), history_readable=readable.get)
            status = reply.content or ""
            up = self.up_time(start, self.loop.time()) >= SLACK.total_seconds()
            last = self.loop.time() + SLACK.total_seconds() >= self.s.end
            if posted or status_explains(status, channel) or up or last:
                break
            await asyncio.sleep(SLACK.total_seconds())
        self.history.checks.append(DueCheck(self.loop.time(), channel, day, due, deadline, posted, status, up))
        if not posted:
            self.history.add("check", f"no post for {channel}/{day}; /daily status: {status!r}", channel)

    def _tolerance(self) -> dt.timedelta:
        # A send that starts just in time may land a little later: the send timeout and discord.py's retries.
        skew = max(abs(x) for x in self.skews)
        return self.s.lease / 4 + dt.timedelta(seconds=20 + skew)

    def _fault_soon(self, fault: Fault) -> None:
        self.loop.create_task(self._fault(fault))

    def _node(self, target: int) -> Node | None:
        live = [n for n in self.nodes.values() if not n.process.dead]
        return live[target % len(live)] if live else None

    async def _fault(self, f: Fault) -> None:
        s = self.s
        self.history.add("fault", f.describe())
        if f.kind == "kill":
            node = self._node(f.target)
            if node is not None:
                self.kill(node)
                await asyncio.sleep(f.arg)
                if self.nodes.get(node.slot) is node and node.slot < self.count:
                    self.start(node.slot)
        elif f.kind == "pause":
            node = self._node(f.target)
            if node is not None:
                self.pause(node, f.arg)
        elif f.kind in ("db_restart", "db_restart_boot"):
            self.db.restart(f.arg)
            self.history.add("database", f"restarting: down for {f.arg:g} s")
            if f.kind == "db_restart_boot":
                node = self._node(f.target)
                if node is not None:
                    self.kill(node)
                    await asyncio.sleep(f.arg / 2)
                    if self.nodes.get(node.slot) is node:
                        self.start(node.slot)
        elif f.kind == "drop_conn":
            node = self._node(f.target)
            if node is not None:
                self.db.drop_next.add(node.name)
        elif f.kind == "clock_jump":
            node = self._node(f.target)
            if node is not None:
                node.process.clock.skew += f.arg
                self.history.add(node.name, f"wall clock jumps {f.arg:+g} s")
        elif f.kind == "no_read":
            channel = self.discord.channels[s.channels[f.target].id]
            channel.can_read = False
            await asyncio.sleep(f.arg)
            channel.can_read = True
            self.history.add("discord", f"Read Message History back in {channel.id}")
        elif f.kind == "no_send":
            await self._no_send(s.channels[f.target].id, f.arg)
        elif f.kind == "delete_channel":
            channel = self.discord.channels[s.channels[f.target].id]
            if channel.exists:
                channel.exists = False
                self.deleted[channel.id] = self.loop.time()
                self.history.deleted[channel.id] = self.loop.wall()
                self.history.add("discord", f"channel {channel.id} deleted", channel.id)
        elif f.kind == "reshard":
            await self._reshard(int(f.arg))
        elif f.kind == "flaky":
            self.discord.flaky = FLAKY
            await asyncio.sleep(min(f.arg, s.quiet_from - self.loop.time()))
            self.discord.flaky = BACKGROUND
        elif f.kind == "chatter":
            channel_id = s.channels[f.target].id
            if self.discord.channels[channel_id].exists:
                self.discord.chatter(channel_id, int(f.arg))
        elif f.kind == "outage":
            await self._outage(f.arg)
        elif f.kind == "outage_in_send":
            self.outage_in_send[s.channels[f.target].id] = f.arg
        elif f.kind == "kill_in_send":
            self.kill_in_send[s.channels[f.target].id] = f.arg
        elif f.kind == "freeze_after_claim":
            node = self._node(f.target)
            if node is not None:
                node.freeze_after_claim = f.arg
        elif f.kind == "stall_send":
            node = self._node(f.target)
            if node is not None:
                node.stall_next_send = f.arg

    async def _no_send(self, channel_id: int, seconds: float) -> None:
        channel = self.discord.channels[channel_id]
        channel.can_send = False
        await asyncio.sleep(seconds)
        channel.can_send = True
        # An admin fixes the permission and runs /daily set again, once the days missed meanwhile are past.
        spec = next(c for c in self.s.channels if c.id == channel_id)
        zone = ZoneInfo(spec.zone)
        now = self.loop.wall()
        _, due = next_occurrence(now - self.s.catch_up - SLACK - dt.timedelta(minutes=1), spec.post_time, zone)
        if due <= now:
            await asyncio.sleep((due + self.s.catch_up + SLACK - now).total_seconds() + 60)
        while self.checking.get(channel_id, 0):  # not before a missed day's check has seen /daily status
            await asyncio.sleep(60)
        if not channel.exists:
            return
        self.history.add("admin", f"/daily set in {channel_id} after fixing permissions", channel_id)
        assert self.service is not None
        await self.service.set(
            spec.guild,
            channel_id,
            spec.post_time,
            zone,
            Order.DOCUMENT,
            self.loop.wall(),
            channel_name=f"sim-{channel_id}",
        )
        for node in self.nodes.values():
            if not node.process.dead:
                node.scheduler.wake()

    async def _reshard(self, count: int) -> None:
        # One reshard at a time, as an operator deploys: two at the same instant used to stop the same
        # process twice and start two of each slot, the first left running unseen, under the same
        # name as its successor (seed 4920): a fleet no deployment makes.
        async with self._resharding:
            self.history.add("fleet", f"resharding to {count} process(es)")
            old = sorted(self.nodes.values(), key=lambda n: n.slot)
            self.count = count
            for node in old:
                await self.stop(node)
                if node.slot < count:
                    self.start(node.slot)
            for slot in range(count):
                if slot not in self.nodes or self.nodes[slot].process.dead:
                    self.start(slot)

    def _quiet_soon(self) -> None:
        self.loop.create_task(self._quiet())

    async def _quiet(self) -> None:
        """The last fault is over: NTP fixes clocks, frozen processes run, dead slots are restarted."""
        self.history.add("fleet", "quiet from now on: every process up, clocks right, Discord calm")
        self.discord.flaky = Flakiness.calm()
        self.db.drop_next.clear()
        self.kill_in_send.clear()
        self.outage_in_send.clear()
        for node in list(self.nodes.values()):
            node.process.clock.skew = self.skews[node.slot]
            node.stall_next_send = 0.0
            node.freeze_after_claim = None
            if node.process.paused:
                self.resume(node)
        for slot in range(self.count):
            if slot not in self.nodes or self.nodes[slot].process.dead:
                self.start(slot)


def run(scenario: Scenario, *, defects: Iterable[str] = ()) -> Result:
    """Run one scenario to the end; `defects` are switches of bot/daily/regressions.py to turn on."""
    folder = Path(tempfile.mkdtemp(prefix="sim-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    saved = set(regressions.ACTIVE)
    regressions.ACTIVE.clear()
    regressions.ACTIVE.update(defects)
    logger = logging.getLogger("bot")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    world = World(scenario, folder)
    gc_was = gc.isenabled()
    gc.disable()  # a killed process's coroutines must not be closed (their finally blocks run) mid-run
    try:
        try:
            world.loop.run_until_complete(world.main())
        except Deadlock as exc:
            world.history.stopped.append(("simulation", f"deadlock: {exc}"))
        world.history.closed = True
        violations = check(world.history, world._tolerance(), scenario.lease)
        return Result(scenario, world.history, violations)
    finally:
        with warnings.catch_warnings():
            # Killed processes' coroutines are closed here, never having finished: say nothing about it.
            warnings.simplefilter("ignore", RuntimeWarning)
            _teardown(world)
            gc.collect()
        regressions.ACTIVE.clear()
        regressions.ACTIVE.update(saved)
        logger.setLevel(level)
        logger.propagate = propagate
        if gc_was:
            gc.enable()
        shutil.rmtree(folder, ignore_errors=True)


def _teardown(world: World) -> None:
    for node in world.nodes.values():
        node.process.dead = True
        node.connection.kill()
        for task in node.process.graveyard + node.process.tasks:
            if isinstance(task, asyncio.Task):
                task._log_destroy_pending = False  # type: ignore[attr-defined]
    for connection in world.db.connections:
        connection.kill()
    world.observer_raw.close()
    # Close what is left without running it: the loop and every task go with it.
    with contextlib.suppress(Exception):
        for task in asyncio.all_tasks(world.loop):
            task._log_destroy_pending = False  # type: ignore[attr-defined]
            coro = task.get_coro()
            with contextlib.suppress(BaseException):
                coro.close()
    world.loop.close()
