"""The one place the daily posts talk to Discord: one message with a nonce, outcomes classified;
and the trace that counts every invalid response the process receives."""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import aiohttp
import discord

from bot.daily.delivery import InvalidRequestGuard, Outcome, SendResult
from bot.render import Reply

log = logging.getLogger(__name__)

UNKNOWN_CHANNEL = 10003
INVALID_STATUSES = frozenset({401, 403, 429})


class DiscordPoster:
    def __init__(self, client: discord.Client) -> None:
        self.client = client

    async def post(self, channel_id: int, reply: Reply, nonce: str) -> SendResult:
        channel = self.client.get_partial_messageable(channel_id)
        try:
            message = await channel.send(
                content=reply.content,
                embeds=list(reply.embeds),
                nonce=nonce,  # discord.py adds enforce_nonce: Discord drops a repeat for a few minutes
                allowed_mentions=discord.AllowedMentions.none(),
            )
        except discord.NotFound as exc:
            if exc.code == UNKNOWN_CHANNEL:
                return SendResult(Outcome.GONE, detail=f"404, code {exc.code}", reason="the channel was deleted")
            return SendResult(
                Outcome.FAILED, detail=f"404, code {exc.code}", reason="Discord could not find the channel"
            )
        except discord.Forbidden as exc:
            return SendResult(
                Outcome.FORBIDDEN,
                detail=f"403, code {exc.code}: {exc.text}"[:200],
                reason="I lost access to this channel or the permission to post there",
            )
        except discord.DiscordServerError as exc:
            # discord.py already retried it; Discord may still have created the message.
            return SendResult(
                Outcome.RETRY,
                detail=f"{exc.status} from Discord",
                reason="Discord had a server problem (will retry)",
                uncertain=True,
            )
        except discord.HTTPException as exc:
            if exc.status == 429:
                return SendResult(Outcome.RETRY, detail="429 rate limited", reason="Discord asked me to slow down")
            return SendResult(
                Outcome.FAILED,
                detail=f"{exc.status}, code {exc.code}: {exc.text}"[:200],
                reason="Discord refused the post",
            )
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            return SendResult(
                Outcome.RETRY,
                detail=f"network: {type(exc).__name__}",
                reason="I could not reach Discord (will retry)",
                uncertain=True,
            )
        return SendResult(Outcome.SENT, message_id=message.id)

    async def find_post(self, channel_id: int, marker: str) -> int | None:
        """Our post in the channel's last 25 messages. Without Read Message History (403) the
        nonce is all there is: None. Any other failure raises, so the send is tried again later."""
        me = self.client.user
        if me is None:
            raise RuntimeError("not logged in")
        channel = self.client.get_partial_messageable(channel_id)
        try:
            async for message in channel.history(limit=25):
                if message.author.id == me.id and message.content.startswith(marker):
                    return message.id
        except discord.Forbidden:
            log.info("Cannot read the history of channel %s; relying on the nonce", channel_id)
        return None


def invalid_request_trace(guard: InvalidRequestGuard, now: Callable[[], Any]) -> aiohttp.TraceConfig:
    """Counts every 401/403/429 the process receives (discord.py's own 429 retries and
    interaction callbacks included) towards Discord's 10,000-per-10-minutes ban threshold."""

    async def on_request_end(
        session: aiohttp.ClientSession, context: SimpleNamespace, params: aiohttp.TraceRequestEndParams
    ) -> None:
        if params.response.status in INVALID_STATUSES:
            guard.record(now())

    trace = aiohttp.TraceConfig()
    trace.on_request_end.append(on_request_end)
    return trace
