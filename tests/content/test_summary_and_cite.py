"""Who is asked to do what, grouped by strength; citations in UN style."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.content.cite import cite, locator, reference
from bot.content.errors import UserError
from bot.content.model import Document, Kind, Paragraph, Ref
from bot.content.summary import OTHER, STRENGTHS, resolve_addressee, strength_of, summarize

OP, PP, FN = Kind.OPERATIVE, Kind.PREAMBLE, Kind.FOOTNOTE


def test_states_are_the_default_addressee(doc: Document) -> None:
    assert resolve_addressee(doc, None) == "states"
    (section,) = summarize(doc, "states")
    assert section.addressee == "States"
    grouped = {g.strength: [line.ref.number for line in g.lines] for g in section.groups}
    assert grouped == {"urges": [3, 6, 7, 8], "calls upon": [1, 4, 5, 9], "encourages": [11], "invites": [10]}


def test_groups_run_from_strongest_to_weakest(doc: Document) -> None:
    for section in summarize(doc, None):
        order = [g.strength for g in section.groups]
        assert order == sorted(order, key=(*STRENGTHS, OTHER).index)


def test_everyone_sees_each_paragraph_once_under_its_first_addressee(doc: Document) -> None:
    seen = [(line.ref.number, s.addressee) for s in summarize(doc, None) for g in s.groups for line in g.lines]
    assert sorted(seen) == sorted((p.number, doc.addressee_label(p.addressees[0])) for p in doc.operative)
    lines = {line.ref.number: line for s in summarize(doc, None) for g in s.groups for line in g.lines}
    assert lines[13].addressees == ("Office of the High Commissioner", "UN bodies, agencies and organizations")


def test_one_addressee_sees_every_paragraph_addressed_to_it(doc: Document) -> None:
    seen = {line.ref.number for s in summarize(doc, "un-bodies") for g in s.groups for line in g.lines}
    assert seen == {12, 13, 15}


def test_lines_are_the_editorial_summary_not_the_text(doc: Document) -> None:
    (section,) = summarize(doc, "secretary-general")
    (group,) = section.groups
    assert group.strength == "requests"
    assert group.lines[0].summary == doc.operative[13].summary


@pytest.mark.parametrize(
    ("typed", "ident"),
    [
        ("States", "states"),
        ("states", "states"),
        ("Secretary-General", "secretary-general"),
        ("secretary general", "secretary-general"),
        ("high commissioner", "ohchr"),
        ("all", None),
    ],
)
def test_addressees_are_recognised_loosely(doc: Document, typed: str, ident: str | None) -> None:
    assert resolve_addressee(doc, typed) == ident


def test_unknown_addressee_lists_the_choices(doc: Document) -> None:
    with pytest.raises(UserError, match="Choose one of: States, Secretary-General"):
        resolve_addressee(doc, "Martians")


@pytest.mark.parametrize(
    ("verb", "ask", "strength"),
    [
        ("Also urges", None, "urges"),
        ("Further strongly urges", None, "urges"),
        ("Calls upon", None, "calls upon"),
        ("Condemns", "urges", "urges"),
        ("Decides", None, OTHER),
        ("Takes note with appreciation", None, OTHER),
    ],
)
def test_strength_comes_from_the_verb_or_the_ask_field(verb: str, ask: str | None, strength: str) -> None:
    assert strength_of(Paragraph(OP, 1, "x", verb=verb, ask=ask)) == strength


def test_un_style_citations(doc: Document) -> None:
    assert cite(doc, [Ref(OP, 4)]) == "General Assembly resolution 62/152 of 18 December 2007, para. 4"
    assert cite(doc, [Ref(OP, 4), Ref(OP, 5), Ref(OP, 6), Ref(OP, 8)]) == (
        "General Assembly resolution 62/152 of 18 December 2007, paras. 4–6 and 8"
    )
    assert cite(doc, [Ref(FN, 5)]) == "General Assembly resolution 62/152 of 18 December 2007, footnote 5"
    assert cite(doc) == "General Assembly resolution 62/152 of 18 December 2007"


def test_locator_mixes_parts_in_document_order() -> None:
    assert locator([Ref(OP, 1), Ref(PP, 15)]) == "preambular para. 15 and para. 1"
    assert locator([Ref(OP, 2), Ref(OP, 1)]) == "paras. 1 and 2"  # UN usage spans three or more
    assert locator([Ref(OP, 2), Ref(OP, 1)], "bluebook") == "¶¶ 1–2"


def test_headers_and_footers_use_the_short_un_reference(doc: Document) -> None:
    assert reference(doc, [Ref(OP, 4)]) == "General Assembly resolution 62/152, para. 4"
    assert reference(doc, [Ref(PP, 3)]) == "General Assembly resolution 62/152, preambular para. 3"


def test_citation_follows_the_document_not_62_152(doc: Document) -> None:
    from bot.content.loader import load_document
    from tests.conftest import FIXTURE_DOC

    other = load_document(FIXTURE_DOC)
    assert cite(other, [Ref(OP, 2)]) == "General Assembly resolution 99/1 of 10 December 2044, para. 2"
    assert other.meta.adopted == dt.date(2044, 12, 10)


def test_a_summary_quotes_opening_words_from_the_readers_language_and_cuts_chinese_by_characters() -> None:
    from pathlib import Path

    from bot.content.library import load_library
    from bot.content.summary import summarize

    doc = load_library([Path(__file__).resolve().parents[2] / "content" / "a-res-78-216.yaml"], None).default
    french = summarize(doc, None, doc.in_language("fr"))
    chinese = summarize(doc, None, doc.in_language("zh"))
    english = summarize(doc, None)
    first = {
        name: sections[0].groups[0].lines[0] for name, sections in (("fr", french), ("zh", chinese), ("en", english))
    }
    assert first["en"].ref == first["fr"].ref == first["zh"].ref  # the same paragraph, in the same place
    assert first["en"].summary.startswith("“Urges States")
    assert first["fr"].summary.startswith("«\u00a0Exhorte les États") and first["fr"].summary.endswith("…\u00a0»")
    assert first["zh"].summary.startswith("“敦促各国") and first["zh"].summary.endswith("…”")
    assert len(first["zh"].summary) <= 22  # 18 characters and the quotes, not the whole paragraph
    russian = summarize(doc, None, doc.in_language("ru"))[0].groups[0].lines[0].summary
    assert russian.startswith("«настоятельно призывает") and russian.endswith("…»")  # each language's own quotes
