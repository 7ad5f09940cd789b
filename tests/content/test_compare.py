"""Comparing two resolutions: alignment by text, kinds of change, and the overview."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest

from bot.content.compare import Change, Direction, compare
from bot.content.model import Document, Footnote, Kind, Paragraph, Ref
from bot.content.redline import Op, new_text, old_text


def renumbered(
    doc: Document, preamble: Sequence[Paragraph] | None = None, operative: Sequence[Paragraph] | None = None
) -> Document:
    """`doc` with other paragraphs, numbered 1… in the order given."""
    pre = doc.preamble if preamble is None else preamble
    ops = doc.operative if operative is None else operative
    return dataclasses.replace(
        doc,
        preamble=tuple(dataclasses.replace(p, number=n) for n, p in enumerate(pre, 1)),
        operative=tuple(dataclasses.replace(p, number=n) for n, p in enumerate(ops, 1)),
    )


def op(doc: Document, number: int) -> Paragraph:
    return doc.operative[number - 1]


def test_a_resolution_compared_with_itself_is_unchanged_throughout(doc: Document) -> None:
    result = compare(doc, doc)
    assert {p.change for p in result.pairs} == {Change.UNCHANGED}
    assert [p.old_refs for p in result.pairs] == [p.new_refs for p in result.pairs]
    assert result.counts(Kind.OPERATIVE)[Change.UNCHANGED] == len(doc.operative)
    assert result.counts(Kind.PREAMBLE)[Change.UNCHANGED] == len(doc.preamble)
    assert not result.leads and not result.instruments_added and not result.addressees_added


def test_an_inserted_paragraph_is_new_and_the_renumbered_ones_stay_unchanged(doc: Document) -> None:
    added = Paragraph(
        Kind.OPERATIVE, 0, "States to refrain from Internet shutdowns aimed at defenders;", verb="Calls upon"
    )
    later = renumbered(doc, operative=[*doc.operative[:2], added, *doc.operative[2:]])
    result = compare(doc, later)
    ops = result.part(Kind.OPERATIVE)
    assert [p.change for p in ops].count(Change.NEW) == 1
    new = next(p for p in ops if p.change is Change.NEW)
    assert new.new_refs == (Ref(Kind.OPERATIVE, 3),)
    assert result.counterpart(Ref(Kind.OPERATIVE, 4)).old_refs == (Ref(Kind.OPERATIVE, 3),)
    assert all(p.change is Change.UNCHANGED and not p.moved for p in ops if p is not new)


def test_a_removed_paragraph_is_dropped_and_listed_where_it_stood(doc: Document) -> None:
    later = renumbered(doc, operative=[p for p in doc.operative if p.number != 6])
    ops = compare(doc, later).part(Kind.OPERATIVE)
    dropped = [p for p in ops if p.change is Change.DROPPED]
    assert [p.old_refs for p in dropped] == [(Ref(Kind.OPERATIVE, 6),)]
    assert ops.index(dropped[0]) == 5  # after old OP5's counterpart


def test_a_reworded_paragraph_is_modified_with_a_redline_that_gives_both_texts(doc: Document) -> None:
    old = op(doc, 4)
    changed = dataclasses.replace(old, text=old.text.replace("all necessary measures", "robust and practical steps"))
    later = renumbered(doc, operative=[changed if p is old else p for p in doc.operative])
    pair = compare(doc, later).counterpart(Ref(Kind.OPERATIVE, 4))
    assert pair.change is Change.MODIFIED and pair.old_refs == (Ref(Kind.OPERATIVE, 4),)
    assert old_text(pair.redline) == old.full_text and new_text(pair.redline) == changed.full_text
    assert [s.old for s in pair.redline if s.op is Op.DELETE] == ["all necessary measures"]
    assert 0.8 < pair.similarity < 1


@pytest.mark.parametrize(
    ("number", "after", "direction"),
    [
        (4, "Urges", Direction.STRONGER),  # Calls upon → Urges
        (6, "Encourages", Direction.WEAKER),  # Urges → Encourages
        (11, "Strongly encourages", Direction.STRONGER),
        (11, "Takes note of", Direction.CHANGED),
    ],
)
def test_a_lead_verb_that_changed_is_rated_on_the_summary_scale(
    doc: Document, number: int, after: str, direction: Direction
) -> None:
    old = op(doc, number)
    later = renumbered(doc, operative=[dataclasses.replace(p, verb=after) if p is old else p for p in doc.operative])
    result = compare(doc, later)
    assert [(c.old, c.new, c.before, c.after, c.direction) for c in result.leads] == [
        (old.ref, old.ref, old.verb, after, direction)
    ]


def test_also_or_further_before_the_same_verb_is_no_change_of_strength(doc: Document) -> None:
    old = op(doc, 4)
    later = renumbered(
        doc, operative=[dataclasses.replace(p, verb="Further calls upon") if p is old else p for p in doc.operative]
    )
    assert compare(doc, later).leads == ()


def test_a_paragraph_moved_elsewhere_is_marked_moved_and_the_others_are_not(doc: Document) -> None:
    moving = op(doc, 2)
    later = renumbered(doc, operative=[*[p for p in doc.operative[:-1] if p is not moving], moving, doc.operative[-1]])
    result = compare(doc, later)
    moved = [p for p in result.part(Kind.OPERATIVE) if p.moved]
    assert [(p.old_refs, p.new_refs, p.change) for p in moved] == [
        ((Ref(Kind.OPERATIVE, 2),), (Ref(Kind.OPERATIVE, 16),), Change.UNCHANGED)
    ]


def test_a_paragraph_cut_in_two_is_split(doc: Document) -> None:
    whole = op(doc, 3)  # "Condemns all human rights violations …, and urges States to take all appropriate action …"
    first, second = whole.text.split(", and urges ")
    pieces = [
        dataclasses.replace(whole, text=first + ";"),
        Paragraph(Kind.OPERATIVE, 0, second, verb="Urges"),
    ]
    later = renumbered(doc, operative=[*doc.operative[:2], *pieces, *doc.operative[3:]])
    pair = compare(doc, later).counterpart(Ref(Kind.OPERATIVE, 3), in_new=False)
    assert pair.change is Change.SPLIT
    assert pair.new_refs == (Ref(Kind.OPERATIVE, 3), Ref(Kind.OPERATIVE, 4))
    assert old_text(pair.redline) == whole.full_text


def test_two_paragraphs_joined_are_merged(doc: Document) -> None:
    a, b = op(doc, 6), op(doc, 7)
    joined = dataclasses.replace(a, text=a.text.rstrip(";") + ", and also to " + b.text.removeprefix("States to "))
    later = renumbered(doc, operative=[*doc.operative[:5], joined, *doc.operative[7:]])
    pair = compare(doc, later).counterpart(Ref(Kind.OPERATIVE, 6))
    assert pair.change is Change.MERGED
    assert pair.old_refs == (Ref(Kind.OPERATIVE, 6), Ref(Kind.OPERATIVE, 7))
    assert new_text(pair.redline) == joined.full_text


def test_no_pair_crosses_parts_even_when_the_text_moved_between_them(doc: Document) -> None:
    moving = doc.preamble[14]  # "Emphasizing the need for strong and effective measures …"
    as_operative = Paragraph(
        Kind.OPERATIVE, 0, moving.text.removeprefix("Emphasizing ").rstrip(",") + ";", verb="Emphasizes"
    )
    later = renumbered(doc, preamble=doc.preamble[:14], operative=[*doc.operative, as_operative])
    result = compare(doc, later)
    for pair in result.pairs:
        assert {p.kind for p in (*pair.old, *pair.new)} == {pair.part}
    assert result.counterpart(Ref(Kind.PREAMBLE, 15), in_new=False).change is Change.DROPPED
    assert result.counterpart(Ref(Kind.OPERATIVE, 18)).change is Change.NEW


def test_every_paragraph_of_both_texts_is_in_exactly_one_pair(doc: Document) -> None:
    a = op(doc, 3)
    later = renumbered(
        doc,
        preamble=[*doc.preamble[:5], *doc.preamble[7:]],
        operative=[op(doc, 2), op(doc, 1), dataclasses.replace(a, text=a.text[:60] + ";"), *doc.operative[4:]],
    )
    result = compare(doc, later)
    olds = [r for p in result.pairs for r in p.old_refs]
    news = [r for p in result.pairs for r in p.new_refs]
    assert sorted(olds) == sorted(p.ref for p in doc.paragraphs())
    assert sorted(news) == sorted(p.ref for p in later.paragraphs())


def test_footnotes_are_compared_by_content_not_number(doc: Document) -> None:
    # The later text cites the same notes in another order: footnote 1 is now 2 and 2 is now 1.
    swap = {1: 2, 2: 1}
    notes = (
        Footnote(1, doc.footnote(2).text, doc.footnote(2).links),
        Footnote(2, doc.footnote(1).text, doc.footnote(1).links),
        *doc.footnotes[2:],
    )

    def remark(p: Paragraph) -> Paragraph:
        text = p.text.replace("[^1]", "[^x]").replace("[^2]", "[^1]").replace("[^x]", "[^2]")
        return dataclasses.replace(p, text=text)

    later = dataclasses.replace(
        doc,
        preamble=tuple(map(remark, doc.preamble)),
        operative=tuple(map(remark, doc.operative)),
        footnotes=notes,
    )
    result = compare(doc, later)
    assert [(n.old, n.new, n.change) for n in result.notes[:2]] == [
        (2, 1, Change.UNCHANGED),
        (1, 2, Change.UNCHANGED),
    ]
    assert result.same_notes[1] == swap[1]
    assert {p.change for p in result.pairs} == {Change.UNCHANGED}  # renumbered markers are no change


def test_a_new_footnote_and_a_dropped_one_are_reported(doc: Document) -> None:
    later = dataclasses.replace(doc, footnotes=(*doc.footnotes[:-1], Footnote(len(doc.footnotes), "A/HRC/55/50.")))
    changes = {(n.old, n.new, n.change) for n in compare(doc, later).notes}
    last = len(doc.footnotes)
    assert (None, last, Change.NEW) in changes and (last, None, Change.DROPPED) in changes


def test_new_references_to_instruments_and_new_addressees_are_listed(doc: Document) -> None:
    old = op(doc, 4)
    changed = dataclasses.replace(
        old,
        text=old.text.rstrip(";") + ", in line with the Convention on the Rights of the Child and Human Rights "
        "Council resolution 52/4;",
        addressees=(*old.addressees, "ohchr"),
    )
    later = renumbered(doc, operative=[changed if p is old else p for p in doc.operative])
    result = compare(doc, later)
    assert "Convention on the Rights of the Child" in result.instruments_added
    assert "Human Rights Council resolution 52/4" in result.instruments_added
    assert result.instruments_dropped == ()
    # The Office of the High Commissioner was an addressee of other paragraphs already: not new.
    assert result.addressees_added == ()
    dropped = renumbered(doc, operative=[p for p in doc.operative if "general-assembly" not in p.addressees])
    assert compare(doc, dropped).addressees_dropped == ("General Assembly",)
