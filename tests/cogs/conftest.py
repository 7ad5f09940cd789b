"""Fixtures shared by the command tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.content.library import Library, load_library
from tests.conftest import CONTENT, DiscordEnv, close_env, make_env


@pytest.fixture(scope="module")
def shelves() -> Library:
    """62/152 (English only) and 78/216 (in the UN's six languages)."""
    return load_library([CONTENT, CONTENT.parent / "a-res-78-216.yaml"], "A/RES/62/152")


@pytest.fixture
async def lang_env(shelves: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AsyncIterator[DiscordEnv]:
    """A bot serving `shelves`."""
    environment = await make_env(shelves, monkeypatch, tmp_path / "bot.sqlite3")
    try:
        yield environment
    finally:
        await close_env(environment)
