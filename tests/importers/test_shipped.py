"""The shipped imported texts are exactly what the importer makes of their sources today."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.__main__ import load
from bot.importers.run import run
from tests.conftest import ROOT

SOURCES = (
    "tests/fixtures/undocs/A-RES-53-144.txt",
    "tests/fixtures/unxml/74_146.xml",
    *(f"tests/fixtures/unxml/74_146_{c}.xml" for c in "ACFRS"),  # from the session-74 zips, one per language
    *(f"tests/fixtures/unxml/A_RES_76_174-2119209{c}.xml" for c in "ACEFRS"),  # the six languages
    *(f"tests/fixtures/unxml/A_RES_78_216-2326002{c}.xml" for c in "ACEFRS"),
)


def test_importing_the_sources_again_gives_the_shipped_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the files name their source by its path from here
    assert run([Path(s) for s in SOURCES], tmp_path, stdout=io.StringIO(), stderr=io.StringIO()) == 0
    for made in sorted(tmp_path.glob("*.yaml")):
        assert made.read_text(encoding="utf-8") == (ROOT / "content" / made.name).read_text(encoding="utf-8"), made.name


def test_the_library_serves_every_text_and_62_152_stays_the_default() -> None:
    _, library = load(ROOT / "config.example.yaml")
    assert library.symbols == ("A/RES/62/152", "A/RES/53/144", "A/RES/74/146", "A/RES/76/174", "A/RES/78/216")
    assert library.default_symbol == "A/RES/62/152"
    declaration = library.entry("53/144").document.annex()
    assert declaration.article(12).clause(2).text.startswith("The State shall take all necessary measures")
    assert library.default.operative[0].summary  # the hand-written summaries are kept
