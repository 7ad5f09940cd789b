"""What the benchmarks' local Discords answer to reads, the way Discord does (as tests/fakediscord.py).

Before resending a post whose outcome is unknown, the bot reads the channel's history since the
post's own time (`after=` a time snowflake), and, for a server not in its cache (the benchmarks'
bots never connect to the gateway, so every server), works out whether it may read that history
from GET /channels/{id}, GET /guilds/{id} and GET /guilds/{id}/members/{bot}. Here every server
gives the bot's role Read Message History, as the test fakes do; message ids carry their
creation time, as Discord's do, so an `after=` read finds them.
"""

from __future__ import annotations

import time
from typing import Any

from tests.fakediscord import (
    BOT_ID,
    DISCORD_EPOCH_MS,
    EMBED_LINKS,
    HISTORY_PAGE_MAX,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    USER_ID,
    VIEW_CHANNEL,
    user_payload,
)

BOT_ROLE = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY


class MessageIds:
    """Snowflakes as Discord makes them: the creation time in milliseconds, unique and increasing."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        stamp = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._last = max(stamp, self._last + 1)
        return self._last


def history(messages: list[dict[str, Any]], query: dict[str, str]) -> list[dict[str, Any]]:
    """GET /channels/{id}/messages: newest first, at most 100, the messages just after `after` (or
    the newest before `before`, or the newest). `messages` is the channel's, oldest first."""
    limit = max(1, min(HISTORY_PAGE_MAX, int(query.get("limit", 50))))
    after, before = query.get("after"), query.get("before")
    found = [
        m
        for m in messages
        if (after is None or int(m["id"]) > int(after)) and (before is None or int(m["id"]) < int(before))
    ]
    page = found[:limit] if after is not None and before is None else found[-limit:]
    return sorted(page, key=lambda m: int(m["id"]), reverse=True)


def bot_role_id(guild: int) -> int:
    return guild + 1


def channel_payload(channel: int, guild: int) -> dict[str, Any]:
    """GET /channels/{id}: a text channel with no overwrites (the server's roles decide)."""
    return {
        "id": str(channel),
        "type": 0,
        "guild_id": str(guild),
        "name": f"daily-{channel}",
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
    }


def _role(role_id: int, name: str, permissions: int, position: int) -> dict[str, Any]:
    return {
        "id": str(role_id),
        "name": name,
        "permissions": str(permissions),
        "position": position,
        "color": 0,
        "hoist": False,
        "managed": True,
        "mentionable": False,
        "flags": 0,
    }


def guild_payload(guild: int) -> dict[str, Any]:
    """GET /guilds/{id}: owned by someone else; @everyone may view and post, the bot's role may
    also read the history."""
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
            _role(guild, "@everyone", VIEW_CHANNEL | SEND_MESSAGES, 0),
            _role(bot_role_id(guild), "resolution-bot", BOT_ROLE, 1),
        ],
    }


def member_payload(guild: int) -> dict[str, Any]:
    """GET /guilds/{id}/members/{bot}: the bot, with its role."""
    return {
        "user": user_payload(BOT_ID, "resolution-bot", bot=True),
        "roles": [str(bot_role_id(guild))],
        "joined_at": "2026-01-01T00:00:00+00:00",
        "deaf": False,
        "mute": False,
        "flags": 0,
    }


def server_read(parts: list[str], guild_of: dict[int, int], guilds: set[int]) -> tuple[int, dict[str, Any]] | None:
    """The answer (status, body) to GET /channels/{id}, /guilds/{id} or /guilds/{id}/members/{user}
    (path `parts` split on "/"), or None when the path is none of these. `guild_of`: each channel's
    server; `guilds`: every server."""
    unknown_channel = (404, {"message": "Unknown Channel", "code": 10003})
    unknown_guild = (404, {"message": "Unknown Guild", "code": 10004})
    if len(parts) == 2 and parts[0] == "channels" and parts[1].isdigit():
        channel = int(parts[1])
        return (200, channel_payload(channel, guild_of[channel])) if channel in guild_of else unknown_channel
    if parts[:1] == ["guilds"] and len(parts) in (2, 4) and parts[1].isdigit():
        guild = int(parts[1])
        if guild not in guilds:
            return unknown_guild
        if len(parts) == 2:
            return 200, guild_payload(guild)
        if parts[2] == "members" and parts[3] == str(BOT_ID):
            return 200, member_payload(guild)
        return 404, {"message": "Unknown Member", "code": 10007}
    return None
