"""Slash commands as Discord drives them: raw INTERACTION_CREATE in, recorded JSON out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.content.library import load_library
from tests.conftest import FIXTURE_DOC, DiscordEnv, close_env, make_env
from tests.fakediscord import component_problems, option

EPHEMERAL = 64
CHANNEL_MESSAGE = 4
AUTOCOMPLETE_RESULT = 8


def message(sent: Any) -> dict[str, Any]:
    assert sent.json["type"] == CHANNEL_MESSAGE, sent.json
    data: dict[str, Any] = sent.json["data"]
    assert data["allowed_mentions"] == {"parse": []}, "no reply may ping anyone"
    assert component_problems(data) == [], "Discord would refuse this message (400, code 50035)"
    return data


def is_ephemeral(data: dict[str, Any]) -> bool:
    return bool(data.get("flags", 0) & EPHEMERAL)


def assert_within_discord_limits(data: dict[str, Any]) -> None:
    embeds = data.get("embeds") or []
    assert len(embeds) <= 10
    total = 0
    for embed in embeds:
        assert len(embed.get("title", "")) <= 256
        assert len(embed.get("description") or "") <= 4096
        assert len(embed.get("fields", [])) <= 25
        for field in embed.get("fields", []):
            assert len(field["name"]) <= 256 and len(field["value"]) <= 1024
        assert len(embed.get("footer", {}).get("text", "")) <= 2048
        total += len(embed.get("title", "")) + len(embed.get("description") or "")
        total += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
        total += len(embed.get("footer", {}).get("text", ""))
    assert total <= 6000
    assert len(data.get("content") or "") <= 2000


async def test_paragraph_in_a_server_is_public_and_verbatim(env: DiscordEnv) -> None:
    data = message(await env.invoke("paragraph", [option("ref", "1")]))
    assert not is_ephemeral(data)
    (embed,) = data["embeds"]
    assert embed["title"] == "A/RES/62/152 · operative paragraph 1"
    assert embed["description"].startswith("1. *Calls upon* all States to promote and give full effect")
    assert "Fundamental Freedoms,⁵ including" in embed["description"]
    assert embed["fields"] == [
        {
            "name": "Footnotes",
            "value": "⁵ Resolution 53/144, annex. — [resolution 53/144](https://undocs.org/en/A/RES/53/144)",
            "inline": False,
        }
    ]
    assert embed["footer"]["text"] == "General Assembly resolution 62/152, para. 1 · https://undocs.org/en/A/RES/62/152"
    assert embed["url"] == "https://undocs.org/en/A/RES/62/152"


async def test_paragraph_works_in_a_dm(env: DiscordEnv) -> None:
    data = message(await env.invoke("paragraph", [option("ref", "PP 10")], dm=True))
    (embed,) = data["embeds"]
    assert embed["title"] == "A/RES/62/152 · preambular paragraph 10"
    assert [f["name"] for f in embed["fields"]] == ["Footnotes"]
    assert embed["fields"][0]["value"].count("\n") == 1  # footnotes 3 and 4


async def test_a_range_sends_one_embed_per_paragraph_with_the_citation(env: DiscordEnv) -> None:
    data = message(await env.invoke("paragraph", [option("ref", "¶¶ 4–6")]))
    assert [e["title"].split(" · ")[1] for e in data["embeds"]] == [
        "operative paragraph 4",
        "operative paragraph 5",
        "operative paragraph 6",
    ]
    assert data["content"] == "**General Assembly resolution 62/152, paras. 4–6**"
    assert_within_discord_limits(data)


async def test_a_range_too_big_for_one_message_says_what_it_left_out(env: DiscordEnv) -> None:
    data = message(await env.invoke("paragraph", [option("ref", "pp1-15")]))
    assert_within_discord_limits(data)
    shown = len(data["embeds"])
    assert 1 <= shown < 15
    assert f"Showing {shown} of 15" in data["content"]
    assert f"Left out: PP{shown + 1}-15" in data["content"]


async def test_a_footnote_reference_in_paragraph_shows_the_footnote(env: DiscordEnv) -> None:
    data = message(await env.invoke("paragraph", [option("ref", "fn2")]))
    assert data["embeds"][0]["title"] == "A/RES/62/152 · footnote 2"


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("18", "There is no operative paragraph 18: this resolution has operative paragraphs 1–17"),
        ("pp99", "There is no preambular paragraph 99"),
        ("fn 9", "There is no footnote 9: this resolution has footnotes 1–6."),
        ("banana", "I couldn't read “banana” as a paragraph reference"),
        ("9-3", "runs backwards"),
    ],
)
async def test_bad_references_get_an_ephemeral_explanation(env: DiscordEnv, ref: str, expected: str) -> None:
    data = message(await env.invoke("paragraph", [option("ref", ref)]))
    assert is_ephemeral(data)
    assert expected in data["content"]
    assert not data.get("embeds")


async def test_paragraph_autocomplete_matches_numbers(env: DiscordEnv) -> None:
    sent = await env.invoke("paragraph", [option("ref", "1", focused=True)], autocomplete=True)
    assert sent.json["type"] == AUTOCOMPLETE_RESULT
    choices = sent.json["data"]["choices"]
    assert choices[0] == {
        "name": "OP 1 · Calls upon all States to promote and give full effect to the Declaration on the Right and Re…",
        "value": "OP1",
    }
    assert {c["value"] for c in choices} >= {"OP1", "OP10", "OP17", "PP1", "PP15"}
    assert all(c["value"].removeprefix("OP").removeprefix("PP").startswith("1") for c in choices)


async def test_paragraph_autocomplete_matches_words_within_limits(env: DiscordEnv) -> None:
    sent = await env.invoke("paragraph", [option("ref", "terrorism", focused=True)], autocomplete=True)
    choices = sent.json["data"]["choices"]
    assert [c["value"] for c in choices] == ["PP5", "OP6"]
    empty = await env.invoke("paragraph", [option("ref", "", focused=True)], autocomplete=True)
    choices = empty.json["data"]["choices"]
    assert len(choices) == 25
    assert all(1 <= len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    assert choices[0]["value"] == "OP1"


async def test_footnote_shows_links_and_citing_paragraphs(env: DiscordEnv) -> None:
    data = message(await env.invoke("footnote", [option("number", "5")], dm=True))
    (embed,) = data["embeds"]
    assert embed["title"] == "A/RES/62/152 · footnote 5"
    assert embed["description"] == "⁵ Resolution 53/144, annex."
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Links"] == "[resolution 53/144](https://undocs.org/en/A/RES/53/144)"
    assert fields["Cited in"].startswith("**OP 1** · Calls upon all States")


async def test_footnote_out_of_range_is_ephemeral(env: DiscordEnv) -> None:
    data = message(await env.invoke("footnote", [option("number", "7")]))
    assert is_ephemeral(data)
    assert data["content"] == "There is no footnote 7: this resolution has footnotes 1–6."


async def test_footnote_autocomplete_offers_every_footnote(env: DiscordEnv) -> None:
    sent = await env.invoke("footnote", [option("number", "", focused=True)], autocomplete=True)
    choices = sent.json["data"]["choices"]
    assert [c["value"] for c in choices] == ["1", "2", "3", "4", "5", "6"]
    assert choices[4]["name"] == "5 · Resolution 53/144, annex. (in OP 1)"


async def test_summary_defaults_to_states(env: DiscordEnv) -> None:
    data = message(await env.invoke("summary"))
    (embed,) = data["embeds"]
    assert embed["title"] == "A/RES/62/152 · what States are asked to do"
    lines = embed["description"].splitlines()
    assert lines[0] == "**Urges**"
    assert "• **OP 4** — Protect human rights defenders locally and nationally" in embed["description"]
    assert "not the resolution's wording" in embed["footer"]["text"]
    assert_within_discord_limits(data)


async def test_summary_for_everyone_and_for_one_addressee(env: DiscordEnv) -> None:
    everyone = message(await env.invoke("summary", [option("addressee", "all")]))
    assert_within_discord_limits(everyone)
    text = "\n".join(e["description"] for e in everyone["embeds"])
    for label in ("States", "Secretary-General", "Special Representative", "Office of the High Commissioner"):
        assert f"__**{label}**__" in text
    sg = message(await env.invoke("summary", [option("addressee", "secretary-general")]))
    assert sg["embeds"][0]["title"] == "A/RES/62/152 · what the Secretary-General is asked to do"
    assert "**OP 14**" in sg["embeds"][0]["description"]


async def test_summary_unknown_addressee_is_ephemeral(env: DiscordEnv) -> None:
    data = message(await env.invoke("summary", [option("addressee", "Martians")]))
    assert is_ephemeral(data)
    assert "is not an addressee of this resolution. Choose one of: States" in data["content"]


async def test_summary_autocomplete(env: DiscordEnv) -> None:
    sent = await env.invoke("summary", [option("addressee", "sec", focused=True)], autocomplete=True)
    assert sent.json["data"]["choices"] == [{"name": "Secretary-General", "value": "secretary-general"}]


async def test_search_returns_ranked_snippets(env: DiscordEnv) -> None:
    data = message(await env.invoke("search", [option("query", "impunity")]))
    assert not is_ephemeral(data)
    (embed,) = data["embeds"]
    assert [f["name"] for f in embed["fields"]] == ["OP 7", "PP 6", "PP 8"]
    assert all("**impunity**" in f["value"] for f in embed["fields"])
    assert embed["footer"]["text"].startswith("3 matches")


async def test_search_with_a_typo_says_what_it_searched(env: DiscordEnv) -> None:
    data = message(await env.invoke("search", [option("query", "impunty")]))
    assert "“impunty” → “impunity”" in data["embeds"][0]["description"]


async def test_search_without_results_is_ephemeral(env: DiscordEnv) -> None:
    data = message(await env.invoke("search", [option("query", "xqzzy")]))
    assert is_ephemeral(data)
    assert data["content"].startswith("Nothing in A/RES/62/152 matches “xqzzy”.")


async def test_search_never_lets_the_query_ping(env: DiscordEnv) -> None:
    data = message(await env.invoke("search", [option("query", "@everyone <@&123> impunity")]))
    assert data["allowed_mentions"] == {"parse": []}


async def test_about_describes_the_document(env: DiscordEnv) -> None:
    data = message(await env.invoke("about", dm=True))
    (embed,) = data["embeds"]
    assert embed["title"].startswith("A/RES/62/152 · Declaration on the Right and Responsibility")
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Adopted"] == "18 December 2007, 76th plenary meeting"
    assert fields["Session"] == "Sixty-second session, agenda item 70 (b)"
    assert fields["Contents"] == "15 preambular paragraphs · 17 operative paragraphs · 6 footnotes"
    assert "/paragraph" in fields["Commands"]
    assert "[A/62/439/Add.2](https://undocs.org/en/A/62/439/Add.2)" in embed["description"]
    assert_within_discord_limits(data)


async def test_help_is_ephemeral(env: DiscordEnv) -> None:
    data = message(await env.invoke("help"))
    assert is_ephemeral(data)
    assert "/paragraph" in data["content"] and "`PP 3`" in data["content"]
    assert "`PP 3, 5` is PP3 and PP5" in data["content"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("five", "I couldn't read “five” as a paragraph reference"),
        ("op 4", "“op 4” is a paragraph, not a footnote: use `/paragraph op 4`."),
        ("0", "There is no footnote 0"),
    ],
)
async def test_bad_footnote_numbers_are_answered_ephemerally(env: DiscordEnv, typed: str, expected: str) -> None:
    data = message(await env.invoke("footnote", [option("number", typed)]))
    assert is_ephemeral(data)
    assert expected in data["content"]


async def test_footnote_accepts_its_prefix_and_lists(env: DiscordEnv) -> None:
    data = message(await env.invoke("footnote", [option("number", "fn 1-2")]))
    assert [e["title"] for e in data["embeds"]] == ["A/RES/62/152 · footnote 1", "A/RES/62/152 · footnote 2"]


async def test_commands_are_not_tied_to_62_152(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    environment = await make_env(load_library([FIXTURE_DOC], None), monkeypatch, tmp_path / "db.sqlite3")
    try:
        data = message(await environment.invoke("paragraph", [option("ref", "2")]))
        assert data["embeds"][0]["title"] == "A/RES/99/1 · operative paragraph 2"
        assert data["embeds"][0]["footer"]["text"].startswith("General Assembly resolution 99/1, para. 2")
        summary = message(await environment.invoke("summary"))
        assert summary["embeds"][0]["title"] == "A/RES/99/1 · what Member States are asked to do"
        missing = message(await environment.invoke("paragraph", [option("ref", "4")]))
        assert "operative paragraphs 1–3 and preambular paragraphs PP1–PP2" in missing["content"]
    finally:
        await close_env(environment)


async def test_an_unexpected_failure_is_logged_and_answered(
    env: DiscordEnv, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(ref: str) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(env.bot.answers, "paragraph", broken)
    data = message(await env.invoke("paragraph", [option("ref", "4")]))
    assert is_ephemeral(data)
    assert data["content"].startswith("Sorry, something went wrong on my side.")
    assert "disk on fire" not in data["content"]
    assert any("Command 'paragraph' failed" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("ref", ["third preambular para", "the third preambular paragraph", "pmbl. para. 3"])
async def test_paragraph_reads_the_preambular_forms_people_write(env: DiscordEnv, ref: str) -> None:
    data = message(await env.invoke("paragraph", [option("ref", ref)]))
    assert [e["title"] for e in data["embeds"]] == ["A/RES/62/152 · preambular paragraph 3"]
