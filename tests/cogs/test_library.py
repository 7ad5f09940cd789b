"""Every command on every document: the `document` option, its autocomplete, /settings document,
/library, references that name their document, and buttons old and new, as Discord drives them."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.content.library import Library, load_library
from tests.cogs.test_citing import MANAGE_GUILD, buttons
from tests.cogs.test_daily import run_daily
from tests.cogs.test_reading import AUTOCOMPLETE_RESULT, is_ephemeral, message
from tests.conftest import CONTENT, DiscordEnv, close_env, make_env
from tests.content.test_articles import DECLARATION
from tests.fakediscord import (
    CHANNEL_ID,
    GUILD_ID,
    USER_ID,
    channel_option,
    chat_message,
    guild_create_payload,
    interaction_payload,
    option,
)

CONTENT_DIR = CONTENT.parent


def shipped() -> list[Path]:
    """62/152 and the texts imported from the UN's files (library-import): 78/216, 76/174, 53/144."""
    return [CONTENT, CONTENT_DIR / "a-res-78-216.yaml", CONTENT_DIR / "a-res-76-174.yaml", DECLARATION]


@pytest.fixture(scope="session")
def shelves() -> Library:
    return load_library(shipped(), "A/RES/62/152")


@pytest.fixture
async def lib_env(shelves: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AsyncIterator[DiscordEnv]:
    environment = await make_env(shelves, monkeypatch, tmp_path / "bot.sqlite3")
    try:
        yield environment
    finally:
        await close_env(environment)


def titles(data: dict[str, Any]) -> list[str]:
    return [e["title"] for e in data["embeds"]]


async def paragraph(env: DiscordEnv, ref: str, **options: str) -> dict[str, Any]:
    opts = [option("ref", ref)] + [option(k, v) for k, v in options.items()]
    return message(await env.invoke("paragraph", opts))


async def autocomplete(env: DiscordEnv, command: str, focused: str, value: str, **others: str) -> list[Any]:
    opts = [option(k, v) for k, v in others.items()] + [option(focused, value, focused=True)]
    sent = await env.invoke(command, opts, autocomplete=True)
    assert sent.json["type"] == AUTOCOMPLETE_RESULT
    return [(c["name"], c["value"]) for c in sent.json["data"]["choices"]]


async def set_document(env: DiscordEnv, value: str, permissions: str = MANAGE_GUILD) -> dict[str, Any]:
    sub = {"name": "document", "type": 1, "options": [option("document", value)]}
    return message(await env.invoke("settings", [sub], member_permissions=permissions))


# -- the document option ------------------------------------------------------------------


@pytest.mark.parametrize("named", ["A/RES/78/216", "78/216", "2023", "defenders 2023", "a/res/78/216"])
async def test_the_document_option_takes_a_symbol_number_year_or_name(lib_env: DiscordEnv, named: str) -> None:
    data = await paragraph(lib_env, "5", document=named)
    assert titles(data) == ["A/RES/78/216 · operative paragraph 5"]
    assert data["embeds"][0]["description"].startswith("5. *Affirms* the important role of human rights defenders")
    assert data["embeds"][0]["footer"]["text"].startswith("General Assembly resolution 78/216, para. 5")


async def test_without_the_option_the_default_document_answers(lib_env: DiscordEnv) -> None:
    assert titles(await paragraph(lib_env, "5")) == ["A/RES/62/152 · operative paragraph 5"]


async def test_an_unknown_document_gets_a_private_answer_listing_the_library(lib_env: DiscordEnv) -> None:
    data = await paragraph(lib_env, "5", document="64/163")
    assert is_ephemeral(data)
    assert "No document “64/163” in the library" in data["content"]
    assert "A/RES/78/216" in data["content"] and "A/RES/76/174" in data["content"]


@pytest.mark.parametrize("ref", ["A/RES/78/216 para 5", "78/216 op 5", "GA res 78/216, ¶ 5", "para 5 of 78/216"])
async def test_a_reference_that_names_its_document_needs_no_option(lib_env: DiscordEnv, ref: str) -> None:
    assert titles(await paragraph(lib_env, ref)) == ["A/RES/78/216 · operative paragraph 5"]


async def test_a_reference_naming_a_text_outside_the_library_is_still_refused(lib_env: DiscordEnv) -> None:
    data = await paragraph(lib_env, "para 2 of resolution 60/161")
    assert is_ephemeral(data) and "names another text" in data["content"]


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("2023", "A/RES/78/216"),
        ("defenders 2023", "A/RES/78/216"),
        ("78/216", "A/RES/78/216"),
        ("A/RES/76/174", "A/RES/76/174"),
        ("2021", "A/RES/76/174"),
        ("62/152", "A/RES/62/152"),
        ("Declaration", "A/RES/53/144"),
        ("1998", "A/RES/53/144"),
    ],
)
async def test_document_autocomplete(lib_env: DiscordEnv, typed: str, first: str) -> None:
    for command in ("paragraph", "cite", "footnote", "summary", "search", "about"):
        found = await autocomplete(lib_env, command, "document", typed, **({"ref": "4"} if command != "about" else {}))
        assert found and found[0][1] == first, (command, found)
        assert found[0][0].startswith(f"{first} (")


async def test_document_autocomplete_offers_the_whole_library_when_blank(lib_env: DiscordEnv) -> None:
    found = await autocomplete(lib_env, "paragraph", "document", "")
    assert [v for _, v in found] == ["A/RES/62/152", "A/RES/78/216", "A/RES/76/174", "A/RES/53/144"]
    assert found[1][0] == "A/RES/78/216 (2023) · " + found[1][0].split(" · ", 1)[1]


async def test_reference_autocomplete_reads_the_document_chosen_beside_it(lib_env: DiscordEnv) -> None:
    found = await autocomplete(lib_env, "paragraph", "ref", "5", document="78/216")
    assert found[0] == (found[0][0], "OP5") and "important role of human rights defenders" in found[0][0]
    default = await autocomplete(lib_env, "paragraph", "ref", "5")
    assert "important role of human rights defenders" not in default[0][0]


# -- citing, searching, summaries, footnotes ---------------------------------------------


async def test_cite_names_the_chosen_document(lib_env: DiscordEnv) -> None:
    opts = [option("ref", "5"), option("style", "bluebook"), option("document", "2023")]
    data = message(await lib_env.invoke("cite", opts))
    assert "G.A. Res. 78/216, ¶ 5, U.N. Doc. A/RES/78/216 (Dec. 19, 2023)" in data["content"]
    assert buttons(data)["Official text"]["url"] == "https://undocs.org/en/A/RES/78/216"


async def test_search_covers_the_library_and_filters_by_document(lib_env: DiscordEnv) -> None:
    everywhere = message(await lib_env.invoke("search", [option("query", "reprisals")]))
    text = str(everywhere["embeds"])
    assert "78/216" in text and "76/174" in text
    only = message(await lib_env.invoke("search", [option("query", "reprisals"), option("document", "2021")]))
    shown = str(only["embeds"])
    assert "76/174" in shown and "78/216" not in shown.replace("resolution 78/216", "")


async def test_footnote_and_summary_read_the_chosen_document(lib_env: DiscordEnv) -> None:
    data = message(await lib_env.invoke("footnote", [option("number", "1"), option("document", "78/216")]))
    assert titles(data) == ["A/RES/78/216 · footnote 1"]
    assert data["embeds"][0]["description"] == "¹ Resolution 217 A (III)."
    summary = message(await lib_env.invoke("summary", [option("document", "78/216")]))
    assert "78/216" in str(summary)


# -- /settings document and /library ---------------------------------------------------


async def test_settings_document_needs_manage_server_checked_at_run_time(lib_env: DiscordEnv) -> None:
    refused = await set_document(lib_env, "78/216", permissions="0")
    assert is_ephemeral(refused) and "Manage Server" in refused["content"]
    assert await lib_env.storage.guild_document(GUILD_ID) is None


async def test_a_server_default_document_answers_where_none_is_named(lib_env: DiscordEnv) -> None:
    done = await set_document(lib_env, "defenders 2023")
    assert is_ephemeral(done) and "now read **A/RES/78/216**" in done["content"]
    assert await lib_env.storage.guild_document(GUILD_ID) == "A/RES/78/216"
    assert titles(await paragraph(lib_env, "5")) == ["A/RES/78/216 · operative paragraph 5"]
    # An explicit option and a named document still win; DMs keep the bot's default.
    assert titles(await paragraph(lib_env, "5", document="62/152")) == ["A/RES/62/152 · operative paragraph 5"]
    assert titles(await paragraph(lib_env, "76/174 para 5")) == ["A/RES/76/174 · operative paragraph 5"]
    dm = message(await lib_env.invoke("paragraph", [option("ref", "5")], dm=True))
    assert titles(dm) == ["A/RES/62/152 · operative paragraph 5"]
    cited = message(await lib_env.invoke("cite", [option("ref", "5")]))
    assert "General Assembly resolution 78/216 of 19 December 2023, para. 5" in cited["content"]
    shown = message(await lib_env.invoke("settings", [{"name": "document", "type": 1, "options": []}]))
    assert "read **A/RES/78/216**" in shown["content"]
    reset = message(
        await lib_env.invoke("settings", [{"name": "document", "type": 1, "options": [option("reset", True)]}])
    )
    assert "now read **A/RES/62/152**" in reset["content"]
    assert titles(await paragraph(lib_env, "5")) == ["A/RES/62/152 · operative paragraph 5"]


async def test_settings_document_refuses_a_text_the_library_does_not_hold(lib_env: DiscordEnv) -> None:
    data = await set_document(lib_env, "64/163")
    assert is_ephemeral(data) and "No document “64/163”" in data["content"]
    assert await lib_env.storage.guild_document(GUILD_ID) is None


async def test_library_lists_every_loaded_document_and_the_default_here(lib_env: DiscordEnv) -> None:
    await set_document(lib_env, "2021")
    data = message(await lib_env.invoke("library"))
    (embed,) = data["embeds"]
    assert embed["title"] == "The library: 4 documents"
    body = embed["description"]
    assert [s in body for s in ("A/RES/62/152", "A/RES/78/216", "A/RES/76/174", "A/RES/53/144")] == [True] * 4
    assert "Declaration on the Right" in body and "articles 1–20" in body
    assert "**[A/RES/76/174](https://undocs.org/en/A/RES/76/174)** (2021) ← default here" in body


# -- buttons ------------------------------------------------------------------------------


async def test_buttons_stay_in_the_document_of_the_reply(lib_env: DiscordEnv) -> None:
    sent = await lib_env.invoke("paragraph", [option("ref", "5"), option("document", "78/216")])
    moved = await lib_env.click(sent, "Next")
    assert titles(moved.json["data"]) == ["A/RES/78/216 · operative paragraph 6"]
    cite = message(await lib_env.click(sent, "Cite"))
    assert "General Assembly resolution 78/216 of 19 December 2023, para. 5" in cite["content"]


async def test_more_names_the_right_document(lib_env: DiscordEnv) -> None:
    sent = await lib_env.invoke("paragraph", [option("ref", "1-14"), option("document", "78/216")])
    more = await lib_env.click(sent, "More")
    assert all(t.startswith("A/RES/78/216 · ") for t in titles(more.json["data"]))


async def test_a_button_from_before_the_library_means_the_default_document(lib_env: DiscordEnv) -> None:
    """Buttons sent before documents were named in custom_ids ("rb:go:<owner>:p:OP5") still work,
    on 62/152, even where the server now reads another document by default."""
    await set_document(lib_env, "78/216")
    old = {
        "type": 4,
        "data": {
            "content": None,
            "embeds": [{"title": "A/RES/62/152 · operative paragraph 4"}],
            "components": [
                {
                    "type": 1,
                    "components": [
                        {"type": 2, "style": 2, "label": "Next", "custom_id": f"rb:go:{USER_ID}:p:OP5"},
                        {"type": 2, "style": 2, "label": "Cite", "custom_id": f"rb:show:{USER_ID}:c:OP4:-:0"},
                    ],
                }
            ],
        },
    }
    sent: Any = type("Sent", (), {"json": old})()
    moved = await lib_env.click(sent, "Next")
    assert titles(moved.json["data"]) == ["A/RES/62/152 · operative paragraph 5"]
    cite = message(await lib_env.click(sent, "Cite"))
    assert "General Assembly resolution 62/152 of 18 December 2007, para. 4" in cite["content"]


# -- the message finder ------------------------------------------------------------------


async def test_the_finder_quotes_a_reference_tied_to_another_library_document(lib_env: DiscordEnv) -> None:
    sent = await lib_env.invoke("Quote cited paragraphs", target=chat_message("see 78/216, para 5 on the 2030 Agenda"))
    data = message(sent)
    assert titles(data) == ["A/RES/78/216 · operative paragraph 5"]


async def test_the_finder_quotes_both_documents_when_a_message_cites_two(lib_env: DiscordEnv) -> None:
    text = "para 4 is on armed conflict, and 78/216, para 5 on the 2030 Agenda"
    data = message(await lib_env.invoke("Quote cited paragraphs", target=chat_message(text)))
    assert titles(data) == ["A/RES/62/152 · operative paragraph 4"]
    assert "Also cited: General Assembly resolution 78/216, para. 5" in data["content"]


# -- articles of the Declaration, through the command tree ----------------------------------


def test_paragraph_says_it_reads_articles_too(lib_env: DiscordEnv) -> None:
    command = lib_env.bot.tree.get_command("paragraph")
    assert command is not None and "art. 12" in command.description and "article" in command.description.lower()


@pytest.mark.parametrize(
    "ref",
    [
        "art. 12",
        "Article 12(2)",
        "article 9, para. 3 (a)",
        "annex, art. 12",
        "53/144 art 12",
        "Article 12 of the Declaration",
    ],
)
async def test_paragraph_and_cite_take_annex_references(lib_env: DiscordEnv, ref: str) -> None:
    data = await paragraph(lib_env, ref)
    (title,) = titles(data)
    assert title.startswith("A/RES/53/144 · Declaration, Article ")
    assert list(buttons(data)) == ["Previous", "Next", "Cite", "Official text"]
    cited = message(await lib_env.invoke("cite", [option("ref", ref), option("style", "oscola")]))
    assert "(adopted 9 December 1998 UNGA Res 53/144) art " in cited["content"]


async def test_next_and_cite_under_an_article(lib_env: DiscordEnv) -> None:
    sent = await lib_env.invoke("paragraph", [option("ref", "Article 12(2)")])
    moved = await lib_env.click(sent, "Next")
    assert titles(moved.json["data"]) == ["A/RES/53/144 · Declaration, Article 13"]
    cite = message(await lib_env.click(sent, "Cite"))
    assert "General Assembly resolution 53/144 of 9 December 1998, annex), art. 12, para. 2" in cite["content"]


async def test_article_autocomplete_through_the_tree(lib_env: DiscordEnv) -> None:
    found = await autocomplete(lib_env, "paragraph", "ref", "Article 12(2)")
    assert found[0][1] == "53/144 art. 12(2)"
    found = await autocomplete(lib_env, "cite", "ref", "art 1")
    assert [v for _, v in found[:2]] == ["53/144 art. 1", "53/144 art. 10"]


async def test_the_finder_quotes_an_article_of_the_declaration(lib_env: DiscordEnv) -> None:
    text = "Article 12 of the Declaration protects peaceful protest"
    data = message(await lib_env.invoke("Quote cited paragraphs", target=chat_message(text)))
    assert titles(data) == ["A/RES/53/144 · Declaration, Article 12"]
    skipped = message(
        await lib_env.invoke("Quote cited paragraphs", target=chat_message("article 19 of the Universal Declaration"))
    )
    assert is_ephemeral(skipped) and "I found no reference" in skipped["content"]


# -- footnotes that point into the library --------------------------------------------------


async def test_a_footnote_pointing_to_a_library_text_opens_it_in_the_bot(lib_env: DiscordEnv) -> None:
    """62/152's footnote 5 reads "Resolution 53/144, annex.": its button opens the Declaration here."""
    for sent in (
        await lib_env.invoke("paragraph", [option("ref", "1")]),  # OP1 cites footnote 5
        await lib_env.invoke("footnote", [option("number", "5")]),
    ):
        data = message(sent)
        assert "Open 53/144, annex" in buttons(data)
        opened = message(await lib_env.click(sent, "Open 53/144, annex"))
        assert is_ephemeral(opened)
        assert titles(opened) == ["A/RES/53/144 · Declaration, Article 1"]
        assert opened["embeds"][0]["description"].startswith("Everyone has the right, individually and in association")


async def test_no_open_button_for_footnotes_outside_the_library(lib_env: DiscordEnv) -> None:
    data = message(await lib_env.invoke("paragraph", [option("ref", "PP 10")]))  # footnotes 3 and 4: the Covenants
    assert not [label for label in buttons(data) if label and label.startswith("Open ")]


# -- /daily from any document -------------------------------------------------------------


@pytest.fixture
async def daily_env(lib_env: DiscordEnv) -> DiscordEnv:
    lib_env.bot._connection.parse_guild_create(guild_create_payload())
    return lib_env


async def first_post(env: DiscordEnv) -> dict[str, Any]:
    env.clock.set(dt.datetime(2026, 11, 28, 12, 30, tzinfo=dt.UTC))
    assert await env.scheduler().run_once() == 1
    sent = await env.server.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{CHANNEL_ID}/messages")
    body: dict[str, Any] = sent.json
    return body


async def test_an_article_of_the_declaration_a_day(daily_env: DiscordEnv) -> None:
    data = await run_daily(daily_env, "set", CHANNEL_ID, time="12:30", order="articles")
    assert "the articles of the Declaration, one a day (53/144), from A/RES/53/144." in data["content"]
    assert "Article 1 (1 of 20)" in data["content"]
    body = await first_post(daily_env)
    assert body["content"].endswith("· 1 of 20")
    assert body["embeds"][0]["title"] == "A/RES/53/144 · Declaration, Article 1"
    assert body["allowed_mentions"] == {"parse": []}
    schedule = await daily_env.storage.get_schedule(CHANNEL_ID)
    assert schedule is not None and schedule.document == "A/RES/53/144" and schedule.position == 1
    preview = await run_daily(daily_env, "preview")
    assert preview["embeds"][0]["title"] == "A/RES/53/144 · Declaration, Article 2"


async def test_daily_posts_from_the_document_chosen(daily_env: DiscordEnv) -> None:
    data = await run_daily(daily_env, "set", CHANNEL_ID, time="12:30", order="operative", document="2023")
    assert "from A/RES/78/216." in data["content"] and "OP 1 (1 of " in data["content"]
    body = await first_post(daily_env)
    assert body["embeds"][0]["title"] == "A/RES/78/216 · operative paragraph 1"


async def test_daily_follows_the_server_default_document(daily_env: DiscordEnv) -> None:
    await set_document(daily_env, "76/174")
    data = await run_daily(daily_env, "set", CHANNEL_ID, time="12:30")
    assert "from A/RES/76/174." in data["content"]


async def test_articles_from_a_text_without_articles_get_a_plain_answer(daily_env: DiscordEnv) -> None:
    data = await run_daily(daily_env, "set", CHANNEL_ID, order="articles", document="62/152")
    assert is_ephemeral(data) and "A/RES/62/152 has nothing to post in that order" in data["content"]
    assert await daily_env.storage.get_schedule(CHANNEL_ID) is None


async def test_daily_document_autocomplete(daily_env: DiscordEnv) -> None:
    opt, resolved = channel_option("channel", CHANNEL_ID)
    sent = await daily_env.invoke(
        "daily",
        [{"name": "set", "type": 1, "options": [opt, option("document", "Declaration", focused=True)]}],
        autocomplete=True,
        resolved=resolved,
    )
    assert sent.json["data"]["choices"][0]["value"] == "A/RES/53/144"


async def test_a_reference_naming_another_document_than_the_option_says_which_to_drop(lib_env: DiscordEnv) -> None:
    data = await paragraph(lib_env, "78/216 para 5", document="62/152")
    assert is_ephemeral(data)
    assert data["content"] == (
        "“78/216 para 5” names A/RES/78/216, but the document option chose A/RES/62/152: "
        "leave the option empty, or leave the symbol out of the reference."
    )


async def test_summary_of_an_imported_text_says_its_lines_are_the_paragraphs_own_words(lib_env: DiscordEnv) -> None:
    """An imported text has no written summaries: its /summary shows each paragraph's opening words,
    and must not claim they are "plain-language summaries written for this bot"."""
    imported = message(await lib_env.invoke("summary", [option("document", "78/216")]))
    footers = [e["footer"]["text"] for e in imported["embeds"] if e.get("footer")]
    assert footers and all("written for this bot" not in f for f in footers), footers
    assert all("own opening words" in f for f in footers), footers
    written = message(await lib_env.invoke("summary", [option("document", "62/152")]))
    footers = [e["footer"]["text"] for e in written["embeds"] if e.get("footer")]
    assert footers and all("written for this bot" in f and "opening words" not in f for f in footers), footers


@pytest.mark.parametrize(
    ("locale", "annex"),
    [
        ("en-US", "declaration (annex), articles 1–20"),
        ("fr", "déclaration (annexe), articles 1 à 20"),
        ("es-ES", "(anexo), artículos 1 a 20"),
        ("ru", "(приложение), статьи 1–20"),
        ("zh-CN", "《宣言》（附件），第1至20条"),
    ],
)
async def test_the_library_names_the_annexed_declaration_in_the_reader_s_language(
    lib_env: DiscordEnv, locale: str, annex: str
) -> None:
    payload = interaction_payload("library", [])
    payload["locale"] = locale
    (embed,) = message(await lib_env.dispatch(payload))["embeds"]
    assert annex in embed["description"], embed["description"]
    assert locale == "en-US" or "(annex)" not in embed["description"]
