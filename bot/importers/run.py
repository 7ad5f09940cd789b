"""`python -m bot import SOURCE… [--out DIR]`: one content file per document, never half written.

A SOURCE is an AKN4UN XML file, a `pdftotext` text layer (.txt), a folder of either, or a zip of XML
files (session 74 is published zipped). Each result is checked by the content loader before it
replaces anything: a file that fails is reported and skipped, and what was there stays.
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bot.content.loader import load_document
from bot.content.yamlfile import FileProblems

from .akn import import_akn
from .common import Doubt, Imported, ImportFailed, unclassified
from .languages import cross_check
from .pdftext import import_text
from .yamlout import to_yaml


@dataclass(frozen=True)
class Source:
    name: str  # as shown in messages: a path, or zip!member
    data: bytes
    kind: str  # "akn" or "text"


def sources(paths: list[Path]) -> Iterator[Source | tuple[str, str]]:
    """Every file to import, in a stable order; (name, problem) for what cannot be read."""
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".xml", ".txt"))
            for file in files:
                yield from sources([file])
        elif path.suffix.lower() == ".zip":
            try:
                with zipfile.ZipFile(path) as archive:
                    for member in sorted(archive.namelist()):
                        if member.lower().endswith(".xml"):
                            yield Source(f"{path}!{member}", archive.read(member), "akn")
            except (OSError, zipfile.BadZipFile) as exc:
                yield (str(path), f"cannot read the zip: {exc}")
        else:
            try:
                data = path.read_bytes()
            except OSError as exc:
                yield (str(path), f"cannot be read: {exc.strerror or exc}")
                continue
            yield Source(str(path), data, "text" if path.suffix.lower() == ".txt" else "akn")


def convert(source: Source) -> Imported:
    if source.kind == "text":
        try:
            text = source.data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = source.data.count(b"\n", 0, exc.start) + 1
            raise ImportFailed(source.name, line, "not UTF-8 (pdftotext writes UTF-8 with -enc UTF-8)") from None
        return import_text(text, source.name)
    return import_akn(source.data, source.name)


def file_name(imported: Imported) -> str:
    """a-res-76-174.yaml; other languages a-res-76-174.fr.yaml."""
    meta = imported.document.meta
    stem = meta.symbol.lower().replace("/", "-").replace("(", "-").replace(")", "").replace(" ", "")
    return f"{stem}.yaml" if meta.language == "en" else f"{stem}.{meta.language}.yaml"


def write_checked(imported: Imported, out: Path) -> Path:
    """Write atomically, after the loader has accepted the file; FileProblems if it does not."""
    target = out / file_name(imported)
    fd, tmp_name = tempfile.mkstemp(prefix=".import-", suffix=".yaml", dir=out)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(to_yaml(imported))
        load_document(tmp, str(target), cache=False)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


class Progress:
    """A one-line bar on a terminal; nothing when the output is a file or a pipe."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream, self.total, self.done = stream, total, 0
        self.live = stream.isatty() and total > 1

    def step(self, name: str) -> None:
        self.done += 1
        if self.live:
            filled = 30 * self.done // self.total
            self.stream.write(f"\r[{'#' * filled}{' ' * (30 - filled)}] {self.done}/{self.total} {name[-30:]:<30}")
            self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\r" + " " * 80 + "\r")
            self.stream.flush()


def run(paths: list[Path], out: Path, *, stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    """Import every source; 0 when all were written, 1 when some were skipped."""
    out.mkdir(parents=True, exist_ok=True)
    found = list(sources(paths))
    progress = Progress(stderr, len(found))
    written = skipped = 0
    doubts: list[Doubt] = []
    # Convert everything first: the language versions of one symbol are checked against each other
    # before any of them is written, so a disagreement is a doubt in the file, at its place.
    converted: list[tuple[str, Imported | list[str]]] = []
    for item in found:
        if isinstance(item, tuple):
            name, problem = item
            converted.append((name, [f"{name}: {problem}"]))
            continue
        try:
            converted.append((item.name, convert(item)))
        except ImportFailed as exc:
            converted.append((item.name, [str(exc)]))
    checked = iter(cross_check([r for _, r in converted if isinstance(r, Imported)]))
    for name, result in converted:
        if isinstance(result, Imported):
            imported = next(checked)
            try:
                target = write_checked(imported, out)
            except FileProblems as exc:
                messages = [f"{name}: the result would not load:"] + [f"  {p}" for p in exc.problems]
            else:
                written += 1
                doubts.extend(imported.doubts)
                progress.step(name)
                if not progress.live:
                    print(f"wrote {target} ({len(imported.doubts)} doubts)", file=stdout)
                continue
        else:
            messages = result
        skipped += 1
        progress.step(name)
        progress.close()
        print("skipped: " + "\n".join(messages), file=stderr)
    progress.close()
    for doubt in doubts:
        print(f"doubt: {doubt}", file=stderr)
    open_asks = unclassified(doubts)
    print(
        f"{written} written to {out}, {skipped} skipped, {len(doubts)} doubts "
        f"({len(open_asks)} paragraphs whose addressees could not be classified)",
        file=stdout,
    )
    return 0 if skipped == 0 else 1
