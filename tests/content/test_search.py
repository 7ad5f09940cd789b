"""Search: ranked, case- and accent-insensitive, phrases, typo tolerance, marked snippets."""

from __future__ import annotations

import dataclasses
import gc
import os
import random
import subprocess
import sys
import tracemalloc

import pytest

from bot.content.errors import UserError
from bot.content.library import Library
from bot.content.model import Document, Kind, Ref
from bot.content.search import SearchIndex, fold, parse_query
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def index(library: Library) -> SearchIndex:
    return library.index


def marked(snippet: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [snippet[a:b] for a, b in spans]


def test_finds_every_paragraph_with_the_word(index: SearchIndex) -> None:
    result = index.search("impunity", limit=10)
    assert {h.ref for h in result.hits} == {Ref(Kind.PREAMBLE, 6), Ref(Kind.PREAMBLE, 8), Ref(Kind.OPERATIVE, 7)}
    assert result.total == 3 and result.all_terms


def test_case_and_accents_do_not_matter(index: SearchIndex) -> None:
    assert [h.ref for h in index.search("IMPÚNITY").hits] == [h.ref for h in index.search("impunity").hits]
    assert fold("Défenseurs") == "defenseurs"


def test_snippets_mark_the_hits(index: SearchIndex) -> None:
    for hit in index.search("impunity").hits:
        words = marked(hit.snippet, hit.highlights)
        assert words and all(w.casefold() == "impunity" for w in words)


def test_quoted_phrase_must_appear_in_order(index: SearchIndex) -> None:
    result = index.search('"freedom of expression"')
    assert [h.ref for h in result.hits] == [Ref(Kind.OPERATIVE, 5)]
    assert marked(result.hits[0].snippet, result.hits[0].highlights) == ["freedom of expression"]
    assert not index.search('"expression of freedom"').hits


def test_all_words_must_match_when_some_paragraph_has_them_all(index: SearchIndex) -> None:
    result = index.search("terrorism security", limit=10)
    assert {h.ref for h in result.hits} == {Ref(Kind.PREAMBLE, 5), Ref(Kind.OPERATIVE, 6)}
    assert result.all_terms


def test_falls_back_to_any_word_and_says_so(index: SearchIndex) -> None:
    result = index.search("registration peacebuilding")
    assert not result.all_terms
    assert Ref(Kind.OPERATIVE, 5) in {h.ref for h in result.hits}


def test_ranking_prefers_the_paragraph_that_repeats_the_term(index: SearchIndex) -> None:
    assert index.search("registration").hits[0].ref == Ref(Kind.OPERATIVE, 5)
    assert index.search("Special Representative visit").hits[0].ref == Ref(Kind.OPERATIVE, 9)


def test_a_typo_still_finds_the_word(index: SearchIndex) -> None:
    result = index.search("impunty")
    assert result.corrections == (("impunty", "impunity"),)
    assert {h.ref for h in result.hits} == {h.ref for h in index.search("impunity").hits}


def test_no_match_suggests_close_words(index: SearchIndex) -> None:
    result = index.search("xqzzy")
    assert not result.hits and result.unknown == ("xqzzy",)
    assert index.search("defendrs").hits  # corrected
    loose = index.search("protectoin qqqq")
    assert loose.hits and "qqqq" in loose.unknown


def test_prefixes_match_longer_words(index: SearchIndex) -> None:
    assert Ref(Kind.OPERATIVE, 13) in {h.ref for h in index.search("strengthen", limit=20).hits}
    refs = {h.ref for h in index.search("defend", limit=40).hits}
    assert Ref(Kind.PREAMBLE, 7) in refs  # "defenders"


def test_footnotes_are_searchable(index: SearchIndex) -> None:
    assert index.search("A/62/225").hits[0].ref == Ref(Kind.FOOTNOTE, 6)


def test_query_parsing_splits_phrases_and_words() -> None:
    terms = parse_query('impunity "human rights defenders" counter-terrorism')
    assert [t.words for t in terms] == [("human", "rights", "defenders"), ("impunity",), ("counter", "terrorism")]


@pytest.mark.parametrize("query", ["", "   ", "!!!", "x" * 201])
def test_unusable_queries_get_a_clear_error(index: SearchIndex, query: str) -> None:
    with pytest.raises(UserError):
        index.search(query)


def test_the_index_holds_no_object_of_its_own_per_distinct_word(doc: Document) -> None:
    """Issue 17 (memory): most words of a library occur once or twice, so what the index keeps per
    distinct word is most of its size. It keeps the word itself (one string) and numbers in arrays
    shared by all words: no array, dict entry or int object per word or per letter triple. (The
    layout with three arrays per word and one per triple held 16 blocks per word here.)"""
    rng = random.Random(17)
    spellings = {"".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(rng.randint(6, 11))) for _ in range(3_000)}
    words = sorted(spellings) * 2
    rng.shuffle(words)
    operative = tuple(
        dataclasses.replace(p, text=" ".join(words[i :: len(doc.operative)]), verb=None, items=())
        for i, p in enumerate(doc.operative)
    )
    synthetic = dataclasses.replace(doc, preamble=(), operative=operative, footnotes=(), annexes=(), versions=())
    gc.collect()
    tracemalloc.start()
    try:
        index = SearchIndex(synthetic)
        kept = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, "*bot/content/search.py")])
    finally:
        tracemalloc.stop()
    blocks = sum(stat.count for stat in kept.statistics("filename"))
    assert len(index.vocabulary) == len(spellings)
    assert blocks < 1.2 * len(spellings), f"{blocks:,} blocks for {len(spellings):,} distinct words"
    some = sorted(spellings)[::300]  # and every word is still found, in every unit it is in
    assert all(
        index.search(w, limit=10).total == len({i % len(operative) for i, x in enumerate(words) if x == w})
        for w in some
    )


def test_searching_keeps_nothing_of_what_was_searched(doc: Document) -> None:
    """Memory must not grow with what people type: thousands of distinct words, prefixes, typos
    and phrases leave the index exactly as large as before (a cache of them once did grow)."""
    index = SearchIndex(doc)
    rng = random.Random(5)

    def word() -> str:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzé") for _ in range(rng.randint(4, 12)))

    queries = [f"{word()} defend{word()}" for _ in range(300)] + [f'"human rights {word()}"' for _ in range(300)]
    queries += [f"impunit{rng.choice('aeiouy')}{word()}" for _ in range(2_400)]
    for query in queries[:200]:  # warm up whatever the interpreter caches on first use
        index.search(query)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        for query in queries[200:]:
            index.search(query)
        gc.collect()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    # Only what the content code allocated and still holds (other threads of the test run allocate too).
    mine = [tracemalloc.Filter(True, "*bot/content/*")]
    kept = sum(d.size_diff for d in after.filter_traces(mine).compare_to(before.filter_traces(mine), "filename"))
    # (Up to a few dozen kilobytes stay in the interpreter's free lists of dicts and lists, as noise;
    # the old prefix cache kept well over a hundred.)
    assert kept < 64_000, f"{kept:,} bytes kept after {len(queries) - 200:,} searches"
    assert "defenders" in index._words_beginning("defend")  # and prefixes still find words
    assert [h.ref.label for h in index.search("defend").hits]


TYPOS_SCRIPT = """
import json, sys
from pathlib import Path
from bot.content.library import load_library
paths = [p for p in sorted(Path("content").glob("*.yaml")) if p.name.count(".") == 1]
index = load_library(paths, None).index
print(json.dumps([[index.search(t).corrections, index.search(t).suggestions] for t in sys.argv[1:]]))
"""


def test_typos_are_corrected_alike_in_every_process() -> None:
    """Two shards (or a restart) give the same correction and the same suggestions. Before, the
    triples of a typo were counted in the order of a set of strings, which follows the process's
    hash seed, and words tied at the edge of the compared pool came and went: "ansix" was corrected
    to "ainsi" under one seed and not under another, one typo in nine differed somewhere."""
    typos = ["ansix", "aluingx", "aprix", "aortesx", "acedx", "absivex", "advrselyx", "adecuadax", "impunty"]
    answers = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-c", TYPOS_SCRIPT, *typos],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=True,
        )
        answers.add(done.stdout)
    assert len(answers) == 1, answers
