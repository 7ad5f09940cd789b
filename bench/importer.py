"""Import speed: a whole session of the UN's English XML (about 330 files) in at most 10 s on one core.

    python bench/importer.py [FOLDER]

FOLDER defaults to 78session/English taken from the UNxml/GAresolutions mirror (or the repository named by
$UNXML_REPO). The baseline, measured in the same run on the same files, is `xml.etree` parsing them
alone, so the ratio says what the importer costs over reading the XML at all, whatever the machine.
Importing includes writing each file and checking it with the content loader.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from bot.importers.run import run

MIRROR = Path(os.environ.get("UNXML_REPO", "/work/.mirror/UNxml+GAresolutions/repo"))
TARGET_SECONDS = 10.0


def _session(tmp: Path) -> Path:
    subprocess.run(f"git -C '{MIRROR}' archive HEAD 78session/English | tar -x -C '{tmp}'", shell=True, check=True)
    return tmp / "78session" / "English"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = Path(sys.argv[1]) if len(sys.argv) > 1 else _session(tmp)
        files = sorted(folder.glob("*.xml"))
        start = time.perf_counter()
        for file in files:
            ET.parse(file)
        baseline = time.perf_counter() - start
        out = tmp / "out"
        start = time.perf_counter()
        run([folder], out, stdout=io.StringIO(), stderr=io.StringIO())
        took = time.perf_counter() - start
        written = len(list(out.glob("*.yaml")))
    verdict = "ok" if took <= TARGET_SECONDS else "TOO SLOW"
    print(f"files: {len(files)} ({written} written, the rest reported and skipped)")
    print(f"xml.etree parse only (baseline): {baseline:.2f} s")
    print(f"import (parse, convert, write, check): {took:.2f} s = {took / baseline:.1f} x baseline")
    print(f"target: <= {TARGET_SECONDS:.0f} s for a session on one core: {verdict}")
    return 0 if took <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
