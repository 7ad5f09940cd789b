"""/help, /about and /settings under each interface language, through the real tree as Discord drives it."""

from __future__ import annotations

from typing import Any

import pytest

from bot.i18n import LOCALES, SOURCE_LOCALE
from bot.i18n.catalogue import shipped_catalogues
from bot.render import HELP_COMMANDS
from tests.cogs.test_reading import assert_within_discord_limits
from tests.conftest import DiscordEnv
from tests.fakediscord import ALL_PERMISSIONS, OTHER_USER_ID, interaction_payload, option

EPHEMERAL = 64
MANAGE_GUILD = 1 << 5
NOT_A_MANAGER = str(int(ALL_PERMISSIONS) & ~MANAGE_GUILD)
TRANSLATED = [locale for locale in LOCALES if locale != SOURCE_LOCALE]


async def invoke(
    env: DiscordEnv, command: str, options: list[dict[str, Any]] | None = None, *, locale: str = "en-US", **kw: Any
) -> dict[str, Any]:
    """Run a command as a client in `locale` would, and return the message the bot answered with."""
    payload = interaction_payload(command, options, **kw)
    payload["locale"] = locale
    sent = await env.dispatch(payload)
    assert sent.json["type"] == 4, sent.json
    data: dict[str, Any] = sent.json["data"]
    assert data["allowed_mentions"] == {"parse": []}
    return data


def settings(sub: str, value: str | None = None) -> list[dict[str, Any]]:
    return (
        [{"type": 1, "name": sub, "options": [option("language" if "language" in sub else "style", value)]}]
        if (value is not None)
        else [{"type": 1, "name": sub, "options": []}]
    )


def say(locale: str, message_id: str, attribute: str | None = None, **args: Any) -> str:
    return shipped_catalogues().format(locale, message_id, attribute, **args)


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_help_is_in_the_readers_language_with_no_english_left(env: DiscordEnv, locale: str) -> None:
    data = await invoke(env, "help", locale=locale)
    text = data["content"]
    assert data["flags"] & EPHEMERAL
    assert text.startswith(say(locale, "help-title", symbol="A/RES/62/152"))
    for key in ("help-paragraph", "help-cite", "help-daily-set", "help-settings-language", "help-help"):
        assert say(locale, key) in text
        assert say(SOURCE_LOCALE, key) not in text  # no English where a translation exists
    (notes,) = data["embeds"]  # the reference syntax, below the commands
    assert say(locale, "help-discussion") in notes["description"]
    assert "`/paragraph 4`" in text and "`/cite 4 style:bluebook`" in text  # what people type stays English
    assert len(text) <= 2000


@pytest.mark.parametrize("locale", LOCALES)
async def test_the_console_s_help_and_about_are_the_discord_commands_replies(env: DiscordEnv, locale: str) -> None:
    """`python -m bot show "/help locale:fr"` answered in English from a second, English-only copy of
    /help and /about (with its own list of commands), while Discord answered in French. There is
    one of each now, and the console shows exactly what a reader in a DM gets."""
    answers = env.bot.answers
    helped = await invoke(env, "help", locale=locale, dm=True)
    console = answers.help(in_server=False, locale=locale)
    assert helped["content"] == console.content
    assert [e["description"] for e in helped["embeds"]] == [e.description for e in console.embeds]
    (about,) = (await invoke(env, "about", locale=locale, dm=True))["embeds"]
    (shown,) = answers.about(in_server=False, locale=locale).embeds
    assert about == shown.to_dict() | {"type": "rich"}


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_about_in_a_dm_is_in_the_readers_language(env: DiscordEnv, locale: str) -> None:
    (embed,) = (await invoke(env, "about", locale=locale, dm=True))["embeds"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert embed["title"].startswith("A/RES/62/152 · ")  # the document's own title stays as published
    assert say(locale, "about-contents") in fields and say(locale, "about-commands") in fields
    assert "`/daily set`" not in fields[say(locale, "about-commands")]  # not in a DM
    assert fields[say(locale, "about-contents")] == say(
        locale, "about-contents", "value", preambular=15, operative=17, footnotes=6
    )
    assert embed["footer"]["text"] == say(locale, "about-footer")
    for text in (*fields, embed["description"]):
        assert "adopted on" not in text and "Contents" not in text


@pytest.mark.parametrize("locale", LOCALES)
async def test_about_in_a_server_lists_every_command_within_discords_limits(env: DiscordEnv, locale: str) -> None:
    # A server lists the most commands (/daily, /settings), and French and Spanish say each at length.
    if locale != SOURCE_LOCALE:
        await invoke(env, "settings", settings("server-language", locale))
    data = await invoke(env, "about", locale=locale)
    (embed,) = data["embeds"]
    assert embed["footer"]["text"] == say(locale, "about-footer")
    listed = {f["name"]: f["value"] for f in embed["fields"]}[say(locale, "about-commands")]
    for example, _key, _ in HELP_COMMANDS:
        assert f"`{example}`" in listed, example
    assert listed.endswith(say(locale, "about-commands-more"))  # what each does is in /help
    assert_within_discord_limits(data)


@pytest.mark.parametrize("locale", LOCALES)
async def test_help_in_a_server_is_whole_in_every_language(env: DiscordEnv, locale: str) -> None:
    data = await invoke(env, "help", locale=locale)
    shown = "\n".join([data.get("content") or "", *(e.get("description") or "" for e in data.get("embeds") or [])])
    for example, key, _ in HELP_COMMANDS:
        assert f"`{example}` — {say(locale, key)}" in shown, example
    assert say(locale, "help-references", number="62/152") in shown
    assert say(locale, "help-discussion") in shown
    assert say(locale, "help-contents", operative=17, preambular=15, footnotes=6) in shown  # the last line, uncut
    assert_within_discord_limits(data)


async def test_a_persons_language_choice_is_kept_and_wins_over_their_discord_language(env: DiscordEnv) -> None:
    chosen = await invoke(env, "settings", settings("language", "ru"), locale="fr")
    assert chosen["flags"] & EPHEMERAL
    assert chosen["content"] == say("ru", "settings-language-chosen", language="Русский")
    assert (await invoke(env, "help", locale="fr", dm=True))["content"].startswith("**Чтение")  # everywhere
    shown = await invoke(env, "settings", settings("language"), locale="es-ES")
    assert shown["content"] == say("ru", "settings-language-chosen", language="Русский")
    back = await invoke(env, "settings", settings("language", "auto"), locale="es-ES")
    assert back["content"] == say("es-ES", "settings-language-auto", language="Español")
    assert (await invoke(env, "help", locale="es-419"))["content"].startswith("**Leer")
    assert await env.storage.user_language(900000000000000003) is None  # nothing kept once back to automatic


async def test_a_server_language_sets_public_answers_and_fills_in_for_languages_without_a_catalogue(
    env: DiscordEnv,
) -> None:
    set_ = await invoke(env, "settings", settings("server-language", "zh-CN"), locale="en-US")
    assert set_["content"] == say("en-US", "settings-server-language-set", language="中文（简体）")
    (embed,) = (await invoke(env, "about", locale="fr"))["embeds"]  # public in the server: its language
    assert embed["footer"]["text"] == say("zh-CN", "about-footer")
    assert (await invoke(env, "help", locale="fr"))["content"].startswith("**Lire")  # private: the person's
    assert (await invoke(env, "help", locale="de"))["content"].startswith("**阅读")  # no German: the server's
    assert (await invoke(env, "help", locale="en-GB"))["content"].startswith("**Reading")
    unset = await invoke(env, "settings", settings("server-language", "unset"), locale="fr")
    assert unset["content"] == say("fr", "settings-server-language-unset", language="English")
    (embed,) = (await invoke(env, "about", locale="fr"))["embeds"]
    assert embed["footer"]["text"] == say("en-US", "about-footer")


async def test_only_server_managers_set_the_server_language_but_anyone_sets_their_own(env: DiscordEnv) -> None:
    refused = await invoke(
        env,
        "settings",
        settings("server-language", "fr"),
        locale="fr",
        user_id=OTHER_USER_ID,
        member_permissions=NOT_A_MANAGER,
    )
    assert refused["flags"] & EPHEMERAL
    assert refused["content"].endswith(say("fr", "settings-manage-server"))
    assert await env.storage.server_language(900000000000000004) is None
    own = await invoke(
        env, "settings", settings("language", "fr"), user_id=OTHER_USER_ID, member_permissions=NOT_A_MANAGER
    )
    assert own["content"] == say("fr", "settings-language-chosen", language="Français")
    assert await env.storage.user_language(OTHER_USER_ID) == "fr"


@pytest.mark.parametrize("locale", LOCALES)
async def test_the_citation_style_setting_answers_in_the_readers_language(env: DiscordEnv, locale: str) -> None:
    data = await invoke(env, "settings", settings("citation-style", "oscola"), locale=locale)
    assert data["content"] == say(locale, "settings-style-set", style=say(locale, "choice-style-oscola"))
    shown = await invoke(env, "settings", settings("citation-style"), locale=locale)
    assert shown["content"] == say(locale, "settings-style-current", style=say(locale, "choice-style-oscola"))


async def test_the_settings_command_is_visible_to_everyone_and_still_server_only(env: DiscordEnv) -> None:
    await env.bot.tree.sync()
    (put,) = [r for r in env.server.requests if r.method == "PUT"]
    (command,) = [c for c in put.body if c["name"] == "settings"]
    assert command.get("default_member_permissions") is None  # else members could not choose their language
    assert command["contexts"] == [0] and command["integration_types"] == [0]
