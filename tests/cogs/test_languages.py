"""Which official text a reader gets, through the real tree as Discord drives it: their Discord locale,
the `language` option (Arabic included), and the one line when a document lacks their language."""

from __future__ import annotations

from typing import Any

import pytest

from bot.content.langs import LRI, PDI, RLI
from tests.conftest import CONTENT, DiscordEnv
from tests.fakediscord import (
    BOT_ID,
    CHANNEL_ID,
    chat_message,
    component_payload,
    interaction_payload,
    message_payload,
    option,
    user_payload,
)

CONTENT_DIR = CONTENT.parent


async def run(env: DiscordEnv, command: str, locale: str, **options: str) -> dict[str, Any]:
    payload = interaction_payload(command, [option(k, v) for k, v in options.items()])
    payload["locale"] = locale
    sent = await env.dispatch(payload)
    assert sent.json["type"] == 4, sent.json
    data: dict[str, Any] = sent.json["data"]
    assert data["allowed_mentions"] == {"parse": []}
    return data


TITLES = {
    "fr": "paragraphe du dispositif 4",
    "es-ES": "párrafo de la parte dispositiva 4",
    "es-419": "párrafo de la parte dispositiva 4",
    "ru": "пункт постановляющей части 4",
    "zh-CN": "执行部分第4段",
    "zh-TW": "执行部分第4段",
}


@pytest.mark.parametrize(
    ("locale", "opening"),
    [
        ("fr", "4. *Exhorte* les États à redoubler d’efforts"),
        ("es-ES", "4. *Insta* a los Estados a que redoblen sus esfuerzos"),
        ("es-419", "4. *Insta* a los Estados a que redoblen sus esfuerzos"),
        ("ru", "4. *настоятельно призывает* государства"),
        ("zh-CN", "4. *敦促*各国加倍努力"),
        ("zh-TW", "4. *敦促*各国加倍努力"),
        ("en-US", "4. *Urges* States to redouble their efforts"),
        ("en-GB", "4. *Urges* States to redouble their efforts"),
        ("de", "4. *Urges* States to redouble their efforts"),  # no UN language: the original, and no note
    ],
)
async def test_the_reader_gets_the_official_text_in_their_discord_language(
    lang_env: DiscordEnv, locale: str, opening: str
) -> None:
    data = await run(lang_env, "paragraph", locale, ref="4", document="78/216")
    (embed,) = data["embeds"]
    assert embed["description"].startswith(opening), embed["description"][:80]
    assert not data.get("content")
    # The reference in the interface language (the same catalogue as the text here).
    assert embed["title"] == f"A/RES/78/216 · {TITLES.get(locale, 'operative paragraph 4')}"


async def test_a_document_without_the_reader_s_language_comes_in_the_original_with_one_line(
    lang_env: DiscordEnv,
) -> None:
    data = await run(lang_env, "paragraph", "fr", ref="4")  # 62/152: English only
    assert (
        data["content"]
        == "*Le texte officiel n’existe pas en français dans la bibliothèque ; voici l’original (anglais).*"
    )
    assert data["embeds"][0]["description"].startswith("4. *Calls upon* all States")


async def test_the_language_option_chooses_any_of_the_six_arabic_included(lang_env: DiscordEnv) -> None:
    data = await run(lang_env, "paragraph", "fr", ref="1", document="78/216", language="ar")
    description = data["embeds"][0]["description"]
    assert description.startswith(f"{RLI}{LRI}1.{PDI} *ترحب*")
    chinese = await run(lang_env, "footnote", "en-US", number="7", document="78/216", language="zh")
    assert chinese["embeds"][0]["description"] == "⁷ 第53/144号决议，附件。"


async def test_buttons_answer_in_the_language_of_whoever_clicks(lang_env: DiscordEnv) -> None:
    payload = interaction_payload("paragraph", [option("ref", "4"), option("document", "78/216")])
    payload["locale"] = "fr"
    sent = await lang_env.dispatch(payload)
    data = sent.json["data"]
    (next_button,) = [c for row in data["components"] for c in row["components"] if c.get("label") == "Suivant"]
    shown = message_payload(CHANNEL_ID, data, author=user_payload(BOT_ID, "resolution-bot", bot=True))
    for locale, opening in (("fr", "5. *Affirme* que les défenseurs des droits humains"), ("ru", "5. *подтверждает*")):
        click = component_payload(shown, next_button["custom_id"])
        click["locale"] = locale
        moved = (await lang_env.dispatch(click)).json["data"]
        assert moved["embeds"][0]["description"].startswith(opening), moved["embeds"][0]["description"][:60]


async def test_quote_cited_paragraphs_finds_a_french_reference_and_shows_the_french_text(lang_env: DiscordEnv) -> None:
    payload = interaction_payload("Quote cited paragraphs", target=chat_message("Relisez le paragraphe 4 de la 78/216"))
    payload["locale"] = "fr"
    data = (await lang_env.dispatch(payload)).json["data"]
    (embed,) = data["embeds"]
    assert embed["title"] == "A/RES/78/216 · paragraphe du dispositif 4"
    assert embed["description"].startswith("4. *Exhorte* les États")
