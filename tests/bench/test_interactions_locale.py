"""bench/interactions.py --locale times answers in the reader's language, not English ones: a quick
run (few rounds) in French and Chinese, and its check refusing answers in another language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import discord
import pytest

from bench import interactions

TITLES = {"fr": "paragraphe du dispositif 4", "zh-CN": "执行部分第4段"}
BUTTONS = {"fr": "«Précédent»/«Suivant»", "zh-CN": "«上一项»/«下一项»"}
TYPED = {"fr": "/search impunité", "zh-CN": "/search 有罪不罚"}


@pytest.fixture(autouse=True)
def _route_base() -> Iterator[None]:
    """The bench points discord.py at its local server: put it back for the other tests."""
    old = discord.http.Route.BASE
    try:
        yield
    finally:
        discord.http.Route.BASE = old


async def _run(locale: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, dict[str, Any]]:
    seen: dict[str, Any] = {}
    check = interactions.check_language

    def recording(answers: dict[str, Any], locale: str | None, words: interactions.Words) -> str:
        seen.update(answers)
        return check(answers, locale, words)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(interactions, "check_language", recording)
        await interactions.main(["--rounds", "3", "--locale", locale])  # 3 rounds: the ratios mean nothing
    return capsys.readouterr().out, seen


@pytest.mark.parametrize("locale", ["fr", "zh-CN"])
async def test_a_locale_run_answers_in_that_language(locale: str, capsys: pytest.CaptureFixture[str]) -> None:
    out, answers = await _run(locale, capsys)
    assert f"Discord locale {locale})" in out
    assert f"answers checked in {locale}: /paragraph 4 is «A/RES/78/216 · {TITLES[locale]}»" in out
    assert BUTTONS[locale] in out
    assert TYPED[locale] in out  # the reader's own words are what is timed
    assert len(answers) == 15
    paragraph = answers["/paragraph 4"]["data"]
    assert paragraph["embeds"][0]["title"] == f"A/RES/78/216 · {TITLES[locale]}"
    official = "/fr/" if locale == "fr" else "/zh/"
    assert official in paragraph["embeds"][0]["footer"]["text"]  # the official text in that language too
    labels = {c.get("label") for row in paragraph["components"] for c in row["components"]}
    assert not labels & {"Next", "Previous", "Cite"}


async def test_the_check_refuses_english_answers_for_a_french_run(capsys: pytest.CaptureFixture[str]) -> None:
    _, english = await _run("en-US", capsys)
    with pytest.raises(interactions.NotInLocale, match="fr: buttons"):
        interactions.check_language(english, "fr", interactions.WORDS["fr"])
    assert interactions.check_language(english, "en-US", interactions.WORDS["en-US"]).startswith("answers checked")
