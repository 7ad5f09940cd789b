"""Slow regular expressions are compiled on first use or by the warm-up, never at import (bot.content.lazyre)."""

from __future__ import annotations

import re
import subprocess
import sys
import threading

import pytest

from bot.content.lazyre import LazyPattern
from tests.conftest import ROOT

SOURCE = r"(?P<word>[\u4e00-\u9fff]+|\w+)(?:\s+(?P<num>\d+))?"
TEXTS = ["para 4 and 第4段", "", "  42", "维护 7 defenders", "op.5"]


@pytest.mark.parametrize("text", TEXTS)
def test_a_lazy_pattern_answers_as_the_compiled_one(text: str) -> None:
    lazy, compiled = LazyPattern(SOURCE, re.I), re.compile(SOURCE, re.I)
    for pos, endpos in ((0, len(text)), (1, len(text)), (0, max(len(text) - 2, 0))):
        for method in ("search", "match", "fullmatch"):
            mine, theirs = getattr(lazy, method)(text, pos, endpos), getattr(compiled, method)(text, pos, endpos)
            assert (mine and mine.span(), mine and mine.groupdict()) == (
                theirs and theirs.span(),
                theirs and theirs.groupdict(),
            )
        assert [m.span() for m in lazy.finditer(text, pos, endpos)] == [
            m.span() for m in compiled.finditer(text, pos, endpos)
        ]
    assert lazy.sub(lambda m: m["word"].upper(), text) == compiled.sub(lambda m: m["word"].upper(), text)
    assert lazy.sub("<>", text, 1) == compiled.sub("<>", text, 1)


def test_importing_the_bot_compiles_none_and_the_warm_up_compiles_all() -> None:
    script = """
import bot.client
from bot.cogs import citing, compare, daily, info, reading, settings
from bot.content import lazyre
from bot.content.library import load_library
from tests.conftest import FIXTURE_DOC
print(len(lazyre._ALL), lazyre.pending())
library = load_library([FIXTURE_DOC], None)
library.warm()
print(lazyre.pending())
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    declared, at_import, after_warm = (int(n) for n in out.stdout.split())
    assert declared >= 10  # the finder's, the CJK classes, …
    assert at_import == declared
    assert after_warm == 0


def test_threads_using_a_pattern_before_it_is_compiled_all_get_its_answers() -> None:
    # The warm-up thread compiles while a command's thread uses the pattern: both answer as compiled.
    slow = "|".join(f"[\\u4e00-\\u9fff]{{{n}}}x{n}" for n in range(1, 200))  # some ms to compile
    text = "abc 维护x1 维护维护x2"
    expected = re.compile(slow).search(text)
    assert expected is not None

    def use(lazy: LazyPattern, start: threading.Barrier, found: list[tuple[int, int] | None]) -> None:
        start.wait()
        match = lazy.search(text)
        found.append(match and match.span())

    for _ in range(5):
        lazy = LazyPattern(slow)
        start = threading.Barrier(8)
        found: list[tuple[int, int] | None] = []
        threads = [threading.Thread(target=use, args=(lazy, start, found)) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert found == [expected.span()] * 8
        assert lazy.is_compiled
