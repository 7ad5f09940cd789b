"""Buttons under replies, clicked as Discord delivers clicks: raw component interactions.

State lives in each button's custom_id, so every test here would also pass on
a message weeks old; one test rebuilds the bot from scratch between the
command and the click to show it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.content.library import Library
from tests.cogs.test_citing import buttons
from tests.cogs.test_reading import assert_within_discord_limits, is_ephemeral, message
from tests.conftest import DiscordEnv, close_env, make_env
from tests.fakediscord import OTHER_USER_ID, Recorded, option

UPDATE_MESSAGE = 7


def titles(data: dict[str, Any]) -> list[str]:
    return [e["title"].split(" · ")[1] for e in data["embeds"]]


async def paragraph(env: DiscordEnv, ref: str, **kw: Any) -> Recorded:
    return await env.invoke("paragraph", [option("ref", ref)], **kw)


async def test_a_paragraph_reply_has_its_buttons(env: DiscordEnv) -> None:
    sent = await paragraph(env, "1")
    found = buttons(message(sent))
    assert list(found) == ["Previous", "Next", "Footnotes", "Cite", "Official text"]
    assert found["Official text"]["url"] == "https://undocs.org/en/A/RES/62/152"
    assert all(len(b.get("custom_id", "")) <= 100 for b in found.values())


async def test_no_footnotes_button_where_the_paragraph_cites_none(env: DiscordEnv) -> None:
    assert "Footnotes" not in buttons(message(await paragraph(env, "4")))


async def test_the_invoker_moves_through_the_text_by_editing_the_reply(env: DiscordEnv) -> None:
    sent = await paragraph(env, "4")
    moved = await env.click(sent, "Next")
    assert moved.json["type"] == UPDATE_MESSAGE
    assert titles(moved.json["data"]) == ["operative paragraph 5"]
    back = await env.click(moved, "Previous")
    assert back.json["type"] == UPDATE_MESSAGE
    assert titles(back.json["data"]) == ["operative paragraph 4"]
    assert back.json["data"]["allowed_mentions"] == {"parse": []}


async def test_next_crosses_from_the_preamble_into_the_operative_part(env: DiscordEnv) -> None:
    moved = await env.click(await paragraph(env, "pp15"), "Next")
    assert titles(moved.json["data"]) == ["operative paragraph 1"]


async def test_anyone_else_gets_their_own_private_copy(env: DiscordEnv) -> None:
    sent = await paragraph(env, "4")
    copy = await env.click(sent, "Next", user_id=OTHER_USER_ID)
    data = message(copy)
    assert is_ephemeral(data)
    assert titles(data) == ["operative paragraph 5"]
    assert "Post to channel" in buttons(data)
    # Their copy is theirs to move: clicking Next on it edits it.
    again = await env.click(copy, "Next", user_id=OTHER_USER_ID)
    assert again.json["type"] == UPDATE_MESSAGE
    assert titles(again.json["data"]) == ["operative paragraph 6"]


async def test_post_to_channel_shares_a_private_copy_publicly(env: DiscordEnv) -> None:
    copy = await env.click(await paragraph(env, "4"), "Next", user_id=OTHER_USER_ID)
    posted = message(await env.click(copy, "Post to channel", user_id=OTHER_USER_ID))
    assert not is_ephemeral(posted)
    assert titles(posted) == ["operative paragraph 5"]
    assert "Post to channel" not in buttons(posted)


@pytest.mark.parametrize(("ref", "end"), [("pp1", "Previous"), ("17", "Next"), ("fn1", "Previous"), ("fn6", "Next")])
async def test_at_either_end_of_the_text_the_button_is_disabled(env: DiscordEnv, ref: str, end: str) -> None:
    found = buttons(message(await paragraph(env, ref)))
    assert found[end]["disabled"] is True
    other = "Next" if end == "Previous" else "Previous"
    assert not found[other].get("disabled")


async def test_footnotes_and_cite_answer_whoever_clicks_privately(env: DiscordEnv) -> None:
    sent = await paragraph(env, "pp10")
    notes = message(await env.click(sent, "Footnotes", user_id=OTHER_USER_ID))
    assert is_ephemeral(notes)
    assert titles(notes) == ["footnote 3", "footnote 4"]
    cited = message(await env.click(sent, "Cite"))
    assert is_ephemeral(cited)
    assert "the tenth preambular paragraph of General Assembly resolution 62/152" in cited["content"]
    assert "Post to channel" in buttons(cited)


async def test_cite_button_follows_the_server_style(env: DiscordEnv) -> None:
    from tests.fakediscord import GUILD_ID

    await env.storage.set_citation_style(GUILD_ID, "bluebook", now=env.clock.now())
    cited = message(await env.click(await paragraph(env, "4"), "Cite"))
    assert "G.A. Res. 62/152, ¶ 4, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)" in cited["content"]


async def test_more_shows_what_did_not_fit(env: DiscordEnv) -> None:
    sent = await paragraph(env, "pp1-15")
    first = message(sent)
    shown = len(first["embeds"])
    assert "More" in buttons(first)
    more = await env.click(sent, "More")
    assert more.json["type"] == UPDATE_MESSAGE
    assert titles(more.json["data"]) == [f"preambular paragraph {n}" for n in range(shown + 1, 16)]
    assert_within_discord_limits(more.json["data"])
    assert "More" not in buttons(more.json["data"])


async def test_buttons_work_after_the_bot_is_rebuilt_from_scratch(
    library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = await make_env(library, monkeypatch, tmp_path / "a.sqlite3")
    try:
        sent = await paragraph(first, "4")
    finally:
        await close_env(first)
    second = await make_env(library, monkeypatch, tmp_path / "b.sqlite3")  # a new process: nothing in memory
    try:
        moved = await second.click(sent, "Next")
        assert moved.json["type"] == UPDATE_MESSAGE
        assert titles(moved.json["data"]) == ["operative paragraph 5"]
    finally:
        await close_env(second)


async def test_a_button_from_an_older_bot_gets_a_clear_answer(env: DiscordEnv) -> None:
    sent = await paragraph(env, "4")
    for row in sent.json["data"]["components"]:
        for button in row["components"]:
            if button.get("label") == "Next":
                button["custom_id"] = "rb:go:900000000000000003:p:A/RES/62/152:OP99"
    data = message(await env.click(sent, "Next"))
    assert is_ephemeral(data) and "There is no operative paragraph 99" in data["content"]


async def test_the_context_menu_reply_has_buttons_too(env: DiscordEnv) -> None:
    from tests.fakediscord import chat_message

    sent = await env.invoke("Quote cited paragraphs", target=chat_message("para 7"), context="group_dm")
    moved = await env.click(sent, "Next", context="group_dm")
    assert titles(moved.json["data"]) == ["operative paragraph 8"]


async def test_summary_pages_with_more(env: DiscordEnv) -> None:
    sent = await env.invoke("summary", [option("addressee", "all")])
    data = message(sent)
    assert "Official text" in buttons(data)
    assert "More" not in buttons(data)  # 62/152's summary fits one message


async def test_a_reply_mixing_paragraphs_and_footnotes_has_working_buttons(env: DiscordEnv) -> None:
    sent = await paragraph(env, "4, fn 5")
    assert titles(message(sent)) == ["operative paragraph 4", "footnote 5"]
    back = await env.click(sent, "Previous")
    assert titles(back.json["data"]) == ["operative paragraph 3"]
    onward = await env.click(sent, "Next")
    assert titles(onward.json["data"]) == ["footnote 6"]
    from tests.fakediscord import chat_message

    quoted = message(await env.invoke("Quote cited paragraphs", target=chat_message("para 7 and fn 5")))
    assert titles(quoted) == ["operative paragraph 7", "footnote 5"]
