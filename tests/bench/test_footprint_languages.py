"""bench/footprint.py counts what issue 17 serves: four documents with their language versions, and
every interface catalogue loaded (they load lazily per locale, so the bench uses each once)."""

from __future__ import annotations

from bench import footprint
from bot.content.library import load_library
from bot.i18n import LOCALES
from bot.i18n.catalogue import shipped_catalogues


def test_the_footprint_bot_loads_four_documents_with_their_language_versions() -> None:
    library = load_library(footprint.DOCUMENTS, footprint.DEFAULT_DOCUMENT)
    assert len(library.documents) == 4
    assert library.default.symbol == "A/RES/78/216"
    languages = {doc.symbol: {code for code, _ in doc.versions} for doc in library.documents}
    for symbol in ("A/RES/74/146", "A/RES/76/174", "A/RES/78/216"):
        assert languages[symbol] == {"ar", "es", "fr", "ru", "zh"}, symbol


def test_using_every_language_loads_every_catalogue() -> None:
    footprint.use_every_language()
    assert set(shipped_catalogues()._bundles) == set(LOCALES)
