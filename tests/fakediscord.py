"""A local stand-in for Discord's HTTP API that records what the bot sends.

discord.py builds every REST and interaction-callback URL from
`discord.http.Route.BASE`; pointing it here lets tests drive the real client,
the real `CommandTree` and the real HTTP layer, and assert on the JSON.
Interactions are fed in as raw INTERACTION_CREATE gateway payloads.
"""

from __future__ import annotations

import asyncio
import collections
import datetime as dt
import itertools
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

APP_ID = 900000000000000001
BOT_ID = 900000000000000002
USER_ID = 900000000000000003
OTHER_USER_ID = 900000000000000007
GUILD_ID = 900000000000000004
CHANNEL_ID = 900000000000000005
DM_CHANNEL_ID = 900000000000000006
BOT_TOKEN = "OTAwMDAwMDAwMDAwMDAwMDAy.GaBcDe.fakeTokenForTestsOnly_0123456789abcdef"
ALL_PERMISSIONS = str((1 << 53) - 1)

_ids = itertools.count(910000000000000000)
DISCORD_EPOCH_MS = 1_420_070_400_000
NONCE_WINDOW = dt.timedelta(minutes=5)  # Discord drops a repeated nonce for "a few minutes", not forever
HISTORY_PAGE_MAX = 100  # GET /channels/{id}/messages: limit 1-100, default 50


def snowflake() -> int:
    return next(_ids)


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    headers: dict[str, str]

    @property
    def json(self) -> dict[str, Any]:
        assert isinstance(self.body, dict), f"not a JSON object: {self.body!r}"
        return self.body


@dataclass
class Answer:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False  # close the connection instead of answering


Responder = Callable[[Recorded, re.Match[str]], Awaitable[Answer] | Answer]


def user_payload(user_id: int = USER_ID, name: str = "defender", bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "discriminator": "0",
        "global_name": name.title(),
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
    }


def application_payload() -> dict[str, Any]:
    return {
        "id": str(APP_ID),
        "name": "resolution-bot",
        "icon": None,
        "description": "",
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": user_payload(USER_ID),
        "verify_key": "0" * 64,
        "flags": 0,
    }


def message_payload(channel_id: int, body: dict[str, Any], *, author: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "id": str(snowflake()),
        "channel_id": str(channel_id),
        "author": author or user_payload(BOT_ID, "resolution-bot", bot=True),
        "content": body.get("content") or "",
        "timestamp": "2026-11-28T12:00:00.000000+00:00",
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": body.get("embeds") or [],
        "pinned": False,
        "type": 0,
        "flags": body.get("flags", 0),
        "nonce": body.get("nonce"),
        "components": body.get("components") or [],
    }


async def listen(app: web.Application) -> tuple[web.AppRunner, int]:
    """Serve `app` on a free loopback port; a request left hanging ends with the runner's cleanup."""
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.2)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]


class FakeDiscord:
    """An aiohttp server answering the routes the bot uses, recording every request."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._changed = asyncio.Condition()
        self._routes: list[tuple[str, re.Pattern[str], Responder]] = []
        self._runner: web.AppRunner | None = None
        self.base = ""
        self.gateway_url = "ws://127.0.0.1:9/"  # what GET /gateway/bot names (a FakeGateway's URL in gateway tests)
        self.shard_count = 1  # the shard count GET /gateway/bot recommends
        self.session_limits = {"total": 1000, "remaining": 1000, "reset_after": 86_400_000, "max_concurrency": 1}
        # Daily posts: channel messages as Discord keeps them (ids made from `now()`, so `after=` a
        # time works), a nonce window of a few minutes, and no history without the permission.
        self.now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
        self.messages: dict[int, list[dict[str, Any]]] = collections.defaultdict(list)
        self.nonces: dict[tuple[int, str], tuple[dt.datetime, dict[str, Any]]] = {}
        self.no_history: set[int] = {NO_HISTORY_ID}  # channels where the bot lacks Read Message History
        self._defaults()

    # -- routing ------------------------------------------------------------

    def route(self, method: str, pattern: str, responder: Responder) -> None:
        """Answer `method` on paths matching `pattern` (after /api/v10); newest wins."""
        self._routes.insert(0, (method, re.compile(pattern + r"$"), responder))

    def _defaults(self) -> None:
        self.route("GET", r"/users/@me", lambda r, m: Answer(body=user_payload(BOT_ID, "resolution-bot", bot=True)))
        self.route("GET", r"/oauth2/applications/@me", lambda r, m: Answer(body=application_payload()))
        self.route(
            "GET",
            r"/gateway/bot",
            lambda r, m: Answer(
                body={"url": self.gateway_url, "shards": self.shard_count, "session_start_limit": self.session_limits}
            ),
        )
        self.route("POST", r"/interactions/(\d+)/([^/]+)/callback", self._callback)
        self.route("POST", r"/webhooks/(\d+)/([^/]+)", lambda r, m: Answer(body=message_payload(CHANNEL_ID, r.json)))
        self.route(
            "POST", r"/channels/(\d+)/messages", lambda r, m: Answer(body=self.create_message(int(m[1]), r.json))
        )
        self.route("GET", r"/channels/(\d+)/messages", lambda r, m: Answer(body=self.history(int(m[1]), r.query)))
        self.route("PUT", r"/applications/(\d+)(?:/guilds/\d+)?/commands", self._bulk_commands)

    # -- daily posts: messages, nonces, history ---------------------------------

    def _message_id(self, channel_id: int) -> int:
        stamp = (int(self.now().timestamp() * 1000) - DISCORD_EPOCH_MS) << 22
        held = self.messages[channel_id]
        return max(stamp, int(held[-1]["id"]) + 1) if held else stamp

    def create_message(
        self, channel_id: int, body: dict[str, Any], *, author: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """POST /channels/{id}/messages: a repeated nonce (with enforce_nonce) within the window gets
        the first message back and creates nothing; after it, the same nonce posts again."""
        nonce = body.get("nonce")
        now = self.now()
        if nonce is not None and body.get("enforce_nonce"):
            seen = self.nonces.get((channel_id, str(nonce)))
            if seen is not None and now - seen[0] < NONCE_WINDOW:
                return seen[1]
        message = message_payload(channel_id, body, author=author)
        message["id"] = str(self._message_id(channel_id))
        self.messages[channel_id].append(message)
        if nonce is not None:
            self.nonces[(channel_id, str(nonce))] = (now, message)
        return message

    def chat(self, channel_id: int, count: int, content: str = "hello") -> None:
        """`count` messages from someone else: a busy channel."""
        for _ in range(count):
            self.create_message(channel_id, {"content": content}, author=user_payload(OTHER_USER_ID, "debater"))

    def set_history_permission(self, channel_id: int, allowed: bool) -> dict[str, Any]:
        """Grant or take away the bot's Read Message History in a channel of the test server: the
        history answers change at once, and the CHANNEL_UPDATE returned tells the bot's cache."""
        if allowed:
            self.no_history.discard(channel_id)
        else:
            self.no_history.add(channel_id)
        payload = guild_create_payload()
        (channel,) = [c for c in payload["channels"] if c["id"] == str(channel_id)]
        others = [o for o in channel["permission_overwrites"] if o["id"] != str(BOT_ROLE_ID)]
        deny = [] if allowed else [{"id": str(BOT_ROLE_ID), "type": 0, "allow": "0", "deny": str(READ_MESSAGE_HISTORY)}]
        return {**channel, "permission_overwrites": others + deny}

    def history(self, channel_id: int, query: dict[str, str]) -> list[dict[str, Any]]:
        """GET /channels/{id}/messages as Discord answers it: newest first, at most 100, `after` (the
        messages just after it) or `before`; an empty list (not 403) without Read Message History."""
        if channel_id in self.no_history:
            return []
        limit = max(1, min(HISTORY_PAGE_MAX, int(query.get("limit", 50))))
        after, before = query.get("after"), query.get("before")
        found = [
            m
            for m in self.messages[channel_id]
            if (after is None or int(m["id"]) > int(after)) and (before is None or int(m["id"]) < int(before))
        ]
        page = found[:limit] if after is not None and before is None else found[-limit:]
        return sorted(page, key=lambda m: int(m["id"]), reverse=True)

    @staticmethod
    def _callback(request: Recorded, match: re.Match[str]) -> Answer:
        body = request.json
        interaction = {"id": match[1], "type": 2}
        if body["type"] in (4, 5, 7):  # a message, "thinking", or the clicked message edited
            data = body.get("data") or {}
            interaction["response_message_id"] = str(snowflake())
            interaction["response_message_ephemeral"] = bool(data.get("flags", 0) & 64)
            return Answer(
                body={
                    "interaction": interaction,
                    "resource": {"type": body["type"], "message": message_payload(CHANNEL_ID, data)},
                }
            )
        return Answer(status=204)

    @staticmethod
    def _bulk_commands(request: Recorded, match: re.Match[str]) -> Answer:
        assert isinstance(request.body, list)
        out = []
        for command in request.body:
            out.append(
                {"description": "", **command, "id": str(snowflake()), "application_id": str(APP_ID), "version": "1"}
            )
        return Answer(body=out)

    # -- server -------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        path = request.path.removeprefix("/api/v10")
        recorded = Recorded(request.method, path, dict(request.query), body, dict(request.headers))
        async with self._changed:  # recorded on arrival, as a request that hangs was still received
            self.requests.append(recorded)
            self._changed.notify_all()
        answer = Answer(404, {"message": "404: Not Found", "code": 0})
        for method, pattern, responder in self._routes:
            match = pattern.match(path)
            if method == request.method and match:
                result = responder(recorded, match)
                answer = await result if asyncio.iscoroutine(result) else result  # type: ignore[assignment]
                break
        if answer.drop:
            assert request.transport is not None
            request.transport.abort()  # the connection drops: no answer at all
            raise ConnectionResetError("dropped by the test")
        if answer.status == 204 or answer.body is None:
            return web.Response(status=answer.status, headers=answer.headers)
        # discord.py parses JSON only for exactly "application/json" (no charset).
        headers = {"Content-Type": "application/json", **answer.headers}
        return web.Response(status=answer.status, body=json.dumps(answer.body).encode(), headers=headers)

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner, port = await listen(app)
        self.base = f"http://127.0.0.1:{port}/api/v10"
        return self.base

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def wait_for(self, predicate: Callable[[Recorded], bool], timeout: float = 5.0) -> Recorded:
        """The first recorded request matching `predicate`, waiting for it if need be."""

        async def find() -> Recorded:
            async with self._changed:
                while True:
                    for request in self.requests:
                        if predicate(request):
                            return request
                    await self._changed.wait()

        return await asyncio.wait_for(find(), timeout)


def option(name: str, value: Any, *, focused: bool = False) -> dict[str, Any]:
    kind = 4 if isinstance(value, int) and not isinstance(value, bool) else 3
    data: dict[str, Any] = {"name": name, "type": kind, "value": value}
    if focused:
        data["focused"] = True
    return data


def _guild_channel() -> dict[str, Any]:
    return {
        "id": str(CHANNEL_ID),
        "type": 0,
        "guild_id": str(GUILD_ID),
        "name": "general",
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
    }


def _member(user: dict[str, Any], permissions: str) -> dict[str, Any]:
    return {
        "user": user,
        "roles": [],
        "joined_at": "2024-01-01T00:00:00+00:00",
        "deaf": False,
        "mute": False,
        "flags": 0,
        "permissions": permissions,
    }


def _where(payload: dict[str, Any], context: str, user: dict[str, Any], member_permissions: str) -> dict[str, Any]:
    """Where an interaction happens, as Discord describes it.

    guild: a server that installed the bot; dm: a DM with the bot; user_guild: a server
    without the bot, the user having installed it to their account; group_dm: a group DM
    (user install).
    """
    if context == "dm":
        payload.update(
            channel_id=str(DM_CHANNEL_ID),
            channel={"id": str(DM_CHANNEL_ID), "type": 1, "recipients": [user]},
            user=user,
            context=1,
            authorizing_integration_owners={"0": "0", "1": user["id"]},
        )
    elif context == "group_dm":
        payload.update(
            channel_id=str(DM_CHANNEL_ID),
            channel={"id": str(DM_CHANNEL_ID), "type": 3, "recipients": [user, user_payload(OTHER_USER_ID)]},
            user=user,
            context=2,
            authorizing_integration_owners={"1": user["id"]},
        )
    else:
        owners = {"1": user["id"]} if context == "user_guild" else {"0": str(GUILD_ID)}
        payload.update(
            guild_id=str(GUILD_ID),
            guild_locale="en-US",
            channel_id=str(CHANNEL_ID),
            channel=_guild_channel(),
            member=_member(user, member_permissions),
            context=0,
            authorizing_integration_owners=owners,
        )
    return payload


def _base(kind: int, data: dict[str, Any], app_permissions: str) -> dict[str, Any]:
    interaction_id = snowflake()
    return {
        "id": str(interaction_id),
        "application_id": str(APP_ID),
        "type": kind,
        "token": f"aW50ZXJhY3Rpb246{interaction_id}OnRva2VuLXNlY3JldC12YWx1ZQ",
        "version": 1,
        "data": data,
        "app_permissions": app_permissions,
        "locale": "en-GB",
        "entitlements": [],
        "attachment_size_limit": 8 * 1024 * 1024,
    }


def interaction_payload(
    command: str,
    options: list[dict[str, Any]] | None = None,
    *,
    autocomplete: bool = False,
    dm: bool = False,
    context: str = "guild",
    user_id: int = USER_ID,
    member_permissions: str = ALL_PERMISSIONS,
    app_permissions: str = ALL_PERMISSIONS,
    resolved: dict[str, Any] | None = None,
    target: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A raw INTERACTION_CREATE payload as Discord sends it over the gateway.

    With `target` (a message payload) it is a message command ("Apps" menu on a message).
    """
    data: dict[str, Any] = {"id": str(snowflake()), "name": command, "type": 1, "options": options or []}
    if target is not None:
        data.update(type=3, target_id=target["id"], resolved={"messages": {target["id"]: target}})
        del data["options"]
    if resolved:
        data["resolved"] = resolved
    payload = _base(4 if autocomplete else 2, data, app_permissions)
    return _where(payload, "dm" if dm else context, user_payload(user_id), member_permissions)


def component_payload(
    message: dict[str, Any], custom_id: str, *, user_id: int = USER_ID, context: str = "guild"
) -> dict[str, Any]:
    """A raw INTERACTION_CREATE for a button click on `message` (as the bot sent it, components included)."""
    payload = _base(3, {"custom_id": custom_id, "component_type": 2}, ALL_PERMISSIONS)
    payload["message"] = message
    return _where(payload, context, user_payload(user_id), ALL_PERMISSIONS)


def chat_message(content: str, *, author_id: int = OTHER_USER_ID, channel_id: int = CHANNEL_ID) -> dict[str, Any]:
    """A message someone wrote, as a message command's `resolved` carries it."""
    payload = message_payload(channel_id, {"content": content}, author=user_payload(author_id, "debater"))
    payload["guild_id"] = str(GUILD_ID)
    return payload


# Permission bits used by the tests.
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
SEND_IN_THREADS = 1 << 38
READ_MESSAGE_HISTORY = 1 << 16
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
BOT_ROLE_ID = 900000000000000010
VOICE_ID = 900000000000000011
NEWS_ID = 900000000000000012
NO_EMBEDS_ID = 900000000000000013
LOCKED_THREAD_ID = 900000000000000014
THREAD_ID = 900000000000000015
HIDDEN_ID = 900000000000000016
NO_HISTORY_ID = 900000000000000017  # the bot may post but not read the history (a daily post's check cannot look)


def _role(role_id: int, name: str, permissions: int, position: int) -> dict[str, Any]:
    return {
        "id": str(role_id),
        "name": name,
        "permissions": str(permissions),
        "position": position,
        "color": 0,
        "hoist": False,
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


def _channel(channel_id: int, name: str, kind: int, overwrites: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "id": str(channel_id),
        "type": kind,
        "guild_id": str(GUILD_ID),
        "name": name,
        "position": 0,
        "permission_overwrites": overwrites or [],
        "nsfw": False,
        "parent_id": None,
    }


def _thread(thread_id: int, name: str, *, locked: bool) -> dict[str, Any]:
    return {
        "id": str(thread_id),
        "type": 11,
        "guild_id": str(GUILD_ID),
        "parent_id": str(CHANNEL_ID),
        "owner_id": str(USER_ID),
        "name": name,
        "last_message_id": None,
        "message_count": 0,
        "member_count": 1,
        "rate_limit_per_user": 0,
        "flags": 0,
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": 1440,
            "archive_timestamp": "2026-11-01T00:00:00+00:00",
            "locked": locked,
        },
    }


def guild_create_payload() -> dict[str, Any]:
    """A server as GUILD_CREATE describes it: the bot can post in #general, #news and one thread."""
    deny_embeds = [{"id": str(BOT_ROLE_ID), "type": 0, "allow": "0", "deny": str(EMBED_LINKS | SEND_MESSAGES)}]
    deny_view = [{"id": str(BOT_ROLE_ID), "type": 0, "allow": "0", "deny": str(VIEW_CHANNEL)}]
    deny_history = [{"id": str(BOT_ROLE_ID), "type": 0, "allow": "0", "deny": str(READ_MESSAGE_HISTORY)}]
    return {
        "id": str(GUILD_ID),
        "name": "Defenders' Network",
        "icon": None,
        "owner_id": str(USER_ID + 1000),
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
            _role(GUILD_ID, "@everyone", VIEW_CHANNEL | SEND_MESSAGES, 0),
            _role(
                BOT_ROLE_ID,
                "resolution-bot",
                VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | SEND_IN_THREADS | READ_MESSAGE_HISTORY,
                1,
            ),
        ],
        "channels": [
            _channel(CHANNEL_ID, "general", 0),
            {**_channel(VOICE_ID, "voice", 2), "bitrate": 64000, "user_limit": 0, "rtc_region": None},
            _channel(NEWS_ID, "news", 5),
            _channel(NO_EMBEDS_ID, "no-embeds", 0, deny_embeds),
            _channel(HIDDEN_ID, "hidden", 0, deny_view),
            _channel(NO_HISTORY_ID, "no-history", 0, deny_history),
        ],
        "threads": [_thread(LOCKED_THREAD_ID, "locked", locked=True), _thread(THREAD_ID, "discussion", locked=False)],
        "members": [
            {
                "user": user_payload(BOT_ID, "resolution-bot", bot=True),
                "roles": [str(BOT_ROLE_ID)],
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


def channel_option(
    name: str, channel_id: int, member_permissions: int = (1 << 53) - 1
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A channel option and its `resolved` entry (with the invoking member's permissions there)."""
    payload = guild_create_payload()
    known = {c["id"]: c for c in payload["channels"] + payload["threads"]}
    raw = dict(known[str(channel_id)])
    resolved = {
        "id": raw["id"],
        "name": raw["name"],
        "type": raw["type"],
        "permissions": str(member_permissions),
        "parent_id": raw.get("parent_id"),
    }
    if "thread_metadata" in raw:  # Discord resolves threads in full
        resolved = {**raw, **resolved}
    return {"name": name, "type": 7, "value": str(channel_id)}, {"channels": {str(channel_id): resolved}}
