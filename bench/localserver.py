"""A local HTTP server for the benchmarks' stand-ins for Discord (loopback only)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from aiohttp import web

from tests.fakediscord import listen


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
