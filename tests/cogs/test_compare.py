"""/compare and /trace as Discord drives them: raw interactions through the real CommandTree."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.content.library import Entry, Library, load_library
from bot.importers.akn import import_akn
from tests.cogs.test_citing import buttons
from tests.cogs.test_reading import AUTOCOMPLETE_RESULT, assert_within_discord_limits, is_ephemeral, message
from tests.conftest import CONTENT, FIXTURES, DiscordEnv, close_env, make_env
from tests.fakediscord import OTHER_USER_ID, Recorded, option

UPDATE_MESSAGE = 7
UNXML = FIXTURES / "unxml"


@pytest.fixture(scope="module")
def defenders() -> Library:
    """62/152 as shipped, and 74/146, 76/174, 78/216 as the importer reads the UN's XML."""
    entries = [Entry(load_library([CONTENT], None).default, CONTENT)]
    for name in ("74_146.xml", "A_RES_76_174-2119209E.xml", "A_RES_78_216-2326002E.xml"):
        path = UNXML / name
        entries.append(Entry(import_akn(path.read_bytes(), name).document, path))
    return Library(entries)


@pytest.fixture
async def env(defenders: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AsyncIterator[DiscordEnv]:
    environment = await make_env(defenders, monkeypatch, tmp_path / "bot.sqlite3")
    try:
        yield environment
    finally:
        await close_env(environment)


async def compare(env: DiscordEnv, old: str, new: str, **kw: Any) -> Recorded:
    context = kw.pop("context", "guild")
    options = [option("from", old), option("to", new)] + [option(k, v) for k, v in kw.items()]
    return await env.invoke("compare", options, context=context)


def title(data: dict[str, Any]) -> str:
    (embed,) = data["embeds"]
    return str(embed["title"])


def custom_ids(data: dict[str, Any]) -> list[str]:
    return [b["custom_id"] for b in buttons(data).values() if "custom_id" in b]


async def test_compare_opens_with_the_overview_of_what_changed(env: DiscordEnv) -> None:
    data = message(await compare(env, "76/174", "78/216"))
    assert not is_ephemeral(data)
    (embed,) = data["embeds"]
    assert embed["title"] == "A/RES/76/174 → A/RES/78/216 · what changed"
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Preamble"] == "17 unchanged · 3 modified · 8 new · 4 dropped"
    assert fields["Operative part"] == "21 unchanged · 7 modified · 7 new · 3 dropped · 1 split · 1 moved"
    assert "Human Rights Council resolution 52/4" in fields["New references"]
    assert "⁶ (was ⁹): Resolution 70/1." in fields["Footnotes (compared by content)"]
    assert "More" in data["content"]
    assert_within_discord_limits(data)


async def test_the_overview_has_more_the_parts_and_the_official_text(env: DiscordEnv) -> None:
    data = message(await compare(env, "76/174", "78/216"))
    found = buttons(data)
    assert list(found) == ["Previous", "More", "Preamble", "Operative", "Official text"]
    assert found["Previous"]["disabled"] is True
    assert found["Official text"]["url"] == "https://undocs.org/en/A/RES/78/216"
    ids = custom_ids(data)
    assert len(set(ids)) == len(ids) and all(len(i) <= 100 for i in ids)


async def test_more_pages_through_every_paragraph_within_discord_limits(env: DiscordEnv) -> None:
    sent = await compare(env, "76/174", "78/216")
    seen = [title(message(sent))]
    while not buttons(sent.json["data"])["More"].get("disabled"):
        sent = await env.click(sent, "More")
        assert sent.json["type"] == UPDATE_MESSAGE
        data = sent.json["data"]
        assert data["allowed_mentions"] == {"parse": []}
        assert_within_discord_limits(data)
        seen.append(title(data))
    assert seen[1] == "76/174 → 78/216 · Preamble"
    assert seen[-1] == "76/174 → 78/216 · Operative part"
    assert len(seen) > 3
    back = await env.click(sent, "Previous")
    assert title(back.json["data"]) == seen[-2]


async def test_a_modified_paragraph_shows_its_redline(env: DiscordEnv) -> None:
    sent = await env.click(await compare(env, "76/174", "78/216"), "More")
    (embed,) = sent.json["data"]["embeds"]
    assert "**PP 5 → PP 5** · modified" in embed["description"]
    assert "~~resolutions 66~~**resolution 76**" in embed["description"]
    assert "**PP 6** · new" in embed["description"]


async def test_the_part_buttons_jump_to_that_part(env: DiscordEnv) -> None:
    sent = await env.click(await compare(env, "76/174", "78/216"), "Operative")
    assert title(sent.json["data"]) == "76/174 → 78/216 · Operative part"
    assert "Operative" not in buttons(sent.json["data"]) and "Preamble" in buttons(sent.json["data"])


async def test_the_part_option_keeps_to_one_part(env: DiscordEnv) -> None:
    data = message(await compare(env, "76/174", "78/216", part="operative"))
    (embed,) = data["embeds"]
    assert [f["name"] for f in embed["fields"]][:1] == ["Operative part"]
    assert "Preamble" not in [f["name"] for f in embed["fields"]]
    assert "Preamble" not in buttons(data)


async def test_one_paragraph_shows_its_counterpart_even_from_two(env: DiscordEnv) -> None:
    data = message(await compare(env, "76/174", "78/216", paragraph="op 14"))
    (embed,) = data["embeds"]
    assert embed["title"] == "76/174 → 78/216 · 78/216 OP 14"
    assert embed["description"].startswith("**OP 11 → OP 13, 14** · split")
    assert_within_discord_limits(data)


async def test_one_paragraph_new_in_the_later_text_says_it_has_no_counterpart(env: DiscordEnv) -> None:
    (embed,) = message(await compare(env, "76/174", "78/216", paragraph="op 22"))["embeds"]
    assert embed["description"].startswith("New in 78/216: 76/174 has no counterpart.")


async def test_a_paragraph_of_the_earlier_text_can_be_named(env: DiscordEnv) -> None:
    (embed,) = message(await compare(env, "74/146", "76/174", paragraph="74/146 op 1"))["embeds"]
    assert embed["description"].startswith("**OP 1 → OP 5** · modified")
    assert "moved" in embed["description"]
    assert "strongly condemns the **violence against and the criminalization" in embed["description"]


@pytest.mark.parametrize(
    ("old", "new", "extra", "says"),
    [
        ("76/174", "99/1", {}, "No document “99/1”"),
        ("76/174", "A/RES/76/174", {}, "two different resolutions"),
        ("76/174", "78/216", {"paragraph": "op 99"}, "99"),
        ("76/174", "78/216", {"paragraph": "62/152 op 1"}, "not one of the two"),
        ("76/174", "78/216", {"paragraph": "fn 2"}, "footnotes are compared by content"),
    ],
)
async def test_bad_input_gets_a_clear_private_reply(
    env: DiscordEnv, old: str, new: str, extra: dict[str, str], says: str
) -> None:
    data = message(await compare(env, old, new, **extra))
    assert is_ephemeral(data) and says in data["content"]


async def test_someone_else_gets_a_private_copy_they_can_post(env: DiscordEnv) -> None:
    sent = await compare(env, "76/174", "78/216")
    copy = message(await env.click(sent, "More", user_id=OTHER_USER_ID))
    assert is_ephemeral(copy) and title(copy) == "76/174 → 78/216 · Preamble"
    assert "Post to channel" in buttons(copy)
    shown = await env.click(as_sent(copy), "Post to channel", user_id=OTHER_USER_ID)
    posted = message(shown)
    assert not is_ephemeral(posted) and title(posted) == "76/174 → 78/216 · Preamble"


def as_sent(data: dict[str, Any]) -> Any:
    """A message the bot sent, in the shape `DiscordEnv.click` reads (a Recorded callback's JSON)."""
    return type("Sent", (), {"json": {"data": data}})()


async def test_compare_buttons_work_after_the_bot_is_rebuilt_from_scratch(
    defenders: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = await make_env(defenders, monkeypatch, tmp_path / "a.sqlite3")
    try:
        sent = await compare(first, "76/174", "78/216")
    finally:
        await close_env(first)
    second = await make_env(defenders, monkeypatch, tmp_path / "b.sqlite3")  # a new process: nothing in memory
    try:
        moved = await second.click(sent, "More")
        assert moved.json["type"] == UPDATE_MESSAGE
        assert title(moved.json["data"]) == "76/174 → 78/216 · Preamble"
    finally:
        await close_env(second)


async def test_the_document_options_autocomplete_from_the_library(env: DiscordEnv) -> None:
    sent = await env.invoke("compare", [option("from", "2021", focused=True), option("to", "")], autocomplete=True)
    assert sent.json["type"] == AUTOCOMPLETE_RESULT
    choices = sent.json["data"]["choices"]
    assert [c["value"] for c in choices] == ["76/174"]
    assert choices[0]["name"].startswith("76/174 · 2021 · ")
    everything = await env.invoke("compare", [option("from", ""), option("to", "", focused=True)], autocomplete=True)
    assert [c["value"] for c in everything.json["data"]["choices"]] == ["78/216", "76/174", "74/146", "62/152"]


async def test_the_paragraph_option_autocompletes_from_the_later_text(env: DiscordEnv) -> None:
    sent = await env.invoke(
        "compare",
        [option("from", "76/174"), option("to", "78/216"), option("paragraph", "shutdowns", focused=True)],
        autocomplete=True,
    )
    assert [c["value"] for c in sent.json["data"]["choices"]] == ["op 22"]


async def test_trace_follows_a_paragraph_to_its_first_appearance(env: DiscordEnv) -> None:
    data = message(await env.invoke("trace", [option("text", "78/216 op 6")]))
    (embed,) = data["embeds"]
    assert embed["title"] == "trace: 78/216 op 6"
    assert embed["description"].startswith("First in 74/146 OP 1 (2019).")
    assert "**74/146 OP 1** (2019) · 58 % alike · **first appearance**" in embed["description"]
    assert "**76/174 OP 5** (2021)" in embed["description"]
    assert embed["footer"]["text"].startswith("In 3 of 4 resolutions, in adoption order")
    assert_within_discord_limits(data)


async def test_trace_finds_a_phrase_and_marks_where_it_was_first_said(env: DiscordEnv) -> None:
    (embed,) = message(await env.invoke("trace", [option("text", "online and offline")]))["embeds"]
    assert embed["description"].startswith("First in 74/146 OP 5 (2019).")
    assert "**76/174 OP 6** (2021) · unchanged since A/RES/74/146" in embed["description"]


async def test_trace_says_plainly_when_nothing_carries_the_words(env: DiscordEnv) -> None:
    data = message(await env.invoke("trace", [option("text", "interplanetary broadcasting quotas")]))
    assert is_ephemeral(data) and "No resolution in the library carries" in data["content"]


async def test_trace_autocompletes_a_documents_paragraphs(env: DiscordEnv) -> None:
    sent = await env.invoke("trace", [option("text", "78/216 op 2", focused=True)], autocomplete=True)
    values = [c["value"] for c in sent.json["data"]["choices"]]
    assert values[0] == "78/216 op 2" and all(v.startswith("78/216 op 2") for v in values)
    assert all(1 <= len(c["name"]) <= 100 for c in sent.json["data"]["choices"])


async def test_the_commands_work_in_a_dm(env: DiscordEnv) -> None:
    data = message(await compare(env, "74/146", "76/174", context="dm"))
    assert title(data) == "A/RES/74/146 → A/RES/76/174 · what changed"


def test_the_adoption_dates_come_from_the_un_files(defenders: Library) -> None:
    assert defenders.entry("78/216").document.meta.adopted == dt.date(2023, 12, 19)


def test_every_page_stays_within_discord_limits_for_the_longest_texts(tmp_path: Path) -> None:
    """Two unrelated resolutions, every text as long as the loader allows: the most there is to say."""
    from bot.compare_render import all_pages, trace_answer
    from bot.render import CHARS_PER_MESSAGE, DESCRIPTION_LIMIT, FIELD_VALUE_LIMIT
    from tests import generated

    paths = [
        generated.write(tmp_path, generated.document(i, preamble=30, operative=60, footnotes=40, longest=True))
        for i in (1, 2)
    ]
    library = load_library(paths, None)
    first, second = (library.entry(s).document.meta.number for s in library.symbols)
    replies = all_pages(library, first, second)
    assert len(replies) > 2
    for reply in replies:
        for embed in reply.embeds:
            assert len(embed.description or "") <= DESCRIPTION_LIMIT
            assert all(len(str(f.value)) <= FIELD_VALUE_LIMIT for f in embed.fields)
        assert sum(len(e) for e in reply.embeds) <= CHARS_PER_MESSAGE
        assert len(reply.content or "") <= 2000
    number = library.entry(first).document.meta.number
    traced = trace_answer(library, f"{number} op 3").reply
    assert sum(len(e) for e in traced.embeds) <= CHARS_PER_MESSAGE


@pytest.mark.parametrize("context", ["guild", "dm"])
async def test_help_and_about_name_compare_and_trace(env: DiscordEnv, context: str) -> None:
    help_text = message(await env.invoke("help", context=context))["content"]
    about = message(await env.invoke("about", context=context))
    commands = {f["name"]: f["value"] for f in about["embeds"][0]["fields"]}["Commands"]
    for text in (help_text, commands):
        assert "/compare 76/174 78/216" in text and "/trace 78/216 op 5" in text
    assert_within_discord_limits(about)
