"""A content or catalogue file read before, unchanged, is not parsed again; anything else is (bot.content.parsecache).

The cache may only ever save time: a changed file, a file with a problem, a damaged entry, other
parsing code or a folder that cannot be written must all give what parsing the file gives.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fluent.syntax import FluentParser

from bot.content import parsecache
from bot.content.loader import load_document
from bot.content.yamlfile import FileProblems
from bot.i18n.catalogue import LOCALES_DIR, SOURCE_LOCALE, CatalogueProblems, load_catalogues
from tests.conftest import FIXTURE_DOC

GOOD = FIXTURE_DOC.read_text(encoding="utf-8")
OP1 = "text: the Secretary-General to report on progress at its hundredth session;"


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "doc.yaml"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.fixture
def no_yaml(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Parsing YAML fails from here on, noting each attempt: whatever still loads came from the cache."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append("parse")
        raise AssertionError("the YAML parser was called")

    monkeypatch.setattr("bot.content.yamlfile.yaml.parse", refuse)
    return attempts


def test_an_unchanged_document_is_not_parsed_again(doc: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_document(doc, "doc.yaml")
    assert parsecache.entry_path(doc).is_file()
    monkeypatch.setattr("bot.content.yamlfile.yaml.parse", None)  # any parse would fail now
    again = load_document(doc, "doc.yaml")
    assert again == first
    assert [p.text for p in again.paragraphs()] == [p.text for p in first.paragraphs()]


def test_a_changed_document_is_parsed_again(doc: Path) -> None:
    load_document(doc, "doc.yaml")
    doc.write_text(GOOD.replace(OP1, "text: the Secretary-General to report again;"), encoding="utf-8")
    changed = load_document(doc, "doc.yaml")
    assert any("report again" in p.text for p in changed.operative)


def test_a_document_with_a_problem_is_reported_each_time_and_never_kept(doc: Path) -> None:
    doc.write_text(GOOD.replace(OP1, 'text: ""'), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(FileProblems) as caught:
            load_document(doc, "doc.yaml")
        assert any("doc.yaml:" in str(p) and "operative" in p.field for p in caught.value.problems)
    assert not parsecache.entry_path(doc).exists()


def test_a_document_broken_after_it_was_kept_is_reported(doc: Path) -> None:
    load_document(doc, "doc.yaml")
    doc.write_text(GOOD.replace(OP1, 'text: ""'), encoding="utf-8")
    with pytest.raises(FileProblems):
        load_document(doc, "doc.yaml")


def test_problems_are_reported_under_the_name_they_were_asked_for(doc: Path) -> None:
    load_document(doc, "first-name.yaml")
    with_other_name = load_document(doc, "other-name.yaml")
    assert with_other_name == load_document(doc, "first-name.yaml")
    doc.write_text(GOOD.replace(OP1, 'text: ""'), encoding="utf-8")
    with pytest.raises(FileProblems) as caught:
        load_document(doc, "other-name.yaml")
    assert all(p.file == "other-name.yaml" for p in caught.value.problems)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda entry: entry.write_bytes(b""), id="empty"),
        pytest.param(lambda entry: entry.write_bytes(entry.read_bytes()[:-200]), id="truncated by a crash"),
        pytest.param(lambda entry: entry.write_bytes(entry.read_bytes()[:32] + b"not a pickle"), id="garbage"),
    ],
)
def test_a_damaged_entry_is_parsed_again_and_replaced(
    doc: Path, damage: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_document(doc, "doc.yaml")
    entry = parsecache.entry_path(doc)
    damage(entry)  # type: ignore[operator]
    assert load_document(doc, "doc.yaml") == first
    monkeypatch.setattr("bot.content.yamlfile.yaml.parse", None)
    assert load_document(doc, "doc.yaml") == first  # the entry was written again


def test_an_entry_made_by_other_parsing_code_is_not_used(doc: Path, no_yaml: list[str]) -> None:
    parsecache._write(parsecache.entry_path(doc), b"x" * 32, "what some other version parsed")
    with pytest.raises(AssertionError, match="YAML parser was called"):
        load_document(doc, "doc.yaml")
    assert no_yaml == ["parse"]


def test_the_parsing_code_is_part_of_the_key() -> None:
    parsecache._code_digest.cache_clear()
    try:
        source = Path(parsecache.__file__).resolve().parent / "loader.py"
        before = parsecache.key(b"same bytes", "doc.yaml")
        assert parsecache.key(b"same bytes", "doc.yaml") == before
        assert parsecache.key(b"other bytes", "doc.yaml") != before
        assert parsecache.key(b"same bytes", "other.yaml") != before
        read = Path.read_bytes
        parsecache._code_digest.cache_clear()
        with pytest.MonkeyPatch.context() as patch:  # the loader's source as after an edit
            patch.setattr(Path, "read_bytes", lambda self: read(self) + (b"# changed" if self == source else b""))
            assert parsecache.key(b"same bytes", "doc.yaml") != before
    finally:
        parsecache._code_digest.cache_clear()


def test_a_folder_that_cannot_hold_a_cache_still_loads(doc: Path) -> None:
    (doc.parent / parsecache.FOLDER).write_text("a file where the cache folder would go", encoding="utf-8")
    first = load_document(doc, "doc.yaml")
    assert load_document(doc, "doc.yaml") == first
    doc.write_text(GOOD.replace(OP1, "text: the Secretary-General to report again;"), encoding="utf-8")
    assert any("report again" in p.text for p in load_document(doc, "doc.yaml").operative)


def test_an_unchanged_catalogue_is_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(LOCALES_DIR / SOURCE_LOCALE, tmp_path / SOURCE_LOCALE)
    first = load_catalogues(tmp_path, (SOURCE_LOCALE,))
    monkeypatch.setattr(FluentParser, "parse", None)  # any parse would fail now
    again = load_catalogues(tmp_path, (SOURCE_LOCALE,))
    assert again.format(SOURCE_LOCALE, "read-search-count", total=3) == first.format(
        SOURCE_LOCALE, "read-search-count", total=3
    )
    assert set(again.entries(SOURCE_LOCALE)) == set(first.entries(SOURCE_LOCALE))
    entry = next(iter(again.entries(SOURCE_LOCALE).values()))
    assert entry.line == first.entries(SOURCE_LOCALE)[entry.key].line


def test_a_catalogue_with_a_problem_is_reported_each_time(tmp_path: Path) -> None:
    shutil.copytree(LOCALES_DIR / SOURCE_LOCALE, tmp_path / SOURCE_LOCALE)
    load_catalogues(tmp_path, (SOURCE_LOCALE,))
    broken = tmp_path / SOURCE_LOCALE / "errors.ftl"
    broken.write_text(broken.read_text(encoding="utf-8") + "\nthis is not { fluent\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(CatalogueProblems) as caught:
            load_catalogues(tmp_path, (SOURCE_LOCALE,))
        assert any("errors.ftl:" in problem for problem in caught.value.problems)


def test_under_systemd_the_cache_goes_to_the_services_cache_directory(
    doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "var-cache"
    monkeypatch.setenv(parsecache.CACHE_DIRECTORY_ENV, str(cache))
    first = load_document(doc, "doc.yaml")
    entry = parsecache.entry_path(doc)
    assert entry.is_relative_to(cache) and entry.is_file()
    assert not (doc.parent / parsecache.FOLDER).exists()  # nothing written beside the content
    monkeypatch.setattr("bot.content.yamlfile.yaml.parse", None)
    assert load_document(doc, "doc.yaml") == first
