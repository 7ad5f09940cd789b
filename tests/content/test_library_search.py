"""One search index over several documents: the whole library or one document, no phrase across units."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from bot.answers import Answers
from bot.content.library import Library, load_library
from bot.content.model import Kind, Ref
from bot.content.yamlfile import FileProblems
from tests import generated

SHIPPED = Path(__file__).resolve().parents[2] / "content" / "a-res-62-152.yaml"


def _with_texts(index: int, preamble: dict[int, str], operative: dict[int, str] | None = None) -> dict[str, Any]:
    mapping = generated.document(index, preamble=4, operative=4, footnotes=1)
    for number, text in preamble.items():
        mapping["preamble"][number - 1]["text"] = text
    for number, text in (operative or {}).items():
        mapping["operative"][number - 1]["text"] = text
    return mapping


@pytest.fixture(scope="module")
def several(tmp_path_factory: pytest.TempPathFactory) -> Library:
    folder = tmp_path_factory.mktemp("library")
    first = _with_texts(
        1,
        {1: "Noting the zanzibarite accord of the quokka,", 2: "wombat councils meet again,"},
        {1: "the zanzibarite zanzibarite question;"},
    )
    second = _with_texts(2, {1: "Recalling one zanzibarite report and the quokka,"})
    paths = [SHIPPED, generated.write(folder, first), generated.write(folder, second)]
    return load_library(paths, None)


def test_a_search_covers_every_document_and_says_where_each_hit_is(several: Library) -> None:
    first, second = several.symbols[1:]
    result = several.index.search("zanzibarite", limit=10)
    assert [(h.symbol, h.ref) for h in result.hits] == [
        (first, Ref(Kind.OPERATIVE, 1)),  # twice in a short paragraph ranks first
        (first, Ref(Kind.PREAMBLE, 1)),
        (second, Ref(Kind.PREAMBLE, 1)),
    ]
    assert result.total == 3 and result.all_terms


def test_a_search_within_one_document_sees_only_that_document(several: Library) -> None:
    second = several.symbols[2]
    result = several.index.search("zanzibarite", limit=10, within=second)
    assert [(h.symbol, h.ref) for h in result.hits] == [(second, Ref(Kind.PREAMBLE, 1))]
    assert not several.index.search("zanzibarite", within=several.default_symbol).hits
    shipped = several.index.search("impunity", limit=10, within=several.default_symbol)
    assert {h.ref for h in shipped.hits} == {Ref(Kind.PREAMBLE, 6), Ref(Kind.PREAMBLE, 8), Ref(Kind.OPERATIVE, 7)}


def test_a_phrase_never_runs_from_one_paragraph_into_the_next(several: Library) -> None:
    # PP1 of the first document ends "quokka," and PP2 begins "wombat".
    assert not several.index.search('"quokka wombat"').hits
    found = several.index.search('"of the quokka"')
    assert [h.ref for h in found.hits] == [Ref(Kind.PREAMBLE, 1)]
    assert found.hits[0].snippet[slice(*found.hits[0].highlights[0])] == "of the quokka"


def test_typos_are_corrected_against_the_whole_vocabulary(several: Library) -> None:
    result = several.index.search("zanzibrite")
    assert result.corrections == (("zanzibrite", "zanzibarite"),)
    assert len(result.hits) == 3
    # Too far to correct (ratio 0.73), close enough to suggest (0.6 and up).
    missed = several.index.search("zanzxbxrxte")
    assert not missed.hits and "zanzibarite" in missed.suggestions


def test_the_search_reply_names_the_document_of_each_hit_when_several_are_served(several: Library) -> None:
    fields = Answers(several).search("zanzibarite").embeds[0].fields
    assert [f.name for f in fields] == [
        f"{several.symbols[1]} OP 1",
        f"{several.symbols[1]} PP 1",
        f"{several.symbols[2]} PP 1",
    ]
    one = Answers(several).search("zanzibarite", several.symbols[2]).embeds[0].fields
    assert [f.name for f in one] == [f"{several.symbols[2]} PP 1"]
    nothing = Answers(several).search("xqzzyv")
    assert nothing.ephemeral and "Nothing in the texts I serve matches" in (nothing.content or "")


def test_with_one_document_the_reply_shows_plain_paragraph_labels(library: Library) -> None:
    fields = Answers(library).search("impunity").embeds[0].fields
    assert {f.name for f in fields} == {"PP 6", "PP 8", "OP 7"}


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path, enabled: bool) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("symbol: [", encoding="utf-8")
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        load_library([SHIPPED], None)
        assert gc.isenabled() is enabled
        with pytest.raises(FileProblems):
            load_library([broken], None)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
