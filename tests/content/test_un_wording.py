"""The `un` citation style in each official language, against how the UN's own texts cite.

Every example is quoted from the UN's XML (GitHub UNxml/GAresolutions, commit
42a69b67bb92d23969fc45bba151320b82eb8e52), by file and line; "~" in a comment is the no-break space the
UN puts between day and month, written here as a plain space."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from bot.answers import Answers
from bot.content.cite import citation
from bot.content.library import Library
from bot.content.model import Document, Kind, Ref
from bot.content.un_wording import paragraphs, pinpoints, un_date
from bot.render import to_text


def as_resolution(doc: Document, number: str, adopted: dt.date) -> Document:
    return replace(doc, meta=replace(doc.meta, number=number, symbol=f"A/RES/{number}", adopted=adopted))


# (language, the resolution and date it names, the words quoted, where)
WHOLE = [
    # 75session/French/75_212_F.xml:775
    ("fr", "67/290", dt.date(2013, 7, 9), "résolution 67/290 de l’Assemblée générale en date du 9 juillet 2013"),
    # 75session/Spanish/75_101A-B_S.xml:951
    ("es", "72/241", dt.date(2017, 12, 20), "resolución 72/241 de la Asamblea General, de 20 de diciembre de 2017"),
    # 75session/Chinese/75_101A-B_C.xml:415
    ("zh", "71/6", dt.date(2016, 10, 27), "大会2016年10月27日第71/6号决议"),
    # 75session/Arabic/75_101A-B_A.xml:798
    ("ar", "72/241", dt.date(2017, 12, 20), "قرار الجمعية العامة 72/241 المؤرخ 20 كانون الأول/ديسمبر 2017"),
]


@pytest.mark.parametrize(("language", "number", "adopted", "quoted"), WHOLE)
def test_a_whole_resolution_is_cited_as_the_official_texts_cite_one(
    doc: Document, language: str, number: str, adopted: dt.date, quoted: str
) -> None:
    assert citation(as_resolution(doc, number, adopted), (), "un", language=language).text == quoted


def test_russian_names_the_assembly_before_the_number_and_the_year_with_goda(doc: Document) -> None:
    # 75session/Russian/75_176_R.xml:148 "резолюции Генеральной Ассамблеи 68/167 от 18~декабря 2013~года"
    # (there in the genitive: "of resolution"; a citation stands alone, in the nominative "резолюция").
    text = citation(as_resolution(doc, "68/167", dt.date(2013, 12, 18)), (), "un", language="ru").text
    assert text == "резолюция Генеральной Ассамблеи 68/167 от 18 декабря 2013 года"


@pytest.mark.parametrize(
    ("language", "quoted", "number"),
    [
        ("fr", "par. 94", 94),  # 75session/French/75_56_F.xml:177 "Résolution 60/1, par. 94"
        ("es", "párr. 135", 135),  # 75session/Spanish/75_199_S.xml:168 "Resolución 60/1, párr. 135"
        ("ru", "п. 2", 2),  # 76session/Russian/A_RES_76_176-2119212R.xml:228 "Резолюция 69/277, п. 2"
        ("zh", "第3段", 3),  # 75session/Chinese/75_151_C.xml:373 "第2016/6号决议，第3段"
        ("ar", "الفقرة 6", 6),  # 75session/Arabic/75_194_A.xml:384 "القرار 5/3، الفقرة 6"
    ],
)
def test_a_paragraph_is_pinpointed_as_the_official_texts_do(language: str, quoted: str, number: int) -> None:
    assert paragraphs([number], language) == quoted


def test_several_paragraphs_take_the_texts_own_joiners() -> None:
    # 78session French "par. 72 et 73", "par. 124 à 128"; Spanish "párrs. 124 a 128"; Chinese "第13和14段", "第1至10段"
    assert paragraphs([72, 73], "fr") == "par. 72 et 73"
    assert paragraphs([124, 125, 126, 127, 128], "fr") == "par. 124 à 128"
    assert paragraphs([124, 125, 126, 127, 128], "es") == "párrs. 124 a 128"
    assert paragraphs([13, 14], "zh") == "第13和14段"
    assert paragraphs(list(range(1, 11)), "zh") == "第1至10段"


def test_french_writes_the_first_of_the_month_1er() -> None:
    # 78session/French: "1er~juillet" 149 times
    assert un_date(dt.date(2004, 7, 1), "fr") == "1er juillet 2004"


def test_cite_in_french_gives_the_un_s_french_wording(library: Library) -> None:
    reply = Answers(library).cite("4", "un", language="fr")
    assert "résolution 62/152 de l’Assemblée générale en date du 18 décembre 2007, par. 4" in to_text(reply)


def test_a_preambular_paragraph_keeps_the_english_form_where_the_texts_show_none(doc: Document) -> None:
    refs = [Ref(Kind.PREAMBLE, 3)]
    assert citation(doc, refs, "un", language="fr").text == citation(doc, refs, "un").text


# Headers and footers of preambular paragraphs and footnotes: the glossary's forms for a preambular
# paragraph (bot/i18n/glossary.yaml, with its sources), the joiners above; not a citation style.
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "alinéas 2 et 3 du préambule, par. 4"),
        ("es", "párrafos 2 y 3 del preámbulo, párr. 4"),
        ("ru", "пункты 2 и 3 преамбулы, п. 4"),
        ("zh", "序言部分第2和3段，第4段"),
    ],
)
def test_preambular_paragraphs_take_the_glossarys_words_before_the_operative_ones(language: str, expected: str) -> None:
    refs = [Ref(Kind.OPERATIVE, 4), Ref(Kind.PREAMBLE, 3), Ref(Kind.PREAMBLE, 2)]
    assert pinpoints(refs, language) == expected


def test_footnotes_are_named_in_each_language() -> None:
    assert pinpoints([Ref(Kind.FOOTNOTE, 1)], "fr") == "note 1"
    assert pinpoints([Ref(Kind.FOOTNOTE, 1), Ref(Kind.FOOTNOTE, 2)], "es") == "notas 1 y 2"
    assert pinpoints([Ref(Kind.FOOTNOTE, 5)], "zh") == "脚注5"
