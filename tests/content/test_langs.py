"""The language versions of a document in the library, and which one a reader gets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.content.langs import LANGUAGE_NAMES, LANGUAGES, not_available, parse_language, text_language
from bot.content.library import load_library
from bot.content.yamlfile import FileProblems
from tests.conftest import ROOT

CONTENT = ROOT / "content"


def test_the_six_language_files_load_as_one_document_with_its_versions() -> None:
    library = load_library([CONTENT / "a-res-78-216.yaml", CONTENT / "a-res-76-174.yaml"], None)
    doc = library.entry("78/216").document
    assert doc.meta.language == "en"
    assert sorted(doc.languages) == ["ar", "en", "es", "fr", "ru", "zh"]
    french = doc.in_language("fr")
    assert french is not None and french.symbol == doc.symbol
    assert french.operative[3].verb == "Exhorte"
    assert doc.in_language("en") is doc
    assert library.symbols == ("A/RES/78/216", "A/RES/76/174")  # versions are not documents of their own


def test_a_version_that_does_not_match_stops_start_up_with_file_and_field(tmp_path: Path) -> None:
    shutil.copy(CONTENT / "a-res-78-216.yaml", tmp_path)
    french = (CONTENT / "a-res-78-216.fr.yaml").read_text(encoding="utf-8")
    start, end = french.index("  - number: 37\n"), french.index("\nfootnotes:")
    (tmp_path / "a-res-78-216.fr.yaml").write_text(french[:start] + french[end:], encoding="utf-8")
    with pytest.raises(FileProblems) as caught:
        load_library([tmp_path / "a-res-78-216.yaml"], None)
    assert str(caught.value).endswith(
        "a-res-78-216.fr.yaml:1: versions: does not match "
        f"{tmp_path / 'a-res-78-216.yaml'}: 37 operative paragraphs in en, 36 in fr"
    )


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("es-ES", "es"),
        ("es-419", "es"),
        ("zh-CN", "zh"),
        ("zh-TW", "zh"),
        ("en-US", "en"),
        ("en-GB", "en"),
        ("fr", "fr"),
        ("ru", "ru"),
        ("de", None),
        ("ja", None),
        (None, None),
    ],
)
def test_discord_locales_map_to_the_un_languages(locale: str | None, language: str | None) -> None:
    assert text_language(locale) == language


@pytest.mark.parametrize(("typed", "code"), [("ar", "ar"), ("Arabic", "ar"), ("العربية", "ar"), ("Français", "fr")])
def test_the_language_option_takes_a_code_or_a_name(typed: str, code: str) -> None:
    assert parse_language(typed) == code


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="Klingon"):
        parse_language("Klingon")


def test_the_languages_names_are_cldr_s_in_each_language() -> None:
    """Retyped for speed (no locale data loaded for a note), so checked against Babel's CLDR."""
    from babel import Locale

    for said in LANGUAGES:
        cldr = Locale.parse(said).languages
        assert LANGUAGE_NAMES[said] == {code: cldr[code] for code in LANGUAGES}, said


@pytest.mark.parametrize(
    ("wanted", "original", "line"),
    [
        ("fr", "en", "Le texte officiel n’existe pas en français dans la bibliothèque ; voici l’original (anglais)."),
        ("es", "en", "El texto oficial no está disponible en español; este es el original (inglés)."),
        ("ru", "fr", "Официальный текст на русском языке недоступен; это оригинал (французский)."),
        ("zh", "en", "没有中文的正式文本；以下是原文（英语）。"),
        ("ar", "en", "النص الرسمي غير متاح باللغة العربية؛ هذا هو النص الأصلي (الإنجليزية)."),
        ("en", "fr", "The official text is not available in English; this is the original (French)."),
    ],
)
def test_the_missing_language_line_is_written_as_that_language_writes(wanted: str, original: str, line: str) -> None:
    """Not "en Français" nor «на языке «Русский»»: language names are lower case in French, Spanish
    and Russian running text, and Russian says "на русском языке"."""
    assert not_available(wanted, original) == line
