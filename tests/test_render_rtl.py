"""Arabic is right to left: what the bot writes keeps its order in Discord's left-to-right layout."""

from __future__ import annotations

import unicodedata

import pytest

from bot.answers import Answers
from bot.console import show
from bot.content.langs import LRI, PDI, RLI, rtl_line, strip_bidi
from bot.content.library import Library, load_library
from bot.content.model import Document
from bot.render import paragraph_body, paragraph_embed, with_superscripts
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([ROOT / "content" / "a-res-78-216.yaml"], None)


@pytest.fixture(scope="module")
def arabic(library: Library) -> Document:
    found = library.default.in_language("ar")
    assert found is not None
    return found


def balanced(line: str) -> bool:
    """Every isolate opened on the line is closed on it, in order (Unicode bidi rule BD8/BD9)."""
    depth = 0
    for char in line:
        if char in (RLI, LRI, "\u2068"):
            depth += 1
        elif char == PDI:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def test_each_arabic_line_is_a_right_to_left_isolate_with_its_number_left_to_right(arabic: Document) -> None:
    paragraph = arabic.operative[0]
    body = paragraph_body(paragraph, right_to_left=True)
    for line in body.split("\n"):
        assert line.startswith(RLI) and line.endswith(PDI) and balanced(line)
    assert body.startswith(f"{RLI}{LRI}1.{PDI} *ترحب*")
    # What a reader copies is the text itself: the marks add nothing and take nothing away.
    assert strip_bidi(body) == f"1. {with_superscripts(paragraph.full_text)}"


def test_footnote_markers_stay_with_their_word(arabic: Document) -> None:
    body = paragraph_body(arabic.operative[0], right_to_left=True)
    assert "المعترف بها عالمياً⁷، المشار إليه" in body  # no mark between the word, its marker and its comma


def test_latin_symbols_in_arabic_text_are_left_to_right_islands(arabic: Document) -> None:
    # content/a-res-78-216.ar.yaml, footnote 8: "… رقم المبيع A.96.IV.13)، …" (the UN's XML, A_RES_78_216-2326002A.xml:274)
    embed = paragraph_embed(arabic, arabic.operative[0])
    (notes,) = [str(f.value) for f in embed.fields if f.name == "Footnotes"]
    assert f"رقم المبيع {LRI}A.96.IV.13{PDI})، الفصل الأول" in notes  # the bracket belongs to the Arabic pair
    assert all(balanced(line.split(" — ")[0]) for line in notes.split("\n"))
    assert rtl_line("انظر (A/77/53)، الفصل") == f"{RLI}انظر ({LRI}A/77/53{PDI})، الفصل{PDI}"
    assert rtl_line("القرار A/RES/78/216 المؤرخ") == f"{RLI}القرار {LRI}A/RES/78/216{PDI} المؤرخ{PDI}"


def test_the_arabic_text_s_own_numbers_need_no_island() -> None:
    # "القرار 53/144، المرفق." (A_RES_78_216-2326002A.xml:274): after Arabic letters the digits are Arabic numbers.
    assert rtl_line("القرار 53/144، المرفق.") == f"{RLI}القرار 53/144، المرفق.{PDI}"
    assert unicodedata.bidirectional("ق") == "AL"


def test_english_and_french_are_shown_without_direction_marks(library: Library) -> None:
    for doc in (library.default, library.default.in_language("fr")):
        assert doc is not None
        body = paragraph_body(doc.operative[0], right_to_left=False)
        assert not any(c in body for c in (RLI, LRI, PDI))


def test_the_console_shows_the_arabic_paragraph_as_discord_gets_it(library: Library) -> None:
    text = show(Answers(library), ["1", "language:ar"])
    (line,) = [line for line in text.splitlines() if "ترحب" in line]
    assert line.startswith(f"┃ {RLI}{LRI}1.{PDI} *ترحب* بالذكرى السنوية الخامسة والسبعين")
    assert line.endswith(f"حقوق الإنسان؛{PDI}")


def test_the_readme_shows_what_the_bot_prints_in_french_and_arabic() -> None:
    """The README's six-language examples are `python -m bot show` output, kept true here."""
    from bot.config import load_settings
    from bot.content.cite import citation
    from bot.content.model import Kind, Ref

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    config = load_settings(ROOT / "config.example.yaml")
    library = load_library(config.documents, config.default_document)
    answers = Answers(library)
    for words in (  # `locale:` plays the reader's Discord language: the interface and the text follow it
        ["4", "document:78/216", "locale:fr"],
        ["/cite", "4", "document:78/216", "locale:fr"],
        ["/paragraph", "pp", "2", "document:78/216", "locale:zh-CN"],
        ["/paragraph", "4", "locale:fr"],
    ):
        assert show(answers, words).rstrip("\n") in readme, words
    visible = str.maketrans({RLI: "⟨RLI⟩", LRI: "⟨LRI⟩", PDI: "⟨PDI⟩"})
    (note,) = [
        x for x in show(answers, ["/footnote", "8", "document:78/216", "language:ar"]).split("\n") if "A.96" in x
    ]
    assert note.translate(visible) in readme
    for language in ("en", "fr", "es", "ru", "zh", "ar"):
        cited = citation(library.default, [Ref(Kind.OPERATIVE, 4)], "un", language=language).text
        assert language == "en" or f"| {language} | {cited} |" in readme
