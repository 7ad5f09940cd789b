"""Issue 14, memory: the bot's resident memory stays flat however long it runs.

bench/footprint.py showed the bot growing 0.3-1 MB every 10,000 interactions while the Python
objects alive stayed the same. The growth went away with MALLOC_MMAP_THRESHOLD_ set: glibc raises
its threshold for mmap each time a large block it mapped is freed, after which the large, short-lived
buffers of each answer are cut from the heap, and the small blocks left above them keep the heap
from ever shrinking. These tests run that pattern in a fresh process, the way the bot runs.
"""

from __future__ import annotations

import ctypes.util
import gc
import subprocess
import sys
from pathlib import Path

import pytest

from bot.content.library import Library
from tests.conftest import close_env, make_env

ROOT = Path(__file__).resolve().parent.parent

PATTERN = """
import ctypes
{setup}


class Info(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


libc = ctypes.CDLL(None)
libc.mallinfo2.restype = Info


def mapped():
    return libc.mallinfo2().hblkhd


big = bytearray(8 << 20)  # a large block, mapped and freed: glibc raises its threshold to its size
del big
before = mapped()
buffer = bytearray(1 << 20)  # then an answer's large temporary buffer
print(mapped() - before)
"""


def mapped(setup: str) -> int:
    """How many bytes of a 1 MiB buffer made after an 8 MiB one was freed are in a mapping of their own."""
    out = subprocess.run(
        [sys.executable, "-c", PATTERN.format(setup=setup)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return int(out.stdout.strip())


GLIBC = sys.platform.startswith("linux") and ctypes.util.find_library("c") is not None


@pytest.mark.skipif(not GLIBC, reason="glibc's malloc")
def test_the_pattern_shows_glibc_moving_large_buffers_into_the_heap() -> None:
    assert mapped("pass") < 1 << 20  # what the fix is for


@pytest.mark.skipif(not GLIBC, reason="glibc's malloc")
def test_large_temporary_buffers_stay_mapped_once_the_bot_is_imported() -> None:
    # Importing the bot's client module is what sets it, in the bench and in production.
    assert mapped("import bot.client") >= 1 << 20


def test_importing_the_client_leaves_the_process_working_without_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot import memory

    monkeypatch.setattr(memory, "_libc", lambda: None)
    assert memory.keep_large_buffers_mapped() is False


def test_collection_paused_for_start_up_resumes_with_start_up_frozen() -> None:
    from bot import memory

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    assert memory.resume_collection() is False  # never paused: nothing to do
    assert gc.get_freeze_count() == frozen
    memory.pause_collection()
    try:
        assert not gc.isenabled()
        made_at_start_up = [object() for _ in range(1000)]
        assert memory.resume_collection() is True
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen + len(made_at_start_up)  # out of the collector's way
        assert memory.resume_collection() is False
    finally:
        gc.unfreeze()
        gc.enable()


def test_python_m_bot_pauses_collection_for_run_only() -> None:
    # `python -m bot` pauses before it imports anything else; `run` resumes once logged in, any
    # other command at once.
    script = """
import gc, runpy, sys
sys.argv = ["bot", *sys.argv[1:]]
try:
    runpy.run_module("bot", run_name="__main__")
except SystemExit:
    pass
print("collecting:", gc.isenabled())
"""

    def collecting_after(*argv: str) -> str:
        out = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True, cwd=ROOT)
        return out.stdout.strip().splitlines()[-1]

    missing = str(ROOT / "no-such-config.yaml")
    assert collecting_after("run", "--config", missing) == "collecting: False"  # stopped before logging in
    assert collecting_after("check", "--config", missing) == "collecting: True"


async def test_the_bot_resumes_collection_once_logged_in(
    library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from bot import memory

    memory.pause_collection()  # as `python -m bot run` does
    try:
        environment = await make_env(library, monkeypatch, tmp_path / "bot.sqlite3")  # logs in
        assert gc.isenabled()
        await close_env(environment)
    finally:
        gc.unfreeze()
        gc.enable()


def test_every_command_but_run_collects_cycles_when_it_works(tmp_path: Path) -> None:
    # Each command as `python -m bot` runs it, one after the other in one process, doing its work
    # (exit 0, not stopping at a missing config): none leaves the collector paused behind it.
    script = """
import contextlib, gc, io, runpy, sys
for argv in [
    ["show", "4"],
    ["console"],
    ["export", "--document", "62/152"],
    ["compare", "76/174", "78/216"],
    ["check"],
    ["import", sys.argv[1], "--out", sys.argv[2]],
]:
    sys.argv = ["bot", *argv]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            runpy.run_module("bot", run_name="__main__")
        except SystemExit as exit:
            code = exit.code
    print(argv[0], code, gc.isenabled())
"""
    source = ROOT / "tests" / "fixtures" / "unxml"
    out = subprocess.run(
        [sys.executable, "-c", script, str(next(source.glob("*.xml"))), str(tmp_path / "imported")],
        stdin=subprocess.DEVNULL,  # the console reads to the end of its input
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert out.stdout.splitlines()[-6:] == [
        f"{command} 0 True" for command in ("show", "console", "export", "compare", "check", "import")
    ], out.stderr
