"""Virtual time and simulated processes: one event loop, no threads, nothing real but the CPU.

`SimLoop` is an asyncio loop whose clock only moves when nothing is ready to run: it jumps
straight to the next timer. There is no selector and no thread: the database driver
(`tests.simulation.db`) runs SQLite inline, so nothing can finish "in the background" while
time jumps. Every callback runs in a known order, so one seed gives one history.

A `Process` is a set of tasks sharing a context variable. Every callback the loop runs
passes through `_gate`, which asks the callback's process whether it may run:
- killed (kill -9): never again; its tasks vanish between two awaits, no `finally` runs
  (the coroutines are kept referenced so the garbage collector does not close them mid-run);
- paused (SIGSTOP, a long GC pause, a stalled VM): its callbacks wait and run on resume.

`ProcessClock` is a process's wall clock (the scheduler's `Clock`): the loop's time plus that
process's skew, which faults move (jumps). Sleeps use the loop's monotonic time, as asyncio does.
"""

from __future__ import annotations

import asyncio
import contextvars
import datetime as dt
from collections.abc import Callable, Coroutine
from typing import Any

UTC = dt.UTC
CURRENT: contextvars.ContextVar[Process | None] = contextvars.ContextVar("sim_process", default=None)


class Deadlock(RuntimeError):
    """Nothing is ready and no timer is set: every task waits for something that never comes."""


class _VirtualSelector:
    """Stands in for the selector: "waiting" for `timeout` seconds moves virtual time on."""

    def __init__(self, loop: SimLoop) -> None:
        self._loop = loop

    def select(self, timeout: float | None) -> list[Any]:
        if timeout is None:
            raise Deadlock("no task can make progress and no timer is set")
        if timeout > 0:
            self._loop.now += timeout
        return []

    def close(self) -> None:
        pass


class SimLoop(asyncio.BaseEventLoop):
    def __init__(self, start: dt.datetime) -> None:
        super().__init__()
        self.epoch = start  # true wall time at now == 0
        self.now = 0.0
        self._selector = _VirtualSelector(self)
        self._clock_resolution = 1e-6
        self.steps = 0

    def time(self) -> float:
        return self.now

    def wall(self) -> dt.datetime:
        """True (Discord's, the database's) time now."""
        return self.epoch + dt.timedelta(seconds=self.now)

    def _process_events(self, event_list: list[Any]) -> None:
        pass

    def _write_to_self(self) -> None:
        pass

    def call_soon(self, callback: Callable[..., object], *args: Any, context: contextvars.Context | None = None) -> Any:  # type: ignore[override]
        return super().call_soon(_gate, callback, *args, context=context)

    def call_at(  # type: ignore[override]
        self, when: float, callback: Callable[..., object], *args: Any, context: contextvars.Context | None = None
    ) -> Any:
        return super().call_at(when, _gate, callback, *args, context=context)

    def call_soon_threadsafe(  # type: ignore[override]
        self, callback: Callable[..., object], *args: Any, context: contextvars.Context | None = None
    ) -> Any:
        # Only asyncio itself calls this here (async generators being finalised): there are no threads.
        return self.call_soon(callback, *args, context=context)

    def run_in_executor(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        raise RuntimeError("the simulation runs no threads")


def _gate(callback: Callable[..., object], *args: Any) -> None:
    process = CURRENT.get()
    if process is not None:
        if process.dead:
            return
        if process.paused:
            process.held.append((callback, args, contextvars.copy_context()))
            return
    callback(*args)


class Process:
    """One simulated bot process: its tasks, its wall clock, its life."""

    def __init__(self, loop: SimLoop, name: str, skew: float = 0.0) -> None:
        self.loop = loop
        self.name = name
        self.clock = ProcessClock(loop, skew)
        self.dead = False
        self.paused = False
        self.held: list[tuple[Callable[..., object], tuple[Any, ...], contextvars.Context]] = []
        self.tasks: list[asyncio.Task[Any]] = []
        self.graveyard: list[Any] = []  # killed tasks, kept so nothing closes their coroutines
        self.on_kill: list[Callable[[], None]] = []

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Start a task inside this process (tasks it creates belong to it too)."""
        context = contextvars.copy_context()
        context.run(CURRENT.set, self)
        task = self.loop.create_task(coro, context=context)
        self.tasks.append(task)
        return task

    def kill(self) -> None:
        """kill -9: no callback of this process runs again; its connections close (uncommitted work rolls back)."""
        self.dead = True
        self.graveyard.extend(self.tasks)
        self.graveyard.extend(self.held)
        self.held.clear()
        for hook in self.on_kill:
            hook()

    def pause(self) -> None:
        self.paused = True

    def resume(self) -> None:
        self.paused = False
        held, self.held = self.held, []
        for callback, args, context in held:
            self.loop.call_soon(callback, *args, context=context)


class ProcessClock:
    """A process's wall clock (`bot.daily.delivery.Clock`): true time plus a skew that faults move."""

    def __init__(self, loop: SimLoop, skew: float = 0.0) -> None:
        self.loop = loop
        self.skew = skew

    def now(self) -> dt.datetime:
        return self.loop.wall() + dt.timedelta(seconds=self.skew)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))

    async def wait(self, event: asyncio.Event, seconds: float) -> None:
        if event.is_set():
            await asyncio.sleep(0)
            return
        waiter = asyncio.ensure_future(event.wait())
        try:
            await asyncio.wait([waiter], timeout=max(0.0, seconds))
        finally:
            waiter.cancel()
