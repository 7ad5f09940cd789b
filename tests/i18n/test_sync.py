"""The localised commands as Discord receives them: a real sync through the real CommandTree to FakeDiscord."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import discord
import pytest
from discord.app_commands import TranslationContextLocation as Where

import bot.__main__
import bot.client
from bot.__main__ import EXIT_BAD_SETUP, _sync, load
from bot.content.library import Library
from bot.i18n import LOCALES, SOURCE_LOCALE, load_catalogues
from bot.i18n.catalogue import LOCALES_DIR
from bot.i18n.translator import (
    CatalogueTranslator,
    check_command_texts,
    check_sync,
    command_key,
    sync_payload,
    translate_choices,
)
from tests.conftest import ROOT, DiscordEnv
from tests.fakediscord import BOT_TOKEN, FakeDiscord

TRANSLATED = set(LOCALES) - {SOURCE_LOCALE}
# Discord's documented limits (developer docs, Application Commands): name 1-32, description 1-100,
# choice name 1-100, for the default text and every localisation.
NAME, DESCRIPTION, CHOICE = 32, 100, 100


def _put(server: FakeDiscord) -> list[dict[str, Any]]:
    (put,) = [r for r in server.requests if r.method == "PUT" and r.path.endswith("/commands")]
    assert isinstance(put.body, list)
    return put.body


def _fits(texts: dict[str, str] | None, limit: int) -> bool:
    return all(1 <= len(t) <= limit for t in (texts or {}).values())


def _options(command: dict[str, Any]) -> list[dict[str, Any]]:
    """Every option of a command, through its subcommands."""
    found = []
    for option in command.get("options") or []:
        if option["type"] in (1, 2):  # a subcommand or a group of them
            found += _options(option)
        else:
            found.append(option)
    return found


async def test_a_global_sync_sends_every_description_and_choice_in_every_language_within_discords_limits(
    env: DiscordEnv,
) -> None:
    synced = await env.bot.tree.sync()
    payload = _put(env.server)
    assert len(synced) == len(payload)
    commands = [c for c in payload if c.get("type", 1) == 1]
    assert {c["name"] for c in commands} >= {"paragraph", "cite", "help", "about", "daily", "settings"}
    seen_choices = 0
    for command in commands:
        assert 1 <= len(command["name"]) <= NAME and not command.get("name_localizations"), command["name"]
        assert set(command["description_localizations"]) >= TRANSLATED, command["name"]
        assert _fits(command["description_localizations"], DESCRIPTION), command["name"]
        for sub in command.get("options") or []:
            if sub["type"] == 1:  # a subcommand: described too, named in English
                assert not sub.get("name_localizations"), sub["name"]
                assert set(sub["description_localizations"]) >= TRANSLATED, sub["name"]
                assert _fits(sub["description_localizations"], DESCRIPTION), sub["name"]
        for option in _options(command):
            where = f"/{command['name']} {option['name']}"
            assert not option.get("name_localizations"), where  # option names stay English
            assert set(option["description_localizations"]) >= TRANSLATED, where
            assert _fits(option["description_localizations"], DESCRIPTION), where
            for choice in option.get("choices") or []:
                seen_choices += 1
                localised = choice.get("name_localizations")
                if localised is None:  # a language's own name: the same for everyone
                    assert option["name"] == "language", (where, choice)
                    continue
                assert set(localised) >= TRANSLATED, (where, choice["value"])
                assert _fits(localised, CHOICE), (where, choice["value"])
    assert seen_choices > 10
    (menu,) = [c for c in payload if c.get("type") == 3]
    assert set(menu["name_localizations"]) >= TRANSLATED and _fits(menu["name_localizations"], NAME)


async def test_what_discord_shows_a_french_spanish_russian_and_chinese_user(env: DiscordEnv) -> None:
    await env.bot.tree.sync()
    payload = {c["name"]: c for c in _put(env.server)}
    paragraph = payload["paragraph"]
    assert paragraph["description_localizations"]["fr"].startswith("Affiche un paragraphe ou un article tel quel")
    assert paragraph["description_localizations"]["es-419"] == paragraph["description_localizations"]["es-ES"]
    (order,) = [o for o in _options(payload["daily"]) if o["name"] == "order"]
    names = {c["value"]: c["name_localizations"] for c in order["choices"]}
    assert names["operative"]["fr"] == "paragraphes du dispositif seulement"
    assert names["preamble"]["ru"] == "только пункты преамбулы"
    assert names["operative"]["zh-CN"] == "仅执行部分段落"
    assert "en-GB" not in paragraph["description_localizations"]  # English is the default text itself


async def test_the_shipped_catalogues_pass_every_check_before_a_sync(env: DiscordEnv) -> None:
    assert await check_sync(env.bot.tree, env.bot.catalogues) == []


async def test_a_description_changed_in_the_code_but_not_in_the_catalogue_is_reported(env: DiscordEnv) -> None:
    command = env.bot.tree.get_command("about")
    assert isinstance(command, discord.app_commands.Command)
    command.description = "About this resolution"  # as a cog edit would, with no catalogue change
    command._locale_description = None
    (problem,) = check_command_texts(env.bot.tree, env.bot.catalogues)
    assert "en-US/commands.ftl:" in problem and "cmd-about" in problem and "“About this resolution”" in problem


async def test_sync_refuses_to_publish_translations_discord_would_reject(
    library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(LOCALES_DIR, tmp_path / "locales")
    french = tmp_path / "locales" / "fr" / "commands.ftl"
    too_long = "Affiche un paragraphe ou un article " + "vraiment " * 12  # the UN term kept: only the length fails
    text = french.read_text(encoding="utf-8")
    start = text.index("cmd-paragraph = ")
    end = text.index("\n", start)
    french.write_text(text[:start] + f"cmd-paragraph = {too_long}" + text[end:], encoding="utf-8")
    broken = load_catalogues(tmp_path / "locales")
    monkeypatch.setattr(bot.__main__, "load_catalogues", lambda: broken)  # sync reads every language first
    server = FakeDiscord()
    monkeypatch.setattr(discord.http.Route, "BASE", await server.start())
    try:
        settings, _ = load(ROOT / "config.example.yaml")
        assert await _sync(settings, library, BOT_TOKEN, None) == EXIT_BAD_SETUP
    finally:
        await server.stop()
    assert not [r for r in server.requests if "/commands" in r.path]  # nothing published
    err = capsys.readouterr().err
    assert "Not synced: 1 problem(s) in the command translations:" in err
    assert f"/paragraph [fr]: {len(too_long.strip())} characters (Discord allows 1–100)" in err
    assert "Traceback" not in err


async def test_two_options_with_the_same_choice_value_keep_their_own_translations(env: DiscordEnv) -> None:
    # /compare offers part:preamble ("Preamble"); /daily set has order:preamble ("preambular paragraphs
    # only"). A choice keyed by its value alone gave both the same translation. The probe's option is one
    # no catalogue has translated.
    @discord.app_commands.command(description="Probe")
    @discord.app_commands.choices(section=[discord.app_commands.Choice(name="Preamble", value="preamble")])
    async def probe(interaction: discord.Interaction, section: discord.app_commands.Choice[str]) -> None:
        raise AssertionError("never run")

    env.bot.tree.add_command(probe)
    translate_choices(env.bot.tree)
    payload = {c["name"]: c for c in await sync_payload(env.bot.tree, CatalogueTranslator(env.bot.catalogues))}
    (section,) = _options(payload["probe"])
    assert not section["choices"][0].get("name_localizations")  # nobody has translated this "Preamble"
    (order,) = [o for o in _options(payload["daily"]) if o["name"] == "order"]
    (preamble,) = [c for c in order["choices"] if c["value"] == "preamble"]
    assert preamble["name_localizations"]["fr"] == "alinéas du préambule seulement"
    problems = check_command_texts(env.bot.tree, env.bot.catalogues)
    assert [p for p in problems if "choice 'preamble'" in p and "/probe section" in p], problems
    assert not [p for p in problems if "preambular paragraphs only" in p or "/daily" in p], problems
    (compare,) = [o for o in _options(payload["compare"]) if o["name"] == "part"]
    (preamble,) = [c for c in compare["choices"] if c["value"] == "preamble"]
    assert preamble["name_localizations"]["fr"] == "Préambule"


async def test_a_renamed_option_is_keyed_by_the_name_discord_shows(env: DiscordEnv) -> None:
    # /compare's `from` is `from_` in Python (a keyword): the catalogue names it as people see it.
    compare = env.bot.tree.get_command("compare")
    assert isinstance(compare, discord.app_commands.Command)
    (earlier,) = [p for p in compare.parameters if p.display_name == "from"]
    text = earlier.locale_description or discord.app_commands.locale_str(earlier.description)
    context: discord.app_commands.TranslationContextTypes = discord.app_commands.TranslationContext(
        Where.parameter_description, earlier
    )
    assert command_key(text, context) == ("cmd-compare", "from")
    payload = {c["name"]: c for c in await sync_payload(env.bot.tree, CatalogueTranslator(env.bot.catalogues))}
    (sent,) = [o for o in payload["compare"]["options"] if o["name"] == "from"]
    assert sent["description_localizations"]["fr"] == env.bot.catalogues.lookup("fr", "cmd-compare", "from")


@pytest.mark.parametrize("locale", LOCALES)
def test_the_un_style_choice_shows_what_cite_gives_in_that_language(library: Library, locale: str) -> None:
    """The style menu's example of the `un` style is the citation /cite writes for para 4 of 62/152
    in the reader's language (the Russian example once put the number before "Генеральной Ассамблеи",
    where the UN's Russian texts, and so /cite, put it after)."""
    from bot.content.cite import citation
    from bot.content.langs import text_language
    from bot.content.model import Kind, Ref
    from bot.i18n import say

    label = say(locale, "choice-style-un")
    example = re.split(r"\s?[:：]\s?", label, maxsplit=1)[1]
    cited = citation(library.default, [Ref(Kind.OPERATIVE, 4)], "un", language=text_language(locale)).text
    assert example == cited
