"""`make translations` / `make i18n-review LANG=fr`: every message beside its English source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.i18n.catalogue import LOCALES_DIR, load_catalogues, shipped_catalogues
from bot.i18n.review import main, review


def test_every_message_is_shown_beside_its_english_source_with_every_variant() -> None:
    text = review(shipped_catalogues(), "ru")
    assert text.count("\n  en: ") == text.count("\n  ru: ") == len(shipped_catalogues().entries("en-US"))
    block = text[text.index("about-contents.value") :]
    assert block.index("  en: ") < block.index("[one] { $footnotes } footnote") < block.index("  ru: ")
    assert "[few] { $footnotes } сноски" in block and "*[many] { $footnotes } сносок" in block
    assert "cmd-daily-set.timezone    (" in text and "ru/commands.ftl:" in text


def test_a_message_not_yet_translated_shows_as_missing(tmp_path: Path) -> None:
    shutil.copytree(LOCALES_DIR, tmp_path / "locales")
    path = tmp_path / "locales" / "zh-CN" / "interface.ftl"
    path.write_text(path.read_text(encoding="utf-8").replace("help-help = 本帮助\n", ""), encoding="utf-8")
    text = review(load_catalogues(tmp_path / "locales"), "zh-CN")
    assert "help-help    (not translated)\n  en: this help\n  zh-CN: MISSING" in text


def test_the_command_takes_discord_locales_and_refuses_others(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["es-419"]) == 0
    assert capsys.readouterr().out.startswith("# es-ES beside en-US")
    assert main(["de"]) == 2
    assert "usage: python -m bot.i18n.review [LANG…]   (LANG one of fr, es-ES, ru, zh-CN)" in capsys.readouterr().err
