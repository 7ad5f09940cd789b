"""Buttons under replies, clicked as Discord delivers clicks: raw component interactions.

State lives in each button's custom_id, so every test here would also pass on
a message weeks old; one test rebuilds the bot from scratch between the
command and the click to show it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import Answers
from bot.content.errors import UserError
from bot.content.library import Library, load_library
from bot.interactions import POST_INTERVAL, build_view
from bot.render import Reply
from tests import generated
from tests.cogs.test_citing import buttons
from tests.cogs.test_reading import assert_within_discord_limits, is_ephemeral, message
from tests.conftest import DiscordEnv, close_env, make_env
from tests.fakediscord import (
    APP_ID,
    CHANNEL_ID,
    OTHER_USER_ID,
    SEND_IN_THREADS,
    SEND_MESSAGES,
    USER_ID,
    VIEW_CHANNEL,
    Recorded,
    component_problems,
    option,
)
from tests.test_render import assert_fits

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


# -- Discord's component rules: the fake refuses what Discord refuses ---------------------

LINK = {"type": 2, "style": 5, "label": "Official text", "url": "https://undocs.org/en/A/RES/62/152"}


def _button(custom_id: str, label: str = "Next") -> dict[str, Any]:
    return {"type": 2, "style": 2, "label": label, "custom_id": custom_id}


def _rows(*rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"type": 1, "components": row} for row in rows]


BROKEN_COMPONENTS = {
    "six rows": _rows(*[[_button(f"b{i}")] for i in range(6)]),
    "six buttons in a row": _rows([_button(f"b{i}") for i in range(6)]),
    "duplicate custom_id": _rows([_button("rb:go:1:p:A/RES/62/152:OP11"), _button("rb:go:1:p:A/RES/62/152:OP11")]),
    "duplicate across rows": _rows([_button("same")], [_button("same", "More")]),
    "custom_id of 101": _rows([_button("x" * 101)]),
    "empty custom_id": _rows([_button("")]),
    "label of 81": _rows([_button("b", "L" * 81)]),
    "link without url": _rows([{k: v for k, v in LINK.items() if k != "url"}]),
    "link with custom_id": _rows([{**LINK, "custom_id": "link"}]),
    "button without custom_id": _rows([{"type": 2, "style": 2, "label": "Next"}]),
}
FINE_COMPONENTS = _rows(
    [_button(f"b{i}", "L" * 80) for i in range(4)] + [LINK], *[[_button(f"r{i}")] for i in range(4)]
)


async def _post(env: DiscordEnv, method: str, path: str, body: dict[str, Any]) -> tuple[int, Any]:
    async with aiohttp.ClientSession() as session, session.request(method, env.server.base + path, json=body) as answer:
        return answer.status, await answer.json(content_type=None)


MESSAGE_ROUTES = [
    ("POST", "/interactions/1/token/callback", lambda c: {"type": 4, "data": {"content": "x", "components": c}}),
    ("POST", "/interactions/1/token/callback", lambda c: {"type": 7, "data": {"content": "x", "components": c}}),
    ("POST", f"/webhooks/{APP_ID}/token", lambda c: {"content": "x", "components": c}),
    ("PATCH", f"/webhooks/{APP_ID}/token/messages/@original", lambda c: {"content": "x", "components": c}),
    ("POST", f"/channels/{CHANNEL_ID}/messages", lambda c: {"content": "x", "components": c}),
]


@pytest.mark.parametrize("route", MESSAGE_ROUTES, ids=["response", "update", "follow-up", "edit", "channel"])
@pytest.mark.parametrize("broken", list(BROKEN_COMPONENTS), ids=list(BROKEN_COMPONENTS))
async def test_the_fake_refuses_components_discord_refuses(env: DiscordEnv, route: Any, broken: str) -> None:
    method, path, body = route
    status, answer = await _post(env, method, path, body(BROKEN_COMPONENTS[broken]))
    assert status == 400 and answer["code"] == 50035


@pytest.mark.parametrize("route", MESSAGE_ROUTES, ids=["response", "update", "follow-up", "edit", "channel"])
async def test_the_fake_accepts_components_at_the_limits(env: DiscordEnv, route: Any) -> None:
    method, path, body = route
    status, _ = await _post(env, method, path, body(FINE_COMPONENTS))
    assert status == 200


# -- selections whose leftover is also the next unit --------------------------------------


@pytest.mark.parametrize(
    ("ref", "eleventh", "after"),
    [("1-11", "operative paragraph 11", "operative paragraph 11"), ("7-17", "operative paragraph 17", None),
     ("pp1-11", "preambular paragraph 11", "preambular paragraph 11")],
)  # fmt: skip
async def test_eleven_units_get_a_reply_whose_next_and_more_both_work(
    env: DiscordEnv, ref: str, eleventh: str, after: str | None
) -> None:
    sent = await paragraph(env, ref)
    data = message(sent)  # refused by Discord (duplicate custom_id) before the fix
    assert len(data["embeds"]) == 10
    found = buttons(data)
    assert "More" in found
    more = await env.click(sent, "More")
    assert titles(more.json["data"]) == [eleventh]
    if after is not None:
        assert titles((await env.click(sent, "Next")).json["data"]) == [after]


async def test_the_context_menu_on_eleven_paragraphs_gets_a_reply(env: DiscordEnv) -> None:
    from tests.fakediscord import chat_message

    sent = await env.invoke("Quote cited paragraphs", target=chat_message("see paras 1–11"))
    data = message(sent)
    assert len(data["embeds"]) == 10 and "More" in buttons(data)
    assert titles((await env.click(sent, "More")).json["data"]) == ["operative paragraph 11"]


@pytest.fixture(scope="module")
def long_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    mapping = generated.document(3, preamble=5, operative=8, footnotes=2, longest=True)
    return load_library([generated.write(tmp_path_factory.mktemp("long"), mapping)], None)


async def test_two_long_paragraphs_get_a_reply_with_more(
    long_library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    environment = await make_env(long_library, monkeypatch, tmp_path / "bot.sqlite3")
    try:
        sent = await paragraph(environment, "1-2")
        data = message(sent)
        assert titles(data) == ["operative paragraph 1"]  # 2 × 3,900 characters: one fits
        more = await environment.click(sent, "More")
        assert titles(more.json["data"]) == ["operative paragraph 2"]
    finally:
        await close_env(environment)


# -- the property: any selection of any generated document, any reply ----------------------


@pytest.fixture(scope="module", params=[(15, 17, 6, False), (100, 100, 40, False), (60, 140, 20, True)])
def generated_answers(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Answers:
    preamble, operative, footnotes, longest = request.param
    mapping = generated.document(5, preamble=preamble, operative=operative, footnotes=footnotes, longest=longest)
    return Answers(load_library([generated.write(tmp_path_factory.mktemp("gen"), mapping)], None))


_PREFIX = st.sampled_from(["", "OP", "PP", "fn", "para ", "pp ", "¶ "])


@st.composite
def selections(draw: st.DrawFn) -> str:
    """What someone may ask /paragraph for: ranges, lists, mixes, of any size."""
    if draw(st.booleans()):  # scattered numbers: what is left over is a long list
        numbers = draw(st.lists(st.integers(1, 140), min_size=1, max_size=60, unique=True))
        return draw(_PREFIX) + ", ".join(map(str, numbers))
    items = []
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(1, 140))
        if draw(st.booleans()):  # ranges, often just over what one message shows
            span = draw(st.one_of(st.integers(0, 59), st.sampled_from([1, 9, 10, 11, 12])))
            items.append(f"{draw(_PREFIX)}{start}-{start + span}")
        else:
            items.append(f"{draw(_PREFIX)}{start}")
    return ", ".join(items)


def _views(reply: Reply) -> list[dict[str, Any]]:
    """The reply as the invoker's message and as a private copy (with Post to channel)."""
    out = []
    for shown in (reply, dataclasses.replace(reply, ephemeral=True)):
        view = build_view(shown, owner=USER_ID)
        body = {"content": shown.content, "components": view.to_components() if view else []}
        out.append(body)
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(selection=selections())
def test_every_selection_of_a_generated_document_is_a_message_discord_accepts(
    generated_answers: Answers, selection: str
) -> None:
    try:
        reply = generated_answers.paragraph(selection)
    except UserError:
        return  # numbers beyond this document: answered privately, without buttons
    assert_fits(reply)
    for body in _views(reply):
        assert component_problems(body) == []
        labels = [c.get("label") for row in body["components"] for c in row["components"]]
        if "**More**" in (reply.content or ""):
            assert "More" in labels, "the reply promises More: it must carry the button"
        for row in body["components"]:
            for button in row["components"]:
                if button.get("custom_id", "").startswith("rb:") and not button.get("disabled"):
                    source = button["custom_id"].split(":", 3)[3]
                    assert_fits(generated_answers.replay(source))


LONG_ID = "states-" + "and-their-national-human-rights-institutions-" * 2  # 97 characters, within the loader's rules


@pytest.fixture(scope="module")
def long_addressee_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    mapping = generated.document(4, preamble=5, operative=120, footnotes=2, longest=True)
    mapping["addressees"] = {LONG_ID if k == "states" else k: v for k, v in mapping["addressees"].items()}
    for unit in mapping["operative"]:
        unit["addressees"] = [LONG_ID if a == "states" else a for a in unit["addressees"]]
    return load_library([generated.write(tmp_path_factory.mktemp("addressee"), mapping)], None)


async def test_a_summary_that_says_more_carries_a_working_more_button(
    long_addressee_library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    environment = await make_env(long_addressee_library, monkeypatch, tmp_path / "bot.sqlite3")
    try:
        for addressee in ("States", "all"):
            sent = await environment.invoke("summary", [option("addressee", addressee)])
            data = message(sent)
            assert "**More** shows the rest" in data["content"]
            assert "More" in buttons(data)  # left out before the fix: its custom_id ran past 100 characters
            more = message(await environment.click(sent, "More", user_id=OTHER_USER_ID))
            assert more["content"].startswith("Page 2 of")
    finally:
        await close_env(environment)


# -- Post to channel: only for people who may post there, and not again and again -------------

VIEW_ONLY = str(VIEW_CHANNEL)
MAY_POST = str(VIEW_CHANNEL | SEND_MESSAGES)
MAY_POST_IN_THREADS = str(VIEW_CHANNEL | SEND_MESSAGES | SEND_IN_THREADS)


async def private_copy(env: DiscordEnv, **kw: Any) -> Recorded:
    """Someone else's reply, clicked by OTHER_USER_ID: their own private copy, with Post to channel."""
    copy = await env.click(await paragraph(env, "4"), "Next", user_id=OTHER_USER_ID, **kw)
    assert "Post to channel" in buttons(message(copy))
    return copy


def public_posts(env: DiscordEnv) -> list[dict[str, Any]]:
    return [
        r.json["data"]
        for r in env.server.requests
        if r.path.endswith("/callback") and r.json.get("type") == 4 and not is_ephemeral(r.json["data"])
    ]


async def test_a_member_who_may_only_view_the_channel_cannot_post_through_the_bot(env: DiscordEnv) -> None:
    copy = await private_copy(env, member_permissions=VIEW_ONLY)
    before = len(public_posts(env))
    refused = message(await env.click(copy, "Post to channel", user_id=OTHER_USER_ID, member_permissions=VIEW_ONLY))
    assert is_ephemeral(refused)
    assert "Send Messages" in refused["content"] and not refused.get("embeds")
    assert len(public_posts(env)) == before  # nothing was posted for them


async def test_in_a_thread_posting_needs_send_messages_in_threads(env: DiscordEnv) -> None:
    copy = await private_copy(env, thread=True)
    refused = message(
        await env.click(copy, "Post to channel", user_id=OTHER_USER_ID, member_permissions=MAY_POST, thread=True)
    )
    assert is_ephemeral(refused) and "Send Messages in Threads" in refused["content"]
    posted = message(
        await env.click(
            copy, "Post to channel", user_id=OTHER_USER_ID, member_permissions=MAY_POST_IN_THREADS, thread=True
        )
    )
    assert not is_ephemeral(posted) and titles(posted) == ["operative paragraph 5"]


async def test_a_member_who_may_post_posts_and_then_waits_before_posting_again(env: DiscordEnv) -> None:
    copy = await private_copy(env)
    first = message(await env.click(copy, "Post to channel", user_id=OTHER_USER_ID, member_permissions=MAY_POST))
    assert not is_ephemeral(first) and titles(first) == ["operative paragraph 5"]
    env.clock.advance(seconds=5)
    again = message(await env.click(copy, "Post to channel", user_id=OTHER_USER_ID, member_permissions=MAY_POST))
    assert is_ephemeral(again) and not again.get("embeds")
    assert "You posted a moment ago" in again["content"] and "25 seconds" in again["content"]
    # The wait is each person's own: someone else may post meanwhile.
    theirs = await env.click(await paragraph(env, "4"), "Next", user_id=USER_ID + 100)
    other = message(await env.click(theirs, "Post to channel", user_id=USER_ID + 100, member_permissions=MAY_POST))
    assert not is_ephemeral(other)
    env.clock.advance(seconds=POST_INTERVAL.total_seconds())
    later = message(await env.click(copy, "Post to channel", user_id=OTHER_USER_ID, member_permissions=MAY_POST))
    assert not is_ephemeral(later) and titles(later) == ["operative paragraph 5"]


async def test_in_a_dm_the_private_copy_can_be_posted(env: DiscordEnv) -> None:
    # No member permissions exist in a DM (discord.py reports none): the conversation is the person's own.
    copy = await env.click(await paragraph(env, "4", dm=True), "Next", user_id=OTHER_USER_ID, context="dm")
    posted = message(await env.click(copy, "Post to channel", user_id=OTHER_USER_ID, context="dm"))
    assert not is_ephemeral(posted)


async def test_a_button_of_a_form_no_longer_used_gets_a_clear_answer(env: DiscordEnv) -> None:
    sent = await paragraph(env, "4")
    for row in sent.json["data"]["components"]:
        for button in row["components"]:
            if button.get("label") == "Cite":
                button["custom_id"] = "rb:cite:4"  # a form no version of the bot reads now
    data = message(await env.click(sent, "Cite"))
    assert is_ephemeral(data) and "no longer exists" in data["content"]


async def test_a_member_missing_both_permissions_in_a_thread_is_told_both_in_the_plural(env: DiscordEnv) -> None:
    copy = await private_copy(env, thread=True)
    refused = message(
        await env.click(copy, "Post to channel", user_id=OTHER_USER_ID, member_permissions=VIEW_ONLY, thread=True)
    )
    content = refused["content"]
    assert "**Send Messages** and **Send Messages in Threads** permissions)" in content, content
