"""The UN's own vocabulary: the glossary comes from the official texts, and the interface uses it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.i18n import LOCALES, SOURCE_LOCALE, load_catalogues
from bot.i18n.catalogue import LOCALES_DIR, shipped_catalogues
from bot.i18n.checks import check_glossary, load_glossary

# The UN's six-language XML (github.com/UNxml/GAresolutions, a git clone), where a machine has a copy.
UN_XML = Path(os.environ.get("UN_XML_REPO", "/work/.mirror/UNxml+GAresolutions/repo"))


def test_the_glossary_covers_the_issues_terms_in_every_interface_language() -> None:
    terms = {t.concept: t for t in load_glossary()}
    wanted = {"operative-paragraph", "preambular-paragraph", "general-assembly-resolution", "annex", "footnote"}
    wanted |= {"calls-upon", "urges", "requests", "encourages", "invites", "decides"}
    assert wanted <= set(terms)
    for term in terms.values():
        assert set(term.forms) == set(LOCALES) - {SOURCE_LOCALE}, term.concept
        for locale, source in term.sources.items():
            assert re.match(r"\d+session/\w+/\S+\.xml", source), (term.concept, locale, source)


def test_the_interface_uses_the_uns_own_terms() -> None:
    assert check_glossary(shipped_catalogues(), load_glossary()) == []


def test_a_translation_in_words_of_our_own_is_caught(tmp_path: Path) -> None:
    shutil.copytree(LOCALES_DIR, tmp_path / "locales")
    path = tmp_path / "locales" / "fr" / "commands.ftl"
    text = path.read_text(encoding="utf-8")
    # "Operative paragraphs" rendered word for word, as a machine would: not the UN's "paragraphes du dispositif".
    path.write_text(text.replace("paragraphes du dispositif seulement", "paragraphes opérationnels seulement"), "utf-8")
    (problem,) = check_glossary(load_catalogues(tmp_path / "locales"), load_glossary())
    assert "fr/commands.ftl:" in problem and "choice-order-operative" in problem
    assert "paragraphe du dispositif" in problem


def _official_text(path: str) -> str:
    raw = subprocess.run(
        ["git", "-C", str(UN_XML), "show", f"HEAD:{path}"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", raw))


@pytest.mark.skipif(
    not UN_XML.exists(), reason="no copy of the UN's XML here (set UN_XML_REPO to a clone of UNxml/GAresolutions)"
)
def test_every_term_and_quotation_is_in_the_official_text_it_cites() -> None:
    for term in load_glossary():
        for locale, source in term.sources.items():
            for cited in source.split("; "):
                path = cited.split(" ")[0].rstrip(",")
                text = _official_text(path)
                for quotation in re.findall(r"\(\"([^\"]+)\"\)", cited):
                    assert quotation in text, (term.concept, locale, path, quotation)
                lowered = text.lower()
                assert any(form.split(" … ")[0].lower() in lowered for form in term.forms[locale]), (
                    term.concept,
                    locale,
                    path,
                )
