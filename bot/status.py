"""`python -m bot status`: the bot's processes and daily posts, as the database knows them, in words."""

from __future__ import annotations

import datetime as dt

from bot.daily.delivery import MAX_SLEEP
from bot.storage import DailyOverview, Instance

# A scheduler that is up completes a pass at least every MAX_SLEEP (it sleeps no longer); past this, it is stuck.
PASS_OVERDUE = dt.timedelta(seconds=MAX_SLEEP) + dt.timedelta(minutes=5)


def ago(then: dt.datetime | None, now: dt.datetime) -> str:
    if then is None:
        return "never"
    seconds = max(0, int((now - then).total_seconds()))
    if seconds < 120:
        return f"{seconds} s ago"
    if seconds < 7200:
        return f"{seconds // 60} min ago"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} days ago"


def _instance_lines(instance: Instance, now: dt.datetime, stale_after: dt.timedelta) -> tuple[list[str], str, bool]:
    """The lines for one process, its liveness (alive, silent, stopped) and whether it is healthy."""
    where = f"pid {instance.pid} on {instance.hostname}"
    if instance.heartbeat_at is None:
        return [f"  {instance.identity}: stopped ({where}, stopped cleanly)"], "stopped", True
    beat = ago(instance.heartbeat_at, now)
    if now - instance.heartbeat_at > stale_after:
        line = (
            f"  {instance.identity}: SILENT ({where}; last heartbeat {beat}: it died or hangs, and nothing "
            "replaced it; if its shards are gone, `status --forget` it)"
        )
        return [line], "silent", False
    lines = [f"  {instance.identity}: alive ({where}, heartbeat {beat}, started {ago(instance.started_at, now)})"]
    state = instance.scheduler_state
    healthy = state in ("starting", "running")
    scheduler = f"    daily scheduler: {state}, last pass {ago(instance.scheduler_pass_at, now)}"
    if instance.scheduler_pass_at is not None and now - instance.scheduler_pass_at > PASS_OVERDUE:
        scheduler += " (OVERDUE: it should complete one at least every hour)"
        healthy = False
    if instance.scheduler_restarts:
        scheduler += f", restarted {instance.scheduler_restarts} time(s) after errors"
    lines.append(scheduler)
    if instance.scheduler_error and state != "running":
        lines.append(f"    last error: {instance.scheduler_error}")
    if instance.metrics:
        lines.append(f"    metrics: http://{instance.metrics}/metrics")
    return lines, "alive", healthy


def render_status(
    instances: list[Instance], overview: DailyOverview, now: dt.datetime, stale_after: dt.timedelta
) -> tuple[str, bool]:
    """The status report, and whether all is well: some process alive, none silent, every
    scheduler up, no claim left by a process that went quiet."""
    lines: list[str] = []
    body: list[str] = []
    counts = {"alive": 0, "silent": 0, "stopped": 0}
    healthy = True
    for instance in instances:
        found, liveness, ok = _instance_lines(instance, now, stale_after)
        body.extend(found)
        counts[liveness] += 1
        healthy = healthy and ok
    summary = ", ".join(f"{n} {word}" for word, n in counts.items() if n) or "none has ever run against this database"
    lines.append(f"Processes: {summary}")
    lines.extend(body)
    if counts["alive"] == 0:
        healthy = False
        lines.append("  No process is alive: no daily post goes out.")
    o = overview
    lines.append("Daily posts:")
    lines.append(f"  schedules: {o.active} active, {o.paused} paused (the reason shows in /daily status)")
    lines.append(f"  due now, not yet claimed: {o.due}")
    lines.append(f"  being sent: {o.in_flight}")
    lines.append(f"  claimed by a process that went quiet (taken over once the lease runs out): {o.expired}")
    lines.append(
        f"  waiting to retry: {o.retrying}, of which {o.uncertain} may have reached Discord "
        "(the channel is checked before sending again)"
    )
    recent = ", ".join(f"{state} {n}" for state, n in sorted(o.recent.items())) or "none"
    lines.append(f"  due in the last 24 hours, by state: {recent}")
    if o.expired:
        healthy = False
    lines.append("All is well." if healthy else "Something needs attention (see above).")
    return "\n".join(lines), healthy
