"""The documents the bot serves, each loaded and indexed once at start-up."""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import UserError
from .langs import LANGUAGES, disagreements
from .lazyre import compile_all
from .loader import load_document
from .model import Document
from .search import SearchIndex, fold
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
        self._index: SearchIndex | None = None
        self._index_lock = threading.Lock()

    @property
    def index(self) -> SearchIndex:
        """One search index over every document and every language it holds.

        Built when first needed, not at start-up: for the shipped library (four documents, three in
        six languages) it is about a quarter of a second, two thirds of loading, and reading,
        citing and daily posts never need it. The bot builds it in a thread right after it is
        ready (`warm`), so the first search rarely waits; a search that comes first builds it."""
        index = self._index
        if index is None:
            with self._index_lock:  # one build, whether the warm-up or a search gets here first
                if self._index is None:
                    with without_cycle_collection():
                        self._index = SearchIndex(e.document for e in self._entries.values())
                index = self._index
        return index

    def warm(self) -> None:
        """Build now what is built on first use: the search index, and the slow regular expressions."""
        compile_all()
        self.index  # noqa: B018 (the property builds it)

    @property
    def symbols(self) -> tuple[str, ...]:
        return tuple(self._entries)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._entries.values())

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(e.document for e in self._entries.values())

    def entry(self, symbol: str | None = None) -> Entry:
        """The named document, or the default one; `UserError` for one the library does not hold.

        A document is named by its symbol, its number ("78/216"), its year ("2023") or words of its
        title ("Declaration", "defenders 2023"): the best match is taken."""
        if symbol is None or not symbol.strip():
            return self._entries[self.default_symbol]
        found = self.matching(symbol)
        if not found:
            raise UserError("err-no-document", name=symbol.strip()[:40], symbols=", ".join(self._entries))
        return found[0]

    def matching(self, text: str) -> list[Entry]:
        """The documents `text` names, best first: a symbol or number exactly, else a year and title words."""
        wanted = " ".join(text.split()).casefold()
        for key, entry in self._entries.items():
            if wanted in (key.casefold(), entry.document.meta.number.casefold()):
                return [entry]
        words = [fold(w) for w in re.findall(r"[^\W_]+(?:/\d+)?", wanted) if w not in _FILLER]
        if not words:
            return []
        scored = []
        for order, entry in enumerate(self._entries.values()):
            score = _score(entry.document, words)
            if score is not None:
                scored.append((-score, order, entry))
        scored.sort(key=lambda item: item[:2])
        return [entry for *_, entry in scored]

    @property
    def default(self) -> Document:
        return self._entries[self.default_symbol].document

    def document_or_default(self, symbol: str) -> Document:
        """A stored symbol's document; the default if it is no longer configured (e.g. old schedules)."""
        try:
            return self.entry(symbol).document
        except UserError:
            return self.default


# Words that name no document in particular: "the resolution of 2023", "GA res 78/216".
_FILLER = frozenset({"a", "res", "resolution", "the", "of", "on", "ga", "general", "assembly", "un", "and"})


def _score(doc: Document, words: list[str]) -> int | None:
    """How well typed words name `doc` (None: not at all). Every word must match something: a year
    the adoption year, a number its number, any other word the start of a word of its titles.
    A word of an annexed text's title counts most ("Declaration" is 53/144's annex, not the
    later resolutions whose titles quote it), then its own title's first word."""
    meta = doc.meta
    own = [fold(w) for w in re.findall(r"[^\W_]+", meta.title.casefold())]
    annexed = [fold(w) for a in doc.annexes for w in re.findall(r"[^\W_]+", f"{a.label} {a.title}".casefold())]
    score = 0
    for word in words:
        if re.fullmatch(r"\d{4}", word):
            if int(word) != meta.adopted.year:
                return None
            score += 2
        elif re.fullmatch(r"\d+/\d+", word) or word.isdigit():
            if word not in (meta.number, *meta.number.split("/")):
                return None
            score += 2
        elif any(w.startswith(word) for w in annexed):
            score += 3
        elif own[:1] and own[0].startswith(word):
            score += 2
        elif any(w.startswith(word) for w in own):
            score += 1
        else:
            return None
    return score


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
        document = _with_versions(document, path, problems)
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


def version_paths(path: Path) -> list[tuple[str, Path]]:
    """The other official languages of a content file that are shipped beside it: a-res-78-216.fr.yaml…"""
    found = []
    for code in LANGUAGES:
        sibling = path.with_name(f"{path.stem}.{code}{path.suffix}")
        if sibling.is_file():
            found.append((code, sibling))
    return found


def _with_versions(document: Document, path: Path, problems: list[Problem]) -> Document:
    """`document` with the language versions found beside its file, each checked to be the same text:
    its language as its name says, the same symbol, and the same paragraphs, footnotes and markers."""
    versions: list[tuple[str, Document]] = []
    for code, sibling in version_paths(path):
        if code == document.meta.language:
            continue
        try:
            version = load_document(sibling, _display(sibling))
        except FileProblems as exc:
            problems.extend(exc.problems)
            continue
        name = _display(sibling)
        if version.meta.language != code:
            problems.append(Problem(name, 1, "language", f"{version.meta.language!r}, but the file name says {code!r}"))
            continue
        found = disagreements(document, version)
        if found:
            problems.extend(Problem(name, 1, "versions", f"does not match {_display(path)}: {d}") for d in found)
            continue
        versions.append((code, version))
    return replace(document, versions=tuple(versions)) if versions else document


def _display(path: Path) -> str:
    """A path relative to the working directory when it is below it, for shorter messages."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
