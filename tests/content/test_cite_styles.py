"""Each citation style against its manual's published examples, then applied to 62/152.

The published examples cite other resolutions: each test first rebuilds that
resolution's metadata and checks the bot writes the example exactly, so the
pattern is the manual's and not a guess; then it checks our resolution.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.content.cite import STYLES, bluebook_date, citation, cite, ordinal, running_locator
from bot.content.errors import UserError
from bot.content.model import Document, Kind, Ref

OP, PP, FN = Kind.OPERATIVE, Kind.PREAMBLE, Kind.FOOTNOTE


def resolution(
    doc: Document, number: str, adopted: dt.date, distributed: dt.date | None = None, title: str = ""
) -> Document:
    """Another General Assembly resolution's metadata (the paragraphs do not matter to a citation)."""
    meta = dataclasses.replace(
        doc.meta,
        symbol=f"A/RES/{number}",
        number=number,
        adopted=adopted,
        distributed=distributed or adopted,
        title=title or doc.meta.title,
    )
    return dataclasses.replace(doc, meta=meta)


def test_bluebook_published_examples(doc: Document) -> None:
    res_62_228 = resolution(doc, "62/228", dt.date(2007, 12, 22))
    assert (
        cite(res_62_228, [Ref(OP, 35)], "bluebook") == "G.A. Res. 62/228, ¶ 35, U.N. Doc. A/RES/62/228 (Dec. 22, 2007)"
    )
    res_47_1 = resolution(doc, "47/1", dt.date(1992, 9, 22))
    assert cite(res_47_1, [Ref(OP, 33)], "bluebook") == "G.A. Res. 47/1, ¶ 33, U.N. Doc. A/RES/47/1 (Sept. 22, 1992)"


def test_bluebook_for_62_152(doc: Document) -> None:
    assert cite(doc, [Ref(OP, 4)], "bluebook") == "G.A. Res. 62/152, ¶ 4, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)"
    assert cite(doc, [Ref(OP, n) for n in (4, 5, 6)], "bluebook") == (
        "G.A. Res. 62/152, ¶¶ 4–6, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)"
    )
    assert (
        cite(doc, [Ref(PP, 3)], "bluebook") == "G.A. Res. 62/152, pmbl. para. 3, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)"
    )
    assert cite(doc, [Ref(PP, 3), Ref(PP, 4)], "bluebook").startswith("G.A. Res. 62/152, pmbl. paras. 3–4, U.N. Doc.")
    assert cite(doc, [Ref(FN, 5)], "bluebook") == "G.A. Res. 62/152, n.5, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)"
    assert cite(doc, [], "bluebook") == "G.A. Res. 62/152, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)"


@pytest.mark.parametrize(
    ("month", "shown"),
    list(
        enumerate(["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."], 1)
    ),
)
def test_bluebook_abbreviates_months_its_own_way(month: int, shown: str) -> None:
    assert bluebook_date(dt.date(2007, month, 3)) == f"{shown} 3, 2007"


def test_oscola_published_example(doc: Document) -> None:
    res_51_210 = resolution(doc, "51/210", dt.date(1996, 12, 17))
    assert cite(res_51_210, [], "oscola") == "UNGA Res 51/210 (17 December 1996) UN Doc A/RES/51/210"


def test_oscola_for_62_152(doc: Document) -> None:
    assert cite(doc, [], "oscola") == "UNGA Res 62/152 (18 December 2007) UN Doc A/RES/62/152"
    assert cite(doc, [Ref(OP, 4)], "oscola") == "UNGA Res 62/152 (18 December 2007) UN Doc A/RES/62/152, para 4"
    assert cite(doc, [Ref(OP, n) for n in (4, 5, 6)], "oscola").endswith("UN Doc A/RES/62/152, paras 4–6")
    assert cite(doc, [Ref(PP, 3)], "oscola").endswith(", pmbl para 3")
    assert "." not in cite(doc, [Ref(PP, 3), Ref(PP, 4)], "oscola").replace("62/152", "")  # OSCOLA: no full stops


def test_aglc_published_example(doc: Document) -> None:
    res_54_254 = resolution(
        doc, "54/254", dt.date(2000, 3, 15), dt.date(2000, 3, 23), title="Millennium Summit of the United Nations"
    )
    assert cite(res_54_254, [Ref(OP, 3)], "aglc") == (
        "Millennium Summit of the United Nations, GA Res 54/254, UN Doc A/RES/54/254 "
        "(23 March 2000, adopted 15 March 2000) para 3"
    )


def test_aglc_for_62_152(doc: Document) -> None:
    title = (
        "Declaration on the Right and Responsibility of Individuals, Groups and Organs of Society to Promote and "
        "Protect Universally Recognized Human Rights and Fundamental Freedoms"
    )
    expected = f"{title}, GA Res 62/152, UN Doc A/RES/62/152 (6 March 2008, adopted 18 December 2007)"
    assert cite(doc, [], "aglc") == expected
    assert cite(doc, [Ref(OP, 4)], "aglc") == f"{expected} para 4"
    assert cite(doc, [Ref(PP, 3), Ref(PP, 4)], "aglc") == f"{expected} pmbl paras 3–4"


def test_un_published_running_text_patterns(doc: Document) -> None:
    # UN texts write "paragraph 11 of General Assembly resolution 194 (III)".
    res_194 = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, number="194 (III)", symbol="A/RES/194(III)"))
    assert citation(res_194, [Ref(OP, 11)], "un").running == "paragraph 11 of General Assembly resolution 194 (III)"
    res_46_46 = resolution(doc, "46/46 A", dt.date(1991, 12, 9))
    assert cite(res_46_46, [], "un") == "General Assembly resolution 46/46 A of 9 December 1991"


def test_un_for_62_152(doc: Document) -> None:
    four = citation(doc, [Ref(OP, 4)], "un")
    assert four.text == "General Assembly resolution 62/152 of 18 December 2007, para. 4"
    assert four.running == "paragraph 4 of General Assembly resolution 62/152"
    assert citation(doc, [Ref(OP, n) for n in (4, 5, 6, 8)], "un").running == (
        "paragraphs 4 to 6 and 8 of General Assembly resolution 62/152"
    )
    assert (
        citation(doc, [Ref(OP, 4), Ref(OP, 7)], "un").running
        == "paragraphs 4 and 7 of General Assembly resolution 62/152"
    )


def test_un_preambular_paragraphs_are_named_by_ordinal(doc: Document) -> None:
    assert cite(doc, [Ref(PP, 3)], "un") == "the third preambular paragraph of General Assembly resolution 62/152"
    assert cite(doc, [Ref(PP, 3), Ref(PP, 4)], "un") == (
        "the third and fourth preambular paragraphs of General Assembly resolution 62/152"
    )
    assert running_locator([Ref(PP, n) for n in (1, 2, 3, 5)]) == "the first to third and fifth preambular paragraphs"
    assert cite(doc, [Ref(PP, 15), Ref(OP, 1)], "un") == (
        "the fifteenth preambular paragraph and paragraph 1 of General Assembly resolution 62/152"
    )
    assert [ordinal(n) for n in (1, 12, 20, 21, 22, 23, 111)] == [
        "first",
        "twelfth",
        "twentieth",
        "21st",
        "22nd",
        "23rd",
        "111th",
    ]


def test_short_style(doc: Document) -> None:
    assert cite(doc, [Ref(OP, 4)], "short") == "A/RES/62/152, para. 4"
    assert cite(doc, [Ref(OP, n) for n in (4, 5, 6)], "short") == "A/RES/62/152, paras. 4–6"


def test_no_guessed_styles(doc: Document) -> None:
    assert set(STYLES) == {"un", "short", "bluebook", "oscola", "aglc"}
    for style in ("apa", "harvard", "mla"):
        with pytest.raises(UserError, match="Choose one of: un, short, bluebook, oscola, aglc"):
            cite(doc, [Ref(OP, 4)], style)


# -- several pinpoints (issue 14, item 5) --------------------------------------------------
# OSCOLA (4th ed.) separates several pinpoints with commas and joins a span with a dash. Its
# examples, as university guides restate them (e.g. https://libguides.swansea.ac.uk/Oscola/Pinpoints:
# "If pinpointing more than one page number, separate them by commas"): "Beattie v E & F Beattie
# Ltd [1938] Ch 708 (CA) 720, 723", "Callery v Gray [2001] EWCA Civ 1117, [2001] 1 WLR 2112 [42],
# [45]", "Case C-176/03 Commission v Council [2005] ECR I-7879, paras 47-48".
# AGLC4 does the same: "Consecutive pinpoints should be separated by an en-dash and non-consecutive
# pinpoints should be separated by commas" (QUT cite|write on AGLC4 r 3.1.4), with the example
# "Federal Court Rules 1979 (Cth) ords 3, 5–6, 7 r 4A" (Murdoch University's AGLC guide).


@pytest.mark.parametrize("style", ["oscola", "aglc"])
def test_oscola_and_aglc_separate_several_pinpoints_with_commas(doc: Document, style: str) -> None:
    assert cite(doc, [Ref(OP, n) for n in (4, 7, 9)], style).endswith(" paras 4, 7, 9")
    assert cite(doc, [Ref(OP, n) for n in (3, 5, 6, 8)], style).endswith(" paras 3, 5–6, 8")  # "ords 3, 5–6, 7"
    assert cite(doc, [Ref(PP, 3), Ref(OP, 4)], style).endswith(" pmbl para 3, para 4")
    assert cite(doc, [Ref(OP, 16), Ref(OP, 17)], style).endswith(" paras 16–17")  # "paras 47-48"
    assert " and " not in cite(doc, [Ref(PP, 3), Ref(OP, 4), Ref(OP, 7), Ref(FN, 5)], style).split("UN Doc")[1]


def test_un_citation_and_running_text_follow_one_rule_for_runs(doc: Document) -> None:
    # Two numbers in a row are listed, three or more are a span, in both forms.
    two = citation(doc, [Ref(OP, 4), Ref(OP, 5)], "un")
    assert two.text.endswith("paras. 4 and 5")
    assert two.running == "paragraphs 4 and 5 of General Assembly resolution 62/152"
    three = citation(doc, [Ref(OP, 4), Ref(OP, 5), Ref(OP, 6)], "un")
    assert three.text.endswith("paras. 4–6")
    assert three.running == "paragraphs 4 to 6 of General Assembly resolution 62/152"
    mixed = citation(doc, [Ref(OP, n) for n in (4, 5, 6, 8, 9)], "un")
    assert mixed.text.endswith("paras. 4–6, 8 and 9")
    assert mixed.running == "paragraphs 4 to 6, 8 and 9 of General Assembly resolution 62/152"
    assert cite(doc, [Ref(OP, 4), Ref(OP, 5)], "short") == "A/RES/62/152, paras. 4 and 5"
