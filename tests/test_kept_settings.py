"""A server's settings kept between reads: read once, forgotten on change, re-read after KEEP, bounded."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import kept_settings
from bot.kept_settings import KEEP, KeptLanguages, KeptSettings

NOW = dt.datetime(2026, 12, 2, 16, 0, tzinfo=dt.UTC)


class Store:
    def __init__(self) -> None:
        self.values: dict[int, str] = {}
        self.reads = 0

    async def read(self, guild_id: int) -> str | None:
        self.reads += 1
        return self.values.get(guild_id)


async def test_read_once_forgotten_on_change_and_read_again_after_keep() -> None:
    store = Store()
    kept = KeptSettings(store.read)
    store.values[1] = "oscola"
    assert [await kept.get(1, NOW) for _ in range(3)] == ["oscola"] * 3 and store.reads == 1
    store.values[1] = "aglc"
    assert await kept.get(1, NOW + KEEP / 2) == "oscola"  # another process's change: not yet
    assert await kept.get(1, NOW + KEEP) == "aglc" and store.reads == 2
    store.values[1] = "un"
    kept.forget(1)  # this process's change: at once
    assert await kept.get(1, NOW + KEEP) == "un" and store.reads == 3


async def test_the_kept_servers_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept_settings, "MAX_KEPT", 5)
    store = Store()
    kept = KeptSettings(store.read)
    for guild in range(20):
        await kept.get(guild, NOW)
    assert len(kept._kept) <= 5
    assert 19 in kept._kept


async def test_a_full_table_drops_the_oldest_reads_not_a_server_read_again_just_now(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A server read again after KEEP is the newest read: it stays when a full table drops the oldest.
    monkeypatch.setattr(kept_settings, "MAX_KEPT", 5)
    store = Store()
    kept = KeptSettings(store.read)
    await kept.get(0, NOW)
    for guild in (1, 2, 3):
        await kept.get(guild, NOW + KEEP / 2)
    later = NOW + KEEP
    await kept.get(0, later)  # expired: read again, now the newest read
    await kept.get(9, later)
    await kept.get(10, later)  # full, nothing expired: drops the oldest reads (1, ...), never 0
    assert 0 in kept._kept and 10 in kept._kept and len(kept._kept) <= 5
    reads = store.reads
    await kept.get(0, later)
    assert store.reads == reads  # still kept: no read


async def test_languages_reads_the_person_and_the_server_with_one_clock_read() -> None:
    class Languages:
        async def user_language(self, user_id: int) -> str | None:
            return {7: "fr"}.get(user_id)

        async def server_language(self, guild_id: int) -> str | None:
            return {9: "zh-CN"}.get(guild_id)

    reads: list[dt.datetime] = []

    def now() -> dt.datetime:
        reads.append(NOW)
        return NOW

    kept = KeptLanguages(Languages(), now)
    assert await kept.languages(7, 9) == ("fr", "zh-CN") and len(reads) == 1
    assert await kept.languages(None, 9) == (None, "zh-CN")  # a server's audience: the person is not asked
    assert await kept.languages(7, None) == ("fr", None)  # a DM: no server
    assert await kept.languages(8, 9) == (None, "zh-CN")
    assert len(reads) == 4
