"""The answers' autocomplete: every keystroke gets a list, never an error (issue 6 §6)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers import Answers
from tests.cogs.test_reading import AUTOCOMPLETE_RESULT
from tests.conftest import DiscordEnv
from tests.fakediscord import option

HOSTILE = [
    "\u200b\u200d",
    "😀" * 100,
    "¶" * 500,
    "The General Assembly, " * 40,
    "\ud800",
    "\x00\x1b[31m",
    "9" * 60,
    "4," * 300,
    "pp 99999999",
    "\u202eop 4",
]


def valid(choices: list[tuple[str, str]]) -> bool:
    return len(choices) <= 25 and all(1 <= len(n) <= 100 and 1 <= len(v) <= 100 for n, v in choices)


@pytest.mark.parametrize("typed", ["pp", "PP", "pp ", "op", "fn", "footnote", "¶"])
def test_a_part_alone_lists_that_part(answers: Answers, typed: str) -> None:
    values = [v for _, v in answers.paragraph_choices(typed)]
    prefix = {"pp": "PP", "op": "OP", "fn": "fn", "footnote": "fn", "¶": "OP"}[typed.strip().casefold()]
    assert values and all(v.startswith(prefix) for v in values)


def test_pp1_offers_preambular_paragraphs_only(answers: Answers) -> None:
    assert [v for _, v in answers.paragraph_choices("pp1")] == ["PP1", "PP10", "PP11", "PP12", "PP13", "PP14", "PP15"]


def test_footnote_2_offers_the_footnote(answers: Answers) -> None:
    choices = answers.paragraph_choices("footnote 2")
    assert [v for _, v in choices] == ["fn2"]
    assert choices[0][0].startswith("fn 2 · See Official Records of the General Assembly")


def test_legal_forms_autocomplete_to_their_reference(answers: Answers) -> None:
    assert answers.paragraph_choices("third preambular paragraph")[0][1] == "PP3"
    assert answers.paragraph_choices("62/152, ¶ 4")[0][1] == "OP4"
    assert answers.paragraph_choices("paras 4-6")[0] == ("OP4-6 · 3 items", "OP4-6")


@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_input_gets_a_list(answers: Answers, typed: str) -> None:
    for make in (answers.paragraph_choices, answers.footnote_choices, answers.addressee_choices):
        assert valid(make(typed))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_autocomplete_never_raises(answers: Answers, typed: str) -> None:
    for make in (answers.paragraph_choices, answers.footnote_choices, answers.addressee_choices):
        assert valid(make(typed))


@pytest.mark.parametrize("typed", HOSTILE)
async def test_hostile_autocomplete_through_discord(env: DiscordEnv, typed: str) -> None:
    for command, name in (("paragraph", "ref"), ("cite", "ref"), ("footnote", "number"), ("summary", "addressee")):
        sent = await env.invoke(command, [option(name, typed, focused=True)], autocomplete=True)
        assert sent.json["type"] == AUTOCOMPLETE_RESULT
        choices = sent.json["data"]["choices"]
        assert len(choices) <= 25 and all(1 <= len(c["name"]) <= 100 for c in choices)


_ANY_REF = st.sampled_from(
    [f"op{n}" for n in range(1, 18)] + [f"pp{n}" for n in range(1, 16)] + [f"fn{n}" for n in range(1, 7)]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ANY_REF, min_size=1, max_size=12))
def test_any_mix_of_references_is_shown_with_buttons_that_replay(answers: Answers, refs: list[str]) -> None:
    reply = answers.paragraph(", ".join(refs))
    assert reply.nav is not None and reply.embeds
    for source in (reply.nav.previous, reply.nav.next, reply.nav.more, reply.nav.footnotes, reply.nav.cite):
        if source is not None:
            assert answers.replay(source).embeds or answers.replay(source).content


def test_a_forged_button_source_is_answered_not_raised(answers: Answers) -> None:
    """custom_ids come back from clients: a page that is not an ASCII number is page 1."""
    assert answers.replay("s:A/RES/62/152:all:³").embeds
