"""The channel pickers of /daily, as Discord receives them from a sync: only channels a daily post can go to."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import DiscordEnv

POSTABLE_TYPES = [0, 5, 10, 11, 12]  # text, announcement, announcement thread, public and private thread


def synced_channel_option(env: DiscordEnv, sub: str) -> dict[str, Any]:
    """The `channel` option of /daily `sub` in the payload `tree.sync()` sends Discord."""
    (command,) = [c for c in env.bot.tree.get_commands() if c.name == "daily"]
    payload = command.to_dict(env.bot.tree)
    (subcommand,) = [o for o in payload["options"] if o["name"] == sub]
    (channel,) = [o for o in subcommand["options"] if o["name"] == "channel"]
    assert isinstance(channel, dict)
    return channel


@pytest.mark.parametrize("sub", ["set", "preview", "skip"])
async def test_every_daily_channel_picker_offers_only_channels_a_post_can_go_to(env: DiscordEnv, sub: str) -> None:
    channel = synced_channel_option(env, sub)
    assert sorted(channel.get("channel_types", [])) == POSTABLE_TYPES  # no voice, stage, category, forum, media


@pytest.mark.parametrize("sub", ["preview", "skip"])
async def test_the_channel_stays_optional_for_preview_and_skip(env: DiscordEnv, sub: str) -> None:
    assert not synced_channel_option(env, sub).get("required", False)
