"""/cite, /settings citation-style and "Quote cited paragraphs", as Discord drives them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.content.cite import citation
from bot.content.library import Library, load_library
from bot.content.refs import parse_refs
from tests import generated
from tests.cogs.test_reading import assert_within_discord_limits, is_ephemeral, message
from tests.conftest import DiscordEnv, close_env, make_env
from tests.fakediscord import GUILD_ID, chat_message, option

MANAGE_GUILD = str(1 << 5)


def buttons(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c.get("label"): c for row in data.get("components", []) for c in row["components"]}


async def cite(env: DiscordEnv, ref: str, **kw: Any) -> dict[str, Any]:
    context = kw.pop("context", "guild")
    options = [option("ref", ref)] + [option(k, v) for k, v in kw.items()]
    return message(await env.invoke("cite", options, context=context))


async def test_cite_defaults_to_un_style_in_a_code_block_with_the_link(env: DiscordEnv) -> None:
    data = await cite(env, "4")
    assert not is_ephemeral(data)
    assert data["content"] == (
        "**UN usage**\n"
        "```\nGeneral Assembly resolution 62/152 of 18 December 2007, para. 4\n```\n"
        "In running text:\n```\nparagraph 4 of General Assembly resolution 62/152\n```\n"
        "Official text: <https://undocs.org/en/A/RES/62/152>"
    )
    assert buttons(data)["Official text"]["url"] == "https://undocs.org/en/A/RES/62/152"


@pytest.mark.parametrize(
    ("ref", "style", "expected"),
    [
        ("4-6", "bluebook", "G.A. Res. 62/152, ¶¶ 4–6, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)"),
        ("pmbl. para. 3", "oscola", "UNGA Res 62/152 (18 December 2007) UN Doc A/RES/62/152, pmbl para 3"),
        ("third preambular paragraph", "un", "the third preambular paragraph of General Assembly resolution 62/152"),
        ("third preambular para", "un", "the third preambular paragraph of General Assembly resolution 62/152"),
        ("all", "short", "A/RES/62/152"),
        ("fn 5", "bluebook", "G.A. Res. 62/152, n.5, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)"),
        ("paras 4 and 7", "aglc", "(6 March 2008, adopted 18 December 2007) paras 4, 7"),
        ("pp 3, op 4", "oscola", "UN Doc A/RES/62/152, pmbl para 3, para 4"),
    ],
)
async def test_cite_each_style(env: DiscordEnv, ref: str, style: str, expected: str) -> None:
    data = await cite(env, ref, style=style)
    assert f"```\n{expected}" in data["content"] or f"{expected}\n```" in data["content"]


async def test_cite_with_quote_puts_the_text_above(env: DiscordEnv) -> None:
    data = await cite(env, "4", quote=True)
    quote, _, rest = data["content"].partition("\n**UN usage**")
    assert quote.startswith("> 4. *Calls upon* all States to take all necessary measures")
    assert rest.startswith("\n```\nGeneral Assembly resolution 62/152 of 18 December 2007, para. 4")


async def test_cite_quote_names_what_does_not_fit(env: DiscordEnv) -> None:
    data = await cite(env, "1-17", quote=True)
    assert_within_discord_limits(data)
    assert "*(Not quoted, to fit one message: OP" in data["content"]
    assert "paras. 1–17" in data["content"]  # the citation itself is always whole


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("53/144", "This bot serves A/RES/62/152"),
        ("para 2 of resolution 60/161", "names another text"),
        ("18", "There is no operative paragraph 18"),
    ],
)
async def test_cite_refuses_what_is_not_ours(env: DiscordEnv, ref: str, expected: str) -> None:
    data = await cite(env, ref)
    assert is_ephemeral(data)
    assert expected in data["content"]


async def test_a_server_default_style_and_a_personal_style_wins(env: DiscordEnv) -> None:
    refused = message(
        await env.invoke(
            "settings",
            [{"name": "citation-style", "type": 1, "options": [option("style", "bluebook")]}],
            member_permissions="0",
        )
    )
    assert is_ephemeral(refused) and "You need the Manage Server permission" in refused["content"]
    assert await env.storage.citation_style(GUILD_ID) is None

    done = message(
        await env.invoke(
            "settings",
            [{"name": "citation-style", "type": 1, "options": [option("style", "bluebook")]}],
            member_permissions=MANAGE_GUILD,
        )
    )
    assert is_ephemeral(done) and "now default to **Bluebook" in done["content"]
    assert await env.storage.citation_style(GUILD_ID) == "bluebook"

    assert "G.A. Res. 62/152, ¶ 4" in (await cite(env, "4"))["content"]
    assert "UNGA Res 62/152" in (await cite(env, "4", style="oscola"))["content"]
    # In DMs and where only the user installed the bot, the server's choice does not apply.
    assert "General Assembly resolution 62/152 of" in (await cite(env, "4", context="dm"))["content"]
    assert "General Assembly resolution 62/152 of" in (await cite(env, "4", context="user_guild"))["content"]


async def test_settings_show_the_current_style(env: DiscordEnv) -> None:
    data = message(await env.invoke("settings", [{"name": "citation-style", "type": 1, "options": []}]))
    assert is_ephemeral(data) and "default to **UN usage" in data["content"]


async def test_settings_in_a_dm_are_refused(env: DiscordEnv) -> None:
    data = message(await env.invoke("settings", [{"name": "citation-style", "type": 1, "options": []}], dm=True))
    assert is_ephemeral(data) and "works in servers only" in data["content"]


# -- the message command ------------------------------------------------------------


async def quote(env: DiscordEnv, text: str, context: str = "guild") -> dict[str, Any]:
    return message(await env.invoke("Quote cited paragraphs", target=chat_message(text), context=context))


@pytest.mark.parametrize("context", ["guild", "dm", "user_guild", "group_dm"])
async def test_quote_cited_paragraphs_everywhere(env: DiscordEnv, context: str) -> None:
    data = await quote(env, "I disagree with para 7 — read ¶¶ 4–5 and the third preambular paragraph", context)
    assert not is_ephemeral(data)
    assert [e["title"].split(" · ")[1] for e in data["embeds"]] == [
        "preambular paragraph 3",
        "operative paragraph 4",
        "operative paragraph 5",
        "operative paragraph 7",
    ]
    assert data["content"].startswith(
        "**General Assembly resolution 62/152, preambular para. 3 and paras. 4, 5 and 7**"
    )
    assert "cited in https://discord.com/channels/" in data["content"]
    assert_within_discord_limits(data)


async def test_quote_with_nothing_found_explains_privately(env: DiscordEnv) -> None:
    data = await quote(env, "see resolution 60/161, para 2, and our meeting on 4/5 at 4:30")
    assert is_ephemeral(data)
    assert data["content"].startswith("I found no reference to A/RES/62/152 in that message.")
    assert "`para 4`" in data["content"] and "never taken for one" in data["content"]


async def test_quote_names_numbers_the_resolution_lacks(env: DiscordEnv) -> None:
    data = await quote(env, "para 42 says so")
    assert is_ephemeral(data) and "It mentions OP 42, which A/RES/62/152 does not have" in data["content"]
    partly = await quote(env, "para 42 and para 4")
    assert "*(Not in A/RES/62/152: OP 42.)*" in partly["content"]


async def test_quoting_a_message_that_pings_never_pings(env: DiscordEnv) -> None:
    data = await quote(env, "@everyone <@&123456789012345678> para 4!")
    assert data["allowed_mentions"] == {"parse": []}
    assert len(data["embeds"]) == 1


# -- /help and /about where they are shown ---------------------------------------------


@pytest.mark.parametrize(("context", "server_commands"), [("guild", True), ("dm", False), ("user_guild", False)])
async def test_help_and_about_list_only_what_works_there(env: DiscordEnv, context: str, server_commands: bool) -> None:
    help_text = message(await env.invoke("help", context=context))["content"]
    about = message(await env.invoke("about", context=context))["embeds"][0]
    commands = {f["name"]: f["value"] for f in about["fields"]}["Commands"]
    for text in (help_text, commands):
        assert "/cite" in text and "/paragraph" in text
        assert ("/daily" in text) is server_commands
        assert ("/settings" in text) is server_commands


@pytest.mark.parametrize(
    "text",
    [
        "In para 4 of its resolution 60/161, the Assembly asked for more",
        "Resolution 60/161 came first. Paragraph 2 of that resolution is odd",
        "pp. 2-3 of the handout",
        "General Comment No. 34, para 13",
        "The UPR report for Kenya, para 12",
        "para 2 of the SR report (A/62/225)",
        "paragraph 4 of the annex",
    ],
)
async def test_quote_stays_silent_on_other_texts_paragraphs(env: DiscordEnv, text: str) -> None:
    data = await quote(env, text)
    assert is_ephemeral(data) and data["content"].startswith("I found no reference to A/RES/62/152")
    assert not data.get("embeds")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("para 17 decides to come back to it", "operative paragraph 17"),
        ("para 6 states that…", "operative paragraph 6"),
        ("OP 5 may need a vote", "operative paragraph 5"),
        ("para 4 secures protection", "operative paragraph 4"),
        ("OP 8 marks a shift", "operative paragraph 8"),
        ("the third preambular para is the one", "preambular paragraph 3"),
    ],
)
async def test_quote_finds_references_followed_by_a_verb(env: DiscordEnv, text: str, title: str) -> None:
    data = await quote(env, text)
    assert not is_ephemeral(data)
    assert [e["title"].split(" · ")[1] for e in data["embeds"]] == [title]


@pytest.fixture(scope="module")
def big_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    mapping = generated.document(6, preamble=60, operative=140, footnotes=20, longest=True)
    return load_library([generated.write(tmp_path_factory.mktemp("big"), mapping)], None)


@pytest.mark.parametrize("style", ["un", "bluebook", "aglc"])
@pytest.mark.parametrize("ref", ["1, " + ", ".join(str(n) for n in range(3, 140, 3)), "1", "pp1-60"])
async def test_a_long_quote_gives_way_to_the_citation_and_the_link(
    big_library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ref: str, style: str
) -> None:
    environment = await make_env(big_library, monkeypatch, tmp_path / "bot.sqlite3")
    try:
        data = message(
            await environment.invoke("cite", [option("ref", ref), option("style", style), option("quote", True)])
        )
        doc = big_library.default
        whole = citation(doc, parse_refs(ref, doc), style)
        content = data["content"]
        assert len(content) <= 2000
        assert f"```\n{whole.text}\n```" in content  # the citation is never cut
        if whole.running:
            assert f"```\n{whole.running}\n```" in content
        assert content.endswith(f"Official text: <{doc.meta.url}>")  # nor is the link
        assert content.startswith("> ")  # the quote gave way, but some of it is there
    finally:
        await close_env(environment)
