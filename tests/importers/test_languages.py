"""The six languages of one resolution, imported together from the UN's XML (tests/fixtures/unxml)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.content.loader import load_document
from bot.importers.akn import import_akn
from bot.importers.common import Imported
from bot.importers.languages import disagreements
from bot.importers.run import run
from tests.conftest import FIXTURES

UNXML = FIXTURES / "unxml"
LETTERS = {"ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}
FILES = {
    "76/174": {lang: UNXML / f"A_RES_76_174-2119209{c}.xml" for lang, c in LETTERS.items()},
    "78/216": {lang: UNXML / f"A_RES_78_216-2326002{c}.xml" for lang, c in LETTERS.items()},
}


def imported(path: Path) -> Imported:
    return import_akn(path.read_bytes(), path.name)


def test_chinese_lead_words_are_set_in_bold_and_are_the_verb() -> None:
    # 78session/Chinese/A_RES_78_216-2326002C.xml:173 `<span class="bold">遵循</span>《联合国宪章》…`
    doc = imported(FILES["78/216"]["zh"]).document
    assert doc.meta.language == "zh"
    assert doc.preamble[0].verb == "遵循"
    assert doc.preamble[0].text.startswith("《联合国宪章》的宗旨和原则")
    assert doc.operative[0].verb == "欢迎"
    assert doc.operative[3].verb == "敦促"
    assert doc.operative[3].text.startswith("各国加倍努力")


def test_arabic_numbers_written_1_dash_or_inside_the_text_are_read() -> None:
    # A_RES_78_216-2326002A.xml:272 `<num>1 -</num>`; :279 no <num>, the text starts "2 –\t"
    doc = imported(FILES["78/216"]["ar"]).document
    assert [p.number for p in doc.operative] == list(range(1, 38))
    assert doc.operative[0].verb == "ترحب"
    assert doc.operative[1].verb == "تشجع"
    assert doc.operative[1].text.startswith("الدول على تسخير")


def test_arabic_markers_lose_the_printed_brackets_and_footnotes_the_empty_ones() -> None:
    # A_RES_78_216-2326002A.xml:178 `<sup>(</sup><authorialNote marker="1">…()\tالقرار 217 ألف (د-3).`
    doc = imported(FILES["78/216"]["ar"]).document
    assert doc.preamble[1].text.startswith("بالإعلان العالمي لحقوق الإنسان[^1] والعهدين")
    assert doc.footnotes[0].text == "القرار 217 ألف (د-3)."


@pytest.mark.parametrize("symbol", sorted(FILES))
@pytest.mark.parametrize("lang", ["ar", "zh", "fr", "ru", "es"])
def test_every_language_has_the_english_paragraphs_footnotes_and_markers(symbol: str, lang: str) -> None:
    english = imported(FILES[symbol]["en"]).document
    other = imported(FILES[symbol][lang]).document
    assert other.meta.language == lang
    assert other.symbol == english.symbol
    assert disagreements(english, other) == []
    assert [p.footnotes for p in other.paragraphs()] == [p.footnotes for p in english.paragraphs()]
    assert [len(p.items) for p in other.paragraphs()] == [len(p.items) for p in english.paragraphs()]


def test_a_paragraph_missing_in_one_language_is_reported_never_guessed() -> None:
    from dataclasses import replace

    english = imported(FILES["78/216"]["en"]).document
    french = imported(FILES["78/216"]["fr"]).document
    shorter = replace(french, operative=french.operative[:-1])
    found = disagreements(english, shorter)
    assert any("37 operative paragraphs in en, 36 in fr" in d for d in found)
    moved = replace(
        french,
        operative=(
            replace(french.operative[0], text=french.operative[0].text.replace("[^7]", "")),
            *french.operative[1:],
        ),
    )
    assert any("operative paragraph 1" in d and "footnotes [7, 8]" in d for d in disagreements(english, moved))


def test_importing_the_six_languages_together_writes_six_loadable_files(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(FILES["78/216"].values()), tmp_path, stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    names = sorted(p.name for p in tmp_path.glob("*.yaml"))
    assert names == sorted(["a-res-78-216.yaml"] + [f"a-res-78-216.{x}.yaml" for x in ("ar", "es", "fr", "ru", "zh")])
    for path in tmp_path.glob("*.yaml"):
        load_document(path)
    assert "disagree" not in err.getvalue()


def test_a_language_that_disagrees_is_written_with_its_doubt(tmp_path: Path) -> None:
    # The same French file, cut short by one operative paragraph.
    source = FILES["78/216"]["fr"].read_text(encoding="utf-8")
    start = source.rindex("<paragraph ")
    end = source.index("</paragraph>", start) + len("</paragraph>")
    cut = tmp_path / "src" / "A_RES_78_216-2326002F.xml"
    cut.parent.mkdir()
    cut.write_text(source[:start] + source[end:], encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    run([FILES["78/216"]["en"], cut], tmp_path / "out", stdout=out, stderr=err)
    assert "37 operative paragraphs in en, 36 in fr" in err.getvalue()
    written = (tmp_path / "out" / "a-res-78-216.fr.yaml").read_text(encoding="utf-8")
    assert "# doubt:" in written and "36 in fr" in written
