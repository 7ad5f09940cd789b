"""The shipped content reproduces the official text, paragraph by paragraph, footnote by footnote."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.content.loader import load_document
from bot.content.model import Document
from bot.content.yamlfile import FileProblems
from bot.render import superscript
from tests.conftest import ROOT

SOURCE = ROOT / "content" / "sources" / "A-RES-62-152.txt"
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _norm(text: str) -> str:
    """Whitespace and italic markup aside."""
    return " ".join(text.replace("*", "").split())


def _source_parts() -> tuple[list[str], list[str], dict[int, str]]:
    """(preambular, operative, footnotes) as printed in the official text."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", SOURCE.read_text(encoding="utf-8")) if b.strip()]
    start = blocks.index("The General Assembly,") + 1
    body: list[str] = []
    footnotes: dict[int, str] = {}
    for block in blocks[start:]:
        if block.startswith("*76th plenary meeting"):
            break
        if block[0] in _SUPERSCRIPTS:
            number = int("".join(str(_SUPERSCRIPTS.index(c)) for c in block.split()[0]))
            footnotes[number] = block.split(" ", 1)[1]
        elif block[0].islower():  # continues the paragraph cut by a page break
            body[-1] = f"{body[-1]} {block}"
        else:
            body.append(block)
    preamble = [b for b in body if not re.match(r"\d+\. ", b)]
    operative = [b for b in body if re.match(r"\d+\. ", b)]
    return preamble, operative, footnotes


def _as_printed(text: str) -> str:
    return re.sub(r"\[\^(\d+)\]", lambda m: superscript(int(m.group(1))), text)


def test_the_source_record_is_the_official_text_as_distributed() -> None:
    shared = ROOT.parent / "shared" / "source" / "A-RES-62-152.txt"
    if shared.exists():  # beside the repository on developer and CI machines
        assert SOURCE.read_bytes() == shared.read_bytes()
    assert "62/152. Declaration on the Right and Responsibility" in SOURCE.read_text(encoding="utf-8")


def test_the_source_has_the_expected_shape() -> None:
    preamble, operative, footnotes = _source_parts()
    assert (len(preamble), len(operative), len(footnotes)) == (15, 17, 6)


def test_preambular_paragraphs_are_verbatim(doc: Document) -> None:
    preamble, _, _ = _source_parts()
    assert [_norm(_as_printed(p.text)) for p in doc.preamble] == [_norm(p) for p in preamble]


def test_operative_paragraphs_are_verbatim_with_their_italic_verb(doc: Document) -> None:
    _, operative, _ = _source_parts()
    for paragraph, printed in zip(doc.operative, operative, strict=True):
        assert printed.startswith(f"{paragraph.number}. *{paragraph.verb}* ")
        assert _norm(f"{paragraph.number}. {_as_printed(paragraph.full_text)}") == _norm(printed)


def test_footnotes_are_verbatim(doc: Document) -> None:
    _, _, footnotes = _source_parts()
    assert {f.number: _norm(f.text) for f in doc.footnotes} == {n: _norm(t) for n, t in footnotes.items()}


def test_the_page_break_paragraph_is_one_paragraph(doc: Document) -> None:
    sixth = doc.preamble[5].text
    assert "in many countries impunity for threats" in " ".join(sixth.split())


def test_header_matches_the_source(doc: Document) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    meta = doc.meta
    assert f"Distr.: {meta.distribution}" in text
    assert f"{meta.distributed.day} {meta.distributed:%B %Y}" == "6 March 2008" and "6 March 2008" in text
    assert meta.session in text and meta.session == "Sixty-second session"
    assert f"Agenda item {meta.agenda_item}" in text and meta.agenda_item == "70 (b)"
    assert f"adopted by the {meta.body} on {meta.adopted.day} {meta.adopted:%B %Y}" in text
    assert f"[on the report of the {meta.committee} ({meta.report})]" in text
    assert f"{meta.number}. {meta.title}" in text
    assert meta.meeting in text and meta.symbol == "A/RES/62/152"
    assert meta.url == "https://undocs.org/en/A/RES/62/152"


def test_footnotes_naming_un_documents_link_to_them(doc: Document) -> None:
    expected = {
        1: "https://undocs.org/en/E/2005/23",
        2: "https://undocs.org/en/A/62/53",
        3: "https://undocs.org/en/A/RES/2200(XXI)",
        4: "https://undocs.org/en/A/56/40",
        5: "https://undocs.org/en/A/RES/53/144",
        6: "https://undocs.org/en/A/62/225",
    }
    assert {f.number: [link.url for link in f.links] for f in doc.footnotes} == {n: [u] for n, u in expected.items()}


def test_every_operative_paragraph_has_addressees_and_a_summary(doc: Document) -> None:
    for paragraph in doc.operative:
        assert paragraph.addressees and paragraph.summary
        assert _norm(paragraph.summary) not in _norm(paragraph.text)  # a paraphrase, not a quote


@pytest.mark.parametrize("path", [*sorted((ROOT / "content").glob("*.yaml")), ROOT / "tests/fixtures/a-res-99-1.yaml"])
def test_every_shipped_content_file_loads(path: Path) -> None:
    try:
        load_document(path)
    except FileProblems as exc:  # report every problem at once, readably
        pytest.fail(f"{path.name} has problems:\n{exc}")
