"""/trace's core: a phrase or a paragraph followed through the library in adoption order."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from bot.content.compare import Direction
from bot.content.errors import UserError
from bot.content.library import Entry, Library
from bot.content.model import Document, Kind, Ref
from bot.content.redline import Op, new_text, old_text
from bot.content.trace import trace


def later_version(doc: Document, number: str, adopted: dt.date) -> Document:
    """The next resolution of the series: a paragraph added at the top, OP4 strengthened."""
    meta = dataclasses.replace(doc.meta, symbol=f"A/RES/{number}", number=number, adopted=adopted)
    ops = list(doc.operative)
    ops[3] = dataclasses.replace(ops[3], verb="Urges", text=ops[3].text.replace("all necessary", "all robust"))
    added = dataclasses.replace(ops[0], text="States to refrain from Internet shutdowns;", verb="Calls upon")
    renumbered = tuple(dataclasses.replace(p, number=n) for n, p in enumerate([added, *ops], 1))
    return dataclasses.replace(doc, meta=meta, operative=renumbered)


@pytest.fixture(scope="module")
def series(doc: Document) -> Library:
    second = later_version(doc, "64/163", dt.date(2009, 12, 18))
    third = later_version(second, "66/164", dt.date(2011, 12, 19))
    # Loaded out of adoption order on purpose.
    return Library([Entry(third, Path("c.yaml")), Entry(doc, Path("a.yaml")), Entry(second, Path("b.yaml"))])


def test_a_paragraph_is_followed_through_every_resolution_in_adoption_order(series: Library) -> None:
    result = trace(series, "66/164 op 6")
    assert [(a.symbol, a.paragraph.ref) for a in result.appearances] == [
        ("A/RES/62/152", Ref(Kind.OPERATIVE, 4)),
        ("A/RES/64/163", Ref(Kind.OPERATIVE, 5)),
        ("A/RES/66/164", Ref(Kind.OPERATIVE, 6)),
    ]
    assert [a.first for a in result.appearances] == [True, False, False]
    assert result.source == ("A/RES/66/164", Ref(Kind.OPERATIVE, 6))


def test_each_appearance_carries_a_redline_against_the_one_before_and_the_verb_change(series: Library) -> None:
    first, second, third = trace(series, "66/164 op 6").appearances
    assert first.changes == () and first.lead is None
    assert old_text(second.changes) == first.paragraph.full_text
    assert new_text(second.changes) == second.paragraph.full_text
    assert "necessary" in "".join(s.old for s in second.changes if s.op is Op.DELETE)
    assert second.lead is not None and second.lead.direction is Direction.STRONGER  # Calls upon → Urges
    assert third.unchanged and third.lead is None


def test_a_phrase_is_found_where_it_first_appears(series: Library) -> None:
    result = trace(series, "refrain from Internet shutdowns")
    assert [(a.symbol, a.paragraph.ref, a.first) for a in result.appearances] == [
        ("A/RES/64/163", Ref(Kind.OPERATIVE, 1), True),
        ("A/RES/66/164", Ref(Kind.OPERATIVE, 1), False),
    ]
    assert all(a.similarity == 1.0 for a in result.appearances)


def test_a_phrase_found_nowhere_gives_no_appearances(series: Library) -> None:
    assert trace(series, "interplanetary broadcasting quotas").appearances == ()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("99/999 op 1", "No document"),
        ("62/152 fn 2", "paragraphs"),
        ("62/152 op 99", "99"),
        ("“ … ”", "words"),
        ("word " * 300, "too long"),
    ],
)
def test_a_bad_reference_or_text_is_a_clear_user_error(series: Library, text: str, says: str) -> None:
    with pytest.raises(UserError, match=says):
        trace(series, text)


def test_a_phrase_not_found_word_for_word_finds_the_paragraphs_holding_nearly_all_of_it(series: Library) -> None:
    result = trace(series, "refrain from all Internet shutdowns")
    assert [(a.symbol, a.paragraph.ref) for a in result.appearances] == [
        ("A/RES/64/163", Ref(Kind.OPERATIVE, 1)),
        ("A/RES/66/164", Ref(Kind.OPERATIVE, 1)),
    ]
    assert all(a.similarity == 0.8 for a in result.appearances)


def test_a_paragraph_reworded_every_cycle_is_followed_back_hop_by_hop(doc: Document) -> None:
    """Each version shares most words with the next, the first few with the last."""
    versions = [doc]
    for n, adopted in enumerate((2009, 2011, 2013, 2015), 1):
        last = versions[-1]
        ops = list(last.operative)
        text = ops[3].text.split(" ")
        text[n * 4 : n * 4 + 5] = ["newly", f"agreed{n}", "robust", f"wording{n}", "here"]
        ops[3] = dataclasses.replace(ops[3], text=" ".join(text))
        number = f"{62 + 2 * n}/{150 + n}"
        meta = dataclasses.replace(last.meta, symbol=f"A/RES/{number}", number=number, adopted=dt.date(adopted, 12, 1))
        versions.append(dataclasses.replace(last, meta=meta, operative=tuple(ops)))
    library = Library([Entry(v, Path(f"{i}.yaml")) for i, v in enumerate(versions)])
    result = trace(library, f"{versions[-1].meta.number} op 4")
    assert [a.symbol for a in result.appearances] == [v.symbol for v in versions]
    assert all(a.continued for a in result.appearances[1:])


@pytest.mark.parametrize(
    "reference", ["A/RES/66/164 op 6", "66/164, para. 6", "66/164 ¶ 6", "A/RES/66/164 paragraph 6"]
)
def test_references_written_as_in_a_discussion_are_traced(series: Library, reference: str) -> None:
    assert trace(series, reference).source == ("A/RES/66/164", Ref(Kind.OPERATIVE, 6))
