"""Who a paragraph asks, named in the reader's language (/summary, /compare): `addressees.ftl`."""

from __future__ import annotations

import pytest

from bot.content.library import Library
from bot.content.model import Document
from bot.i18n import LOCALES, SOURCE_LOCALE, say
from bot.importers.common import ADDRESSEES
from bot.render import addressee_name

# The names the UN's official texts in the library write as they stand, checked against those texts.
# The others are inflected there ("Генерального секретаря") or longer ("Haut-Commissariat des
# Nations Unies aux droits de l'homme"), and were read from them by hand.
VERBATIM = {
    "fr": ("fr", ["states", "secretary-general", "special-rapporteur", "general-assembly"]),
    "es-ES": ("es", ["states", "secretary-general", "special-rapporteur", "ohchr", "general-assembly"]),
    "ru": ("ru", ["states", "ohchr", "general-assembly"]),
    "zh-CN": ("zh", ["states", "secretary-general", "special-rapporteur", "general-assembly"]),
}


@pytest.fixture(scope="module")
def library_all() -> Library:
    """Every shipped text, as `config.example.yaml` loads them: the six-language ones included."""
    from bot.config import load_settings
    from bot.content.library import load_library
    from tests.conftest import ROOT

    config = load_settings(ROOT / "config.example.yaml")
    return load_library(config.documents, config.default_document)


def test_every_addressee_the_importer_knows_is_named_in_english_as_the_importer_labels_it() -> None:
    for ident, label, _pattern in ADDRESSEES:
        assert say(SOURCE_LOCALE, f"addressee-{ident}") == label


@pytest.mark.parametrize("locale", sorted(VERBATIM))
def test_the_names_are_the_un_s_own_words_in_that_language(library_all: Library, locale: str) -> None:
    language, idents = VERBATIM[locale]
    texts = []
    for doc in library_all.documents:
        version = doc.in_language(language)
        if version is not None:
            texts += [version.meta.opening or "", *(p.text for p in version.paragraphs())]
    assert texts, language
    official = " ".join(texts).casefold()
    for ident in idents:
        assert say(locale, f"addressee-{ident}").casefold() in official, (locale, ident)


@pytest.mark.parametrize("locale", LOCALES)
def test_english_keeps_a_document_s_own_label_and_an_unknown_addressee_keeps_its_label(locale: str) -> None:
    doc = _with_addressees((("states", "Member States"), ("security-council", "Security Council")))
    assert addressee_name(doc, "security-council", locale) == "Security Council"  # no catalogue name
    expected = "Member States" if locale == SOURCE_LOCALE else say(locale, "addressee-states")
    assert addressee_name(doc, "states", locale) == expected
    assert addressee_name(doc, "states", "es-419") == say("es-ES", "addressee-states")  # Discord's other Spanish


def _with_addressees(addressees: tuple[tuple[str, str], ...]) -> Document:
    from dataclasses import replace

    from bot.content.library import load_library
    from tests.conftest import CONTENT

    return replace(load_library([CONTENT], None).default, addressees=addressees)


@pytest.mark.parametrize(
    ("locale", "typed"), [("fr", "États"), ("fr", "etats"), ("zh-CN", "各国"), ("ru", "Государства")]
)
def test_summary_takes_and_offers_the_names_of_the_reader_s_language(
    library_all: Library, locale: str, typed: str
) -> None:
    from bot.answers import Answers

    answers = Answers(library_all)
    name = say(locale, "addressee-states")
    (embed,) = answers.summary(typed, "78/216", locale=locale).embeds
    assert embed.title is not None and embed.title.endswith(name)
    assert (name, "states") in answers.addressee_choices("", "78/216", locale=locale)


@pytest.mark.parametrize(
    ("locale", "typed", "ident"),
    [("fr", "E\u0301tats", "states"), ("ru", "Специа\u0301льный докладчик", "special-rapporteur")],
)
def test_review_probe_a_name_typed_with_a_combining_accent_is_taken_as_autocomplete_offers_it(
    locale: str, typed: str, ident: str
) -> None:
    """Review probe: "États" pasted decomposed (E + U+0301, as text copied from some PDFs and Mac
    files comes), or Russian with a stress mark. Autocomplete folded it and offered the addressee,
    but /summary's matching key split the word at the combining mark ("e tats") and refused it."""
    from bot.content.summary import resolve_addressee

    doc = _with_addressees((("states", "States"), ("special-rapporteur", "Special Rapporteur")))
    names = [(i, addressee_name(doc, i, locale)) for i, _ in doc.addressees]
    assert resolve_addressee(doc, typed, names) == ident


@pytest.mark.parametrize(
    ("locale", "typed", "ident"),
    [
        ("fr", "droits de l'homme", "ohchr"),  # the keyboard's apostrophe; the name has "l’homme"
        ("fr", "haut commissariat", "ohchr"),
        ("es-ES", "organos organismos", "un-bodies"),
        ("en-US", "UN bodies agencies", "un-bodies"),
        ("fr", "", "states"),
        ("fr", "all", "all"),
    ],
)
def test_review_probe_autocomplete_offers_what_summary_takes(
    library_all: Library, locale: str, typed: str, ident: str
) -> None:
    """Review probe: /summary took "droits de l'homme" (the apostrophe a keyboard types) and
    "haut commissariat", matching words with punctuation aside, but its autocomplete compared the
    folded text as it stands and offered nothing for them."""
    from bot.answers import Answers

    answers = Answers(library_all)
    offered = [value for _name, value in answers.addressee_choices(typed, "78/216", locale=locale)]
    assert ident in offered
    assert answers.summary(typed or None, "78/216", locale=locale).embeds  # and /summary takes it


@pytest.mark.parametrize(
    ("locale", "typed"),
    [("fr", "tout le monde"), ("ru", "все"), ("zh-CN", "所有人"), ("es-ES", "Todos"), ("en-US", "all")],
)
def test_summary_takes_the_reader_s_word_for_everyone(library_all: Library, locale: str, typed: str) -> None:
    from bot.answers import Answers

    (embed, *_) = Answers(library_all).summary(typed, "78/216", locale=locale).embeds
    assert embed.title is not None and embed.title.endswith(say(locale, "read-summary-everyone"))
