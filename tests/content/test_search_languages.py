"""Search, autocomplete and references in every language of the content (78/216 in six languages)."""

from __future__ import annotations

import pytest

from bot.answers import Answers
from bot.content.library import Library, load_library
from bot.content.model import Kind, Ref
from bot.content.refs import parse_refs
from bot.content.search import spans_of, tokens_of
from bot.render import to_text
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def six() -> Library:
    return load_library([ROOT / "content" / "a-res-78-216.yaml"], None)


def found(library: Library, query: str) -> list[tuple[str, str, str]]:
    """(reference, language, the words marked) of each hit."""
    result = library.index.search(query, limit=5)
    return [(h.ref.label, h.language, " ".join(h.snippet[a:b] for a, b in h.highlights)) for h in result.hits]


def test_accents_are_folded_in_french_as_in_english(six: Library) -> None:
    hits = found(six, "impunite")
    assert hits and all(lang == "fr" and marked == "impunité" for _, lang, marked in hits)


def test_spanish_words_match_the_other_forms_of_their_stem(six: Library) -> None:
    # "defensoras" is not in 78/216's Spanish text; "defensores" and "defensora(s)" share its stem
    hits = found(six, "defensoras")
    assert hits and {lang for _, lang, _ in hits} == {"es"}
    assert all(marked.startswith("defensor") for _, _, marked in hits)


def test_russian_words_match_the_other_forms_of_their_stem(six: Library) -> None:
    hits = found(six, "защитник")  # the text has "защитников", "защитниками", never "защитник"
    marked = " ".join(m for _, _, m in hits).split()
    assert "защитников" in marked and "защитниками" in marked
    assert all(lang == "ru" for _, lang, _ in hits)


def test_french_is_stemmed_too(six: Library) -> None:
    hits = found(six, "protégés")
    assert any(marked == "protéger" for _, lang, marked in hits if lang == "fr")


def test_chinese_is_searched_by_character_pairs(six: Library) -> None:
    assert tokens_of("人权维护者") == ["人权", "权维", "维护", "护者"]
    assert spans_of("the 人权 text") == [(0, 3), (4, 6), (7, 11)]
    hits = found(six, "人权维护者")
    assert hits and all(lang == "zh" and "人权维护者" in marked.replace(" ", "") for _, lang, marked in hits)
    assert found(six, "维护")  # a word of two characters
    assert found(six, "护")  # and of one


def test_english_search_is_unchanged(six: Library) -> None:
    hits = found(six, "impunity")
    assert hits and all(lang == "en" and marked == "impunity" for _, lang, marked in hits)


def test_a_hit_in_another_language_says_which(six: Library) -> None:
    text = to_text(Answers(six).search("impunité"))
    assert "A/RES/78/216 OP 16 · Français" in text or "OP 16 · Français" in text


def test_autocomplete_shows_a_paragraph_found_by_french_words_in_french(six: Library) -> None:
    choices = Answers(six).paragraph_choices("impunité")
    assert choices[0] == (
        "OP 16 · Reconnaît également que la démocratie et l’état de droit sont essentiels à la création d’un…",
        "OP16",
    )
    english = Answers(six).paragraph_choices("impunity")
    assert english[0][0].startswith("PP 26 · Conscious") or english[0][0].split(" · ")[1][0].isascii()


@pytest.mark.parametrize(
    ("typed", "refs"),
    [
        ("paragraphe 4", [Ref(Kind.OPERATIVE, 4)]),
        ("párrafo 4", [Ref(Kind.OPERATIVE, 4)]),
        ("пункт 4", [Ref(Kind.OPERATIVE, 4)]),
        ("第4段", [Ref(Kind.OPERATIVE, 4)]),
        ("paragraphes 4 et 7", [Ref(Kind.OPERATIVE, 4), Ref(Kind.OPERATIVE, 7)]),
        ("párrs. 4 a 6", [Ref(Kind.OPERATIVE, n) for n in (4, 5, 6)]),
        ("пункт 3 преамбулы", [Ref(Kind.PREAMBLE, 3)]),
        ("序言部分第3段", [Ref(Kind.PREAMBLE, 3)]),
        ("脚注5", [Ref(Kind.FOOTNOTE, 5)]),
    ],
)
def test_the_paragraph_option_reads_the_paragraph_words_of_each_language(
    six: Library, typed: str, refs: list[Ref]
) -> None:
    assert list(parse_refs(typed, six.default)) == refs
