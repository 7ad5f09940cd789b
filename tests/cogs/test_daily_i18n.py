"""/daily in the reader's language, through the real tree as Discord drives it: every reply and
error in the person's language, the daily post's header in the server's, /daily status within
Discord's limit in the longer languages, and a post made in one language still found by the
"did it reach Discord?" check after the server's language changed."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.config import DailySettings
from bot.content.library import Library
from bot.daily.history import MessageRecord, Seen, find_own_post
from bot.daily.schedule import Order
from bot.daily.service import DailyService
from bot.daily.words import Phrase, shown, stored
from bot.render import daily_header, daily_markers
from bot.storage import DeliveryState
from bot.storage.sqlite import SQLiteStorage
from tests.clock import FakeClock
from tests.cogs.test_daily import run_daily as run_daily_in
from tests.cogs.test_reading import is_ephemeral
from tests.conftest import DiscordEnv
from tests.daily.conftest import CHANNEL, GUILD, Killed, RecordingPoster, Rig, make_scheduler, subscribe
from tests.fakediscord import (
    CHANNEL_ID,
    GUILD_ID,
    NEWS_ID,
    NO_EMBEDS_ID,
    NO_HISTORY_ID,
    VOICE_ID,
    guild_create_payload,
    interaction_payload,
    option,
)

UTC = dt.UTC
DUE = int(dt.datetime(2026, 11, 28, 17, 30, tzinfo=UTC).timestamp())  # 18:30 in Berlin, today

# English that must not be left in a translated reply (each is in the English reply it replaces).
ENGLISH = (
    "daily posts",
    "Daily posts",
    "every day at",
    "Next post",
    "next <t:",
    " of 32",
    "document order",
    "Paragraph of the day",
    "Preview of",
    "Stopped",
    "Skipped",
    "Set up",
    "You need",
    "is not a time",
    "I can't",
    "Manage Server",
    "Embed Links",
    "Last problem",
    "Paused",
    "the channel was deleted",
    "more.",
)


@pytest.fixture
async def server_env(env: DiscordEnv) -> DiscordEnv:
    env.bot._connection.parse_guild_create(guild_create_payload())
    return env


async def run_daily(env: DiscordEnv, locale: str, sub: str, channel: int | None = None, **kw: Any) -> dict[str, Any]:
    """/daily `sub` from a member whose Discord speaks `locale`; the private follow-up's JSON."""
    data = await run_daily_in(env, sub, channel, locale=locale, **kw)
    assert is_ephemeral(data)  # a person's own answer: private, in their language
    return data


def no_english(text: str) -> None:
    left = [words for words in ENGLISH if words in text]
    assert not left, f"English left over: {left} in {text!r}"


# What each language says; the channel mention and Discord timestamps are the same in all of them.
SET = {
    "fr": (
        f"Publications quotidiennes mises en place dans <#{CHANNEL_ID}>\u00a0: chaque jour à 18:30 Europe/Berlin, "
        "ordre du document (PP1…, puis OP1…, puis on recommence), tirées de A/RES/62/152.\n"
        f"Prochaine publication le <t:{DUE}:F> (<t:{DUE}:R>)\u00a0: PP 1 (1 sur 32)."
    ),
    "es-ES": (
        f"Publicaciones diarias configuradas en <#{CHANNEL_ID}>: cada día a las 18:30 Europe/Berlin, "
        "orden del documento"
    ),
    "ru": f"Ежедневные публикации в <#{CHANNEL_ID}> настроены: каждый день в 18:30 Europe/Berlin",
    "zh-CN": f"已设置 <#{CHANNEL_ID}> 的每日发布：每天 18:30 Europe/Berlin",
}
STATUS = {
    "fr": f"**Publications quotidiennes** (1 sur 5)\n• <#{CHANNEL_ID}> à 18:30 Europe/Berlin, ordre du document",
    "es-ES": f"**Publicaciones diarias** (1 de 5)\n• <#{CHANNEL_ID}> a las 18:30 Europe/Berlin, orden del documento",
    "ru": f"**Ежедневные публикации** (1 из 5)\n• <#{CHANNEL_ID}> в 18:30 Europe/Berlin, по порядку документа",
    "zh-CN": f"**每日发布**（1/5）\n• <#{CHANNEL_ID}>，18:30 Europe/Berlin，按文件顺序",
}
PREVIEW = {
    "fr": f"Aperçu de la prochaine publication dans <#{CHANNEL_ID}>",
    "es-ES": f"Vista previa de la próxima publicación en <#{CHANNEL_ID}>",
    "ru": f"Предпросмотр следующей публикации в <#{CHANNEL_ID}>",
    "zh-CN": f"<#{CHANNEL_ID}> 下一次发布的预览",
}
SKIP = {
    "fr": f"PP 1 sauté dans <#{CHANNEL_ID}>. Prochaine publication",
    "es-ES": f"Se ha saltado PP 1 en <#{CHANNEL_ID}>. Próxima publicación",
    "ru": f"Пропущено: PP 1 в <#{CHANNEL_ID}>. Следующая публикация",
    "zh-CN": f"已跳过 <#{CHANNEL_ID}> 的 PP 1。下一次发布",
}
STOP = {
    "fr": f"Publications quotidiennes arrêtées dans <#{CHANNEL_ID}> (#general).",
    "es-ES": f"Publicaciones diarias detenidas en <#{CHANNEL_ID}> (#general).",
    "ru": f"Ежедневные публикации в <#{CHANNEL_ID}> (#general) остановлены.",
    "zh-CN": f"已停止 <#{CHANNEL_ID}>（#general）的每日发布。",
}
LOCALES = list(SET)


@pytest.mark.parametrize("locale", LOCALES)
async def test_set_status_preview_skip_and_stop_answer_in_the_persons_language(
    server_env: DiscordEnv, locale: str
) -> None:
    done = await run_daily(server_env, locale, "set", CHANNEL_ID, time="18:30", timezone="Europe/Berlin")
    assert done["content"].startswith(SET[locale]), done["content"]
    no_english(done["content"])

    status = await run_daily(server_env, locale, "status")
    assert status["content"].startswith(STATUS[locale]), status["content"]
    assert f"<t:{DUE}:F>" in status["content"]
    no_english(status["content"])

    preview = await run_daily(server_env, locale, "preview")
    assert preview["content"].startswith(PREVIEW[locale]), preview["content"]
    # The post itself is the server's, and this server has no language set: English, as it will go out.
    assert preview["content"].endswith("\n**Paragraph of the day** · 28 November 2026 · 1 of 32")

    skipped = await run_daily(server_env, locale, "skip")
    assert skipped["content"].startswith(SKIP[locale]), skipped["content"]
    no_english(skipped["content"])

    stopped = await run_daily(server_env, locale, "stop")
    assert stopped["content"] == STOP[locale]
    assert await server_env.storage.guild_schedules(GUILD_ID) == []


async def test_the_english_replies_are_unchanged(server_env: DiscordEnv) -> None:
    done = await run_daily(server_env, "en-US", "set", CHANNEL_ID, time="18:30", timezone="Europe/Berlin")
    assert done["content"] == (
        f"Set up daily posts in <#{CHANNEL_ID}>: every day at 18:30 Europe/Berlin, "
        "document order (PP1…, then OP1…, then again), from A/RES/62/152.\n"
        f"Next post <t:{DUE}:F> (<t:{DUE}:R>): PP 1 (1 of 32)."
    )
    status = await run_daily(server_env, "en-GB", "status")
    assert status["content"] == (
        "**Daily posts** (1 of 5)\n"
        f"• <#{CHANNEL_ID}> at 18:30 Europe/Berlin, document order — next <t:{DUE}:F>: PP 1 (1 of 32)"
    )


async def test_the_preview_shows_the_post_in_the_servers_language_under_a_note_in_the_persons(
    server_env: DiscordEnv,
) -> None:
    await server_env.storage.set_server_language(GUILD_ID, "fr", now=server_env.clock.now())
    await run_daily(server_env, "zh-CN", "set", CHANNEL_ID)
    preview = await run_daily(server_env, "zh-CN", "preview")
    note, post = preview["content"].split("\n")
    assert note.startswith(f"<#{CHANNEL_ID}> 下一次发布的预览")
    assert post == "**Paragraphe du jour** · 29 novembre 2026 · 1 sur 32"


@pytest.mark.parametrize(
    ("locale", "channel", "kw", "expected"),
    [
        (
            "fr",
            CHANNEL_ID,
            {"time": "25:00"},
            "«\u00a025:00\u00a0» n’est pas une heure\u00a0: écrivez HH:MM sur 24 heures",
        ),
        ("zh-CN", CHANNEL_ID, {"time": "25:00"}, "“25:00”不是时间：请使用24小时制 HH:MM"),
        ("ru", CHANNEL_ID, {"timezone": "Mars/Olympus"}, "«Mars/Olympus» — незнакомый мне часовой пояс."),
        ("es-ES", CHANNEL_ID, {"timezone": "Mars/Olympus"}, "«Mars/Olympus» no es una zona horaria que conozca."),
        ("fr", VOICE_ID, {}, f"<#{VOICE_ID}> est un salon vocal. Les publications quotidiennes vont dans"),
        ("zh-CN", VOICE_ID, {}, f"<#{VOICE_ID}> 是语音频道。"),
        (
            "fr",
            NO_EMBEDS_ID,
            {},
            f"Je ne peux pas publier dans <#{NO_EMBEDS_ID}>\u00a0: il me manque Intégrer des liens, Envoyer des messages",
        ),
        ("zh-CN", NO_EMBEDS_ID, {}, f"我无法在 <#{NO_EMBEDS_ID}> 发布：我在那里缺少以下权限：嵌入链接、发送消息。"),
        (
            "ru",
            NO_EMBEDS_ID,
            {},
            f"Я не могу публиковать в <#{NO_EMBEDS_ID}>: мне там не хватает прав: Встраивать ссылки, Отправлять",
        ),
        ("fr", NO_HISTORY_ID, {}, f"Il me faut l’autorisation Voir les anciens messages dans <#{NO_HISTORY_ID}>"),
        ("zh-CN", NO_HISTORY_ID, {}, f"每日发布需要我在 <#{NO_HISTORY_ID}> 拥有“阅读消息历史记录”权限"),
    ],
)
async def test_errors_are_in_the_persons_language(
    server_env: DiscordEnv, locale: str, channel: int, kw: dict[str, str], expected: str
) -> None:
    data = await run_daily(server_env, locale, "set", channel, **kw)
    assert expected in data["content"], data["content"]
    no_english(data["content"])
    assert await server_env.storage.guild_schedules(GUILD_ID) == []


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "fr",
            "Il faut l’autorisation Gérer le serveur, ou Gérer les salons dans "
            f"<#{CHANNEL_ID}>, pour modifier les publications quotidiennes.",
        ),
        ("zh-CN", f"需要“管理服务器”权限，或 <#{CHANNEL_ID}> 的“管理频道”权限，才能更改每日发布。"),
    ],
)
async def test_a_member_without_permission_is_told_in_their_language(
    server_env: DiscordEnv, locale: str, expected: str
) -> None:
    refused = await run_daily(server_env, locale, "set", CHANNEL_ID, member_permissions="0", channel_permissions=0)
    assert refused["content"] == expected
    status = await run_daily(server_env, locale, "status", member_permissions="0")
    assert (
        status["content"]
        == {
            "fr": "Il faut l’autorisation Gérer le serveur ou Gérer les salons pour voir les publications quotidiennes.",
            "zh-CN": "需要“管理服务器”或“管理频道”权限才能查看每日发布。",
        }[locale]
    )


async def test_stop_without_a_schedule_or_with_a_typed_name_is_answered_in_the_persons_language(
    server_env: DiscordEnv,
) -> None:
    none = await run_daily(server_env, "fr", "stop")
    assert none["content"] == (
        "Ce serveur n’a pas encore de publications quotidiennes. Mettez-les en place avec `/daily set channel:`."
    )
    await run_daily(server_env, "fr", "set", NEWS_ID)
    which = await run_daily(server_env, "zh-CN", "stop", schedule="nonsense")
    assert which["content"] == "请从输入时出现的列表中选择频道（已删除的频道也在其中）。"


# -- what /daily status says went wrong: kept as message ids, said in the reader's language ---------


async def test_problems_kept_by_the_scheduler_are_told_in_the_readers_language(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "en-US", "set", CHANNEL_ID, time="18:30", timezone="Europe/Berlin")
    storage, now = server_env.storage, server_env.clock.now()
    unconfirmed = Phrase(
        "daily-unconfirmed", day=dt.date(2026, 11, 28), reason=Phrase("daily-why-too-busy", count=5000)
    )
    await storage.record_failure(CHANNEL_ID, stored(unconfirmed), now=now)
    fr = (await run_daily(server_env, "fr", "status"))["content"]
    assert (
        "⚠ Dernier incident <t:" in fr
        and "la publication du 28 novembre 2026 est peut-être parvenue à Discord, mais plus de 5\u202f000 messages"
        in fr
    )
    no_english(fr)
    zh = (await run_daily(server_env, "zh-CN", "status"))["content"]
    assert (
        "⚠ 最近一次问题（<t:" in zh
        and "2026年11月28日的发布可能已送达 Discord，但此后该频道发布了超过5,000条消息" in zh
    )
    no_english(zh)
    en = (await run_daily(server_env, "en-US", "status"))["content"]
    assert "the post for 28 November 2026 may have reached Discord, but more than 5,000 messages" in en

    await storage.pause(CHANNEL_ID, stored(Phrase("daily-zone-gone", zone="US/Pacific-New")), now=now)
    ru = (await run_daily(server_env, "ru", "status"))["content"]
    assert "⏸ **Приостановлено**: его часового пояса «US/Pacific-New» больше нет в базе часовых поясов" in ru
    no_english(ru)


async def test_a_problem_kept_in_english_before_is_shown_as_it_is(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "fr", "set", CHANNEL_ID)
    await server_env.storage.record_failure(CHANNEL_ID, "Discord refused the post", now=server_env.clock.now())
    status = (await run_daily(server_env, "fr", "status"))["content"]
    assert "⚠ Dernier incident <t:" in status and ": Discord refused the post." in status
    assert shown('{"daily":"daily-no-such-message","args":{}}', "fr") == '{"daily":"daily-no-such-message","args":{}}'


async def test_a_deleted_channel_is_told_in_the_readers_language(server_env: DiscordEnv) -> None:
    await run_daily(server_env, "fr", "set", NEWS_ID)
    server_env.bot._connection.parse_channel_delete(
        {"id": str(NEWS_ID), "type": 5, "guild_id": str(GUILD_ID), "name": "news", "position": 0}
    )
    for _ in range(500):
        if await server_env.storage.get_schedule(NEWS_ID) is None:
            break
        await asyncio.sleep(0.01)
    fr = (await run_daily(server_env, "fr", "status"))["content"]
    assert "• #news\u00a0: le salon a été supprimé, ses publications quotidiennes ont donc cessé (<t:" in fr
    es = (await run_daily(server_env, "es-ES", "status"))["content"]
    assert "• #news: el canal se eliminó, así que sus publicaciones diarias se detuvieron (<t:" in es


@pytest.mark.parametrize("locale", ["ru", "fr", "es-ES", "zh-CN", "en-US"])
async def test_a_long_status_stays_within_discords_limit_in_every_language(server_env: DiscordEnv, locale: str) -> None:
    """Five schedules, each paused or failing and without Read Message History, and a month of
    notices about deleted channels: far more than 2,000 characters in Russian or French."""
    bot, storage, now = server_env.bot, server_env.storage, server_env.clock.now()
    for i in range(30):  # deleted channels, each leaving a notice
        channel = 5000 + i
        await bot.daily.set(GUILD_ID, channel, dt.time(9), ZoneInfo("UTC"), Order.DOCUMENT, now, channel_name=f"c{i}")
        await storage.remove_schedule(channel, stored(Phrase("daily-deleted")), now=now)
    for i in range(5):
        channel = 6000 + i
        await bot.daily.set(GUILD_ID, channel, dt.time(9), ZoneInfo("Europe/Berlin"), Order.RANDOM, now)
        down = Phrase("daily-down-range", first=dt.date(2026, 11, 20), last=dt.date(2026, 11, 27), hours=6)
        await storage.record_failure(channel, stored(down), now=now)
        if i % 2:
            await storage.pause(channel, stored(Phrase("daily-why-lost-access")), now=now)
    content = (await run_daily(server_env, locale, "status"))["content"]
    assert len(content) <= 2000
    lines = content.split("\n")
    more = {
        "ru": "… и ещё ",
        "fr": "… et ",
        "es-ES": "… y ",
        "zh-CN": "……另有",
        "en-US": "… and ",
    }[locale]
    assert lines[-1].startswith(more)  # what was left out is said, in the same language
    assert all(line.count("<") == line.count(">") for line in lines)  # no mention or timestamp cut in half
    if locale != "en-US":
        no_english(content)


# -- the daily post in the server's language, and the check that finds it in any language ----------


async def test_the_daily_post_goes_out_in_the_servers_language(server_env: DiscordEnv) -> None:
    await server_env.storage.set_server_language(GUILD_ID, "ru", now=server_env.clock.now())
    await run_daily(server_env, "fr", "set", CHANNEL_ID, time="12:30", timezone="UTC")  # set up by a French speaker
    server_env.clock.set(dt.datetime(2026, 11, 28, 12, 30, tzinfo=UTC))
    assert await server_env.scheduler().run_once() == 1
    sent = await server_env.server.wait_for(
        lambda r: r.method == "POST" and r.path == f"/channels/{CHANNEL_ID}/messages"
    )
    assert sent.json["content"] == "**Пункт дня** · 28 ноября 2026 г. · 1 из 32"
    assert sent.json["embeds"]  # the paragraph itself, as before


@pytest.mark.parametrize(
    ("locale", "header"),
    [
        ("en-US", "**Paragraph of the day** · 1 December 2026"),
        ("fr", "**Paragraphe du jour** · 1er décembre 2026"),
        ("es-ES", "**Párrafo del día** · 1 de diciembre de 2026"),
        ("ru", "**Пункт дня** · 1 декабря 2026 г."),
        ("zh-CN", "**每日段落** · 2026年12月1日"),
    ],
)
def test_the_header_in_each_language(locale: str, header: str) -> None:
    assert daily_header(dt.date(2026, 12, 1), locale) == header
    assert f"{header} · " in daily_markers(dt.date(2026, 12, 1))


def test_a_posts_header_is_recognised_as_its_own_days_only() -> None:
    """Every day of a year, in every language: a post matches its own day's markers and no other
    day's (within a month either way, more than a check ever looks back)."""
    start = dt.date(2026, 1, 1)
    days = [start + dt.timedelta(days=n) for n in range(366 + 60)]
    markers = {day: daily_markers(day) for day in days}
    for n, day in enumerate(days[30:-30], start=30):
        for locale in ("en-US", "fr", "es-ES", "ru", "zh-CN"):
            post = f"{daily_header(day, locale)} · 1 of 32"
            matched = [other for other in days[n - 30 : n + 31] if post.startswith(markers[other])]
            assert matched == [day], (locale, day, matched)


@pytest.fixture
async def rig(tmp_path: Path, library: Library) -> AsyncIterator[Rig]:
    storage = await SQLiteStorage.open(tmp_path / "daily.sqlite3")
    clock = FakeClock(dt.datetime(2026, 11, 28, 6, 0, tzinfo=UTC))  # 07:00 in Berlin
    poster = RecordingPoster(clock)
    scheduler = make_scheduler(storage, library, poster, clock)
    service = DailyService(storage, library, DailySettings(), wake=scheduler.wake)
    try:
        yield Rig(storage, clock, poster, scheduler, service, tmp_path)
    finally:
        await storage.close()


@pytest.mark.parametrize(("before", "after"), [("fr", "zh-CN"), ("zh-CN", "ru"), ("es-ES", None), (None, "fr")])
async def test_a_post_made_before_the_servers_language_changed_is_still_found(
    rig: Rig, library: Library, before: str | None, after: str | None
) -> None:
    """The post reaches Discord in the server's language, the process dies before it records
    that, the server's language changes, and the process comes back past Discord's nonce window:
    the history check finds the post in its old language, and nothing is posted twice."""
    now = rig.clock.now()
    if before:
        await rig.storage.set_server_language(GUILD, before, now=now)
    await subscribe(rig)
    rig.clock.set(dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC))  # 09:00 in Berlin
    rig.poster.die = "after"
    with pytest.raises(Killed):
        await make_scheduler(rig.storage, library, rig.poster, rig.clock, claimant="host-1").run_once()
    (post,) = rig.posts()
    assert (post.content or "").startswith(daily_header(dt.date(2026, 11, 28), before))
    if after:
        await rig.storage.set_server_language(GUILD, after, now=rig.clock.now())
    else:
        await rig.storage.set_server_language(GUILD, None, now=rig.clock.now())

    rig.clock.advance(minutes=6)  # past the nonce window: only the history check stands in the way
    again = make_scheduler(rig.storage, library, rig.poster, rig.clock, claimant="host-1")
    await rig.storage.reclaim("host-1", rig.clock.now())
    await again.run_once()
    assert len(rig.posts()) == 1
    record = await rig.storage.get_delivery(CHANNEL, dt.date(2026, 11, 28))
    assert record is not None and record.state is DeliveryState.SENT

    # Looking only for the header in the new language would not have found it: it would post again.
    page = [MessageRecord(1 << 40, 4242, post.content or "")]

    async def read_page(after_id: int | None, limit: int) -> list[MessageRecord]:
        return page

    new_only = await find_own_post(
        read_page, author_id=4242, marker=daily_header(dt.date(2026, 11, 28), after), since=rig.clock.now()
    )
    assert new_only.seen is Seen.NOT_FOUND
    every = await find_own_post(
        read_page, author_id=4242, marker=daily_markers(dt.date(2026, 11, 28)), since=rig.clock.now()
    )
    assert every.seen is Seen.FOUND


async def test_stop_autocompletes_an_unnamed_channel_in_the_persons_language(server_env: DiscordEnv) -> None:
    bot = server_env.bot
    await bot.daily.set(GUILD_ID, 4242, dt.time(9), ZoneInfo("UTC"), Order.DOCUMENT, server_env.clock.now())
    payload = interaction_payload(
        "daily", [{"name": "stop", "type": 1, "options": [option("schedule", "", focused=True)]}], autocomplete=True
    )
    payload["locale"] = "fr"
    sent = await server_env.dispatch(payload)
    assert sent.json["data"]["choices"] == [{"name": "salon 4242 · 09:00 UTC", "value": "4242"}]
    payload = interaction_payload(
        "daily", [{"name": "stop", "type": 1, "options": [option("schedule", "", focused=True)]}], autocomplete=True
    )
    payload["locale"] = "zh-CN"
    sent = await server_env.dispatch(payload)
    assert sent.json["data"]["choices"] == [{"name": "频道 4242 · 09:00 UTC", "value": "4242"}]
