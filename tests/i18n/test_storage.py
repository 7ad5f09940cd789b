"""The language settings in every storage engine (the contract tests' engines, SQLite and PostgreSQL)."""

from __future__ import annotations

from bot.storage import Storage
from tests.storage.conftest import engine, storage  # noqa: F401  (the contract tests' fixtures, per engine)
from tests.storage.test_sqlite import NOW


async def test_a_server_language_is_kept_per_server_beside_its_citation_style_and_forgotten_with_it(
    storage: Storage,  # noqa: F811
) -> None:
    assert await storage.server_language(1) is None
    await storage.set_citation_style(1, "oscola", now=NOW)
    await storage.set_server_language(1, "fr", now=NOW)
    await storage.set_server_language(2, "zh-CN", now=NOW)
    assert (await storage.server_language(1), await storage.server_language(2)) == ("fr", "zh-CN")
    assert await storage.citation_style(1) == "oscola"  # one setting never clears the other
    await storage.set_citation_style(1, "aglc", now=NOW)
    assert await storage.server_language(1) == "fr"
    await storage.set_server_language(2, None, now=NOW)
    assert await storage.server_language(2) is None
    await storage.delete_guild(1)
    assert await storage.server_language(1) is None


async def test_a_persons_language_is_kept_and_forgotten_on_request(storage: Storage) -> None:  # noqa: F811
    assert await storage.user_language(7) is None
    await storage.set_user_language(7, "ru", now=NOW)
    await storage.set_user_language(8, "es-ES", now=NOW)
    await storage.set_user_language(7, "fr", now=NOW)
    assert (await storage.user_language(7), await storage.user_language(8)) == ("fr", "es-ES")
    await storage.set_user_language(7, None, now=NOW)
    assert (await storage.user_language(7), await storage.user_language(8)) == (None, "es-ES")
