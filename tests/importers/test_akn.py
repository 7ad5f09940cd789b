"""The AKN4UN importer on the UN's own files: structure, footnotes at their place, header, doubts, no half files."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from bot.content.loader import load_document
from bot.importers.akn import El, import_akn, parse
from bot.importers.common import Imported, ImportFailed, squash
from bot.importers.run import Progress, run, write_checked
from bot.importers.yamlout import to_yaml
from tests.conftest import FIXTURES

UNXML = FIXTURES / "unxml"
EN_76_174 = UNXML / "A_RES_76_174-2119209E.xml"
EN_78_216 = UNXML / "A_RES_78_216-2326002E.xml"
FR_78_216 = UNXML / "A_RES_78_216-2326002F.xml"
EN_74_146 = UNXML / "74_146.xml"
ALL = (EN_76_174, EN_78_216, FR_78_216, EN_74_146)


def imported(path: Path) -> Imported:
    return import_akn(path.read_bytes(), path.name)


def test_containers_are_preambular_and_numbered_paragraphs_operative() -> None:
    doc = imported(EN_76_174).document
    assert (len(doc.preamble), len(doc.operative), len(doc.footnotes)) == (24, 32, 11)
    assert [p.number for p in doc.operative] == list(range(1, 33))
    assert doc.preamble[1].verb == "Guided also"
    assert doc.operative[3].verb == "Calls upon"
    assert doc.operative[3].text.startswith("States to ensure that COVID-19-related emergency measures")


def test_paragraphs_are_numbered_by_their_num_never_by_the_eid() -> None:
    source = EN_76_174.read_text(encoding="utf-8")
    eids = re.findall(r'<paragraph eId="para_(\d+)"', source)
    assert eids[:3] == ["26", "27", "29"]  # word-processor indexes, with gaps
    assert [p.number for p in imported(EN_76_174).document.operative[:3]] == [1, 2, 3]


def test_each_footnote_marker_stands_at_its_exact_place() -> None:
    doc = imported(EN_76_174).document
    assert doc.preamble[1].text == (
        "by the Universal Declaration of Human Rights,[^1] the International Covenants on Human Rights[^2] "
        "and other relevant instruments,"
    )
    assert doc.footnotes[0].text == "Resolution 217 A (III)."
    assert doc.footnotes[0].links[0].url == "https://undocs.org/en/A/RES/217(III)"
    assert doc.footnotes[2].text.startswith("See *Official Records of the General Assembly, Sixty-fifth Session")


def test_links_in_a_paragraph_are_kept() -> None:
    doc = imported(EN_76_174).document
    assert ("53/144", "https://undocs.org/en/A/RES/53/144") in [(k.label, k.url) for k in doc.preamble[2].links]


def test_the_header_comes_from_meta_cover_page_preface_and_conclusions() -> None:
    meta = imported(EN_76_174).document.meta
    assert (meta.symbol, meta.number, meta.language) == ("A/RES/76/174", "76/174", "en")
    assert meta.adopted == dt.date(2021, 12, 16)
    assert meta.distributed == dt.date(2022, 1, 10)
    assert meta.published == dt.date(2022, 1, 10)
    assert (meta.session, meta.agenda_item, meta.meeting) == ("Seventy-sixth session", "74 (b)", "53rd plenary meeting")
    assert (meta.committee, meta.report) == ("Third Committee", "A/76/462/Add.2")
    assert meta.title.startswith("Implementing the Declaration on the Right and Responsibility")
    # 78/216 names its meeting in an <event>/<location>, not an <inline>
    assert imported(EN_78_216).document.meta.meeting == "50th plenary meeting"


def test_every_language_gets_the_same_paragraph_numbers() -> None:
    en, fr = imported(EN_78_216).document, imported(FR_78_216).document
    assert fr.meta.language == "fr"
    assert fr.meta.url == "https://undocs.org/fr/A/RES/78/216"
    assert (len(fr.preamble), len(fr.operative), len(fr.footnotes)) == (
        len(en.preamble),
        len(en.operative),
        len(en.footnotes),
    )
    assert [p.footnotes for p in fr.paragraphs()] == [p.footnotes for p in en.paragraphs()]


def test_a_misplaced_italic_is_a_doubt_marked_at_its_place() -> None:
    result = imported(FR_78_216)
    doubt = next(d for d in result.doubts if "italics start inside the first word" in d.message)
    assert str(doubt).startswith("A_RES_78_216-2326002F.xml:293: operative paragraph 6")
    assert result.document.operative[5].verb == "Se déclare gravement préoccupée"
    text = to_yaml(result)
    comment = text.index(f"# doubt: {doubt}")
    assert text.index('  - number: 6\n    verb: "Se déclare', comment) - comment < 300


def _xml(main_body: str) -> bytes:
    return f"""<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">
<meta><FRBRWork><FRBRdate date="2030-01-01" name="adoption"/></FRBRWork></meta>
<coverPage><p><docNumber refersTo="#symbol">A/RES/99/9</docNumber></p></coverPage>
<preface><p><docNumber>99/9.</docNumber><docTitle>Test</docTitle></p></preface>
<preamble><formula name="enactingFormula"><p>The General Assembly,</p></formula></preamble>
<mainBody>{main_body}</mainBody></statement></akomaNtoso>""".encode()


def test_list_points_become_lettered_sub_paragraphs_and_a_sublist_that_goes_on_is_flattened() -> None:
    # A/RES/78/181 marks (i) after (h) up as a sub-list of (h): the letters say it is its sibling.
    point = "<point><num>({0})</num><content><p>{0} text;</p></content></point>"
    body = (
        '<paragraph><num>1.</num><list><intro><p><span class="italic">Urges</span> States:</p></intro>'
        + point.format("g")
        + point.format("h")
        + f"<sublist>{point.format('i')}</sublist>"
        + point.format("j")
        + "</list></paragraph>"
    )
    result = import_akn(_xml(body), "x.xml")
    paragraph = result.document.operative[0]
    assert [i.label for i in paragraph.items] == ["g", "h", "i", "j"]
    assert any("go on with its letters" in d.message for d in result.doubts)
    assert paragraph.full_text.splitlines()[:2] == ["*Urges* States:", "(g) g text;"]


def test_verb_and_object_give_addressees_and_ask() -> None:
    doc = imported(EN_76_174).document
    by_number = {p.number: p for p in doc.operative}
    assert by_number[4].addressees == ("states",)  # Calls upon States
    assert (
        by_number[6].addressees == ("states",) and by_number[6].ask == "calls upon"
    )  # Condemns … calls upon all States
    assert by_number[1].addressees == ()  # Affirms: a statement, asks no one
    assert all(p.summary is None for p in doc.operative)
    assert ("states", "States") in doc.addressees


def test_not_well_formed_xml_is_refused_with_its_line() -> None:
    with pytest.raises(ImportFailed, match=r"^bad\.xml:3: not well-formed XML"):
        import_akn(b"<a>\n<b>\n</a>", "bad.xml")


def test_a_broken_file_is_reported_and_skipped_and_nothing_is_half_written(tmp_path: Path) -> None:
    broken = tmp_path / "A_RES_76_174-broken.xml"
    broken.write_bytes(EN_76_174.read_bytes()[:20_000])
    out = tmp_path / "out"
    out.mkdir()
    (out / "a-res-76-174.yaml").write_text("kept\n", encoding="utf-8")
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run([broken, EN_78_216], out, stdout=stdout, stderr=stderr)
    assert code == 1
    assert "skipped: " in stderr.getvalue() and "A_RES_76_174-broken.xml" in stderr.getvalue()
    assert sorted(p.name for p in out.iterdir()) == ["a-res-76-174.yaml", "a-res-78-216.yaml"]
    assert (out / "a-res-76-174.yaml").read_text(encoding="utf-8") == "kept\n"
    assert "1 written" in stdout.getvalue()


def test_a_result_the_loader_refuses_is_not_written(tmp_path: Path) -> None:
    result = imported(EN_76_174)
    from dataclasses import replace

    bad = replace(result, document=replace(result.document, footnotes=result.document.footnotes[1:]))
    with pytest.raises(Exception, match="has no footnote 1"):
        write_checked(bad, tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_the_written_file_loads_back_into_the_same_document(path: Path, tmp_path: Path) -> None:
    result = imported(path)
    written = write_checked(result, tmp_path)
    assert load_document(written) == result.document


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_every_paragraph_has_the_source_words_exactly(path: Path) -> None:
    """The plain text of each paragraph is the XML's text of that container/paragraph, footnotes aside."""
    root = parse(path.read_bytes(), path.name)
    containers = root.iter("container")
    paragraphs = [p for p in root.iter("mainBody")[0].children if p.tag == "paragraph"]
    doc = imported(path).document

    def source_text(el: El) -> str:
        parts = [el.text]
        for child in el.children:
            if child.tag != "authorialNote" and child.tag != "num":
                parts.append(source_text(child))
            parts.append(child.tail)
        return "".join(parts)

    def plain(text: str) -> str:
        return squash(re.sub(r"\[\^\d+\]", "", text).replace("*", ""))

    for el, p in zip(containers, doc.preamble, strict=True):
        assert plain(p.full_text) == squash(source_text(el))
    for el, p in zip(paragraphs, doc.operative, strict=True):
        # sub-paragraphs print their labels "(a)" on their own lines
        assert plain(p.full_text) == squash(source_text(el)), p.number


def test_the_progress_bar_draws_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        bar = Progress(stream, 4)
        bar.step("a.xml")
        bar.step("b.xml")
        bar.close()
    assert "[###############               ] 2/4" in tty.getvalue()
    assert pipe.getvalue() == ""
