"""A local HTTP server for the benchmarks' stand-ins for Discord (loopback only)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from tests.fakediscord import BOT_ID, CHANNEL_ID, application_payload, listen, message_payload, user_payload


async def serve(handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> tuple[web.AppRunner, str]:
    """Serve every path with `handler` on a free loopback port; returns the runner and discord.py's API base."""
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    runner, port = await listen(app)
    return runner, f"http://127.0.0.1:{port}/api/v10"


def json_response(body: object, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """JSON as Discord sends it: exactly `application/json` (discord.py parses nothing else)."""
    return web.Response(
        status=status, body=json.dumps(body).encode(), headers={"Content-Type": "application/json", **(headers or {})}
    )


class Arrivals:
    """A local Discord that notes when each interaction's answer arrives."""

    def __init__(self) -> None:
        self.waiting: dict[str, asyncio.Future[float]] = {}
        self.last_message: dict[str, Any] = {}
        self.last_body: Any = None

    async def handle(self, request: web.Request) -> web.Response:
        arrived = time.perf_counter()
        path = request.path.removeprefix("/api/v10")
        if path == "/users/@me":
            return json_response(user_payload(BOT_ID, "bench", bot=True))
        if path == "/oauth2/applications/@me":
            return json_response(application_payload())
        body = json.loads(await request.read() or b"null")
        self.last_body = body
        interaction = path.split("/")[2] if path.startswith("/interactions/") else ""
        future = self.waiting.pop(interaction, None)
        if future is not None and not future.done():
            future.set_result(arrived)
        if isinstance(body, dict) and body.get("type") in (4, 7):
            data = body.get("data") or {}
            self.last_message = data
            return json_response(
                {
                    "interaction": {"id": interaction, "type": 2},
                    "resource": {"type": body["type"], "message": message_payload(CHANNEL_ID, data)},
                }
            )
        return web.Response(status=204)

    def expect(self, interaction_id: str) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiting[interaction_id] = future
        return future
