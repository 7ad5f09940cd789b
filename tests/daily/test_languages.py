"""Daily posts go out in the server's language (i18n's /settings server-language), where the text has it."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import DailySettings
from bot.content.library import Library, load_library
from bot.daily.schedule import Order
from bot.daily.service import DailyService
from bot.storage.sqlite import SQLiteStorage
from tests.clock import FakeClock
from tests.conftest import CONTENT
from tests.daily.conftest import BERLIN, CHANNEL, GUILD, RecordingPoster, Rig, make_scheduler

UTC = dt.UTC


@pytest.fixture(scope="module")
def six() -> Library:
    return load_library([CONTENT, CONTENT.parent / "a-res-78-216.yaml"], "A/RES/62/152")


@pytest.fixture
async def rig6(tmp_path: Path, six: Library) -> AsyncIterator[Rig]:
    storage = await SQLiteStorage.open(tmp_path / "daily.sqlite3")
    clock = FakeClock(dt.datetime(2026, 11, 28, 6, 0, tzinfo=UTC))
    poster = RecordingPoster(clock)
    scheduler = make_scheduler(storage, six, poster, clock)
    service = DailyService(storage, six, DailySettings(), wake=scheduler.wake)
    try:
        yield Rig(storage, clock, poster, scheduler, service, tmp_path)
    finally:
        await storage.close()


async def post_once(rig: Rig, document: str) -> None:
    await rig.service.set(GUILD, CHANNEL, dt.time(9), BERLIN, Order.DOCUMENT, rig.clock.now(), document=document)
    rig.clock.set(dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC))  # 09:00 in Berlin
    assert await rig.scheduler.run_once() == 1


async def test_a_french_server_gets_the_french_text(rig6: Rig) -> None:
    await rig6.storage.set_server_language(GUILD, "fr", now=rig6.clock.now())
    await post_once(rig6, "78/216")
    (post,) = rig6.posts()
    assert post.embeds[0].description == "*Guidée* par les buts et principes énoncés dans la Charte des Nations Unies,"
    assert post.embeds[0].title == "A/RES/78/216 · preambular paragraph 1"
    # The header in the server's language too; the check for a lost send looks for it in every language.
    assert post.content == "**Paragraphe du jour** · 28 novembre 2026 · 1 sur 65"


async def test_a_chinese_server_set_to_zh_cn_gets_the_chinese_text(rig6: Rig) -> None:
    await rig6.storage.set_server_language(GUILD, "zh-CN", now=rig6.clock.now())
    await post_once(rig6, "78/216")
    assert rig6.posts()[0].embeds[0].description == "*遵循*《联合国宪章》的宗旨和原则，"


async def test_a_server_without_a_language_and_a_text_without_the_server_s_get_the_original(rig6: Rig) -> None:
    await post_once(rig6, "78/216")
    assert (
        rig6.posts()[0].embeds[0].description
        == "*Guided* by the purposes and principles of the Charter of the United Nations,"
    )


async def test_a_text_the_library_has_only_in_english_is_posted_in_english(rig6: Rig) -> None:
    await rig6.storage.set_server_language(GUILD, "ru", now=rig6.clock.now())
    await post_once(rig6, "62/152")
    assert (rig6.posts()[0].embeds[0].description or "").startswith(
        "Recalling its resolution 53/144 of 9 December 1998"
    )
