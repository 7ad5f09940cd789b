"""`python -m bot export`: the documented JSON, and the source's text back out of every fixture."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.content.library import Entry, Library
from bot.content.loader import load_document
from bot.importers.akn import El, import_akn, parse
from bot.importers.common import squash
from bot.importers.export import FORMAT, document_dict, export_json, plain
from bot.importers.pdftext import import_text
from bot.importers.run import write_checked
from tests.conftest import ROOT
from tests.importers.test_akn import ALL as XML_FIXTURES
from tests.importers.test_pdftext import PAIRS, UNDOCS


def exported(document_path: Path) -> dict:  # type: ignore[type-arg]
    doc = load_document(document_path)
    return json.loads(export_json(Library([Entry(doc, document_path)]), None))["documents"][0]  # type: ignore[no-any-return]


def test_plain_text_and_marker_positions() -> None:
    assert plain("*Recalling* its resolution,[^1] and Rights[^2] now") == (
        "Recalling its resolution, and Rights now",
        [{"footnote": 1, "at": 25}, {"footnote": 2, "at": 36}],
    )


def _source_text(el: El, notes: bool = False) -> str:
    """The element's words as the XML has them; with `notes`, each footnote as ⟦N⟧ where it stands."""
    parts = [el.text]
    for child in el.children:
        if child.tag == "authorialNote" and notes:
            parts.append(f"⟦{child.attrib['marker']}⟧")
        elif child.tag not in ("authorialNote", "num"):
            parts.append(_source_text(child, notes))
        parts.append(child.tail)
    return "".join(parts)


@pytest.mark.parametrize("path", XML_FIXTURES, ids=lambda p: p.name)
def test_importing_then_exporting_an_xml_file_gives_its_text_back(path: Path, tmp_path: Path) -> None:
    data = exported(write_checked(import_akn(path.read_bytes(), path.name), tmp_path))
    root = parse(path.read_bytes(), path.name)
    containers = root.iter("container")
    main_body = [p for p in root.iter("mainBody")[0].children if p.tag == "paragraph"]
    for el, p in zip(containers, data["preamble"], strict=True):
        assert squash(p["text"]) == squash(_source_text(el))
    for el, p in zip(main_body, data["operative"], strict=True):
        assert squash(p["text"]) == squash(_source_text(el))
    notes = {int(n.attrib["marker"]): n for n in root.iter("authorialNote")}
    for f in data["footnotes"]:
        assert squash(f["text"]) == squash(notes[f["number"]].itertext())
    # each marker's position is where its note stands in the XML
    for el, p in zip(containers + main_body, data["preamble"] + data["operative"], strict=True):
        with_notes = squash(_source_text(el, notes=True))
        for m in p["markers"]:
            before = with_notes.split(f"⟦{m['footnote']}⟧")[0]
            assert squash(re.sub(r"⟦\d+⟧", "", before)) == squash(p["text"][: m["at"]])


@pytest.mark.parametrize(("layer", "xml"), PAIRS, ids=lambda p: p.name)
def test_importing_then_exporting_a_text_layer_gives_the_official_text(layer: Path, xml: Path, tmp_path: Path) -> None:
    data = exported(write_checked(import_text(layer.read_text(encoding="utf-8"), layer.name), tmp_path))
    truth = document_dict(import_akn(xml.read_bytes(), xml.name).document)
    for got, want in zip(data["preamble"] + data["operative"], truth["preamble"] + truth["operative"], strict=True):
        # the XML writes a footnote cited again as a plain digit ("Development,8"): a marker, not text
        recited = [int(n) for n in re.findall(r"(?<=[a-z],)(\d{1,2})(?= )", want["text"])]
        want_text = re.sub(r"(?<=[a-z],)\d{1,2}(?= )", "", want["text"])
        assert "".join(got["text"].split()) == "".join(want_text.split())
        assert sorted(m["footnote"] for m in got["markers"]) == sorted(
            [m["footnote"] for m in want["markers"]] + recited
        )


def test_importing_then_exporting_the_declaration_keeps_the_source_words_in_order(tmp_path: Path) -> None:
    source = (UNDOCS / "A-RES-53-144.txt").read_text(encoding="utf-8")
    data = exported(write_checked(import_text(source, "A-RES-53-144.txt"), tmp_path))
    token = re.compile(r"[^\W\d_]+|\d+")  # "Rights2" is two tokens: a word and its marker
    words = token.findall(source)
    texts = [p["text"] for p in data["preamble"] + data["operative"]]
    annex = data["annexes"][0]
    texts += [annex["title"]] + [p["text"] for p in annex["preamble"]]
    for article in annex["articles"]:
        for clause in article["paragraphs"]:
            texts += [clause["text"]] + [s["text"] for s in clause["subparagraphs"]]
    position = 0
    for word in token.findall(" ".join(texts).replace("non-discriminatory", "nondiscriminatory")):
        position = words.index(word, position) + 1  # ValueError: a word not in the source, or out of order
    assert [a["number"] for a in annex["articles"]] == list(range(1, 21))


def test_the_export_command_prints_one_document_or_all(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--config", str(ROOT / "config.example.yaml"), "--document", "53/144"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == FORMAT
    assert [d["symbol"] for d in data["documents"]] == ["A/RES/53/144"]
    article12 = data["documents"][0]["annexes"][0]["articles"][11]
    assert article12["paragraphs"][1]["number"] == 2
    assert main(["export", "--config", str(ROOT / "config.example.yaml"), "--document", "9/9"]) == 1
    assert "No document" in capsys.readouterr().err
    out = io.StringIO()
    with redirect_stdout(out):
        main(["export", "--config", str(ROOT / "config.example.yaml")])
    assert len(json.loads(out.getvalue())["documents"]) == 5
