"""`python -m bot compare A B [--format json]`: the same answer in a terminal, or the alignment as data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CONTENT, FIXTURES
from tests.test_cli import run

UNXML = FIXTURES / "unxml"


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A config serving 62/152 and the UN's 76/174 and 78/216 as `python -m bot import` writes them."""
    folder = tmp_path_factory.mktemp("library")
    sources = [str(UNXML / "A_RES_76_174-2119209E.xml"), str(UNXML / "A_RES_78_216-2326002E.xml")]
    imported = run("import", *sources, "--out", str(folder))
    assert imported.returncode == 0, imported.stderr
    documents = [str(CONTENT), *sorted(str(p) for p in folder.glob("*.yaml"))]
    path = folder / "config.yaml"
    path.write_text(
        "documents:\n" + "".join(f"  - {d}\n" for d in documents) + "default_document: A/RES/62/152\n",
        encoding="utf-8",
    )
    return path


def test_compare_prints_the_overview_then_every_page(config: Path) -> None:
    result = run("compare", "76/174", "78/216", "--config", str(config))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Page 1 of ")
    assert "┃ A/RES/76/174 → A/RES/78/216 · what changed" in out
    assert "┃ 21 unchanged · 7 modified · 7 new · 3 dropped · 1 split · 1 moved" in out
    assert "┃ 76/174 → 78/216 · Operative part" in out
    assert "**OP 11 → OP 13, 14** · split" in out


def test_compare_as_json_gives_the_pairs_their_change_and_similarity(config: Path) -> None:
    result = run("compare", "76/174", "78/216", "--format", "json", "--config", str(config))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["old"], data["new"]) == ("A/RES/76/174", "A/RES/78/216")
    split = next(p for p in data["pairs"] if p["change"] == "split")
    assert (split["part"], split["old"], split["new"]) == ("op", ["OP 11"], ["OP 13", "OP 14"])
    rewritten = next(p for p in data["pairs"] if p["old"] == ["PP 5"])
    assert rewritten["change"] == "modified" and 0.3 < rewritten["similarity"] < 0.5
    old = "".join(s["old"] for s in rewritten["redline"])
    assert old.startswith("*Recalling* all other previous resolutions")
    assert data["parts"]["op"]["split"] == 1 and data["parts"]["op"]["moved"] == 1


def test_an_unknown_document_is_a_plain_message_and_exit_1(config: Path) -> None:
    result = run("compare", "76/174", "99/1", "--config", str(config))
    assert result.returncode == 1
    assert "No document “99/1”" in result.stderr and "Traceback" not in result.stderr
