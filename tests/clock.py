"""A clock the tests move by hand: nothing sleeps for real."""

from __future__ import annotations

import asyncio
import datetime as dt

UTC = dt.UTC


class FakeClock:
    def __init__(self, start: dt.datetime) -> None:
        self.current = start
        self.waits: list[float] = []
        # Held: a loop's wait() stands still (time does not move) until the loop is woken, and
        # `waiting` is set. A test then sees the end of exactly one pass, however loaded the
        # machine: a free-running loop would go on to the next days' posts while the test polls.
        self.held = False
        self.waiting = asyncio.Event()

    def now(self) -> dt.datetime:
        return self.current

    def set(self, when: dt.datetime) -> None:
        self.current = when

    def advance(self, **delta: float) -> dt.datetime:
        self.current += dt.timedelta(**delta)
        return self.current

    async def sleep(self, seconds: float) -> None:
        self.current += dt.timedelta(seconds=max(0.0, seconds))
        await asyncio.sleep(0)

    async def wait(self, event: asyncio.Event, seconds: float) -> None:
        self.waits.append(seconds)
        if self.held:
            self.waiting.set()
            await event.wait()
            return
        if not event.is_set():
            self.current += dt.timedelta(seconds=max(0.0, seconds))
        await asyncio.sleep(0)
