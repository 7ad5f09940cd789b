"""Posting to Discord for the scheduler: one message, with a nonce, outcomes classified."""

from __future__ import annotations

import logging

import aiohttp
import discord

from bot.daily.delivery import Outcome, SendResult
from bot.render import Reply

log = logging.getLogger(__name__)


class DiscordPoster:
    def __init__(self, client: discord.Client) -> None:
        self.client = client

    async def post(self, channel_id: int, reply: Reply, nonce: str) -> SendResult:
        channel = self.client.get_partial_messageable(channel_id)
        try:
            message = await channel.send(
                content=reply.content,
                embeds=list(reply.embeds),
                nonce=nonce,  # discord.py adds enforce_nonce: Discord drops a repeat
                allowed_mentions=discord.AllowedMentions.none(),
            )
        except discord.NotFound as exc:
            return SendResult(Outcome.GONE, detail=f"404, code {exc.code}")
        except discord.Forbidden as exc:
            return SendResult(Outcome.FORBIDDEN, detail=f"403, code {exc.code}: {exc.text}"[:200], invalid=True)
        except discord.DiscordServerError as exc:
            return SendResult(Outcome.RETRY, detail=f"{exc.status} from Discord")
        except discord.HTTPException as exc:
            if exc.status == 429:
                return SendResult(Outcome.RETRY, detail="429 rate limited", invalid=True)
            return SendResult(
                Outcome.FAILED, detail=f"{exc.status}, code {exc.code}: {exc.text}"[:200], invalid=exc.status == 401
            )
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            return SendResult(Outcome.RETRY, detail=f"network: {type(exc).__name__}")
        return SendResult(Outcome.SENT, message_id=message.id)

    async def find_post(self, channel_id: int, marker: str) -> int | None:
        me = self.client.user
        if me is None:
            return None
        channel = self.client.get_partial_messageable(channel_id)
        try:
            async for message in channel.history(limit=25):
                if message.author.id == me.id and message.content.startswith(marker):
                    return message.id
        except (TimeoutError, discord.HTTPException, aiohttp.ClientError, OSError) as exc:
            log.info("Could not read history of channel %s (%s); relying on the nonce", channel_id, exc)
        return None
