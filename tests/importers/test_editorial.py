"""Editorial fields read from the text: addressees and ask where the verb and object say them."""

from __future__ import annotations

from bot.content.model import Kind, Paragraph
from bot.content.summary import summarize
from bot.importers.common import editorial
from tests.importers.test_akn import EN_78_216, imported


def op(verb: str, text: str) -> Paragraph:
    return Paragraph(Kind.OPERATIVE, 1, text, verb=verb)


def test_the_verb_and_its_object_name_the_addressee() -> None:
    assert editorial(op("Calls upon", "all States to ensure")).addressees == ("states",)
    assert editorial(op("Requests", "the Secretary-General to report")).addressees == ("secretary-general",)
    assert editorial(op("Also urges", "non\u2011State actors to respect")).addressees == ("non-state-actors",)
    assert editorial(
        op("Encourages", "the Office of the United Nations High Commissioner for Human Rights")
    ).addressees == ("ohchr",)


def test_an_ask_inside_a_statement_is_found_with_its_strength() -> None:
    found = editorial(op("Condemns", "all acts of reprisal, and strongly calls upon all States to give effect"))
    assert (found.addressees, found.ask) == (("states",), "calls upon")


def test_the_assembly_deciding_is_its_own_addressee_and_a_statement_asks_no_one() -> None:
    assert editorial(op("Decides", "to remain seized of the matter.")).addressees == ("general-assembly",)
    found = editorial(op("Affirms", "the important role of human rights defenders"))
    assert (found.addressees, found.unclassified) == ((), False)


def test_an_ask_of_someone_unknown_is_listed_as_unclassified() -> None:
    found = editorial(op("Invites", "the International Telecommunication Union to consider"))
    assert (found.addressees, found.unclassified) == ((), True)
    result = imported(EN_78_216)
    assert all("could not" not in d.message for d in result.doubts)


def test_without_a_written_summary_the_summary_shows_the_opening_words_marked_as_such() -> None:
    doc = imported(EN_78_216).document
    sections = summarize(doc, "states")
    line = sections[0].groups[0].lines[0]
    assert line.written is False
    assert line.summary.startswith("“") and line.summary.endswith("…”")
    paragraph = next(p for p in doc.operative if p.ref == line.ref)
    assert line.summary[1:].startswith(f"{paragraph.verb} {paragraph.text.split()[0]}")


def test_an_object_that_names_several_and_a_later_request_give_every_addressee() -> None:
    found = editorial(
        op(
            "Invites",
            "Governments, agencies and organizations of the United Nations system and intergovernmental and "
            "non-governmental organizations to intensify their efforts, and requests the Secretary-General to include",
        )
    )
    assert found.addressees == ("states", "un-bodies", "secretary-general")
    assert found.ask is None  # the verb itself asks
