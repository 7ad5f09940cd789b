"""How the daily scheduler is doing, as its supervisor sees it: read by the metrics, the instance
heartbeat and `python -m bot status`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

RESTART_BASE = 1.0  # seconds before the first restart of a scheduler that stopped on an error
RESTART_CAP = 300.0  # the longest wait between restarts


def restart_delay(failures: int) -> float:
    """Seconds to wait before restarting after `failures` failures in a row: 1, 2, 4, … capped at 5 minutes."""
    return min(RESTART_CAP, RESTART_BASE * 2.0 ** max(0, failures - 1))


@dataclass
class SchedulerHealth:
    """Mutable, owned by one scheduler. `state` is one of:

    starting (before its first pass), running (its last pass worked), failing (its last pass
    failed; it tries again in a minute), restarting (it stopped on an error and waits to be
    restarted), stopped (shut down, or dead for want of supervision)."""

    state: str = "starting"
    last_pass: dt.datetime | None = None  # the end of the last pass that worked
    passes: int = 0
    last_error: str | None = None
    restarts: int = 0

    def passed(self, now: dt.datetime) -> None:
        self.state = "running"
        self.last_pass = now
        self.passes += 1

    def failed(self, error: BaseException, *, restarting: bool) -> None:
        self.state = "restarting" if restarting else "failing"
        self.last_error = describe(error)
        if restarting:
            self.restarts += 1

    @property
    def up(self) -> bool:
        return self.state in ("starting", "running")


def describe(error: BaseException) -> str:
    """An error in one line for people and the database: its type and message, no traceback."""
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}"[:200] if text else type(error).__name__
