"""Annex references: the grammar for articles of the Declaration, the finder's article references
(with library documents and other instruments among its false friends), and the citations of a
declaration adopted by the General Assembly, checked first against the manuals' published examples."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from bot.answers import Answers
from bot.content.cite import article_citation
from bot.content.errors import UserError
from bot.content.library import Library, load_library
from bot.content.model import Annex, Document
from bot.content.refs import ArticlePoint, find_articles, parse_article
from bot.render import to_text
from tests.conftest import CONTENT, FIXTURES

DECLARATION = CONTENT.parent / "a-res-53-144.yaml"  # imported from the UN's text layer by library-import


@pytest.fixture(scope="module")
def with_declaration() -> Library:
    return load_library([CONTENT, DECLARATION], "A/RES/62/152")


@pytest.fixture(scope="module")
def answers53(with_declaration: Library) -> Answers:
    return Answers(with_declaration)


@pytest.fixture(scope="module")
def res53(with_declaration: Library) -> Document:
    return with_declaration.entry("53/144").document


# -- the grammar ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "point", "number", "declaration"),
    [
        ("art. 12", ArticlePoint(12), None, False),
        ("Article 12(2)", ArticlePoint(12, 2), None, False),
        ("article 9, para. 3 (a)", ArticlePoint(9, 3, "a"), None, False),
        ("annex, art. 12", ArticlePoint(12), None, True),
        ("53/144 art 12", ArticlePoint(12), "53/144", False),
        ("Article 12 of the Declaration", ArticlePoint(12), None, True),
        ("A/RES/53/144, article 5 (b)", ArticlePoint(5, None, "b"), "53/144", False),
        ("GA res 53/144, arts. 12", ArticlePoint(12), "53/144", False),
        ("Article 12 of the Declaration on human rights defenders", ArticlePoint(12), None, True),
        ("ARTICLE 9(3)(c)", ArticlePoint(9, 3, "c"), None, False),
    ],
)
def test_annex_references_parse(text: str, point: ArticlePoint, number: str | None, declaration: bool) -> None:
    found = parse_article(text)
    assert found is not None, text
    assert (found.point, found.number, found.declaration) == (point, number, declaration)


@pytest.mark.parametrize(
    "text",
    [
        "4",
        "OP 4",
        "para 4 of 53/144",
        "Article 12 of the Universal Declaration",
        "art. 12 of the Covenant",
        "artikel 5",
    ],
)
def test_what_is_not_an_article_reference(text: str) -> None:
    assert parse_article(text) is None


# -- /paragraph and /cite on articles (the answers the cogs send) -------------------------


@pytest.mark.parametrize(
    ("ref", "title", "starts"),
    [
        ("art. 12", "Declaration, Article 12", "1. Everyone has the right, individually and in association"),
        ("Article 12(2)", "Declaration, Article 12(2)", "2. The State shall take all necessary measures"),
        ("article 9, para. 3 (a)", "Declaration, Article 9(3)(a)", "3. To the same end, everyone has the right"),
        ("annex, art. 12", "Declaration, Article 12", "1. Everyone has the right"),
        ("53/144 art 12", "Declaration, Article 12", "1. Everyone has the right"),
        ("Article 12 of the Declaration", "Declaration, Article 12", "1. Everyone has the right"),
    ],
)
def test_paragraph_reads_articles_from_any_default_document(
    answers53: Answers, ref: str, title: str, starts: str
) -> None:
    # The bot's default is 62/152: an article reference goes to the document that has articles.
    (embed,) = answers53.paragraph(ref).embeds
    assert embed.title == f"A/RES/53/144 · {title}"
    assert embed.description is not None and embed.description.startswith(starts)
    assert embed.footer.text is not None and embed.footer.text.startswith("General Assembly resolution 53/144, annex")


def test_a_sub_paragraph_shows_the_words_that_lead_into_it(answers53: Answers) -> None:
    (embed,) = answers53.paragraph("article 9, para. 3 (a)").embeds
    assert embed.description == (
        "3. To the same end, everyone has the right, individually and in association with others, inter alia: …\n"
        "(a) To complain about the policies and actions of individual officials and governmental bodies with regard "
        "to violations of human rights and fundamental freedoms, by petition or other appropriate means, to competent "
        "domestic judicial, administrative or legislative authorities or any other competent authority provided for "
        "by the legal system of the State, which should render their decision on the complaint without undue delay;"
    )


def test_an_articles_footnotes_are_shown_under_it(answers53: Answers) -> None:
    (embed,) = answers53.paragraph("art 4").embeds
    assert "Human Rights,² the International Covenants on Human Rights³ and other" in (embed.description or "")
    assert [f.name for f in embed.fields] == ["Footnotes"]
    assert "Resolution 217 A (III)." in (embed.fields[0].value or "")


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("art 21", "There is no Article 21: the Declaration has Articles 1–20."),
        ("Article 12(4)", "Article 12 has paragraphs 1–3; there is no Article 12(4)."),
        ("art 5 (d)", "Article 5 has sub-paragraphs (a)–(c); there is no Article 5(d)."),
        ("art 1(2)", "Article 1 has no numbered paragraphs; there is no Article 1(2)."),
        ("62/152 art 3", "A/RES/62/152 has no articles"),
        ("64/163 art 3", "Resolution 64/163 is not in the library"),
    ],
)
def test_articles_that_do_not_exist_get_a_plain_answer(answers53: Answers, ref: str, message: str) -> None:
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        answers53.paragraph(ref)


def test_buttons_under_an_article_walk_the_articles_and_cite_it(answers53: Answers) -> None:
    nav = answers53.paragraph("Article 12(2)").nav
    assert nav is not None
    assert (nav.previous, nav.next, nav.cite) == (
        "p:A/RES/53/144:art11",
        "p:A/RES/53/144:art13",
        "c:A/RES/53/144:art12.2:-:0",
    )
    assert answers53.replay(nav.next or "").embeds[0].title == "A/RES/53/144 · Declaration, Article 13"
    cited = answers53.replay(nav.cite or "", style="oscola").content or ""
    assert "(adopted 9 December 1998 UNGA Res 53/144) art 12(2)" in cited
    first = answers53.paragraph("art 1").nav
    assert first is not None and first.previous is None


def test_article_autocomplete(answers53: Answers) -> None:
    names = answers53.paragraph_choices("art 1")
    assert [v for _, v in names[:3]] == ["53/144 art. 1", "53/144 art. 10", "53/144 art. 11"]
    exact = answers53.paragraph_choices("Article 12(2)")
    assert exact[0][1] == "53/144 art. 12(2)" and exact[0][0].startswith("Article 12(2) · 2. The State shall")
    # Every value offered reads back as the article it names.
    for _, value in names + exact:
        answers53.paragraph(value)
    assert answers53.paragraph_choices("4")[0][1] == "OP4"  # paragraphs are still paragraphs


# -- the finder ---------------------------------------------------------------------------

FINDER: list[tuple[str, list[ArticlePoint]]] = [
    ("Article 12 of the Declaration protects peaceful protest", [ArticlePoint(12)]),
    ("article 12, para 2 of the Declaration", [ArticlePoint(12, 2)]),
    ("53/144 art 12 is the one on protection", [ArticlePoint(12)]),
    ("the Declaration's article 9(3)(c) on legal aid", [ArticlePoint(9, 3, "c")]),
    ("annex, art. 5 (a) on assembly", [ArticlePoint(5, None, "a")]),
    # false friends: other instruments' articles, bare articles, other library documents' paragraphs
    ("article 19 of the Universal Declaration of Human Rights", []),
    ("art. 12 of the Covenant", []),
    ("article 3 of the Declaration of Independence", []),
    ("see article 12", []),  # whose? not said
    ("78/216, para 5 and 62/152 op 4", []),
    ("Article 5 of the ECHR and article 11", []),
]


@pytest.mark.parametrize(("text", "expected"), FINDER)
def test_the_finder_takes_only_articles_that_say_whose_they_are(text: str, expected: list[ArticlePoint]) -> None:
    assert [r.point for r in find_articles(text)] == expected


def test_quote_cited_paragraphs_quotes_an_article_of_the_declaration(answers53: Answers) -> None:
    reply = answers53.quote_message("Article 12 of the Declaration protects us", where="the chat")
    assert reply.content == "**General Assembly resolution 53/144, annex, art. 12** · cited in the chat"
    assert reply.embeds[0].title == "A/RES/53/144 · Declaration, Article 12"
    both = answers53.quote_message("para 4 and Article 12 of the Declaration")
    assert both.embeds[0].title == "A/RES/62/152 · operative paragraph 4"
    assert "Also cited: General Assembly resolution 53/144, annex, art. 12" in (both.content or "")
    with pytest.raises(UserError):
        answers53.quote_message("article 19 of the Universal Declaration of Human Rights")


# -- citations: each manual's published example for a declaration, then the Declaration ------


def declaration_in(
    doc: Document, number: str, adopted: dt.date, distributed: dt.date, title: str
) -> tuple[Document, Annex]:
    """Another declaration adopted by a General Assembly resolution, as the manuals' examples cite it."""
    meta = dataclasses.replace(
        doc.meta, symbol=f"A/RES/{number}", number=number, adopted=adopted, distributed=distributed, title=title
    )
    return dataclasses.replace(doc, meta=meta), Annex(label="Annex", title=title)


def test_oscola_published_example_the_universal_declaration(res53: Document) -> None:
    # OSCOLA's example, as the University of West London's OSCOLA guide prints it
    # (https://uwl.libguides.com/oscola/int, "International treaties"; the guide drops the bracket
    # that closes "(adopted …", which OSCOLA itself prints): the declaration's title, then
    # "(adopted <date> UNGA Res <number>)", then the article. The "(UDHR)" after it is the short
    # name the writer defines for later footnotes, not part of the form.
    udhr, annex = declaration_in(
        res53, "217 A(III)", dt.date(1948, 12, 10), dt.date(1948, 12, 10), "Universal Declaration of Human Rights"
    )
    assert (
        article_citation(udhr, annex, ArticlePoint(5), "oscola").text
        == "Universal Declaration of Human Rights (adopted 10 December 1948 UNGA Res 217 A(III)) art 5"
    )


def test_aglc_published_example_a_declaration_adopted_by_resolution(res53: Document) -> None:
    # AGLC4 rule 9.2, as Southern Cross University's AGLC4 guide prints it
    # (https://libguides.scu.edu.au/aglc/UN): title, GA Res, UN Doc, (distributed, adopted), then
    # annex and pinpoint (rules 9.2.12-13). The example is the Declaration on the Rights of
    # Indigenous Peoples; no AGLC4 example of the Universal Declaration was found to check against.
    undrip, _ = declaration_in(
        res53,
        "61/295",
        dt.date(2007, 9, 13),
        dt.date(2007, 10, 2),
        "United Nations Declaration on the Rights of Indigenous Peoples",
    )
    whole = Annex(label="", title=undrip.meta.title)  # the declaration is the resolution's own text
    assert article_citation(undrip, whole, None, "aglc").text == (
        "United Nations Declaration on the Rights of Indigenous Peoples, GA Res 61/295, UN Doc A/RES/61/295 "
        "(2 October 2007, adopted 13 September 2007)"
    )


def test_bluebook_published_resolution_example_with_the_declarations_title(res53: Document) -> None:
    # Bluebook rule 21.7.2, as the Graduate Institute's guide prints it
    # (https://libguides.graduateinstitute.ch/legal_citation/bluebook/UN): "G.A. Res. 62/228, ¶ 35,
    # U.N. Doc. A/RES/62/228 (Dec. 22, 2007)". A declaration's title goes before it and the article
    # is the pinpoint. No Bluebook example of the Universal Declaration itself was found to check against.
    doc, annex = declaration_in(res53, "62/228", dt.date(2007, 12, 22), dt.date(2007, 12, 22), "Some Declaration")
    assert article_citation(doc, annex, ArticlePoint(35), "bluebook").text == (
        "Some Declaration, G.A. Res. 62/228, annex, art. 35, U.N. Doc. A/RES/62/228 (Dec. 22, 2007)"
    )


TITLE = (
    "Declaration on the Right and Responsibility of Individuals, Groups and Organs of Society to Promote and "
    "Protect Universally Recognized Human Rights and Fundamental Freedoms"
)


@pytest.mark.parametrize(
    ("ref", "style", "expected"),
    [
        ("art. 12", "oscola", f"{TITLE} (adopted 9 December 1998 UNGA Res 53/144) art 12"),
        ("article 9, para. 3 (a)", "oscola", f"{TITLE} (adopted 9 December 1998 UNGA Res 53/144) art 9(3)(a)"),
        (
            "Article 12(2)",
            "aglc",
            f"{TITLE}, GA Res 53/144, UN Doc A/RES/53/144 (8 March 1999, adopted 9 December 1998) annex art 12(2)",
        ),
        (
            "Article 12(2)",
            "bluebook",
            f"{TITLE}, G.A. Res. 53/144, annex, art. 12, ¶ 2, U.N. Doc. A/RES/53/144 (Dec. 9, 1998)",
        ),
        (
            "art. 12",
            "un",
            f"{TITLE} (General Assembly resolution 53/144 of 9 December 1998, annex), art. 12",
        ),
        ("article 9, para. 3 (a)", "short", "A/RES/53/144, annex, art. 9, para. 3 (a)"),
    ],
)
def test_cite_an_article_of_the_declaration(answers53: Answers, ref: str, style: str, expected: str) -> None:
    content = answers53.cite(ref, style).content or ""
    assert f"```\n{expected}\n```" in content


def test_cite_an_article_with_its_text_quoted(answers53: Answers) -> None:
    content = answers53.cite("Article 12(2)", "un", quote=True).content or ""
    assert content.startswith("> 2. The State shall take all necessary measures")
    assert "In running text:\n```\narticle 12, paragraph 2 of the Declaration on the Right" in content


def test_readme_example_renders(answers53: Answers) -> None:
    assert to_text(answers53.cite("Article 12 of the Declaration", "oscola")).startswith("**OSCOLA**")


def test_the_shipped_article_12_is_the_uns_text() -> None:
    """The shipped article text is the UN's, from the text layer it was imported from."""
    layer = (FIXTURES / "undocs" / "A-RES-53-144.txt").read_text(encoding="utf-8")
    doc = load_library([DECLARATION], None).default
    article = doc.annex(1).article(12)
    flat = " ".join(layer.split())
    for clause in article.clauses:
        assert " ".join(clause.text.split()) in flat


def test_declaration_path_is_a_file() -> None:
    assert Path(DECLARATION).is_file()


def test_the_readme_shows_what_the_bot_prints_for_an_article_and_its_citation() -> None:
    """The README's Declaration examples are `python -m bot show` output, kept true here."""
    from bot.config import load_settings
    from bot.console import show

    readme = (CONTENT.parent.parent / "README.md").read_text(encoding="utf-8")
    config = load_settings(CONTENT.parent.parent / "config.example.yaml")
    answers = Answers(load_library(config.documents, config.default_document))
    for words in (["Article 12(2)"], ["/cite", "Article 12 of the Declaration", "style:oscola"]):
        assert show(answers, words).rstrip("\n") in readme, words


def test_search_covers_the_declarations_articles(with_declaration: Library, answers53: Answers) -> None:
    from bot.content.model import Kind, Ref

    result = with_declaration.index.search("juridical framework", limit=5, within="A/RES/53/144")
    assert [(h.symbol, h.ref) for h in result.hits] == [("A/RES/53/144", Ref(Kind.ARTICLE, 3))]
    (embed,) = answers53.search("juridical framework").embeds
    assert embed.fields[0].name == "A/RES/53/144 Article 3"
    assert "**juridical framework**" in (embed.fields[0].value or "")
    # Paragraph autocomplete still offers only what /paragraph reads back.
    assert all(not v.startswith("art") for _, v in answers53.paragraph_choices("juridical", "53/144"))
