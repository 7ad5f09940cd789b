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
