"""The aligner measured against reference alignments made by hand (tests/fixtures/alignment/).

A pair is right when the aligner pairs exactly the same paragraphs (old and new side, in
the same part) as the reference; new and dropped paragraphs are pairs with one empty side.
The goal is at least 97 % of the reference pairs, and never a pair across parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content.compare import Change, Comparison, compare
from bot.content.library import load_library, version_paths
from bot.content.model import Document, Kind
from bot.importers.akn import import_akn

ROOT = Path(__file__).resolve().parents[2]
ALIGNMENTS = sorted((ROOT / "tests" / "fixtures" / "alignment").glob("*.yaml"))
GOAL = 0.97
PARTS = {"pp": Kind.PREAMBLE, "op": Kind.OPERATIVE}

Key = tuple[Kind, tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Reference:
    old: str
    new: str
    pairs: dict[Key, Change]
    doubtful: frozenset[Key]


def read(path: Path) -> Reference:
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    pairs: dict[Key, Change] = {}
    doubtful: set[Key] = set()
    for part, kind in PARTS.items():
        for entry in raw.get(part) or []:
            key = (kind, tuple(entry["old"]), tuple(entry["new"]))
            assert key not in pairs, f"{path.name}: {key} twice"
            pairs[key] = Change(entry["change"])
            if entry.get("doubtful"):
                doubtful.add(key)
    return Reference(raw["old"], raw["new"], pairs, frozenset(doubtful))


def found(result: Comparison) -> dict[Key, Change]:
    return {
        (p.part, tuple(r.number for r in p.old_refs), tuple(r.number for r in p.new_refs)): p.change
        for p in result.pairs
    }


@dataclass(frozen=True)
class Score:
    right: int
    total: int
    kinds_right: int  # of the right pairs, those with the reference's kind of change too
    wrong: tuple[Key, ...]  # reference pairs the aligner did not make

    @property
    def share(self) -> float:
        return self.right / self.total


def score(reference: Reference, result: Comparison) -> Score:
    got = found(result)
    right = [key for key in reference.pairs if key in got]
    kinds = sum(got[key] is reference.pairs[key] for key in right)
    wrong = tuple(key for key in reference.pairs if key not in got)
    return Score(len(right), len(reference.pairs), kinds, wrong)


@pytest.mark.parametrize("path", ALIGNMENTS, ids=lambda p: p.stem)
def test_a_reference_alignment_names_every_paragraph_once_within_its_part(path: Path) -> None:
    reference = read(path)
    for kind in PARTS.values():
        for side in ("old", "new"):
            numbers = sorted(n for k, o, w in reference.pairs if k is kind for n in (o if side == "old" else w))
            assert numbers == list(range(1, len(numbers) + 1)), f"{path.name} {kind.value} side {side}"
    for (_, old, new), change in reference.pairs.items():
        expected = {
            Change.NEW: (0, 1),
            Change.DROPPED: (1, 0),
            Change.SPLIT: (1, len(new)),
            Change.MERGED: (len(old), 1),
        }.get(change, (1, 1))
        assert (len(old), len(new)) == expected, f"{path.name}: {old} → {new} cannot be {change.value}"


def test_there_are_at_least_two_reference_alignments() -> None:
    assert len(ALIGNMENTS) >= 2


UNXML = ROOT / "tests" / "fixtures" / "unxml"  # the UN's own files, as the library's importer reads them
SOURCES = ROOT / "tests" / "fixtures" / "alignment" / "sources"  # the held-out pair's texts (not in the library)


@pytest.fixture(scope="module")
def shipped() -> dict[str, Document]:
    """The texts as the library ships them (content/), else as the importer reads the UN's English XML fixtures.

    Only the files the library loads as documents: a-res-74-146.fr.yaml and its siblings are the
    other languages of a-res-74-146.yaml (its `versions`), not texts of their own."""
    found = {}
    paths = sorted((ROOT / "content").glob("*.yaml"))
    versions = {sibling for path in paths for _, sibling in version_paths(path)}
    for path in paths:
        if path not in versions:
            document = load_library([path], None).default
            found[document.symbol] = document
    for path in sorted([*UNXML.glob("*.xml"), *SOURCES.glob("*.xml")]):
        document = import_akn(path.read_bytes(), path.name).document
        if document.meta.language == "en":
            found.setdefault(document.symbol, document)
    return found


def test_the_aligner_is_measured_on_the_english_texts(shipped: dict[str, Document]) -> None:
    """The references were made on the English texts; content/ also ships the other languages
    (a-res-74-146.zh.yaml beside a-res-74-146.yaml), which must not stand in for them."""
    assert {"A/RES/74/146", "A/RES/76/174", "A/RES/78/216"} <= shipped.keys()
    assert {symbol: d.meta.language for symbol, d in shipped.items() if d.meta.language != "en"} == {}


def _documents(library: dict[str, Document], reference: Reference) -> tuple[Document, Document]:
    missing = [s for s in (reference.old, reference.new) if s not in library]
    if missing:
        pytest.skip(f"{', '.join(missing)} neither in content/ nor in the XML fixtures")
    return library[reference.old], library[reference.new]


@pytest.mark.parametrize("path", ALIGNMENTS, ids=lambda p: p.stem)
def test_the_aligner_gets_at_least_97_percent_of_the_reference_pairs(path: Path, shipped: dict[str, Document]) -> None:
    reference = read(path)
    old, new = _documents(shipped, reference)
    result = score(reference, compare(old, new))
    assert result.share >= GOAL, f"{result.right}/{result.total} right; missed {result.wrong}"


@pytest.mark.parametrize("path", ALIGNMENTS, ids=lambda p: p.stem)
def test_the_aligner_never_pairs_across_parts_on_real_texts(path: Path, shipped: dict[str, Document]) -> None:
    reference = read(path)
    old, new = _documents(shipped, reference)
    for pair in compare(old, new).pairs:
        assert {p.kind for p in (*pair.old, *pair.new)} == {pair.part}
