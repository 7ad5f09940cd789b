"""The message finder over a corpus of chat messages: what people write in a discussion of 62/152.

Each line is a message and what "Quote cited paragraphs" should pick out of it
(as `format_refs` writes it; "" when nothing). About a third are false friends:
dates, times, quantities, other resolutions, document symbols, other texts'
paragraphs and articles, none of which may be taken for a paragraph of ours.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.content.model import Document
from bot.content.refs import find_refs, format_refs

CORPUS: list[tuple[str, str]] = [
    # -- plain references -------------------------------------------------------------
    ("I think para 4 is the key one here", "OP4"),
    ("see OP7 and pp 3", "PP3, OP7"),
    ("¶¶ 4–6 are about protection", "OP4-6"),
    ("paras. 4 and 7 both mention States", "OP4, OP7"),
    ("Read paragraphs 16-17 before the meeting", "OP16-17"),
    ("the third preambular paragraph recalls the Declaration", "PP3"),
    ("the twelfth operative paragraph is addressed to UN bodies", "OP12"),
    ("footnote 5 points to 53/144", "fn5"),
    ("fn. 2 is the Covenant", "fn2"),
    ("pmbl. para. 3 and op para 7", "PP3, OP7"),
    ("OP 1, OP 3 and OP 9 call on states", "OP1, OP3, OP9"),
    ("paragraph 4 of resolution 62/152 is about armed conflict", "OP4"),
    ("In A/RES/62/152 para 8 they ask for cooperation", "OP8"),
    ("62/152, ¶ 4 is what you want", "OP4"),
    ("GA res 62/152, para. 11 — training judges", "OP11"),
    ("PP 14-15 set the scene", "PP14-15"),
    ("pp 3, 5 are both recalls", "PP3, PP5"),
    ("operative paragraph 12 and footnote 6", "OP12, fn6"),
    ("para 4 to 6 please", "OP4-6"),
    ("paras 4, 7 and 9", "OP4, OP7, OP9"),
    # -- typos, Markdown, mentions, quotes ---------------------------------------------
    ("**para 4** is clear", "OP4"),
    ("> para 5 says registration must be fair\nagreed", "OP5"),
    ("<@123456789012345678> check ¶7", "OP7"),
    ("<#123456789012345678> has the text of para. 2", "OP2"),
    ("Para 4!!! finally someone reads it", "OP4"),
    ("PARA 6 IS ABOUT TERRORISM", "OP6"),
    ("*para 9* on visits, __para 10__ on translation", "OP9-10"),
    ("`para 3` is quoted in my essay", "OP3"),
    ("as the resolution says in “paragraph 8”", "OP8"),
    ("para. 4. Also para 5.", "OP4-5"),
    ("parra 4 lol", ""),  # a typo of the word is not a reference word
    ("pragraph 4", ""),
    ("para4 and para5", "OP4-5"),
    ("¶ 4", "OP4"),  # no-break space
    ("ＯＰ４ from my phone", "OP4"),  # full-width
    ("para\u200b 4 with a zero-width space", "OP4"),
    ("OP 7 <:flag_un:112233445566778899>", "OP7"),
    ("See <t:1700000000:F> for the meeting; para 13 matters", "OP13"),
    ("para 42 and para 4", "OP4"),  # 42 does not exist; reported, not quoted
    # -- false friends ---------------------------------------------------------------
    ("Meeting on 4/5 at 4:30, bring snacks", ""),
    ("We met on 18 December 2007 and again on 6.3.2008", ""),
    ("resolution 53/144 is the Declaration itself", ""),
    ("para 2 of resolution 60/161 says something else", ""),
    ("A/62/225, para 5 is the Special Representative's report", ""),
    ("2200 A (XXI) para 3", ""),
    ("HRC resolution 5/1, para 10 sets up the UPR", ""),
    ("article 12, para 2 of the Declaration", ""),
    ("para 3 of the Declaration protects associations", ""),
    ("we had 5 paras in 3 days", ""),
    ("op 2 days ago said it better", ""),
    ("page 4, line 7", ""),
    ("I have 4 questions and 7 comments", ""),
    ("The vote was 176 to 0", ""),
    ("Resolution 60/161 is long, and para 2 is odd", ""),
    ("see https://undocs.org/en/A/RES/62/152 page 3", ""),
    ("S/RES/1325 (2000), para 8 on women and security", ""),
    ("call me at 555-1234", ""),
    ("item 70 (b) of the agenda", ""),
    ("para 50% of the class skipped", ""),
    ("rule 9.2 of AGLC", ""),
    ("In 62/152 para 4 and in 60/161 para 2", "OP4"),
    ("Compare para 2 of res 60/161 with para 4", "OP4"),
    ("the 62nd session adopted it on 18/12/2007", ""),
    ("```\npara 4\n```", ""),  # code blocks are not prose
]


def test_the_corpus_is_big_enough_and_a_third_false_friends() -> None:
    assert len(CORPUS) >= 60
    assert sum(1 for _, expected in CORPUS if not expected) >= len(CORPUS) // 3


@pytest.mark.parametrize(("message", "expected"), CORPUS)
def test_finder(doc: Document, message: str, expected: str) -> None:
    assert format_refs(find_refs(message, doc).refs) == expected


def test_numbers_the_resolution_lacks_are_reported_not_quoted(doc: Document) -> None:
    found = find_refs("para 42, pp 99 and footnote 7", doc)
    assert found.refs == ()
    assert found.missing == ("OP 42", "PP 99", "fn 7")


@given(st.text(max_size=400))
def test_the_finder_never_fails(doc: Document, text: str) -> None:
    found = find_refs(text, doc)
    assert all(1 <= r.number <= doc.count(r.kind) for r in found.refs)


def test_the_finder_reads_a_bounded_amount(doc: Document) -> None:
    found = find_refs("para 4, " * 10_000 + "para 9", doc)
    assert format_refs(found.refs) == "OP4"  # only the first 4,000 characters are read
