"""/about in the server's language: the interface translated, and the document's own words (its
title, its name) taken from the official version in that language when the library holds it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import START, DiscordEnv
from tests.fakediscord import GUILD_ID, interaction_payload, option


async def about(env: DiscordEnv, server_language: str | None, document: str) -> dict[str, Any]:
    await env.storage.set_server_language(GUILD_ID, server_language, now=START)
    sent = await env.dispatch(interaction_payload("about", [option("document", document)]))
    embed: dict[str, Any] = sent.json["data"]["embeds"][0]
    return embed


@pytest.mark.parametrize(
    ("language", "title", "opening"),
    [
        ("fr", "A/RES/78/216 · Appliquer la Déclaration", "**Résolution 78/216 de l’Assemblée générale**, adoptée le"),
        ("es-ES", "A/RES/78/216 · Aplicar la Declaración", "**Resolución 78/216 de la Asamblea General**, aprobada"),
        ("ru", "A/RES/78/216 · Осуществление Декларации", "**Резолюция Генеральной Ассамблеи 78/216**, принята"),
        ("zh-CN", "A/RES/78/216 · 执行《个人、群体和社会机构", "**大会第78/216号决议**，"),
    ],
)
async def test_about_gives_the_official_title_and_name_in_the_servers_language(
    lang_env: DiscordEnv, language: str, title: str, opening: str
) -> None:
    embed = await about(lang_env, language, "78/216")
    assert embed["title"].startswith(title), embed["title"]
    assert embed["description"].startswith(opening), embed["description"]
    assert "A/78/481/Add.2" in embed["description"]  # the report is still named, with its link
    assert "Third Committee" not in embed["description"]  # the English document's words are not mixed in


async def test_about_keeps_the_english_words_where_the_library_has_no_version_in_that_language(
    lang_env: DiscordEnv,
) -> None:
    embed = await about(lang_env, "fr", "62/152")  # 62/152 is shipped in English only
    assert embed["title"].startswith("A/RES/62/152 · Declaration on the Right and Responsibility")
    assert embed["description"].startswith("**General Assembly resolution 62/152**, adoptée le")


async def test_about_in_a_server_without_a_language_is_english(lang_env: DiscordEnv) -> None:
    english = await about(lang_env, None, "78/216")
    assert english["title"].startswith("A/RES/78/216 · Implementing the Declaration")
    assert english["description"].startswith("**General Assembly resolution 78/216**, adopted on 19 December 2023 on")
