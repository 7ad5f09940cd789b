"""A local Discord gateway (websocket) for tests: HELLO, IDENTIFY -> READY, RESUME -> RESUMED
(or INVALID_SESSION once the session is gone), heartbeats acknowledged, events dispatched,
and the connection closed with any code or dropped."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import web

from tests.fakediscord import APP_ID, BOT_ID, listen, user_payload


def ready_payload(session: str, url: str, shard: list[int] | None) -> dict[str, Any]:
    """READY as Discord sends it; a sharded IDENTIFY's shard is echoed (discord.py's sharded state needs it)."""
    ready: dict[str, Any] = {
        "v": 10,
        "user": user_payload(BOT_ID, "resolution-bot", bot=True),
        "guilds": [],
        "session_id": session,
        "resume_gateway_url": url,
        "application": {"id": str(APP_ID), "flags": 0},
    }
    if shard is not None:
        ready["shard"] = shard
    return ready


class FakeGateway:
    def __init__(self) -> None:
        self.identifies = 0
        self.resumes = 0
        self.invalidated = 0
        self.session_valid = True
        self.sequence = 0
        self.url = ""
        self._socket: web.WebSocketResponse | None = None
        self._ready = asyncio.Event()  # a session is established on the current socket
        self._runner: web.AppRunner | None = None

    async def start(self) -> str:
        app = web.Application()
        app.router.add_get("/", self._connect)
        self._runner, port = await listen(app)
        self.url = f"ws://127.0.0.1:{port}/"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _send(self, socket: web.WebSocketResponse, op: int, data: Any, event: str | None = None) -> None:
        sequence = None
        if op == 0:
            self.sequence += 1
            sequence = self.sequence
        await socket.send_str(json.dumps({"op": op, "d": data, "s": sequence, "t": event}))

    async def _connect(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._socket = socket
        self._ready.clear()
        await self._send(socket, 10, {"heartbeat_interval": 45_000})
        async for message in socket:
            payload = json.loads(message.data)
            op = payload["op"]
            if op == 1:
                await self._send(socket, 11, None)
            elif op == 2:
                self.identifies += 1
                self.session_valid = True
                ready = ready_payload(f"session-{self.identifies}", self.url, payload["d"].get("shard"))
                await self._send(socket, 0, ready, "READY")
                self._ready.set()
            elif op == 6:
                self.resumes += 1
                if self.session_valid:
                    await self._send(socket, 0, {}, "RESUMED")
                    self._ready.set()
                else:
                    self.invalidated += 1
                    await self._send(socket, 9, False)  # the session is gone: identify again
        return socket

    async def established(self, timeout: float = 15.0) -> None:
        await asyncio.wait_for(self._ready.wait(), timeout)

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        assert self._socket is not None
        await self._send(self._socket, 0, data, event)

    async def close(self, code: int) -> None:
        assert self._socket is not None
        self._ready.clear()
        await self._socket.close(code=code)

    def drop(self) -> None:
        """The connection is lost without a close frame (the client sees 1006)."""
        assert self._socket is not None
        self._ready.clear()
        transport = self._socket._req.transport if self._socket._req else None
        assert transport is not None
        transport.abort()
