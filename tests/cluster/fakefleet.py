"""A local Discord for a fleet of bot processes: REST and a sharded gateway on one loopback port.

Each process is given its own REST prefix (`/p<N>/api/v10`, through `discord_api_base`), so the
fake knows who sent what, and can kill a process with SIGKILL right after Discord accepted its
post and before the process hears back. Like Discord, it remembers a message nonce for a few
minutes only (`nonce_window_s`: a test whose timings are compressed compresses the window too, or
the nonce hides every duplicate a history check should have prevented); answers history reads
newest first, at most 100 a page, with `after`/`before`, and with an empty list (not 403) in a
channel where the bot lacks Read Message History; sends each shard its servers (GUILD_CREATE, with
the bot's permissions) after READY; echoes a sharded IDENTIFY's shard in READY, and logs every
IDENTIFY with its time, so the tests can check the 5-second rule per bucket.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import json
import os
import signal
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.fakediscord import (
    BOT_ID,
    DISCORD_EPOCH_MS,
    EMBED_LINKS,
    HISTORY_PAGE_MAX,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    USER_ID,
    VIEW_CHANNEL,
    application_payload,
    listen,
    message_payload,
    user_payload,
)
from tests.fakegateway import ready_payload

NONCE_WINDOW_S = 300.0  # Discord's "few minutes"


@dataclass(frozen=True)
class Identify:
    at: float  # time.monotonic() on arrival
    shard: int
    count: int


class FakeFleetDiscord:
    def __init__(self, *, shards: int, max_concurrency: int, nonce_window_s: float = NONCE_WINDOW_S) -> None:
        self.shards = shards
        self.nonce_window_s = nonce_window_s
        self.guilds: dict[int, list[int]] = collections.defaultdict(list)  # guild -> its channels
        self.no_history: set[int] = set()  # channels where the bot lacks Read Message History
        self.max_concurrency = max_concurrency
        self.messages: dict[int, list[dict[str, Any]]] = collections.defaultdict(list)
        self.posts: list[tuple[str, int, str, float]] = []  # (process, channel, nonce, monotonic time) of every POST
        self.nonces: dict[tuple[int, str], tuple[float, dict[str, Any]]] = {}
        self.identifies: list[Identify] = []
        self.kill_on_first_post: dict[str, int] = {}  # process -> pid to SIGKILL after its first accepted post
        self.killed: list[tuple[str, int]] = []  # (process, channel whose post was accepted when it died)
        self.port = 0
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/{process}/api/v10/{path:.*}", self._rest)
        self._runner, self.port = await listen(app)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def api_base(self, process: str) -> str:
        return f"http://127.0.0.1:{self.port}/{process}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # -- REST -----------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        process, path = request.match_info["process"], "/" + request.match_info["path"]
        if path == "/users/@me":
            return _json(user_payload(BOT_ID, "resolution-bot", bot=True))
        if path == "/oauth2/applications/@me":
            return _json(application_payload())
        if path == "/gateway/bot":
            limits = {
                "total": 1000,
                "remaining": 900,
                "reset_after": 3_600_000,
                "max_concurrency": self.max_concurrency,
            }
            return _json({"url": self.gateway_url, "shards": self.shards, "session_start_limit": limits})
        parts = path.strip("/").split("/")
        found = self._server_objects(parts)
        if found is not None:
            return _json(found)
        if len(parts) == 3 and parts[0] == "channels" and parts[2] == "messages":
            channel = int(parts[1])
            if request.method == "GET":
                return _json(self.history(channel, dict(request.query)))
            body = await request.json()
            return await self._post(request, process, channel, body)
        return _json({"message": "404: Not Found", "code": 0}, 404)

    async def _post(self, request: web.Request, process: str, channel: int, body: dict[str, Any]) -> web.StreamResponse:
        nonce = str(body.get("nonce"))
        now = time.monotonic()
        self.posts.append((process, channel, nonce, now))
        seen = self.nonces.get((channel, nonce))
        if seen is not None and now - seen[0] < self.nonce_window_s:
            return _json(seen[1])  # Discord drops the repeat and answers with the first message
        message = message_payload(channel, body, author=user_payload(BOT_ID, "resolution-bot", bot=True))
        # Ids carry their creation time, as Discord's do: a history read `after=` a time finds them.
        stamp = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        held = self.messages[channel]
        message["id"] = str(max(stamp, int(held[-1]["id"]) + 1) if held else stamp)
        self.messages[channel].append(message)
        self.nonces[(channel, nonce)] = (now, message)
        pid = self.kill_on_first_post.pop(process, None)
        if pid is not None:
            # Discord has the message; the process dies before it can hear so, let alone record it.
            os.kill(pid, signal.SIGKILL)
            self.killed.append((process, channel))
            assert request.transport is not None
            request.transport.abort()
            raise ConnectionResetError("the process was killed")
        return _json(message)

    def _server_objects(self, parts: list[str]) -> dict[str, Any] | None:
        """GET /channels/{id}, /guilds/{id} and /guilds/{id}/members/{bot}: what a process reads to
        learn its permissions in a server of a shard it does not run (taking a post over)."""
        if len(parts) == 2 and parts[0] == "channels" and parts[1].isdigit():
            for guild, channels in self.guilds.items():
                if int(parts[1]) in channels:
                    listed: list[dict[str, Any]] = self.guild_payload(guild)["channels"]
                    return next(c for c in listed if c["id"] == parts[1])
        if len(parts) == 2 and parts[0] == "guilds" and parts[1].isdigit() and int(parts[1]) in self.guilds:
            return self.guild_payload(int(parts[1]))
        if len(parts) == 4 and parts[0] == "guilds" and parts[2] == "members" and int(parts[1]) in self.guilds:
            return dict(self.guild_payload(int(parts[1]))["members"][0])
        return None

    def history(self, channel: int, query: dict[str, str]) -> list[dict[str, Any]]:
        """GET /channels/{id}/messages as Discord answers it (see the module)."""
        if channel in self.no_history:
            return []
        limit = max(1, min(HISTORY_PAGE_MAX, int(query.get("limit", 50))))
        after, before = query.get("after"), query.get("before")
        found = [
            m
            for m in self.messages[channel]
            if (after is None or int(m["id"]) > int(after)) and (before is None or int(m["id"]) < int(before))
        ]
        page = found[:limit] if after is not None and before is None else found[-limit:]
        return sorted(page, key=lambda m: int(m["id"]), reverse=True)

    def add_channel(self, guild: int, channel: int, *, readable: bool = True) -> None:
        """A server's text channel, sent in its shard's GUILD_CREATE; `readable`: Read Message History."""
        if channel not in self.guilds[guild]:
            self.guilds[guild].append(channel)
        if not readable:
            self.no_history.add(channel)

    def guild_payload(self, guild: int) -> dict[str, Any]:
        everyone = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY
        deny = str(READ_MESSAGE_HISTORY)
        return {
            "id": str(guild),
            "name": f"server {guild}",
            "icon": None,
            "owner_id": str(USER_ID),
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "features": [],
            "emojis": [],
            "stickers": [],
            "roles": [
                {"id": str(guild), "name": "@everyone", "permissions": str(everyone), "position": 0, "color": 0}
                | {"hoist": False, "managed": False, "mentionable": False, "flags": 0}
            ],
            "channels": [
                {
                    "id": str(channel),
                    "type": 0,
                    "guild_id": str(guild),
                    "name": f"daily-{channel}",
                    "position": 0,
                    "permission_overwrites": (
                        [{"id": str(guild), "type": 0, "allow": "0", "deny": deny}]
                        if channel in self.no_history
                        else []
                    ),
                    "nsfw": False,
                    "parent_id": None,
                }
                for channel in self.guilds[guild]
            ],
            "threads": [],
            "members": [
                {
                    "user": user_payload(BOT_ID, "resolution-bot", bot=True),
                    "roles": [],
                    "joined_at": "2026-01-01T00:00:00+00:00",
                    "deaf": False,
                    "mute": False,
                    "flags": 0,
                }
            ],
            "member_count": 2,
            "large": False,
            "unavailable": False,
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "joined_at": "2026-01-01T00:00:00+00:00",
        }

    # -- gateway --------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        sequence = 0

        async def send(op: int, data: Any, event: str | None = None) -> None:
            nonlocal sequence
            if op == 0:
                sequence += 1
            await socket.send_str(json.dumps({"op": op, "d": data, "s": sequence if op == 0 else None, "t": event}))

        await send(10, {"heartbeat_interval": 45_000})
        async for message in socket:
            payload = json.loads(message.data)
            if payload["op"] == 1:
                await send(11, None)
            elif payload["op"] == 2:
                shard, count = payload["d"].get("shard") or [0, 1]
                self.identifies.append(Identify(time.monotonic(), shard, count))
                await send(
                    0, ready_payload(f"session-{len(self.identifies)}", self.gateway_url, [shard, count]), "READY"
                )
                for guild in list(self.guilds):  # the shard's servers, as Discord sends them after READY
                    if (guild >> 22) % count == shard:
                        await send(0, self.guild_payload(guild), "GUILD_CREATE")
        return socket

    def identify_gaps(self, count: int) -> dict[int, list[float]]:
        """Seconds between consecutive IDENTIFYs of each bucket, for sessions of `count` shards."""
        times: dict[int, list[float]] = collections.defaultdict(list)
        for identify in self.identifies:
            if identify.count == count:
                times[identify.shard % self.max_concurrency].append(identify.at)
        return {bucket: [b - a for a, b in itertools.pairwise(ts)] for bucket, ts in times.items()}


def _json(body: Any, status: int = 200) -> web.Response:
    return web.Response(status=status, body=json.dumps(body).encode(), headers={"Content-Type": "application/json"})


async def wait_until(check: Any, timeout: float, interval: float = 0.25) -> bool:
    """Poll `check()` until true or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        await asyncio.sleep(interval)
    return bool(check())
