"""Word-level redlines: read back, they give both texts exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content.redline import TYPOGRAPHY, Op, markdown, new_text, old_text, read_markdown, redline

WORDS = [
    "States",
    "urges",
    "encourages",
    "human",
    "rights",
    "defenders",
    "the",
    "of",
    "Council",
    "non-State",
    "co-operation",
]
PUNCTUATION = [
    ",",
    ";",
    ".",
    ":",
    "(",
    ")",
    "“",
    "”",
    "’",
    "–",
    "*",
    "_",
    "~",
    "~~",
    "**",
    "\\",
    "|",
    "`",
    ">",
    "[",
    "]",
]
MARKERS = [f"[^{n}]" for n in range(1, 13)]
SPACES = [" ", " ", " ", "  ", "\n", "\u00a0"]


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(WORDS + PUNCTUATION + MARKERS + ["\u2011"]), max_size=40))
    out = []
    for piece in pieces:
        out.append(piece)
        out.append(draw(st.sampled_from([*SPACES, "", ""])))
    return "".join(out)


def _variant(draw: st.DrawFn, text: str) -> str:
    """A plausible next version: some tokens deleted, replaced or inserted."""
    words = text.split(" ")
    edits = draw(st.lists(st.tuples(st.integers(0, 40), st.sampled_from(WORDS + MARKERS + ["", ","])), max_size=6))
    for position, word in edits:
        at = position % (len(words) + 1)
        if draw(st.booleans()) and at < len(words):
            words[at] = word
        else:
            words.insert(at, word)
    return " ".join(words)


@st.composite
def pairs(draw: st.DrawFn) -> tuple[str, str]:
    old = draw(paragraph())
    return old, draw(st.one_of(paragraph(), st.just(old), st.builds(lambda: None).map(lambda _: _variant(draw, old))))


@settings(max_examples=400, deadline=None)
@given(pairs())
def test_every_redline_gives_back_both_texts(texts: tuple[str, str]) -> None:
    old, new = texts
    segments = redline(old, new)
    assert old_text(segments) == old
    assert new_text(segments) == new


@settings(max_examples=400, deadline=None)
@given(pairs())
def test_the_markdown_of_a_redline_reads_back_as_both_texts(texts: tuple[str, str]) -> None:
    """Exactly, but for typography the redline counts as no change (it shows the new form)."""
    old, new = texts
    read_old, read_new = read_markdown(markdown(redline(old, new)))
    assert read_new == new
    assert read_old.translate(TYPOGRAPHY) == old.translate(TYPOGRAPHY)
    if old.translate(TYPOGRAPHY) == old and new.translate(TYPOGRAPHY) == new:
        assert read_old == old


@settings(max_examples=200, deadline=None)
@given(pairs(), st.dictionaries(st.integers(1, 12), st.integers(1, 12), max_size=6))
def test_a_redline_with_renumbered_notes_still_gives_back_both_texts(
    texts: tuple[str, str], same: dict[int, int]
) -> None:
    old, new = texts
    segments = redline(old, new, same)
    assert old_text(segments) == old
    assert new_text(segments) == new


def test_a_changed_word_is_struck_out_and_its_replacement_bold() -> None:
    segments = redline("Encourages States to act;", "Urges States to act;")
    assert markdown(segments) == "~~Encourages~~**Urges** States to act;"


def test_neighbouring_changes_read_as_one_deletion_and_one_insertion() -> None:
    segments = redline("to take all appropriate steps", "to adopt robust practical steps")
    assert [s.op for s in segments] == [Op.EQUAL, Op.DELETE, Op.INSERT, Op.EQUAL]
    assert markdown(segments) == "to ~~take all appropriate~~**adopt robust practical** steps"


def test_a_renumbered_marker_of_the_same_note_is_not_a_change() -> None:
    segments = redline("the Declaration,[^3] and", "the Declaration,[^7] and", {3: 7})
    assert all(s.op is Op.EQUAL for s in segments)
    assert markdown(segments) == "the Declaration,\\[^7\\] and"


def test_a_marker_of_another_note_is_a_change() -> None:
    segments = redline("the Declaration,[^3] and", "the Declaration,[^4] and", {3: 7})
    assert [s.op for s in segments].count(Op.DELETE) == 1


def test_a_non_breaking_hyphen_is_not_a_change() -> None:
    segments = redline("non-State actors", "non\u2011State actors")
    assert all(s.op is Op.EQUAL for s in segments)
    assert new_text(segments) == "non\u2011State actors"


def test_markdown_in_the_text_is_escaped() -> None:
    assert markdown(redline("*Urges* a ~b~", "*Urges* c ~b~")) == "\\*Urges\\* ~~a~~**c** \\~b\\~"
