"""A content or catalogue file read before, unchanged, is not parsed again; anything else is (bot.content.parsecache).

The cache may only ever save time: a changed file, a file with a problem, a damaged entry, other
parsing code or a folder that cannot be written must all give what parsing the file gives.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fluent.syntax import FluentParser

from bot.content import parsecache
from bot.content.library import load_library
from bot.content.loader import load_document
from bot.content.yamlfile import FileProblems
from bot.i18n.catalogue import LOCALES_DIR, SOURCE_LOCALE, CatalogueProblems, load_catalogues
from tests.conftest import FIXTURE_DOC, ROOT

CONTENT_DIR = ROOT / "content"

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


def test_a_change_of_the_same_size_within_the_same_second_is_parsed_again(doc: Path) -> None:
    # Nothing is trusted by date or size: an edit that keeps both (a digit changed, the time put back) is seen.
    load_document(doc, "doc.yaml")
    stat = doc.stat()
    changed = GOOD.replace(OP1, OP1.replace("hundredth", "hundredtH"))
    assert len(changed.encode()) == len(GOOD.encode()) and changed != GOOD
    doc.write_text(changed, encoding="utf-8")
    os.utime(doc, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert any("hundredtH" in p.text for p in load_document(doc, "doc.yaml").operative)


def test_a_kept_original_is_still_checked_against_a_changed_translation(tmp_path: Path) -> None:
    # The versions are checked against each other after loading, not when parsing: an original
    # from the cache and a translation edited since still disagree, and say so.
    original, french = CONTENT_DIR / "a-res-78-216.yaml", CONTENT_DIR / "a-res-78-216.fr.yaml"
    for path in (original, french):
        shutil.copy(path, tmp_path / path.name)
    copy = tmp_path / original.name
    assert "fr" in dict(load_library([copy], None).default.versions)
    assert parsecache.entry_path(copy).is_file() and parsecache.entry_path(tmp_path / french.name).is_file()
    edited = tmp_path / french.name
    edited.write_text(
        edited.read_text(encoding="utf-8").replace('symbol: "A/RES/78/216"', 'symbol: "A/RES/78/217"', 1),
        encoding="utf-8",
    )
    with pytest.raises(FileProblems) as caught:
        load_library([copy], None)
    assert any(p.field == "versions" and "A/RES/78/217" in p.message for p in caught.value.problems)


WRITERS = """
import sys
from pathlib import Path
from bot.content import parsecache
from bot.content.library import load_library

where, rounds = Path(sys.argv[1]), int(sys.argv[2])
value = [str(i) * 50 for i in range(20_000)]  # about 1 MB pickled: many writes per entry
wanted = b"k" * 32
for _ in range(rounds):
    parsecache._write(where, wanted, value)
    found = parsecache._read(where, wanted)  # another process may have replaced it meanwhile: never half of one
    assert found == value, "read half an entry"
print("ok")
"""


def test_processes_writing_and_reading_one_entry_at_once_never_read_half_of_it(tmp_path: Path) -> None:
    where = tmp_path / parsecache.FOLDER / "doc.yaml.parsed"
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITERS, str(where), "40"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
        assert out.decode().strip() == "ok"
    assert [p.name for p in where.parent.iterdir()] == [where.name]  # no temporary file left behind


def test_without_the_parsing_codes_sources_nothing_is_kept(doc: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An install of bytecode only (or a parser's source gone): a change of code could not be told.
    read = Path.read_bytes

    def no_sources(self: Path) -> bytes:
        if self.suffix == ".py":
            raise FileNotFoundError(self)
        return read(self)

    parsecache._code_digest.cache_clear()
    try:
        monkeypatch.setattr(Path, "read_bytes", no_sources)
        first = load_document(doc, "doc.yaml")
        assert not parsecache.entry_path(doc).exists()
        assert load_document(doc, "doc.yaml") == first
    finally:
        monkeypatch.undo()
        parsecache._code_digest.cache_clear()


def test_with_a_pycache_prefix_the_cache_goes_under_it(
    doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = tmp_path / "prefix"
    monkeypatch.setattr(sys, "pycache_prefix", str(prefix))
    first = load_document(doc, "doc.yaml")
    entry = parsecache.entry_path(doc)
    assert entry.is_relative_to(prefix) and entry.is_file()
    assert not (doc.parent / parsecache.FOLDER).exists()  # nothing beside the content, as for bytecode
    monkeypatch.setattr("bot.content.yamlfile.yaml.parse", None)
    assert load_document(doc, "doc.yaml") == first


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600])
def test_an_entry_may_be_read_by_whoever_may_read_its_file(doc: Path, mode: int) -> None:
    """As a .pyc takes its source's permissions: a service running as another user than the one
    who ran `make run` first reads the entries, instead of parsing everything at each start."""
    doc.chmod(mode)
    load_document(doc, "doc.yaml")
    assert parsecache.entry_path(doc).stat().st_mode & 0o777 == mode


def test_a_temporary_entry_left_by_a_killed_process_is_removed_by_the_next_write(doc: Path) -> None:
    entry = parsecache.entry_path(doc)
    entry.parent.mkdir(parents=True)
    old, young = entry.parent / f".{entry.name}.k1ll3d", entry.parent / f".{entry.name}.wr1t1ng"
    for left in (old, young):
        left.write_bytes(b"half an entry")
    an_hour_ago = young.stat().st_mtime - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    load_document(doc, "doc.yaml")
    assert entry.is_file()
    assert not old.exists()  # a killed writer's
    assert young.exists()  # another process may be writing it right now


# -- review probes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o666, 0o664])
def test_an_entry_is_never_writable_by_whoever_may_write_its_file(doc: Path, mode: int) -> None:
    """A YAML file others may edit gives them no code; a pickle they may edit runs theirs in the bot.
    An entry takes its file's read permissions only (fchmod, unlike the mode given to open(), is not
    masked by the umask, so the file's write bits would reach the entry as they are)."""
    doc.chmod(mode)
    load_document(doc, "doc.yaml")
    assert parsecache.entry_path(doc).stat().st_mode & 0o022 == 0


def test_a_file_system_without_permissions_still_keeps_entries(doc: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fchmod refused (vfat, some network mounts answer EPERM): the entry is kept, as before modes were copied."""

    def refuse(fd: int, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchmod", refuse)
    load_document(doc, "doc.yaml")
    assert parsecache.entry_path(doc).is_file()


@pytest.mark.parametrize("where", ["a file", "unwritable"])
def test_a_pycache_prefix_that_cannot_be_written_gives_no_cache_and_no_error(
    doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    if where == "a file":
        prefix = tmp_path / "prefix"
        prefix.write_text("not a folder")
    else:
        prefix = tmp_path / "locked"
        prefix.mkdir(mode=0o500)
    monkeypatch.setattr(sys, "pycache_prefix", str(prefix))
    first = load_document(doc, "doc.yaml")
    assert load_document(doc, "doc.yaml") == first
    assert not (doc.parent / parsecache.FOLDER).exists()
