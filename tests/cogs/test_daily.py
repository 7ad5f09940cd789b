"""/daily as Discord drives it: a cached server, raw interactions, recorded replies, a real database."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import types
from typing import Any
from zoneinfo import ZoneInfo

import discord
import pytest

from bot.daily.delivery import Outcome
from bot.daily.discord_poster import DiscordPoster
from bot.daily.history import FindResult, Seen, find_own_post
from bot.daily.schedule import Order, nonce
from bot.render import Reply
from tests.cogs.test_reading import is_ephemeral, message
from tests.conftest import DiscordEnv
from tests.fakediscord import (
    APP_ID,
    BOT_ID,
    CHANNEL_ID,
    GUILD_ID,
    HIDDEN_ID,
    LOCKED_THREAD_ID,
    MANAGE_CHANNELS,
    NEWS_ID,
    NO_EMBEDS_ID,
    NO_HISTORY_ID,
    THREAD_ID,
    VOICE_ID,
    Answer,
    Recorded,
    channel_option,
    guild_create_payload,
    interaction_payload,
    message_payload,
    option,
    user_payload,
)

UTC = dt.UTC
DEFERRED = 5
EPHEMERAL = 64


def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """discord.py sleeps 1, 3, 5, 7 s between its own 5xx retries (REST and interaction answers):
    keep the retries, skip the waiting."""
    real_sleep = asyncio.sleep
    fast = types.SimpleNamespace(**{k: getattr(asyncio, k) for k in dir(asyncio) if not k.startswith("__")})
    fast.sleep = lambda delay, result=None: real_sleep(0, result)
    monkeypatch.setattr(discord.http, "asyncio", fast)
    monkeypatch.setattr(discord.webhook.async_, "asyncio", fast)  # interaction answers retry there


def daily(sub: str, options: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    return [{"name": sub, "type": 1, "options": options or []}]


@pytest.fixture
async def server_env(env: DiscordEnv) -> DiscordEnv:
    env.bot._connection.parse_guild_create(guild_create_payload())
    return env


async def run_daily(
    env: DiscordEnv, sub: str, channel: int | None = None, *, locale: str | None = None, **kw: Any
) -> dict[str, Any]:
    """/daily `sub` with options `kw` (from a member whose Discord speaks `locale`, if given); the follow-up's JSON."""
    member_permissions = kw.pop("member_permissions", str((1 << 53) - 1))
    channel_permissions = kw.pop("channel_permissions", (1 << 53) - 1)
    options = [option(k, v) for k, v in kw.items()]
    resolved = None
    if channel is not None:
        opt, resolved = channel_option("channel", channel, channel_permissions)
        options.insert(0, opt)
    payload = interaction_payload(
        "daily", daily(sub, options), resolved=resolved, member_permissions=member_permissions
    )
    if locale is not None:
        payload["locale"] = locale
    return await followed_up(env, await env.dispatch(payload))


async def followed_up(env: DiscordEnv, sent: Recorded) -> dict[str, Any]:
    """/daily answers Discord at once ("thinking", privately), then sends its answer as a follow-up."""
    assert sent.json["type"] == DEFERRED, sent.json
    assert sent.json["data"]["flags"] == EPHEMERAL
    token = sent.path.split("/")[3]
    follow = await env.server.wait_for(lambda r: r.method == "POST" and r.path == f"/webhooks/{APP_ID}/{token}")
    data: dict[str, Any] = follow.json
    assert data["allowed_mentions"] == {"parse": []}
    return data


async def test_set_stores_the_schedule_and_confirms_privately(server_env: DiscordEnv) -> None:
    data = await run_daily(server_env, "set", CHANNEL_ID, time="18:30", timezone="Europe/Berlin")
    assert is_ephemeral(data)
    assert data["content"].startswith(f"Set up daily posts in <#{CHANNEL_ID}>: every day at 18:30 Europe/Berlin")
    next_due = dt.datetime(2026, 11, 28, 17, 30, tzinfo=UTC)  # today, 18:30 CET
    assert f"<t:{int(next_due.timestamp())}:F>" in data["content"]
    assert "PP 1 (1 of 32)" in data["content"]
    schedule = await server_env.storage.get_schedule(CHANNEL_ID)
    assert schedule is not None
    assert (schedule.guild_id, schedule.post_time, schedule.timezone) == (GUILD_ID, dt.time(18, 30), "Europe/Berlin")
    assert schedule.next_due == next_due


async def test_set_defaults_to_nine_utc_in_document_order(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "set", NEWS_ID)
    schedule = await server_env.storage.get_schedule(NEWS_ID)
    assert schedule is not None
    assert (schedule.post_time, schedule.timezone, schedule.order) == (dt.time(9), "UTC", "document")
    assert schedule.next_day == dt.date(2026, 11, 29)  # 09:00 UTC had passed at noon


async def test_set_accepts_a_thread_and_an_order(server_env: DiscordEnv) -> None:
    data = await run_daily(server_env, "set", THREAD_ID, order="operative")
    assert "operative paragraphs only" in data["content"]
    assert "OP 1 (1 of 17)" in data["content"]


async def test_setting_again_updates_instead_of_adding(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "set", CHANNEL_ID, time="08:00")
    data = await run_daily(server_env, "set", CHANNEL_ID, time="10:00")
    assert data["content"].startswith("Updated daily posts")
    assert [s.post_time for s in await server_env.storage.guild_schedules(GUILD_ID)] == [dt.time(10)]


@pytest.mark.parametrize(
    ("channel", "kw", "expected"),
    [
        (CHANNEL_ID, {"time": "25:00"}, "“25:00” is not a time: use 24-hour HH:MM, e.g. 09:00 or 18:30."),
        (CHANNEL_ID, {"timezone": "Mars/Olympus"}, "“Mars/Olympus” is not a time zone I know. Use an IANA name"),
        (
            VOICE_ID,
            {},
            f"<#{VOICE_ID}> is a voice channel. Daily posts go to a text channel, an announcement channel or a thread.",
        ),
        (NO_EMBEDS_ID, {}, f"I can't post in <#{NO_EMBEDS_ID}>: I'm missing Embed Links, Send Messages there."),
        (HIDDEN_ID, {}, f"I can't post in <#{HIDDEN_ID}>: I'm missing View Channel"),
        (LOCKED_THREAD_ID, {}, f"<#{LOCKED_THREAD_ID}> is a locked thread, so I can't post in it."),
    ],
)
async def test_bad_values_are_answered_ephemerally(
    server_env: DiscordEnv, channel: int, kw: dict[str, str], expected: str
) -> None:
    data = await run_daily(server_env, "set", channel, **kw)
    assert is_ephemeral(data)
    assert expected in data["content"]
    assert await server_env.storage.guild_schedules(GUILD_ID) == []


async def test_members_need_manage_server_or_manage_channels_on_the_channel(server_env: DiscordEnv) -> None:
    refused = await run_daily(server_env, "set", CHANNEL_ID, member_permissions="0", channel_permissions=0)
    assert is_ephemeral(refused)
    assert refused["content"] == (
        f"You need the Manage Server permission, or Manage Channels on <#{CHANNEL_ID}>, to change daily posts."
    )
    allowed = await run_daily(
        server_env, "set", CHANNEL_ID, member_permissions="0", channel_permissions=MANAGE_CHANNELS
    )
    assert allowed["content"].startswith("Set up daily posts")


async def test_at_most_five_schedules_per_server(server_env: DiscordEnv) -> None:
    bot = server_env.bot
    for channel in range(5):
        await bot.daily.set(
            GUILD_ID,
            1000 + channel,
            dt.time(9),
            __import__("zoneinfo").ZoneInfo("UTC"),
            Order.DOCUMENT,
            server_env.clock.now(),
        )
    data = await run_daily(server_env, "set", CHANNEL_ID)
    assert is_ephemeral(data)
    assert "already has 5 daily schedules, the most allowed" in data["content"]


async def test_status_lists_schedules_with_discord_timestamps(server_env: DiscordEnv) -> None:
    empty = await run_daily(server_env, "status")
    assert empty["content"].startswith("No daily posts in this server.")
    await run_daily(server_env, "set", CHANNEL_ID, time="18:30", timezone="Europe/Berlin")
    data = await run_daily(server_env, "status")
    assert is_ephemeral(data)
    due = int(dt.datetime(2026, 11, 28, 17, 30, tzinfo=UTC).timestamp())
    assert (
        f"• <#{CHANNEL_ID}> at 18:30 Europe/Berlin, document order — next <t:{due}:F>: PP 1 (1 of 32)"
        in data["content"]
    )


async def test_set_plans_by_the_schedulers_clock_not_a_host_clock_hours_fast(server_env: DiscordEnv) -> None:
    """Issue 13, item 5: on PostgreSQL the scheduler's clock is the database's. A host clock 7 h
    fast (12:00 while the database says 05:00) must not move a 09:00 schedule to tomorrow."""
    server_env.bot.scheduler.clock.offset = -dt.timedelta(hours=7)  # as measured against the database
    data = await run_daily(server_env, "set", CHANNEL_ID, time="09:00", timezone="UTC")
    due = int(dt.datetime(2026, 11, 28, 9, 0, tzinfo=UTC).timestamp())
    assert f"Next post <t:{due}:F>" in data["content"]


async def test_preview_shows_the_next_post_privately(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "set", CHANNEL_ID)
    data = await run_daily(server_env, "preview")
    assert is_ephemeral(data)
    assert data["content"].startswith(f"Preview of the next post in <#{CHANNEL_ID}>")
    assert "**Paragraph of the day** · 29 November 2026 · 1 of 32" in data["content"]
    assert data["embeds"][0]["title"] == "A/RES/62/152 · preambular paragraph 1"


async def test_skip_moves_on_one_paragraph(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "set", CHANNEL_ID)
    data = await run_daily(server_env, "skip")
    assert data["content"].startswith(f"Skipped PP 1 in <#{CHANNEL_ID}>. Next post")
    assert "PP 2 (2 of 32)" in data["content"]


async def test_stop_needs_a_channel_when_several_have_posts(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "set", THREAD_ID)
    await run_daily(server_env, "set", NEWS_ID)
    ambiguous = await run_daily(server_env, "stop")  # run in #general, which has none
    assert "say which with the `schedule` option" in ambiguous["content"]
    await run_daily(server_env, "set", CHANNEL_ID)
    here = await run_daily(server_env, "stop")  # run in #general, which now has one
    assert here["content"] == f"Stopped daily posts in <#{CHANNEL_ID}> (#general)."
    done = await run_daily(server_env, "stop", schedule=str(NEWS_ID))
    assert done["content"] == f"Stopped daily posts in <#{NEWS_ID}> (#news)."
    assert [s.channel_id for s in await server_env.storage.guild_schedules(GUILD_ID)] == [THREAD_ID]
    missing = await run_daily(server_env, "stop", schedule=str(NEWS_ID))
    assert missing["content"] == f"<#{NEWS_ID}> has no daily posts. Set them up with `/daily set`."


async def test_timezone_autocomplete(server_env: DiscordEnv) -> None:
    opt, resolved = channel_option("channel", CHANNEL_ID)
    sent = await server_env.invoke(
        "daily", daily("set", [opt, option("timezone", "new_y", focused=True)]), autocomplete=True, resolved=resolved
    )
    assert sent.json["data"]["choices"][0] == {"name": "America/New_York", "value": "America/New_York"}


async def test_daily_is_for_servers_only(server_env: DiscordEnv) -> None:
    (command,) = [c for c in server_env.bot.tree.get_commands() if c.name == "daily"]
    payload = command.to_dict(server_env.bot.tree)
    assert payload["contexts"] == [0]
    assert payload["integration_types"] == [0]
    assert int(payload["default_member_permissions"]) == 1 << 5  # Manage Server
    sent = await server_env.invoke("daily", daily("status"), dm=True)
    data = message(sent)
    assert is_ephemeral(data)
    assert data["content"] == "This command works in servers only."


async def test_leaving_a_server_deletes_its_schedules(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "set", CHANNEL_ID)
    server_env.bot._connection.parse_guild_delete({"id": str(GUILD_ID)})
    async with asyncio.timeout(5):
        while await server_env.storage.guild_schedules(GUILD_ID):
            await asyncio.sleep(0.01)


async def test_the_daily_post_reaches_discord_with_a_nonce_and_no_pings(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "set", CHANNEL_ID, time="12:30", timezone="UTC")
    server_env.clock.set(dt.datetime(2026, 11, 28, 12, 30, tzinfo=UTC))
    scheduler = server_env.scheduler()
    assert await scheduler.run_once() == 1
    sent = await server_env.server.wait_for(
        lambda r: r.method == "POST" and r.path == f"/channels/{CHANNEL_ID}/messages"
    )
    body = sent.json
    assert body["content"] == "**Paragraph of the day** · 28 November 2026 · 1 of 32"
    assert body["nonce"] == nonce(CHANNEL_ID, dt.date(2026, 11, 28)) and len(body["nonce"]) <= 25
    assert body["enforce_nonce"] is True
    assert body["allowed_mentions"] == {"parse": []}
    assert body["embeds"][0]["title"] == "A/RES/62/152 · preambular paragraph 1"
    record = await server_env.storage.get_delivery(CHANNEL_ID, dt.date(2026, 11, 28))
    assert record is not None and record.state == "sent" and record.message_id is not None


@pytest.mark.parametrize(
    ("status", "code", "outcome", "uncertain"),
    [
        (403, 50013, Outcome.FORBIDDEN, False),
        (404, 10003, Outcome.GONE, False),
        (404, 10008, Outcome.FAILED, False),
        (400, 50035, Outcome.FAILED, False),
        (500, 0, Outcome.RETRY, True),  # discord.py retried it; Discord may have created the message
    ],
)
async def test_discord_errors_are_classified(
    server_env: DiscordEnv, monkeypatch: pytest.MonkeyPatch, status: int, code: int, outcome: Outcome, uncertain: bool
) -> None:
    fast_retries(monkeypatch)
    server_env.server.route(
        "POST", rf"/channels/{CHANNEL_ID}/messages", lambda r, m: Answer(status, {"message": "no", "code": code})
    )
    result = await DiscordPoster(server_env.bot).post(CHANNEL_ID, Reply(content="x"), "n1")
    assert result.outcome is outcome
    assert result.uncertain is uncertain
    assert str(status) in result.detail
    assert result.outcome is Outcome.SENT or (result.reason and str(code) not in result.reason)


async def test_the_guard_counts_every_invalid_response_and_stops_a_batch_midway(server_env: DiscordEnv) -> None:
    """403s come back from Discord through discord.py's HTTP: the trace counts them, the batch stops."""
    bot = server_env.bot
    guard = bot.scheduler.guard
    guard.limit = 3
    channels = [CHANNEL_ID + 1000 + i for i in range(8)]
    for i, channel in enumerate(channels):  # eight servers, one schedule each
        await bot.daily.set(
            GUILD_ID + i, channel, dt.time(12, 30), ZoneInfo("UTC"), Order.DOCUMENT, server_env.clock.now()
        )
    server_env.server.route(
        "POST", r"/channels/(\d+)/messages", lambda r, m: Answer(403, {"message": "Missing Access", "code": 50001})
    )
    server_env.clock.set(dt.datetime(2026, 11, 28, 12, 30, tzinfo=UTC))
    scheduler = server_env.scheduler(guard=guard, concurrency=1)
    await scheduler.run_once()
    posts = [r for r in server_env.server.requests if r.method == "POST" and r.path.endswith("/messages")]
    assert len(posts) == 3  # the fourth request never left
    assert guard.blocked_until(server_env.clock.now()) is not None


async def test_the_guard_sees_discord_pys_own_429_retries(server_env: DiscordEnv) -> None:
    answers = iter([Answer(429, {"message": "slow down", "retry_after": 0.01, "global": False}, {"Via": "1.1 google"})])

    def first_429(request: Recorded, match: Any) -> Answer:
        return next(answers, None) or Answer(200, message_payload(CHANNEL_ID, request.json))

    server_env.server.route("POST", rf"/channels/{CHANNEL_ID}/messages", first_429)
    result = await DiscordPoster(server_env.bot).post(CHANNEL_ID, Reply(content="x"), "n1")
    assert result.outcome is Outcome.SENT  # discord.py slept through the 429 and retried
    assert server_env.bot.scheduler.guard.count(server_env.clock.now()) == 1


async def test_history_finds_a_post_that_reached_discord_before_a_crash(server_env: DiscordEnv) -> None:
    """Through discord.py's real history iterator against the fake's Discord-like paging: from the
    post's time, 100 a page, our own message by author and marker (not someone quoting it)."""
    fake = server_env.server
    since = server_env.clock.now()
    server_env.clock.advance(minutes=1)
    fake.create_message(
        CHANNEL_ID, {"content": "**Paragraph of the day** · 28 November 2026"}, author=user_payload()
    )  # someone quoting the header
    ours = fake.create_message(CHANNEL_ID, {"content": "**Paragraph of the day** · 28 November 2026 · 3 of 32"})
    fake.chat(CHANNEL_ID, 230)  # a busy channel: the post is three pages back
    poster = DiscordPoster(server_env.bot)
    assert poster.own_id() == BOT_ID and await poster.history_readable(CHANNEL_ID) is True

    async def find(marker: str, channel: int = CHANNEL_ID) -> FindResult:
        return await find_own_post(
            lambda after, limit: poster.read_history(channel, after, limit),
            author_id=poster.own_id(),
            marker=marker,
            since=since,
            readable=await poster.history_readable(channel),
        )

    found = await find("**Paragraph of the day** · 28 November 2026")
    assert (found.seen, found.message_id) == (Seen.FOUND, int(ours["id"]))
    reads = [r for r in fake.requests if r.method == "GET" and r.path == f"/channels/{CHANNEL_ID}/messages"]
    assert reads[0].query["after"] == str(discord.utils.time_snowflake(since)) and reads[0].query["limit"] == "100"
    missing = await find("**Paragraph of the day** · 29 November 2026")
    assert missing.seen is Seen.NOT_FOUND and missing.pages == 3


async def test_without_read_message_history_discord_answers_empty_and_the_check_cannot_confirm(
    server_env: DiscordEnv,
) -> None:
    fake = server_env.server
    fake.create_message(NO_HISTORY_ID, {"content": "**Paragraph of the day** · 28 November 2026 · 3 of 32"})
    poster = DiscordPoster(server_env.bot)
    assert await poster.read_history(NO_HISTORY_ID, 0, 100) == []  # an empty list, not 403
    assert await poster.history_readable(NO_HISTORY_ID) is False
    assert await poster.history_readable(123) is None  # not in the cache, and Discord does not know it: not known


async def test_a_repeated_nonce_is_dropped_only_within_the_window(server_env: DiscordEnv) -> None:
    poster = DiscordPoster(server_env.bot)
    first = await poster.post(CHANNEL_ID, Reply(content="x"), "n1")
    server_env.clock.advance(minutes=4)
    again = await poster.post(CHANNEL_ID, Reply(content="x"), "n1")
    assert first.message_id == again.message_id and len(server_env.server.messages[CHANNEL_ID]) == 1
    server_env.clock.advance(minutes=2)  # past Discord's few minutes
    later = await poster.post(CHANNEL_ID, Reply(content="x"), "n1")
    assert later.message_id != first.message_id and len(server_env.server.messages[CHANNEL_ID]) == 2


# -- issue 7: deleted channels, status in words, the channel picker --------------------------


async def test_channel_delete_removes_its_schedule_and_status_says_so(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "set", NEWS_ID)
    server_env.bot._connection.parse_channel_delete(
        {"id": str(NEWS_ID), "type": 5, "guild_id": str(GUILD_ID), "name": "news", "position": 0}
    )
    async with asyncio.timeout(5):
        while await server_env.storage.get_schedule(NEWS_ID) is not None:
            await asyncio.sleep(0.01)
    status = await run_daily(server_env, "status")
    assert "#news: the channel was deleted, so its daily posts stopped" in status["content"]


async def test_thread_delete_removes_its_schedule(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "set", THREAD_ID)
    server_env.bot._connection.parse_thread_delete(
        {"id": str(THREAD_ID), "guild_id": str(GUILD_ID), "parent_id": str(CHANNEL_ID), "type": 11}
    )
    async with asyncio.timeout(5):
        while await server_env.storage.get_schedule(THREAD_ID) is not None:
            await asyncio.sleep(0.01)


async def test_status_shows_the_last_failure_in_words_never_codes(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "set", CHANNEL_ID, time="12:30", timezone="UTC")
    server_env.clock.set(dt.datetime(2026, 11, 28, 12, 30, tzinfo=UTC))
    server_env.server.route(
        "POST",
        rf"/channels/{CHANNEL_ID}/messages",
        lambda r, m: Answer(403, {"message": "Missing Access", "code": 50001}),
    )
    scheduler = server_env.scheduler()
    await scheduler.run_once()
    status = (await run_daily(server_env, "status"))["content"]
    assert "⏸ **Paused**: I lost access to this channel or the permission to post there." in status
    for code in ("403", "50001", "Missing Access", "Forbidden"):
        assert code not in status


# -- issue 13: Read Message History, needed to tell whether a post reached Discord ------------


async def test_set_refuses_a_channel_where_the_bot_cannot_read_the_history(server_env: DiscordEnv) -> None:
    data = await run_daily(server_env, "set", NO_HISTORY_ID)
    assert is_ephemeral(data)
    assert f"<#{NO_HISTORY_ID}>" in data["content"] and "Read Message History" in data["content"]
    assert await server_env.storage.guild_schedules(GUILD_ID) == []


async def test_status_says_when_the_history_permission_is_missing(server_env: DiscordEnv) -> None:
    """Granted when the schedule was set, taken away since: /daily status says so, in words."""
    await server_env.bot.daily.set(
        GUILD_ID, NO_HISTORY_ID, dt.time(9), ZoneInfo("UTC"), Order.DOCUMENT, server_env.clock.now()
    )
    await run_daily(server_env, "set", CHANNEL_ID, time="12:30", timezone="UTC")
    status = (await run_daily(server_env, "status"))["content"]
    mine, other = (line for line in status.split("• ")[1:])
    general = other if f"<#{CHANNEL_ID}>" in other else mine
    no_history = mine if general is other else other
    assert "Read Message History" in no_history and "Read Message History" not in general


async def test_a_permission_taken_away_after_set_shows_in_status_and_given_back_clears(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "set", CHANNEL_ID, time="12:30", timezone="UTC")
    revoked = server_env.server.set_history_permission(CHANNEL_ID, False)
    server_env.bot._connection.parse_channel_update(revoked)
    assert await DiscordPoster(server_env.bot).history_readable(CHANNEL_ID) is False
    assert "Read Message History" in (await run_daily(server_env, "status"))["content"]
    granted = server_env.server.set_history_permission(CHANNEL_ID, True)
    server_env.bot._connection.parse_channel_update(granted)
    assert await DiscordPoster(server_env.bot).history_readable(CHANNEL_ID) is True
    assert "Read Message History" not in (await run_daily(server_env, "status"))["content"]


async def test_a_lost_answer_without_the_history_permission_is_never_sent_twice(
    server_env: DiscordEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the real DiscordPoster: Discord creates the post but the answer is a 500; the bot
    cannot read the channel (Discord answers []), so after the nonce window it does not post again."""
    fast_retries(monkeypatch)
    fake = server_env.server
    await server_env.bot.daily.set(
        GUILD_ID, NO_HISTORY_ID, dt.time(12, 30), ZoneInfo("UTC"), Order.DOCUMENT, server_env.clock.now()
    )

    def created_then_500(request: Recorded, match: Any) -> Answer:
        fake.create_message(NO_HISTORY_ID, request.json)
        return Answer(500, {"message": "500: Internal Server Error", "code": 0})

    fake.route("POST", rf"/channels/{NO_HISTORY_ID}/messages", created_then_500)
    server_env.clock.set(dt.datetime(2026, 11, 28, 12, 30, tzinfo=UTC))
    scheduler = server_env.scheduler()
    await scheduler.run_once()
    fake.route(
        "POST",
        rf"/channels/{NO_HISTORY_ID}/messages",
        lambda r, m: Answer(body=fake.create_message(NO_HISTORY_ID, r.json)),
    )
    server_env.clock.advance(minutes=10)  # past the retry and the nonce window
    await scheduler.run_once()
    assert len(fake.messages[NO_HISTORY_ID]) == 1  # discord.py's own retries fell in the nonce window; no resend
    record = await server_env.storage.get_delivery(NO_HISTORY_ID, dt.date(2026, 11, 28))
    assert record is not None and record.state == "unconfirmed"
    status = (await run_daily(server_env, "status"))["content"]
    assert "could not confirm whether Discord accepted it; I did not post again so it is never posted twice" in status
    server_env.clock.advance(hours=1)
    await scheduler.run_once()
    assert len(fake.messages[NO_HISTORY_ID]) == 1


async def test_a_long_status_never_cuts_a_tag_in_half(server_env: DiscordEnv) -> None:
    bot = server_env.bot
    long_reason = "I lost access to this channel or the permission to post there " * 3
    for i in range(5):
        channel = 1000 + i
        await bot.daily.set(
            GUILD_ID,
            channel,
            dt.time(9),
            ZoneInfo("America/Argentina/ComodRivadavia"),
            Order.RANDOM,
            server_env.clock.now(),
        )
        await server_env.storage.pause(channel, long_reason, now=server_env.clock.now())
    for i in range(40):
        await server_env.storage.save_schedule(
            dataclasses.replace(
                (await server_env.storage.guild_schedules(GUILD_ID))[0], channel_id=5000 + i, channel_name=f"c{i}"
            ),
            now=server_env.clock.now(),
        )
        await server_env.storage.remove_schedule(
            5000 + i, "the channel was deleted, so its daily posts stopped", now=server_env.clock.now()
        )
    content = (await run_daily(server_env, "status"))["content"]
    assert len(content) <= 2000
    assert content.count("<#") == content.count(">") - content.count("<t:")
    assert content.count("<t:") == sum(1 for part in content.split("<t:")[1:] if ">" in part)
    assert content.splitlines()[-1].startswith("… and ") and content.splitlines()[-1].endswith(" more.")


async def test_stop_autocompletes_the_stored_schedules_even_deleted_channels(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "set", NEWS_ID)
    await run_daily(server_env, "set", CHANNEL_ID)
    server_env.bot._connection.parse_guild_create({**guild_create_payload(), "channels": []})  # both gone from cache
    sent = await server_env.invoke("daily", daily("stop", [option("schedule", "new", focused=True)]), autocomplete=True)
    assert sent.json["data"]["choices"] == [{"name": "#news · 09:00 UTC", "value": str(NEWS_ID)}]
    done = await run_daily(server_env, "stop", schedule=str(NEWS_ID))
    assert done["content"] == f"Stopped daily posts in <#{NEWS_ID}> (#news)."


async def test_the_synced_channel_option_only_offers_channels_the_bot_can_post_in(server_env: DiscordEnv) -> None:
    (command,) = [c for c in server_env.bot.tree.get_commands() if c.name == "daily"]
    payload = command.to_dict(server_env.bot.tree)
    (set_,) = [o for o in payload["options"] if o["name"] == "set"]
    (channel,) = [o for o in set_["options"] if o["name"] == "channel"]
    assert sorted(channel["channel_types"]) == [0, 5, 10, 11, 12]  # text, announcement, threads


async def test_daily_answers_within_the_deadline_by_deferring_first(server_env: DiscordEnv) -> None:
    opt, resolved = channel_option("channel", CHANNEL_ID)
    sent = await server_env.invoke("daily", daily("set", [opt]), resolved=resolved)
    first = [r for r in server_env.server.requests if r.path.startswith("/interactions/")]
    assert first[0] is sent and sent.json == {"type": DEFERRED, "data": {"flags": EPHEMERAL}}


def test_permissions_of_an_uncached_channel_are_computed_as_discord_does() -> None:
    """A server of another shard: the bot reads the channel, roles and its member over REST."""
    from bot.daily.discord_poster import channel_permissions

    g, bot, role = 10, 20, 30
    everyone = 1 << 10 | 1 << 11 | 1 << 16  # view, send, read history
    guild = {
        "id": str(g),
        "owner_id": "99",
        "roles": [{"id": str(g), "permissions": str(everyone)}, {"id": str(role), "permissions": "0"}],
    }
    member = {"roles": [str(role)]}
    plain: dict[str, list[dict[str, str | int]]] = {"permission_overwrites": []}
    assert channel_permissions(guild, member, plain, bot).read_message_history
    denied = {"permission_overwrites": [{"id": str(g), "type": 0, "allow": "0", "deny": str(1 << 16)}]}
    assert not channel_permissions(guild, member, denied, bot).read_message_history
    role_allows = {
        "permission_overwrites": [
            *denied["permission_overwrites"],
            {"id": str(role), "type": 0, "allow": str(1 << 16), "deny": "0"},
        ]
    }
    assert channel_permissions(guild, member, role_allows, bot).read_message_history
    member_denies = {
        "permission_overwrites": [
            *role_allows["permission_overwrites"],
            {"id": str(bot), "type": 1, "allow": "0", "deny": str(1 << 16)},
        ]
    }
    assert not channel_permissions(guild, member, member_denies, bot).read_message_history
    admin = {**guild, "roles": [*guild["roles"], {"id": "31", "permissions": str(1 << 3)}]}
    assert channel_permissions(admin, {"roles": ["31"]}, member_denies, bot).read_message_history


async def test_a_page_without_after_is_the_newest_messages(server_env: DiscordEnv) -> None:
    """`read_page(None, n)`: the newest n, oldest first (what the old check read, under its switch)."""
    server_env.server.chat(CHANNEL_ID, 30)
    newest = [int(m["id"]) for m in server_env.server.messages[CHANNEL_ID][-25:]]
    page = await DiscordPoster(server_env.bot).read_history(CHANNEL_ID, None, 25)
    assert [m.id for m in page] == newest
    request = [r for r in server_env.server.requests if r.method == "GET" and r.path.endswith("/messages")][-1]
    assert "after" not in request.query and request.query["limit"] == "25"
