"""References: what people type, what it means, and a specific answer when it means nothing."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.content.errors import UserError
from bot.content.model import Document, Kind, Ref
from bot.content.refs import format_refs, parse_ref, parse_refs

OP, PP, FN = Kind.OPERATIVE, Kind.PREAMBLE, Kind.FOOTNOTE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4", [Ref(OP, 4)]),
        ("op4", [Ref(OP, 4)]),
        ("OP 4", [Ref(OP, 4)]),
        ("para 4", [Ref(OP, 4)]),
        ("para. 4", [Ref(OP, 4)]),
        ("paragraph 4", [Ref(OP, 4)]),
        ("¶4", [Ref(OP, 4)]),
        ("pp3", [Ref(PP, 3)]),
        ("PP 3", [Ref(PP, 3)]),
        ("preamble 3", [Ref(PP, 3)]),
        ("fn2", [Ref(FN, 2)]),
        ("footnote 2", [Ref(FN, 2)]),
        ("4-6", [Ref(OP, 4), Ref(OP, 5), Ref(OP, 6)]),
        ("4–6", [Ref(OP, 4), Ref(OP, 5), Ref(OP, 6)]),
        ("¶¶ 4–6", [Ref(OP, 4), Ref(OP, 5), Ref(OP, 6)]),
        ("4, 7", [Ref(OP, 4), Ref(OP, 7)]),
        ("paras. 4 and 7", [Ref(OP, 4), Ref(OP, 7)]),
        ("PP 14-15, OP 1", [Ref(PP, 14), Ref(PP, 15), Ref(OP, 1)]),
        ("pp 3, 5", [Ref(PP, 3), Ref(PP, 5)]),  # the part carries over a list
        ("OP4-OP6", [Ref(OP, 4), Ref(OP, 5), Ref(OP, 6)]),
        ("  ＯＰ４ ", [Ref(OP, 4)]),  # full-width forms from some keyboards
        ("4, 4, 4-5", [Ref(OP, 4), Ref(OP, 5)]),  # no repeats
        # What people and legal texts write (issue 6).
        ("A/RES/62/152 para 4", [Ref(OP, 4)]),
        ("62/152, ¶ 4", [Ref(OP, 4)]),
        ("operative paragraph 12", [Ref(OP, 12)]),
        ("op para 7", [Ref(OP, 7)]),
        ("third preambular paragraph", [Ref(PP, 3)]),
        ("third preambular para", [Ref(PP, 3)]),  # issue 14
        ("the third preambular para.", [Ref(PP, 3)]),
        ("second and third preambular paras", [Ref(PP, 2), Ref(PP, 3)]),
        ("fourth operative para", [Ref(OP, 4)]),
        ("the third and fourth preambular paragraphs", [Ref(PP, 3), Ref(PP, 4)]),
        ("3rd preambular paragraph", [Ref(PP, 3)]),
        ("twelfth operative paragraph", [Ref(OP, 12)]),
        ("pmbl. para. 3", [Ref(PP, 3)]),
        ("pmbl. paras. 3–4", [Ref(PP, 3), Ref(PP, 4)]),
        ("paras. 16-17", [Ref(OP, 16), Ref(OP, 17)]),
        ("paragraphs 4 and 7", [Ref(OP, 4), Ref(OP, 7)]),
        ("paras 4 to 6", [Ref(OP, 4), Ref(OP, 5), Ref(OP, 6)]),
        ("¶\u00a04", [Ref(OP, 4)]),  # a no-break space
        ("¶\u202f4", [Ref(OP, 4)]),  # a narrow no-break space
        ("footnote 5", [Ref(FN, 5)]),
        ("fn. 2", [Ref(FN, 2)]),
        ("para 4 of resolution 62/152", [Ref(OP, 4)]),
        ("General Assembly resolution 62/152, para. 4", [Ref(OP, 4)]),
        ("GA res 62/152 para. 4", [Ref(OP, 4)]),
        ("4\u200b", [Ref(OP, 4)]),  # zero-width characters are not there
    ],
)
def test_accepted_forms(doc: Document, text: str, expected: list[Ref]) -> None:
    assert list(parse_refs(text, doc)) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "18",
            "There is no operative paragraph 18: this resolution has operative paragraphs 1–17 "
            "and preambular paragraphs PP1–PP15.",
        ),
        ("pp16", "There is no preambular paragraph 16:"),
        ("fn 7", "There is no footnote 7: this resolution has footnotes 1–6."),
        ("0", "There is no operative paragraph 0:"),
        ("6-4", "The range 6-4 runs backwards: did you mean 4-6?"),
        ("pp3-op5", "A range stays within one part"),
        ("hello", "I couldn't read “hello” as a paragraph reference. Try `4` or `OP 4`"),
        ("", "Which paragraph?"),
        (",", "Which paragraph?"),
        ("1" * 300, "too long"),
        ("pp", "Which number? “pp” needs one"),
        ("53/144", "This bot serves A/RES/62/152 (General Assembly resolution 62/152); “53/144” names another text"),
        ("para 2 of resolution 60/161", "“resolution 60/161” names another text"),
        ("A/RES/60/161 para 2", "“a/res/60/161” names another text"),
        ("HRC resolution 5/1, para 10", "names another text"),
        ("2200 A (XXI), para 3", "“2200 a (xxi)” names another text"),
        ("article 12", "“article 12” names another text"),
        ("1" * 60, "I couldn't read"),
    ],
)
def test_rejected_forms_say_what_exists(doc: Document, text: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_refs(text, doc)
    assert message in caught.value.message


def test_a_list_is_shown_in_document_order_whatever_the_order_typed(doc: Document) -> None:
    assert list(parse_refs("PP 3, 1, 4", doc)) == [Ref(PP, 1), Ref(PP, 3), Ref(PP, 4)]
    assert list(parse_refs("fn 2, op 4, pp 1", doc)) == [Ref(PP, 1), Ref(OP, 4), Ref(FN, 2)]


@pytest.mark.parametrize("text", ["all", "whole", "A/RES/62/152", "62/152", "resolution 62/152", ""])
def test_the_whole_resolution_where_it_is_allowed(doc: Document, text: str) -> None:
    assert parse_refs(text, doc, whole=True) == ()


def test_echoed_input_is_printable(doc: Document) -> None:
    with pytest.raises(UserError) as caught:
        parse_refs("\ud800\x1b[31m", doc)
    caught.value.message.encode("utf-8")  # no lone surrogate survives into a message


def test_parse_ref_wants_exactly_one(doc: Document) -> None:
    assert parse_ref("op 2", doc) == Ref(OP, 2)
    with pytest.raises(UserError, match="one reference"):
        parse_ref("2-3", doc)


def test_refs_sort_in_document_order() -> None:
    assert sorted([Ref(FN, 1), Ref(OP, 1), Ref(PP, 15), Ref(OP, 10)]) == [
        Ref(PP, 15),
        Ref(OP, 1),
        Ref(OP, 10),
        Ref(FN, 1),
    ]


@given(st.text(max_size=80))
def test_no_input_raises_anything_but_user_error(doc: Document, text: str) -> None:
    try:
        refs = parse_refs(text, doc)
    except UserError as exc:
        assert exc.message
    else:
        assert refs and all(1 <= r.number <= doc.count(r.kind) for r in refs)


_grammar = st.builds(
    lambda prefix, a, sep, b: f"{prefix}{a}{sep}{b}",
    st.sampled_from(["", "op", "OP ", "pp", "PP ", "fn", "para. ", "¶", "¶¶ ", "footnote "]),
    st.integers(-3, 40).map(str),
    st.sampled_from(["", "-", "–", ", ", " and ", "—"]),
    st.one_of(st.just(""), st.integers(0, 40).map(str)),
)


@given(_grammar)
def test_reference_shaped_input_never_escapes_as_another_error(doc: Document, text: str) -> None:
    with contextlib.suppress(UserError):
        parse_refs(text, doc)


@given(st.lists(st.sampled_from([Ref(OP, n) for n in range(1, 18)] + [Ref(PP, n) for n in range(1, 16)]), min_size=1))
def test_format_refs_reads_back(doc: Document, refs: list[Ref]) -> None:
    assert sorted(parse_refs(format_refs(refs), doc)) == sorted(set(refs))
