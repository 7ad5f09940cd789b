"""The library's search index is built once, when first needed or when warmed, never at loading."""

from __future__ import annotations

import threading
from typing import Any

import pytest

import bot.content.library as library_module
from bot.content.library import load_library
from tests.conftest import CONTENT


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    made: list[int] = []
    real = library_module.SearchIndex  # type: ignore[attr-defined]

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(library_module, "SearchIndex", counted)
    return made


def test_loading_builds_no_index_and_the_first_search_builds_it_once(builds: list[int]) -> None:
    library = load_library([CONTENT, CONTENT.parent / "a-res-78-216.yaml"], None)
    assert builds == []  # start-up reads the texts only
    assert library.index.search("impunity", limit=3).hits
    assert library.index.search("impunité", limit=3).hits  # every language is in it
    assert builds == [1]


def test_a_warm_up_and_a_search_at_the_same_time_build_one_index(builds: list[int]) -> None:
    library = load_library([CONTENT, CONTENT.parent / "a-res-78-216.yaml"], None)
    threads = [threading.Thread(target=library.warm) for _ in range(4)]
    for thread in threads:
        thread.start()
    found = library.index.search("defenders", limit=3).hits
    for thread in threads:
        thread.join()
    assert found and builds == [1]


async def test_the_bot_builds_the_index_in_a_thread_once_it_is_ready(
    builds: list[int], monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    from tests.conftest import close_env, make_env

    library = load_library([CONTENT], None)
    env = await make_env(library, monkeypatch, tmp_path / "bot.sqlite3")
    try:
        assert builds == []  # start-up does not build it: it would compete with connecting
        await env.bot.on_ready()
        await env.bot.on_ready()  # READY again after a reconnect: still one build
        assert env.bot._warming is not None
        await env.bot._warming
        assert builds == [1]
        library.index.search("impunity")
        assert builds == [1]
    finally:
        await close_env(env)
