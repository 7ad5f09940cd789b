"""The documents the bot serves, each loaded and indexed once at start-up."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .loader import load_document
from .model import Document
from .search import SearchIndex
from .yamlfile import FileProblems, Problem


@dataclass(frozen=True)
class Entry:
    document: Document
    path: Path


class Library:
    """Symbol -> loaded document, one of them the default, and one search index over all."""

    def __init__(self, entries: Iterable[Entry], default: str | None = None) -> None:
        self._entries = {e.document.symbol: e for e in entries}
        if not self._entries:
            raise ValueError("a library needs at least one document")
        self.default_symbol = default or next(iter(self._entries))
        if self.default_symbol not in self._entries:
            raise KeyError(self.default_symbol)
        self.index = SearchIndex(e.document for e in self._entries.values())

    @property
    def symbols(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def entry(self, symbol: str | None = None) -> Entry:
        """The named document, or the default one; `UserError` for an unknown symbol."""
        if symbol is None or not symbol.strip():
            return self._entries[self.default_symbol]
        wanted = symbol.strip().casefold()
        for key, entry in self._entries.items():
            if key.casefold() == wanted or entry.document.meta.number.casefold() == wanted:
                return entry
        raise UserError(f"No document “{symbol.strip()[:40]}” here. Available: {', '.join(self._entries)}.")

    @property
    def default(self) -> Document:
        return self._entries[self.default_symbol].document

    def document_or_default(self, symbol: str) -> Document:
        """A stored symbol's document; the default if it is no longer configured (e.g. old schedules)."""
        try:
            return self.entry(symbol).document
        except UserError:
            return self.default


def load_library(paths: Iterable[Path], default: str | None, *, config_name: str = "", config_line: int = 0) -> Library:
    """Load every document; collects the problems of all files before failing.

    Loading builds hundreds of thousands of objects and frees none in cycles: the cyclic
    garbage collector would walk the growing heap again and again (more than half the time of
    loading a large library) for nothing. Reference counting still frees everything at once."""
    with without_cycle_collection():
        return _load_library(paths, default, config_name, config_line)


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """No cyclic garbage collection while the block runs; afterwards, as it was before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_library(paths: Iterable[Path], default: str | None, config_name: str, config_line: int) -> Library:
    problems: list[Problem] = []
    entries: list[Entry] = []
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            document = load_document(path, _display(path))
        except FileProblems as exc:
            problems.extend(exc.problems)
            continue
        if document.symbol in seen:
            problems.append(
                Problem(_display(path), 1, "symbol", f"{document.symbol} is also loaded from {seen[document.symbol]}")
            )
            continue
        seen[document.symbol] = path
        entries.append(Entry(document, path))
    if not problems and default is not None and default not in seen:
        problems.append(
            Problem(
                config_name, config_line, "default_document", f"{default!r} is not loaded (loaded: {', '.join(seen)})"
            )
        )
    if problems:
        raise FileProblems(problems)
    return Library(entries, default)


def _display(path: Path) -> str:
    """A path relative to the working directory when it is below it, for shorter messages."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
