"""Optional Prometheus metrics, off unless `metrics_port` is set (needs `prometheus-client`).

Served from the bot's own event loop by aiohttp (already a dependency of discord.py), so the
values read at scrape time (invalid requests, gateway latency) are read on the thread that
changes them; no extra thread.

- resolution_bot_commands_total{command, kind, outcome}: interactions answered
- resolution_bot_answer_seconds{kind}: from the interaction reaching the command tree to the
  end of its handling (the answer sent)
- resolution_bot_daily_posts_total{event}: sent, failed, paused, retried, taken_over
- resolution_bot_invalid_requests: 401/403/429 responses in the last 10 minutes
- resolution_bot_gateway_latency_seconds{shard}: heartbeat latency of each shard
- resolution_bot_scheduler_up: 1 while the daily scheduler runs and its last pass worked, else 0
- resolution_bot_scheduler_state{state}: 1 for its current state (starting, running, failing,
  restarting, stopped)
- resolution_bot_scheduler_last_pass_timestamp_seconds: when its last pass completed (alert when
  it falls behind: a healthy scheduler completes one at least every hour)
- resolution_bot_scheduler_restarts_total: restarts after an error stopped it

`metrics_port` may be a range (9108-9115): the process serves on the first free port of it, so
several processes on one host (the instances of the systemd template unit) share one config.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable, Iterable, Iterator

from aiohttp import web
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot.config import MetricsPortInUse
from bot.daily.health import SchedulerHealth

log = logging.getLogger(__name__)

OUTCOMES = ("ok", "refused", "not_found", "discord_error", "undeliverable", "failed")
DAILY_EVENTS = ("sent", "failed", "paused", "retried", "taken_over")
SCHEDULER_STATES = ("starting", "running", "failing", "restarting", "stopped")
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class _Live(Collector):
    """Values computed when Prometheus scrapes."""

    def __init__(self, invalid: Callable[[], int], latencies: Callable[[], Iterable[tuple[int, float]]]) -> None:
        self._invalid = invalid
        self._latencies = latencies

    def collect(self) -> Iterator[Metric]:
        invalid = GaugeMetricFamily(
            "resolution_bot_invalid_requests",
            "401, 403 and 429 responses in the last 10 minutes (Discord bans at 10,000)",
        )
        invalid.add_metric([], self._invalid())
        yield invalid
        latency = GaugeMetricFamily(
            "resolution_bot_gateway_latency_seconds", "Gateway heartbeat latency of each shard", labels=["shard"]
        )
        for shard, seconds in self._latencies():
            if seconds == seconds and seconds != float("inf"):  # discord.py reports nan/inf before the first beat
                latency.add_metric([str(shard)], seconds)
        yield latency


class _Scheduler(Collector):
    """The daily scheduler's health, read when Prometheus scrapes."""

    def __init__(self, health: Callable[[], SchedulerHealth]) -> None:
        self._health = health

    def collect(self) -> Iterator[Metric]:
        health = self._health()
        up = GaugeMetricFamily(
            "resolution_bot_scheduler_up", "1 while the daily scheduler runs and its last pass worked, else 0"
        )
        up.add_metric([], 1 if health.up else 0)
        yield up
        state = GaugeMetricFamily(
            "resolution_bot_scheduler_state", "The daily scheduler's state: 1 for the current one", labels=["state"]
        )
        for name in SCHEDULER_STATES:
            state.add_metric([name], 1 if health.state == name else 0)
        yield state
        if health.last_pass is not None:
            last = GaugeMetricFamily(
                "resolution_bot_scheduler_last_pass_timestamp_seconds",
                "When the daily scheduler last completed a pass (unix time)",
            )
            last.add_metric([], health.last_pass.timestamp())
            yield last
        restarts = CounterMetricFamily(
            "resolution_bot_scheduler_restarts", "Restarts of the daily scheduler after an error stopped it"
        )
        restarts.add_metric([], health.restarts)
        yield restarts


class Metrics:
    """The bot's metrics, in a registry of their own."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        self._commands = Counter(
            "resolution_bot_commands",
            "Interactions answered, by command, kind and outcome",
            ["command", "kind", "outcome"],
            registry=self.registry,
        )
        self._latency = Histogram(
            "resolution_bot_answer_seconds",
            "Time from an interaction reaching the command tree to the end of its handling",
            ["kind"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self._daily = Counter(
            "resolution_bot_daily_posts", "Daily posts, by what happened to them", ["event"], registry=self.registry
        )
        for event in DAILY_EVENTS:
            self._daily.labels(event)  # present at 0 from the start, so rates work at once

    def answered(self, command: str, kind: str, outcome: str, seconds: float) -> None:
        self._commands.labels(command, kind, outcome if outcome in OUTCOMES else "failed").inc()
        self._latency.labels(kind).observe(seconds)

    def daily(self, event: str) -> None:
        self._daily.labels(event).inc()

    def watch(self, invalid: Callable[[], int], latencies: Callable[[], Iterable[tuple[int, float]]]) -> None:
        self.registry.register(_Live(invalid, latencies))

    def watch_scheduler(self, health: Callable[[], SchedulerHealth]) -> None:
        self.registry.register(_Scheduler(health))

    def render(self) -> bytes:
        return generate_latest(self.registry)

    async def serve(self, host: str, port: int) -> web.AppRunner:
        """Serve GET /metrics on host:port from the running event loop."""

        async def handler(request: web.Request) -> web.Response:
            return web.Response(body=self.render(), headers={"Content-Type": "text/plain; version=0.0.4"})

        app = web.Application()
        app.router.add_get("/metrics", handler)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, host, port).start()
        except BaseException:
            await runner.cleanup()
            raise
        log.info("Prometheus metrics at http://%s:%d/metrics", host, port)
        return runner

    async def serve_first_free(self, host: str, first: int, last: int | None = None) -> tuple[web.AppRunner, int]:
        """Serve on the first free port of first..last; MetricsPortInUse says so when none is free."""
        last = first if last is None else last
        for port in range(first, last + 1):
            try:
                return await self.serve(host, port), port
            except OSError as exc:
                if exc.errno != errno.EADDRINUSE:
                    raise
                log.info("Metrics port %d on %s is taken; trying the next", port, host)
        ports = f"port {first} is" if first == last else f"ports {first}-{last} are all"
        raise MetricsPortInUse(
            f"metrics_port: {ports} already in use on {host} (another instance of the bot, or another program). "
            "Give each process its own port (--metrics-port, or RESOLUTION_BOT_METRICS_PORT), "
            "or a range shared by the processes of this host, e.g. metrics_port: 9108-9115."
        )
