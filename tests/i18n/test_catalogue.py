"""The catalogues as the code uses them: loading, fallback, arguments, plurals, and the checks."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path
from typing import Any

import pytest

from bot.i18n import LOCALES, SOURCE_LOCALE, CatalogueProblems, Catalogues, catalogue_locale, load_catalogues
from bot.i18n.catalogue import LOCALES_DIR, shipped_catalogues
from bot.i18n.checks import check_catalogues


@pytest.fixture(scope="module")
def shipped() -> Catalogues:
    return shipped_catalogues()


def copy_of_shipped(tmp_path: Path) -> Path:
    shutil.copytree(LOCALES_DIR, tmp_path / "locales")
    return tmp_path / "locales"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_interface_language_is_shipped_and_complete(shipped: Catalogues) -> None:
    assert shipped.locales == LOCALES == ("en-US", "fr", "es-ES", "ru", "zh-CN")
    assert check_catalogues(shipped) == []
    assert len(shipped.entries("fr")) == len(shipped.entries(SOURCE_LOCALE)) > 50


@pytest.mark.parametrize(
    ("discord_locale", "served"),
    [
        ("fr", "fr"),
        ("es-ES", "es-ES"),
        ("es-419", "es-ES"),
        ("ru", "ru"),
        ("zh-CN", "zh-CN"),
        ("zh-TW", "zh-CN"),
        ("en-US", "en-US"),
        ("en-GB", "en-US"),
        ("de", None),
        ("ar", None),
        (None, None),
    ],
)
def test_each_discord_locale_is_served_by_its_catalogue_or_none(discord_locale: str | None, served: str | None) -> None:
    assert catalogue_locale(discord_locale) == served


def test_a_message_is_formatted_in_the_locale_with_its_arguments(shipped: Catalogues) -> None:
    assert shipped.format("fr", "help-title", symbol="A/RES/62/152") == "**Lire A/RES/62/152**"
    assert shipped.format("es-419", "help-title", symbol="A/RES/62/152") == "**Leer A/RES/62/152**"
    # No Unicode isolation marks around arguments: they would show up in copied text.
    assert "\u2068" not in shipped.format("ru", "help-title", symbol="A/RES/62/152")


def test_a_language_without_a_catalogue_gets_english(shipped: Catalogues) -> None:
    assert shipped.format("de", "help-help") == shipped.format(None, "help-help") == "this help"


def test_a_message_missing_from_a_translation_falls_back_to_english(tmp_path: Path) -> None:
    locales = copy_of_shipped(tmp_path)
    edit(locales / "fr" / "interface.ftl", "help-help = cette aide\n", "")
    catalogues = load_catalogues(locales)
    assert catalogues.lookup("fr", "help-help") is None
    assert catalogues.format("fr", "help-help") == "this help"
    assert catalogues.format("fr", "help-about").startswith("les informations")  # the rest stays French


def test_a_missing_argument_is_an_error_not_a_silent_gap(shipped: Catalogues) -> None:
    with pytest.raises(ValueError, match=r"fr: help-title: .*symbol"):
        shipped.format("fr", "help-title")
    with pytest.raises(LookupError, match="no message nothing-here"):
        shipped.format("fr", "nothing-here")


@pytest.mark.parametrize(
    ("count", "words"),
    [(1, "1 сноска"), (3, "3 сноски"), (5, "5 сносок"), (11, "11 сносок"), (21, "21 сноска"), (22, "22 сноски")],
)
def test_russian_plurals_follow_russian_rules(shipped: Catalogues, count: int, words: str) -> None:
    text = shipped.format("ru", "about-contents", "value", preambular=15, operative=17, footnotes=count)
    assert text.endswith(f"· {words}")
    assert text.startswith("15 пунктов преамбулы · 17 пунктов постановляющей части")


@pytest.mark.parametrize(
    ("locale", "date"),
    [
        ("en-US", "18 December 2007"),  # the UN's order: day month year
        ("fr", "18 décembre 2007"),
        ("es-ES", "18 de diciembre de 2007"),
        ("ru", "18 декабря 2007"),
        ("zh-CN", "2007年12月18日"),
    ],
)
def test_dates_are_written_as_each_language_writes_them(shipped: Catalogues, locale: str, date: str) -> None:
    text = shipped.format(locale, "about-adopted", "value", adopted=dt.date(2007, 12, 18), meeting="76th")
    assert text.startswith(date)


def test_english_plurals_and_optional_parts(shipped: Catalogues) -> None:
    one = shipped.format("en-US", "about-contents", "value", preambular=1, operative=1, footnotes=1)
    assert one == "1 preambular paragraph · 1 operative paragraph · 1 footnote"
    assert shipped.format("en-US", "help-contents", operative=17, preambular=0, footnotes=6) == (
        "This resolution has operative paragraphs 1–17, and footnotes 1–6."
    )


def test_the_check_lists_a_missing_message_a_wrong_placeholder_and_a_leftover(tmp_path: Path) -> None:
    locales = copy_of_shipped(tmp_path)
    edit(locales / "ru" / "interface.ftl", "help-help = эта справка\n", "")
    edit(locales / "fr" / "interface.ftl", "help-title = **Lire { $symbol }**", "help-title = **Lire { $symbole }**")
    edit(locales / "zh-CN" / "interface.ftl", "help-help = 本帮助\n", "help-help = 本帮助\nhelp-old = 旧的\n")
    problems = check_catalogues(load_catalogues(locales))
    assert len(problems) == 3, problems
    assert any(p.startswith("ru: help-help: missing (English at ") for p in problems)
    (placeholder,) = [p for p in problems if "help-title" in p]
    assert "fr/interface.ftl:" in placeholder and "lacks $symbol; uses $symbole which English has not" in placeholder
    assert any("zh-CN/interface.ftl:" in p and "help-old: not in the English catalogue" in p for p in problems)


def test_a_catalogue_that_cannot_be_read_stops_with_file_and_line(tmp_path: Path) -> None:
    locales = copy_of_shipped(tmp_path)
    edit(locales / "es-ES" / "commands.ftl", "cmd-about = ", "cmd-about = { $unclosed ")
    line = (locales / "es-ES" / "commands.ftl").read_text(encoding="utf-8").split("cmd-about")[0].count("\n") + 1
    with pytest.raises(CatalogueProblems) as caught:
        load_catalogues(locales)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{locales / 'es-ES' / 'commands.ftl'}:{line}: ")


def test_a_message_written_twice_is_refused(tmp_path: Path) -> None:
    locales = copy_of_shipped(tmp_path)
    (locales / "fr" / "zz-more.ftl").write_text("help-help = encore\n", encoding="utf-8")
    with pytest.raises(CatalogueProblems, match=r"zz-more.ftl:1: help-help: already written at .*interface.ftl:\d+"):
        load_catalogues(locales)


def test_start_up_stops_on_an_english_catalogue_that_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.__main__ as cli
    from tests.conftest import ROOT

    locales = copy_of_shipped(tmp_path)
    edit(locales / "en-US" / "interface.ftl", "help-help = ", "help-help = { ")
    monkeypatch.setattr(cli, "shipped_catalogues", lambda: load_catalogues(locales, lazy=True))
    with pytest.raises(cli.SetupError, match=r"en-US/interface.ftl:\d+: "):
        cli.load(ROOT / "config.example.yaml")


def test_other_languages_are_read_on_first_use_and_a_broken_one_falls_back_to_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Start-up reads English only (Fluent parses slowly: each language costs tens of ms); a language
    is read when a reader first needs it. One that cannot be read is logged with its file and line,
    and its readers get English: one broken translation never stops the bot or the others."""
    import bot.i18n.catalogue as catalogue

    locales = copy_of_shipped(tmp_path)
    edit(locales / "ru" / "interface.ftl", "help-help = ", "help-help = { ")
    with pytest.raises(CatalogueProblems, match=r"ru/interface.ftl:\d+: "):
        load_catalogues(locales)  # what the tests and `sync` use: every language, now
    read: list[str] = []
    parse = catalogue._parse

    def counted(path: Path, locale: str) -> Any:
        read.append(locale)
        return parse(path, locale)

    monkeypatch.setattr(catalogue, "_parse", counted)
    lazy = load_catalogues(locales, lazy=True)
    assert set(read) == {SOURCE_LOCALE}
    assert lazy.locales == LOCALES
    assert lazy.format("fr", "help-help") == "cette aide"
    assert set(read) == {SOURCE_LOCALE, "fr"}
    with caplog.at_level("ERROR", logger="bot.i18n.catalogue"):
        assert lazy.format("ru", "help-help") == "this help"
    assert "ru/interface.ftl:" in caplog.text and "its readers get English" in caplog.text
    assert lazy.format("zh-CN", "help-help") == "本帮助"  # the others are untouched


def test_a_catalogue_that_is_not_utf8_is_reported_with_file_and_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A byte that is not UTF-8 (a file saved as Latin-1) is a problem like any other: file and line, at
    start-up for English, logged with English for the readers of a language read on first use."""
    locales = copy_of_shipped(tmp_path)
    for locale in (SOURCE_LOCALE, "fr"):
        path = locales / locale / "interface.ftl"
        text = path.read_text(encoding="utf-8")
        line = text.split("\nhelp-help = ")[0].count("\n") + 2
        path.write_bytes(text.encode().replace(b"\nhelp-help = ", b"\nhelp-help = caf\xe9 ", 1))  # é in Latin-1
        with pytest.raises(CatalogueProblems) as caught:
            load_catalogues(locales, (SOURCE_LOCALE, "fr"))
        assert any(p.startswith(f"{path}:{line}: ") and "UTF-8" in p for p in caught.value.problems)
        if locale == SOURCE_LOCALE:
            shutil.copy(LOCALES_DIR / SOURCE_LOCALE / "interface.ftl", path)
    lazy = load_catalogues(locales, lazy=True)
    with caplog.at_level("ERROR", logger="bot.i18n.catalogue"):
        assert lazy.format("fr", "help-help") == "this help"
    assert "fr/interface.ftl:" in caplog.text and "its readers get English" in caplog.text


def test_a_catalogue_file_that_cannot_be_read_is_reported_with_its_name(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A `.ftl` that cannot be opened (here a link to a file since removed) is a problem named after
    the file, as a content file's is: not an OSError at start-up or for a language's first reader."""
    locales = copy_of_shipped(tmp_path)
    dangling = locales / "fr" / "zz-more.ftl"
    dangling.symlink_to(tmp_path / "removed.ftl")
    with pytest.raises(CatalogueProblems) as caught:
        load_catalogues(locales, (SOURCE_LOCALE, "fr"))
    assert [p.startswith(f"{dangling}:0: cannot be read") for p in caught.value.problems] == [True]
    lazy = load_catalogues(locales, lazy=True)
    with caplog.at_level("ERROR", logger="bot.i18n.catalogue"):
        assert lazy.format("fr", "help-help") == "this help"
    assert "fr/zz-more.ftl:0: cannot be read" in caplog.text


def test_a_language_read_on_first_use_that_fails_unexpectedly_gives_english_and_is_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.i18n import catalogue

    for locale in (catalogue.SOURCE_LOCALE, "fr"):
        shutil.copytree(catalogue.LOCALES_DIR / locale, tmp_path / locale)
    loaded = catalogue.load_catalogues(tmp_path, (catalogue.SOURCE_LOCALE, "fr"), lazy=True)

    def broken(folder: Path, locale: str) -> None:
        raise RuntimeError("something no check foresaw")

    monkeypatch.setattr(catalogue, "_read_locale", broken)
    with caplog.at_level(logging.ERROR, logger="bot.i18n.catalogue"):
        text = loaded.format("fr", "read-search-count", total=3)
    assert text == loaded.format(catalogue.SOURCE_LOCALE, "read-search-count", total=3)
    assert any("fr catalogue cannot be read" in r.getMessage() for r in caplog.records)
