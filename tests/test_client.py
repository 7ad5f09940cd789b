"""The bot's wiring: commands, installs and contexts, intents, no sync on start, sync on request."""

from __future__ import annotations

import logging
from pathlib import Path

import discord
import pytest
from discord import app_commands

from bot.client import EXTENSIONS, ResolutionBot, intents
from bot.config import DailySettings
from bot.content.library import Library
from bot.storage import ShardFilter
from bot.storage.sqlite import SQLiteStorage
from tests.conftest import DiscordEnv, close_env, make_env

READING = {"paragraph", "footnote", "summary", "search", "about", "help", "cite", "Quote cited paragraphs"}


async def test_every_extension_loads_and_names_are_unique(env: DiscordEnv) -> None:
    assert set(env.bot.extensions) == set(EXTENSIONS)
    names = [c.name for c in env.bot.tree.get_commands()]  # every type: slash and message commands
    assert len(names) == len(set(names))
    assert set(names) >= READING


async def test_reading_commands_install_anywhere_and_work_in_dms(env: DiscordEnv) -> None:
    payload = [c.to_dict(env.bot.tree) for c in env.bot.tree.get_commands() if c.name in READING]
    assert {c["name"] for c in payload} == READING
    for command in payload:
        assert sorted(command["integration_types"]) == [0, 1], command["name"]
        assert sorted(command["contexts"]) == [0, 1, 2], command["name"]


async def test_command_texts_fit_discord(env: DiscordEnv) -> None:
    for command in env.bot.tree.walk_commands():
        assert 1 <= len(command.name) <= 32
        assert 1 <= len(command.description) <= 100
        if isinstance(command, app_commands.Command):
            for parameter in command.parameters:
                assert 1 <= len(parameter.description) <= 100, (command.name, parameter.name)


def test_no_privileged_intents() -> None:
    wanted = intents()
    assert not (wanted.members or wanted.presences or wanted.message_content)


async def test_no_message_can_ping(library: Library, storage: SQLiteStorage) -> None:
    bot = ResolutionBot(library, storage, run_scheduler=False)
    mentions = bot.allowed_mentions
    assert mentions is not None
    assert dict(mentions.to_dict()) == {"parse": []}


async def test_starting_never_syncs_commands(env: DiscordEnv) -> None:
    assert not [r for r in env.server.requests if "/commands" in r.path]


async def test_sync_to_one_guild_publishes_every_command(
    library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    environment = await make_env(library, monkeypatch, tmp_path / "db.sqlite3")
    server = environment.server
    try:
        guild = discord.Object(id=1234)
        environment.bot.tree.copy_global_to(guild=guild)
        synced = await environment.bot.tree.sync(guild=guild)
        (put,) = [r for r in server.requests if r.method == "PUT"]
        assert put.path.endswith("/guilds/1234/commands")
        assert {c["name"] for c in put.body} >= READING | {"daily", "settings"}
        (menu,) = [c for c in put.body if c["name"] == "Quote cited paragraphs"]
        assert menu["type"] == 3  # a message command: Apps → Quote cited paragraphs
        settings = next(c for c in put.body if c["name"] == "settings")
        assert settings["contexts"] == [0] and settings["integration_types"] == [0]
        assert len(synced) == len(put.body)
    finally:
        await close_env(environment)


async def test_a_sharded_process_posts_only_for_its_own_shards(library: Library, storage: SQLiteStorage) -> None:
    sharded = ResolutionBot(library, storage, run_scheduler=False, shard_ids=[1], shard_count=4)
    assert sharded.scheduler.shard == ShardFilter(4, (1,), DailySettings().takeover_grace)
    assert ResolutionBot(library, storage, run_scheduler=False).scheduler.shard is None


async def test_a_command_removed_since_the_last_sync_gets_a_private_answer_and_no_traceback(
    env: DiscordEnv, caplog: pytest.LogCaptureFixture
) -> None:
    from tests.cogs.test_reading import is_ephemeral, message

    with caplog.at_level(logging.DEBUG):
        data = message(await env.invoke("verse", [{"name": "ref", "type": 3, "value": "4"}]))
        choices = await env.invoke(
            "verse", [{"name": "ref", "type": 3, "value": "4", "focused": True}], autocomplete=True
        )
    assert is_ephemeral(data)
    assert data["content"] == "This command is no longer available; it may take a minute to disappear from Discord."
    assert choices.json == {"type": 8, "data": {"choices": []}}
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


def test_lone_surrogates_in_what_was_typed_become_replacement_characters() -> None:
    # orjson (discord.py's JSON) refuses to encode them: an answer echoing them would be lost.
    from bot.client import without_lone_surrogates

    data = {"options": [{"name": "ref", "value": "op \ud800 4\udfff"}, {"value": 4}], "name": "😀 ¶ ascii"}
    cleaned = without_lone_surrogates(data)
    assert cleaned == {"options": [{"name": "ref", "value": "op \ufffd 4\ufffd"}, {"value": 4}], "name": "😀 ¶ ascii"}
    assert without_lone_surrogates(data["name"]) is data["name"]  # valid text is left as it is
