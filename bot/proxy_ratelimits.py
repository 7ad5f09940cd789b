"""A 429 without a `Via` header is retried, not raised.

discord.py waits and retries a 429 only when the response carries `Via` (Discord's own, through
Google's front end); without it, it assumes a Cloudflare ban and raises at once. A shared REST
proxy (nirn-proxy and the like) answers its own 429s, without `Via`, when the fleet's global
budget is spent for the moment: that is a wait, not a ban. This wraps the client's
`HTTPClient.request` so such a 429 is waited out (its `retry_after`, bounded) and retried a few
times before it is raised as before.

Installed only when `discord_api_base` names such a proxy: straight from Discord, a 429 without
`Via` is Cloudflare banning the IP, and a retry would only make the ban longer.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import discord

log = logging.getLogger(__name__)

TRIES = 4  # the first request and three retries
MAX_WAIT = 10.0  # seconds: a proxy that asks for longer than this is not asking for a pause


def retry_after(error: discord.HTTPException) -> float:
    """How long the 429 asks to wait: its Retry-After header (discord.py keeps no body), else 1 s."""
    value = error.response.headers.get("Retry-After") if error.response is not None else None
    try:
        return max(0.0, float(value)) if value is not None else 1.0
    except ValueError:
        return 1.0


def retry_proxy_429s(
    http: discord.http.HTTPClient, *, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
) -> None:
    """Make `http` wait out and retry 429s that carry no `Via` header."""
    original = http.request

    async def request(route: discord.http.Route, **kwargs: Any) -> Any:
        for attempt in range(1, TRIES + 1):
            try:
                return await original(route, **kwargs)
            except discord.HTTPException as error:
                via = error.response.headers.get("Via") if error.response is not None else None
                if error.status != 429 or via or attempt == TRIES:
                    raise
                wait = min(retry_after(error), MAX_WAIT)
                log.warning(
                    "%s %s: 429 without Via (a proxy's own limit); retrying in %.2f s (try %d of %d)",
                    route.method,
                    route.path,
                    wait,
                    attempt + 1,
                    TRIES,
                )
                await sleep(wait)
        raise AssertionError("unreachable")

    http.request = request  # type: ignore[method-assign]
