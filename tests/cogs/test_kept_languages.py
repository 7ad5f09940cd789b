"""The answers' cost, after the languages work: a person's and a server's language are read from
storage once and kept (bot.kept_settings), like the server's document and style; /settings changes
them at once; what is kept stays bounded however many people use the bot."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from bot import kept_settings
from tests.cogs.test_reading import message
from tests.conftest import DiscordEnv
from tests.fakediscord import GUILD_ID, USER_ID, interaction_payload, option

SETTINGS_READS = ("guild_document", "citation_style", "user_language", "server_language")


def count_reads(env: DiscordEnv, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every settings read, as it reaches the real SQLite storage."""
    reads: list[str] = []
    for name in SETTINGS_READS:
        real = getattr(env.storage, name)

        async def spy(key: int, _real: Any = real, _name: str = name) -> Any:
            reads.append(_name)
            return await _real(key)

        monkeypatch.setattr(env.storage, name, spy)
    return reads


async def answer(
    env: DiscordEnv, command: str, options: list[dict[str, Any]] | None = None, *, locale: str = "fr", **kw: Any
) -> Any:
    payload = interaction_payload(command, options, **kw)
    payload["locale"] = locale
    return await env.dispatch(payload)


def settings(sub: str, value: str) -> list[dict[str, Any]]:
    return [{"type": 1, "name": sub, "options": [option("language", value)]}]


async def test_languages_are_read_once_not_on_every_interaction(
    env: DiscordEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each read is a hop to the database's thread: the same cost kept_settings took off the
    # document and style reads (issue 14's bench), back on every command, keystroke and click.
    reads = count_reads(env, monkeypatch)
    for _ in range(3):
        sent = await env.invoke("paragraph", [option("ref", "4")])
        await env.click(sent, "Next")
        await env.invoke("paragraph", [option("ref", "4", focused=True)], autocomplete=True)
        await env.invoke("cite", [option("ref", "4")])
        await answer(env, "settings", [{"type": 1, "name": "citation-style", "options": []}], locale="de")
    counted = Counter(r for r in reads if r != "citation_style")  # /settings shows the stored one
    assert counted["user_language"] == 1 and counted["server_language"] == 1, counted
    assert all(n == 1 for n in counted.values()), counted


def say(locale: str, message_id: str, **args: Any) -> str:
    from bot.i18n.catalogue import shipped_catalogues

    return shipped_catalogues().format(locale, message_id, **args)


async def style_shown_in(env: DiscordEnv, locale: str, discord_locale: str = "fr") -> bool:
    """Whether a private answer (the current citation style) came in `locale`."""
    sub = [{"type": 1, "name": "citation-style", "options": []}]
    shown = message(await answer(env, "settings", sub, locale=discord_locale))
    expected = say(locale, "settings-style-current", style=say(locale, "choice-style-un"))
    return bool(shown["content"] == expected)


async def test_a_persons_new_language_is_used_at_once_and_another_processs_within_a_minute(env: DiscordEnv) -> None:
    assert await style_shown_in(env, "fr")  # their Discord language, now kept
    await answer(env, "settings", settings("language", "ru"))
    assert await style_shown_in(env, "ru")  # at once
    # Another process of the bot (they typed it in a server another shard serves): within a minute.
    await env.storage.set_user_language(USER_ID, "es-ES", now=env.clock.now())
    assert await style_shown_in(env, "ru")
    env.clock.advance(seconds=61)
    assert await style_shown_in(env, "es-ES")


async def test_a_servers_new_language_is_used_at_once(env: DiscordEnv) -> None:
    # A client in German (no catalogue) reads the server's language, else English.
    assert await style_shown_in(env, "en-US", discord_locale="de")  # the server's (none), now kept
    await answer(env, "settings", settings("server-language", "zh-CN"))
    assert await style_shown_in(env, "zh-CN", discord_locale="de")  # at once
    await answer(env, "settings", settings("server-language", "unset"))
    assert await style_shown_in(env, "en-US", discord_locale="de")
    assert await env.storage.server_language(GUILD_ID) is None
    await env.storage.set_server_language(GUILD_ID, "ru", now=env.clock.now())  # another process
    assert await style_shown_in(env, "en-US", discord_locale="de")
    env.clock.advance(seconds=61)
    assert await style_shown_in(env, "ru", discord_locale="de")


async def test_the_kept_languages_stay_bounded_however_many_people_ask(
    env: DiscordEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kept_settings, "MAX_KEPT", 5)
    for n in range(20):
        await env.invoke("paragraph", [option("ref", "4")], user_id=USER_ID + 1000 + n)
    kept = env.bot.kept_user_languages._kept
    assert 0 < len(kept) <= 5 and USER_ID + 1019 in kept


async def test_commands_and_autocomplete_start_no_task_for_the_click_listener(
    env: DiscordEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only a click is answered from the gateway's interaction event (bot.interactions.clicked); a
    # listener on every interaction cost a task and a loop turn on each command and keystroke.
    scheduled: list[str] = []
    real = env.bot._schedule_event

    def spy(coro: Any, event_name: str, *args: Any, **kwargs: Any) -> Any:
        scheduled.append(event_name)
        return real(coro, event_name, *args, **kwargs)

    monkeypatch.setattr(env.bot, "_schedule_event", spy)
    sent = await env.invoke("paragraph", [option("ref", "4")])
    await env.invoke("paragraph", [option("ref", "4", focused=True)], autocomplete=True)
    assert scheduled == [], scheduled
    after = await env.click(sent, "Next")  # a click is still answered: its message moves on
    assert after.json["type"] == 7
    assert [e["title"] for e in after.json["data"]["embeds"]] == ["A/RES/62/152 · operative paragraph 5"]
