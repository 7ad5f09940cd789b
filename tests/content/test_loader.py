"""The loader refuses bad content with one line per problem: file, line, field, what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.loader import MAX_PARAGRAPH_CHARS, load_document
from bot.content.model import Kind
from bot.content.yamlfile import FileProblems
from tests.conftest import FIXTURE_DOC

GOOD = FIXTURE_DOC.read_text(encoding="utf-8")


def problems_for(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileProblems) as caught:
        load_document(path, "doc.yaml")
    return [str(p) for p in caught.value.problems]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_fixture_loads_into_an_immutable_document() -> None:
    doc = load_document(FIXTURE_DOC)
    assert doc.symbol == "A/RES/99/1"
    assert [p.ref.label for p in doc.operative] == ["OP 1", "OP 2", "OP 3"]
    assert doc.preamble[0].footnotes == (1,)
    with pytest.raises(AttributeError):
        doc.operative[0].text = "changed"  # type: ignore[misc]


def test_empty_text_names_file_line_and_field(tmp_path: Path) -> None:
    bad = GOOD.replace("text: the Secretary-General to report on progress at its hundredth session;", 'text: ""')
    line = line_of(bad, 'text: ""')
    assert problems_for(tmp_path, bad) == [f"doc.yaml:{line}: operative[1].text: empty"]


def test_missing_key(tmp_path: Path) -> None:
    bad = GOOD.replace("    summary: Report on progress next session.\n", "")
    line = line_of(bad, "  - number: 2\n    verb: Requests")
    assert problems_for(tmp_path, bad) == [f"doc.yaml:{line}: operative[1].summary: missing"]


def test_unknown_key(tmp_path: Path) -> None:
    bad = GOOD.replace("meeting: 40th", "meetnig: 40th")
    found = problems_for(tmp_path, bad)
    line = line_of(bad, "meetnig")
    assert any(p.startswith(f"doc.yaml:{line}: meetnig: unknown key (expected one of: ") for p in found)
    assert "doc.yaml:3: meeting: missing" in found


def test_wrong_type(tmp_path: Path) -> None:
    bad = GOOD.replace("  - number: 2\n    verb: Requests", "  - number: two\n    verb: Requests")
    line = line_of(bad, "number: two")
    found = problems_for(tmp_path, bad)
    assert f"doc.yaml:{line}: operative[1].number: expected a whole number, got text" in found


def test_a_date_must_be_a_date(tmp_path: Path) -> None:
    bad = GOOD.replace("adopted: 2044-12-10", "adopted: 10 December 2044")
    assert problems_for(tmp_path, bad) == [
        f"doc.yaml:{line_of(bad, 'adopted:')}: adopted: expected a date (YYYY-MM-DD), got text"
    ]


def test_duplicate_number(tmp_path: Path) -> None:
    bad = GOOD.replace("  - number: 3\n    verb: Decides", "  - number: 2\n    verb: Decides")
    line = line_of(bad, "  - number: 2\n    verb: Decides")
    assert f"doc.yaml:{line}: operative[2]: duplicate number 2" in problems_for(tmp_path, bad)


def test_missing_number_in_the_sequence(tmp_path: Path) -> None:
    bad = GOOD.replace("  - number: 2\n    text: Noting", "  - number: 3\n    text: Noting")
    line = line_of(bad, "  - number: 3\n    text: Noting")
    assert problems_for(tmp_path, bad) == [f"doc.yaml:{line}: preamble[1]: number 3 is out of sequence (expected 2)"]


def test_footnote_marker_without_footnote(tmp_path: Path) -> None:
    bad = GOOD.replace("rural areas,", "rural areas,[^7]")
    assert problems_for(tmp_path, bad) == [
        f"doc.yaml:{line_of(bad, 'Noting with concern')}: preamble[1].text: footnote marker [^7] has no footnote 7"
    ]


def test_footnote_nothing_cites(tmp_path: Path) -> None:
    bad = GOOD.replace("for all,[^1]", "for all,")
    line = line_of(bad, "  - number: 1\n    text: See")
    assert problems_for(tmp_path, bad) == [f"doc.yaml:{line}: footnotes[0]: footnote 1 is not cited by any paragraph"]


def test_text_too_long_for_discord(tmp_path: Path) -> None:
    long_text = "word " * (MAX_PARAGRAPH_CHARS // 4)
    bad = GOOD.replace("Member States to ensure access to safe drinking water;", long_text)
    (problem,) = problems_for(tmp_path, bad)
    assert problem.startswith(f"doc.yaml:{line_of(bad, long_text[:20])}: operative[0].text: too long:")
    assert "fit Discord" in problem


def test_unknown_addressee(tmp_path: Path) -> None:
    bad = GOOD.replace("addressees: [secretary-general]", "addressees: [security-council]")
    (problem,) = problems_for(tmp_path, bad)
    assert problem.startswith(
        f"doc.yaml:{line_of(bad, '[security-council]')}: operative[1].addressees[0]: unknown addressee"
    )


def test_duplicate_key_is_not_silently_overwritten(tmp_path: Path) -> None:
    bad = GOOD.replace("symbol: A/RES/99/1\n", "symbol: A/RES/99/1\nsymbol: A/RES/99/2\n")
    assert problems_for(tmp_path, bad) == ["doc.yaml:4: symbol: duplicate key"]


def test_invalid_yaml_points_at_the_line(tmp_path: Path) -> None:
    bad = GOOD.replace("verb: Calls upon", "verb: [Calls upon")
    (problem,) = problems_for(tmp_path, bad)
    assert problem.startswith("doc.yaml:") and "invalid YAML" in problem


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    bad = GOOD.replace("adopted: 2044-12-10", "adopted: soon").replace("rural areas,", "rural areas,[^4]")
    found = problems_for(tmp_path, bad)
    assert len(found) == 2
    assert found == sorted(found, key=lambda p: int(p.split(":")[1]))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileProblems, match="file not found"):
        load_document(tmp_path / "nope.yaml")


def test_markers_keep_their_place_and_order() -> None:
    doc = load_document(FIXTURE_DOC)
    assert doc.citing(1)[0].ref.kind is Kind.PREAMBLE
    assert doc.preamble[0].text.endswith("for all,[^1]")


# -- annexes and articles ----------------------------------------------------

ANNEX = """
annexes:
  - label: Annex
    title: Declaration on Water (test fixture)
    opening: The General Assembly,
    preamble:
      - number: 1
        verb: Reaffirming
        text: the importance of water,[^2]
    proclamation: "Declares:"
    articles:
      - number: 1
        text: Everyone has the right to water.
      - number: 2
        paragraphs:
          - number: 1
            text: "Each State shall:"
            items:
              - label: a
                text: Build wells;
              - label: b
                text: Keep them clean.[^2]
          - number: 2
            text: Nothing here restricts the Charter.
"""
FOOTNOTE_2 = """  - number: 2
    text: Resolution 217 A (III).
"""


def with_annex(annex: str = ANNEX) -> str:
    return GOOD.rstrip("\n") + "\n" + FOOTNOTE_2 + annex


def test_an_annex_is_part_of_its_resolution_with_its_own_preamble_and_articles(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text(with_annex(), encoding="utf-8")
    doc = load_document(path)
    annex = doc.annex(1)
    assert (annex.label, annex.opening, annex.proclamation) == ("Annex", "The General Assembly,", "Declares:")
    assert annex.preamble[0].full_text == "*Reaffirming* the importance of water,[^2]"
    assert [a.number for a in annex.articles] == [1, 2]
    assert annex.article(1).clauses[0].number is None
    assert annex.article(2).clause(1).full_text == "1. Each State shall:\n(a) Build wells;\n(b) Keep them clean.[^2]"
    assert annex.article(2).footnotes == (2,)


def test_an_annex_marker_counts_as_citing_its_footnote(tmp_path: Path) -> None:
    # Footnote 2 is cited only inside the annex: without the annex it would be uncited.
    found = problems_for(tmp_path, GOOD.rstrip("\n") + "\n" + FOOTNOTE_2)
    assert any("footnote 2 is not cited by any paragraph" in p for p in found)
    path = tmp_path / "ok.yaml"
    path.write_text(with_annex(), encoding="utf-8")
    load_document(path)


def test_article_numbers_run_in_sequence(tmp_path: Path) -> None:
    bad = with_annex(ANNEX.replace("      - number: 2\n        paragraphs:", "      - number: 3\n        paragraphs:"))
    line = line_of(bad, "      - number: 3\n        paragraphs:")
    assert problems_for(tmp_path, bad) == [
        f"doc.yaml:{line}: annexes[0].articles[1]: number 3 is out of sequence (expected 2)"
    ]


def test_sub_paragraph_letters_run_in_sequence(tmp_path: Path) -> None:
    bad = with_annex(ANNEX.replace("label: b", "label: c"))
    line = line_of(bad, "label: c")
    assert problems_for(tmp_path, bad) == [
        f"doc.yaml:{line}: annexes[0].articles[1].paragraphs[0].items[1].label: "
        "sub-paragraph (c) is out of sequence (expected (b))"
    ]


def test_an_article_has_text_or_paragraphs(tmp_path: Path) -> None:
    bad = with_annex(ANNEX.replace("        text: Everyone has the right to water.\n", ""))
    line = line_of(bad, "    articles:\n      - number: 1") + 1
    assert problems_for(tmp_path, bad) == [
        f"doc.yaml:{line}: annexes[0].articles[0]: an article needs its `text` or its numbered `paragraphs`"
    ]


def test_a_summary_not_yet_written_is_an_explicit_null(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text(GOOD.replace("summary: Report on progress next session.", "summary: null"), encoding="utf-8")
    assert load_document(path).operative[1].summary is None
    # leaving the key out is still a mistake
    missing = GOOD.replace("    summary: Report on progress next session.\n", "")
    assert any(p.endswith("operative[1].summary: missing") for p in problems_for(tmp_path, missing))
