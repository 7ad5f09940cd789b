"""Every reply stays within Discord's limits on generated resolutions of up to 200 paragraphs."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bot.answers import Answers
from bot.content.library import Library, load_library
from bot.content.model import Document
from tests import generated
from tests.cogs.test_citing import buttons
from tests.cogs.test_reading import assert_within_discord_limits, message
from tests.conftest import close_env, make_env
from tests.fakediscord import option
from tests.test_render import assert_fits


@pytest.fixture(scope="module", params=[(15, 17, 6, False), (100, 100, 40, False), (60, 140, 20, True)])
def big(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Library:
    preamble, operative, footnotes, longest = request.param
    mapping = generated.document(1, preamble=preamble, operative=operative, footnotes=footnotes, longest=longest)
    path = generated.write(tmp_path_factory.mktemp("docs"), mapping)
    return load_library([path], None)


def test_summary_pages_each_fit_and_together_hold_everything(big: Library) -> None:
    answers = Answers(big)
    doc: Document = big.default
    for addressee in ("all", "states"):
        page, seen = 0, ""
        while True:
            reply = answers.summary(addressee, page=page)
            assert_fits(reply)
            seen += "".join(e.description or "" for e in reply.embeds)
            assert reply.nav is not None
            if reply.nav.more is None:
                break
            page += 1
            assert page < 100
        wanted = [p for p in doc.operative if addressee == "all" or "states" in p.addressees]
        assert all(f"**{p.ref.label}**" in seen for p in wanted)


def test_paragraph_ranges_fit(big: Library) -> None:
    answers = Answers(big)
    doc = big.default
    rng = random.Random(7)
    for _ in range(30):
        start = rng.randint(1, len(doc.operative))
        end = min(len(doc.operative), start + rng.randint(0, 40))
        reply = answers.paragraph(f"{start}-{end}")
        assert_fits(reply)
        assert reply.embeds
    assert_fits(answers.paragraph(f"pp1-{min(len(doc.preamble), 60)}"))
    assert_fits(answers.cite(f"1-{min(len(doc.operative), 60)}", "bluebook", quote=True))


async def test_summary_more_pages_through_a_long_summary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    mapping = generated.document(2, preamble=20, operative=180, footnotes=10, longest=True)
    library = load_library([generated.write(tmp_path, mapping)], None)
    env = await make_env(library, monkeypatch, tmp_path / "db.sqlite3")
    try:
        sent = await env.invoke("summary", [option("addressee", "all")])
        pages = 1
        while "More" in buttons(message(sent) if sent.json["type"] == 4 else sent.json["data"]):
            data = sent.json["data"]
            assert_within_discord_limits(data)
            sent = await env.click(sent, "More")
            assert sent.json["type"] == 7
            pages += 1
            assert pages < 50
        assert pages > 1
        assert sent.json["data"]["content"] == f"Page {pages} of {pages}."
    finally:
        await close_env(env)
