"""The word lists shipped with the importers, and how they are rebuilt from the UN's own XML.

- `words.txt`: words (lower case) that occur at least twice in the English texts of General
  Assembly resolutions; the text-layer importer joins a kerning gap (`monitori ng`) only when the
  joined word occurs elsewhere in the same document or in this list.
- `hyphenated.txt`: hyphenated words ("time-limited", "non-discriminatory") that occur at least twice;
  a text layer loses a hyphen that fell at a line end, and the importer puts it back (as a doubt)
  only when the word is one of these.
- `leads.txt`: the italic lead words and verbs those resolutions open their paragraphs with
  ("Calls upon", "Expresses grave concern"), longest first; a text layer has lost its italics, so
  the importer recognizes them by this list.

Rebuild: python -m bot.importers.wordlists /path/to/UNxml/GAresolutions/repo
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path

# whole words only: "2nd" gives no "nd", "COVID-19" no "COVID" fragment issue
WORD = re.compile(r"(?<![A-Za-z0-9])(?:[A-Za-z][A-Za-z\u2019']*[A-Za-z]|[A-Za-z])(?![A-Za-z0-9])")
COMPOUND = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z]+(?:[-\u2011][A-Za-z]+)+(?![A-Za-z0-9-])")


@cache
def words() -> frozenset[str]:
    return frozenset(_lines("words.txt"))


@cache
def hyphenated() -> dict[str, str]:
    """ "timelimited" -> "time-limited", for the hyphenated words the UN's texts use."""
    return {w.replace("-", ""): w for w in _lines("hyphenated.txt")}


@cache
def leads() -> tuple[str, ...]:
    """Known lead words, longest first (so "Calls upon" wins over "Calls")."""
    return tuple(sorted(_lines("leads.txt"), key=lambda s: (-len(s), s)))


def _lines(name: str) -> list[str]:
    text = resources.files("bot.importers").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _english_files(repo: Path) -> list[bytes]:
    def git(*args: str) -> bytes:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout

    names = git("ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()
    found: list[bytes] = []
    for name in names:
        if "/English/" in name and name.endswith(".xml"):
            found.append(git("show", f"HEAD:{name}"))
        elif name.endswith("_English.zip"):
            with zipfile.ZipFile(io.BytesIO(git("show", f"HEAD:{name}"))) as archive:
                found.extend(archive.read(m) for m in archive.namelist() if m.endswith(".xml"))
    return found


def build(repo: Path, out: Path) -> None:
    from .akn import import_akn
    from .common import ImportFailed

    vocabulary: Counter[str] = Counter()
    compounds: Counter[str] = Counter()
    lead_words: Counter[str] = Counter()
    for data in _english_files(repo):
        try:
            doc = import_akn(data, "x").document
        except ImportFailed:
            continue
        for p in doc.paragraphs():
            if p.verb:
                lead_words[p.verb] += 1
            vocabulary.update(w.lower() for w in WORD.findall(p.full_text))
            compounds.update(w.lower().replace("\u2011", "-") for w in COMPOUND.findall(p.full_text))
        for f in doc.footnotes:
            vocabulary.update(w.lower() for w in WORD.findall(f.text))
    commit = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    head = (
        f"# Built by python -m bot.importers.wordlists from GitHub UNxml/GAresolutions (English) at {commit.strip()}\n"
    )
    (out / "words.txt").write_text(
        head + "\n".join(sorted(w for w, n in vocabulary.items() if n >= 2)) + "\n", encoding="utf-8"
    )
    (out / "hyphenated.txt").write_text(
        head + "\n".join(sorted(w for w, n in compounds.items() if n >= 2)) + "\n", encoding="utf-8"
    )
    (out / "leads.txt").write_text(
        head + "\n".join(sorted(w for w, n in lead_words.items() if n >= 2 and len(w) <= 60)) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(__file__).parent / "data")
