"""A content file broken in every way we could think of is refused at start-up: exit 2,
`file:line: field: message`, never a traceback, memory bounded (the child runs under a 1 GiB cap)."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DOC, ROOT

BASE = FIXTURE_DOC.read_bytes()
ALIAS_BOMB = b"".join(
    f"{a}: &{a} [{', '.join(['*' + p] * 9 if p else ['lol'] * 9)}]\n".encode()
    for p, a in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)


def _swap(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def mutate(data: bytes) -> bytes:
        assert old in data, old
        return data.replace(old, new, 1)

    return mutate


MUTATIONS: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "a dropped key": (_swap(b"title: Access to Safe Drinking Water (test fixture)\n", b""), r":\d+: title: missing"),
    "a duplicate number": (
        _swap(b"  - number: 2\n    text: Noting", b"  - number: 1\n    text: Noting"),
        r":\d+: preamble\[1\]: duplicate number 1",
    ),
    "a wrong type": (_swap(b"number: 99/1", b"number: [99, 1]"), r":4: number: expected text"),
    "a broken marker": (
        _swap(b"[^1]", b"[^9]"),
        r":\d+: preamble\[0\]\.text: footnote marker \[\^9\] has no footnote 9",
    ),
    "a half-open marker": (_swap(b"[^1]", b"[^1"), r":\d+: footnotes\[0\]: footnote 1 is not cited"),
    "a tab": (
        _swap(b"  - number: 1\n    text: Recalling", b"\t- number: 1\n    text: Recalling"),
        r":\d+: invalid YAML",
    ),
    "a 10 MB text": (_swap(b"Noting with concern", b"Noting " + b"x" * 10_000_000), r":1: the file is too large"),
    "a long text": (_swap(b"Noting with concern", b"Noting " + b"x" * 5_000), r":\d+: preamble\[1\]\.text: too long"),
    "an alias bomb": (lambda data: ALIAS_BOMB + data, r":1: YAML anchors and aliases"),
    "an alias inside a field": (
        lambda data: data.replace(b"text: Recalling", b"text: &t Recalling").replace(
            b"text: Noting with concern the lack of sanitation in rural areas,", b"text: *t"
        ),
        r":\d+: YAML anchors and aliases",
    ),
    "a python object tag": (
        _swap(b"title: Access", b"title: !!python/object/apply:os.system ['echo pwned']\nx: Access"),
        r":\d+: title: expected text",
    ),
    "invalid UTF-8": (_swap(b"Noting", b"Not\xff\xfeing"), r":24: not UTF-8: byte 0xff"),
    "a byte-order mark in the middle": (_swap(b"opening:", b"\xef\xbb\xbfopening:"), r":14: a byte-order mark"),
    "nothing at all": (lambda data: b"", r":1: the file is empty"),
    "a list instead of a mapping": (lambda data: b"- 1\n- 2\n", r":1: "),
    "an unknown key": (_swap(b"opening:", b"openning:"), r":\d+: openning: unknown key"),
    "a date that is not one": (_swap(b"adopted: 2044-12-10", b"adopted: 2044-13-40"), r":\d+: adopted: "),
}


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_a_broken_content_file_is_refused_with_its_line(tmp_path: Path, name: str) -> None:
    mutate, expected = MUTATIONS[name]
    (tmp_path / "res.yaml").write_bytes(mutate(BASE))
    (tmp_path / "config.yaml").write_text("documents: [res.yaml]\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--config", str(tmp_path / "config.yaml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        preexec_fn=_cap_memory,
        check=False,
    )
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert re.search(r"res\.yaml" + expected, result.stderr), result.stderr[-2000:]


def test_a_byte_order_mark_at_the_start_is_harmless(tmp_path: Path) -> None:
    """Some editors (Windows Notepad) write one: it is part of valid UTF-8, so the file loads."""
    (tmp_path / "res.yaml").write_bytes(b"\xef\xbb\xbf" + BASE)
    (tmp_path / "config.yaml").write_text("documents: [res.yaml]\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--config", str(tmp_path / "config.yaml")],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
