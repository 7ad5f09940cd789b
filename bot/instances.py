"""Who this process is, and making sure it is the only live one with that identity.

A process's identity is stable across restarts: the instance name (RESOLUTION_BOT_INSTANCE, else
`instance_name` in the config, else the host's name) and its shards. Its daily-post claims are
made in that name, so a restarted process takes back at once the posts its predecessor was
sending when it died, instead of waiting out their lease.

Two live processes must never share an identity: they would share their claims. Each process
holds a row in the `instances` table and refreshes its heartbeat every HEARTBEAT; at start-up a
process takes its identity only if the row is free, stopped cleanly, or stale. If its holder's
heartbeat is recent, the new process watches it for up to STALE_AFTER: a holder that keeps
beating is alive (start-up stops with a clear message, exit 2); one that falls silent (a process
killed a moment ago, about to be replaced by this one) is taken over.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import os
import secrets
import socket
from collections.abc import Callable, Mapping

from bot.config import Settings
from bot.daily.delivery import Clock
from bot.daily.health import SchedulerHealth, describe
from bot.storage import Instance, Storage

log = logging.getLogger(__name__)

INSTANCE_ENV = "RESOLUTION_BOT_INSTANCE"
HEARTBEAT = dt.timedelta(seconds=10)
STALE_AFTER = dt.timedelta(seconds=30)  # three missed heartbeats


def instance_name(
    settings: Settings, environ: Mapping[str, str] = os.environ, hostname: Callable[[], str] = socket.gethostname
) -> str:
    """The environment's RESOLUTION_BOT_INSTANCE, else the config's instance_name, else the host name."""
    return environ.get(INSTANCE_ENV, "").strip() or settings.instance_name or hostname()


def shards_label(settings: Settings | None) -> str:
    return settings.shards.label.removeprefix("shards ") if settings and settings.shards else "all"


def identity(
    settings: Settings, environ: Mapping[str, str] = os.environ, hostname: Callable[[], str] = socket.gethostname
) -> str:
    """This process's stable identity: its instance name and its shards, e.g. "host-a shards 0-3 of 8"."""
    shards = settings.shards.label if settings.shards else "all shards"
    return f"{instance_name(settings, environ, hostname)} {shards}"


class DuplicateInstance(Exception):
    """Another live process has this identity; the message says which and what to do."""


class InstanceRegistry:
    """This process's row in `instances`: taken at start-up, refreshed while it runs, freed at the end."""

    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        me: Instance,
        *,
        heartbeat: dt.timedelta | None = None,
        stale_after: dt.timedelta | None = None,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.me = me
        self.heartbeat = heartbeat or HEARTBEAT
        self.stale_after = stale_after or STALE_AFTER
        self.lost = False

    @classmethod
    def for_settings(
        cls, storage: Storage, clock: Clock, settings: Settings, **options: dt.timedelta
    ) -> InstanceRegistry:
        me = Instance(
            identity=identity(settings),
            session=secrets.token_hex(6),
            hostname=socket.gethostname(),
            pid=os.getpid(),
            shards=shards_label(settings),
        )
        return cls(storage, clock, me, **options)

    @property
    def identity(self) -> str:
        return self.me.identity

    async def register(self) -> None:
        """Take this identity, or raise DuplicateInstance if a live process holds it."""
        holder = await self.storage.register_instance(self.me, now=self.clock.now(), stale_after=self.stale_after)
        if holder is None:
            return
        log.warning(
            "Another process with the identity “%s” (pid %d on %s) gave a heartbeat %s; "
            "waiting up to %.0f s to see whether it is still running",
            self.identity,
            holder.pid,
            holder.hostname,
            holder.heartbeat_at.isoformat() if holder.heartbeat_at else "never",
            self.stale_after.total_seconds(),
        )
        waited = dt.timedelta(0)
        while waited <= self.stale_after:
            await self.clock.sleep(self.heartbeat.total_seconds())
            waited += self.heartbeat
            now = await self.storage.register_instance(self.me, now=self.clock.now(), stale_after=self.stale_after)
            if now is None:
                log.info("Took over the identity “%s”: its previous process has stopped", self.identity)
                return
            if (now.session, now.heartbeat_at) != (holder.session, holder.heartbeat_at):
                holder = now
                break  # it beat again (or a third process took it): it is alive
        raise DuplicateInstance(
            f"Another process is already running as “{self.identity}” (pid {holder.pid} on {holder.hostname}, "
            "heartbeat still fresh). Two live processes must not share an identity: give this one another "
            f"name with {INSTANCE_ENV}=... or instance_name in the config, or other shards (--shards), "
            "or stop the other process first."
        )

    def _with_health(self, health: SchedulerHealth | None) -> Instance:
        if health is None:
            return self.me
        return dataclasses.replace(
            self.me,
            scheduler_state=health.state,
            scheduler_pass_at=health.last_pass,
            scheduler_error=health.last_error,
            scheduler_restarts=health.restarts,
        )

    async def beat(self, health: SchedulerHealth | None = None) -> bool:
        """One heartbeat with the scheduler's health; False once another process has taken this identity."""
        if await self.storage.beat_instance(self._with_health(health), now=self.clock.now()):
            return True
        self.lost = True
        return False

    async def run(self, health: Callable[[], SchedulerHealth | None], on_lost: Callable[[], None]) -> None:
        """Beat every `heartbeat` until cancelled. A failed beat is logged and tried again at the next;
        losing the identity (this process was stalled past STALE_AFTER and replaced) calls `on_lost`."""
        while True:
            try:
                if not await self.beat(health()):
                    log.critical(
                        "Another process has taken over the identity “%s” (this one was silent for over %.0f s): "
                        "stopping this one",
                        self.identity,
                        self.stale_after.total_seconds(),
                    )
                    on_lost()
                    return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("Could not record this process's heartbeat: %s", describe(exc))
            await self.clock.sleep(self.heartbeat.total_seconds())

    async def release(self) -> None:
        """Free the identity at once on a clean stop (a restart then need not wait for it to go stale)."""
        if self.lost:
            return
        try:
            await self.storage.release_instance(self.me, now=self.clock.now())
        except Exception as exc:
            log.warning(
                "Could not record this process's stop (its identity frees itself in %.0f s): %s",
                self.stale_after.total_seconds(),
                describe(exc),
            )

    def with_metrics(self, address: str) -> None:
        self.me = dataclasses.replace(self.me, metrics=address)
