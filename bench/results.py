"""Run every benchmark and write what they print to bench/RESULTS.md, with the machine,
the date, the commit and the command that made it. `make bench` runs this.

    python bench/results.py
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHES: tuple[str, ...] = (
    "reading.py",
    "interactions.py",
    # Issue 17: the same targets in French and Chinese, the official text in that language too.
    "interactions.py --locale fr",
    "interactions.py --locale zh-CN",
    "footprint.py",
    "index.py",
    "library.py",
    "daily.py",
    "cluster.py",
    "importer.py",
    "compare.py",
)


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT, check=False).stdout.strip()


def main() -> int:
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = " (with uncommitted changes)" if _git("status", "--porcelain", "--untracked-files=no") else ""
    sections, failed = [], []
    for name in BENCHES:
        print(f"== bench/{name}", flush=True)
        script, *args = name.split()
        run = subprocess.run(
            [sys.executable, str(ROOT / "bench" / script), *args], capture_output=True, text=True, cwd=ROOT, check=False
        )
        output = run.stdout.rstrip()
        print(output, flush=True)
        if run.returncode:
            failed.append(name)
        sections.append(f"## bench/{name}\n\n```\n{output}\n```\n")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    header = (
        "# Benchmark results\n\n"
        f"- made by: `make bench` (`python bench/results.py`)\n"
        f"- commit: `{commit}`{dirty}\n"
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC\n"
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}\n"
        f"- every figure is a ratio to a baseline measured in the same run; targets missed: "
        f"{', '.join(failed) or 'none'} (the README says why)\n\n"
    )
    (ROOT / "bench" / "RESULTS.md").write_text(header + "\n".join(sections), encoding="utf-8")
    print(f"wrote bench/RESULTS.md; targets missed in: {', '.join(failed) or 'none'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
