"""Fluent catalogues, one folder per locale: loading, the fallback chain, formatting with arguments.

A message's value and each of its attributes are separate strings, named by a Key: ("help-title",
None) is the value of `help-title`, ("cmd-paragraph", "ref") its `.ref` attribute. Plurals and
other variants are Fluent select expressions inside the catalogue, so the code passes numbers,
never pre-chosen words."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl

from bot.content import parsecache
from bot.content.yamlfile import FileProblems, utf8_text

if TYPE_CHECKING:
    from fluent.runtime import FluentBundle

log = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
SOURCE_LOCALE = "en-US"
"""The catalogue every other one is checked against, and the last step of every fallback chain."""

LOCALES: tuple[str, ...] = (SOURCE_LOCALE, "fr", "es-ES", "ru", "zh-CN")
"""The interface languages: English and the UN languages Discord offers (it has no Arabic)."""

LANGUAGE_NAMES: dict[str, str] = {
    SOURCE_LOCALE: "English",
    "fr": "Français",
    "es-ES": "Español",
    "ru": "Русский",
    "zh-CN": "中文（简体）",
}
"""Each interface language by its own name, the same in every language (as language pickers show them)."""

# Discord locales served by another catalogue. Discord itself shows es-ES names to es-419 clients and
# en-US ones to en-GB; zh-TW readers get the simplified-Chinese interface rather than English.
_ALIASES = {"en-GB": SOURCE_LOCALE, "es-419": "es-ES", "zh-TW": "zh-CN"}

# The CLDR locale that formats dates and numbers for a catalogue. English writes dates the UN's way,
# day month year ("18 December 2007"), as British English does.
_FORMATS = {SOURCE_LOCALE: "en-GB"}

Key = tuple[str, str | None]  # (message id, attribute or None for the value)


def catalogue_locale(locale: str | None) -> str | None:
    """The catalogue serving a Discord locale ("es-419" → "es-ES"), or None when there is none."""
    if locale is None:
        return None
    locale = _ALIASES.get(locale, locale)
    return locale if locale in LOCALES else None


class CatalogueProblems(Exception):
    """The catalogues cannot be used; one `file:line: message` per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Entry:
    """One string of one catalogue, with where it is written."""

    locale: str
    key: Key
    pattern: ftl.Pattern
    path: Path
    line: int

    @property
    def where(self) -> str:
        try:
            shown = self.path.relative_to(Path.cwd())
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}"

    @property
    def label(self) -> str:
        return key_label(self.key)


def key_label(key: Key) -> str:
    return key[0] if key[1] is None else f"{key[0]}.{key[1]}"


class Catalogues:
    """Every locale's messages; formats a key in a locale, falling back to English."""

    def __init__(
        self,
        resources: Mapping[str, Sequence[ftl.Resource]],
        entries: Mapping[str, Mapping[Key, Entry]],
        later: Mapping[str, Path] | None = None,
    ) -> None:
        self._resources = {locale: tuple(parsed) for locale, parsed in resources.items()}
        self._entries = {locale: dict(found) for locale, found in entries.items()}
        self._bundles: dict[str, FluentBundle] = {}
        # Locales read on first use (`load_catalogues(lazy=True)`): their folders.
        self._later = {locale: folder for locale, folder in (later or {}).items() if locale not in self._resources}
        self._locales = (*self._resources, *self._later)

    @property
    def locales(self) -> tuple[str, ...]:
        return self._locales

    def _read(self, locale: str) -> None:
        """Read a locale left for later. One that cannot be read is logged, file:line each, and left
        empty: its readers get English, and no other language is touched."""
        folder = self._later.pop(locale, None)
        if folder is None:
            return
        try:
            resources, entries = _read_locale(folder, locale)
        except CatalogueProblems as exc:
            log.error("The %s catalogue cannot be read; its readers get English:\n%s", locale, exc)
            resources, entries = [], {}
        except Exception:  # anything else: the same, with its traceback (the first reader must get an answer)
            log.exception("The %s catalogue cannot be read; its readers get English", locale)
            resources, entries = [], {}
        self._resources[locale] = tuple(resources)
        self._entries[locale] = entries

    def _bundle(self, locale: str) -> FluentBundle:
        # Built on first use: a bundle loads its CLDR data (plural rules, date formats), the larger part
        # of loading the catalogues, and a process may never need some languages.
        bundle = self._bundles.get(locale)
        if bundle is None:
            from fluent.runtime import FluentBundle  # brings Babel: imported when first needed, not at start-up

            # Isolation marks (U+2068/U+2069) around arguments would show up in copied commands and code
            # blocks; none of the interface languages is right-to-left.
            bundle = FluentBundle([_FORMATS.get(locale, locale)], use_isolating=False)
            for resource in self._resources[locale]:
                bundle.add_resource(resource)
            self._bundles[locale] = bundle
        return bundle

    def entries(self, locale: str) -> Mapping[Key, Entry]:
        if locale in self._later:
            self._read(locale)
        return self._entries.get(locale, {})

    def has(self, locale: str, message_id: str, attribute: str | None = None) -> bool:
        return (message_id, attribute) in self.entries(locale)

    def lookup(self, locale: str, message_id: str, attribute: str | None = None, /, **args: Any) -> str | None:
        """The string in exactly this catalogue, or None (no fallback)."""
        if not self.has(locale, message_id, attribute):
            return None
        bundle = self._bundle(locale)
        message = bundle.get_message(message_id)
        pattern = message.value if attribute is None else message.attributes[attribute]
        if pattern is None:
            return None
        text, errors = bundle.format_pattern(pattern, args)
        if errors:
            # A missing argument is a bug in the code calling us: say which, loudly, in tests.
            raise ValueError(f"{locale}: {key_label((message_id, attribute))}: {errors[0]}")
        return str(text)

    def format(self, locale: str | None, message_id: str, attribute: str | None = None, /, **args: Any) -> str:
        """The string in `locale` (a Discord or catalogue locale), else in English."""
        for candidate in fallback_chain(locale):
            text = self.lookup(candidate, message_id, attribute, **args)
            if text is not None:
                return text
        raise LookupError(f"no message {key_label((message_id, attribute))} in the {SOURCE_LOCALE} catalogue")


def fallback_chain(locale: str | None) -> tuple[str, ...]:
    served = catalogue_locale(locale)
    if served is None or served == SOURCE_LOCALE:
        return (SOURCE_LOCALE,)
    return (served, SOURCE_LOCALE)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


Parsed = tuple[ftl.Resource, dict[Key, Entry], list[str]]


def _parse(path: Path, locale: str) -> Parsed:
    """One `.ftl` file: its syntax tree, its strings, and its problems (file:line each).

    Fluent's parser is pure Python (about 50 ms for the English files): a file parsed before without a
    problem is not parsed again (bot.content.parsecache)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:  # as for a content file: the file named, line 0
        return ftl.Resource([]), {}, [f"{path}:0: cannot be read: {exc.strerror or exc}"]
    return parsecache.parsed(
        path,
        raw,
        f"{locale} {path}",
        lambda: _parse_bytes(raw, path, locale),
        keep=lambda found: not found[2],
    )


def _parse_bytes(raw: bytes, path: Path, locale: str) -> Parsed:
    try:
        text = utf8_text(raw, str(path))
    except FileProblems as exc:  # a problem like any other, file:line, not a traceback
        return ftl.Resource([]), {}, [str(problem) for problem in exc.problems]
    return _parse_text(text, path, locale)


def _parse_text(text: str, path: Path, locale: str) -> Parsed:
    resource = FluentParser(with_spans=True).parse(text)
    entries: dict[Key, Entry] = {}
    problems: list[str] = []
    for item in resource.body:
        if isinstance(item, ftl.Junk):
            start = item.span.start if item.span else 0
            reason = item.annotations[0].message if item.annotations else "cannot be read"
            problems.append(f"{path}:{_line(text, start)}: {reason}")
            continue
        if not isinstance(item, ftl.Message):
            continue
        pieces: list[tuple[str | None, ftl.Pattern | None, ftl.Span | None]] = [(None, item.value, item.span)]
        pieces += [(a.id.name, a.value, a.span) for a in item.attributes]
        for attribute, pattern, span in pieces:
            if pattern is None:
                continue
            key = (item.id.name, attribute)
            line = _line(text, span.start if span else 0)
            if key in entries:
                problems.append(f"{path}:{line}: {key_label(key)}: written twice (first at line {entries[key].line})")
                continue
            entries[key] = Entry(locale, key, pattern, path, line)
    if not problems:
        _drop_spans(resource)
    return resource, entries, problems


def _drop_spans(node: object) -> None:
    """Forget where each piece of the syntax tree was written, once the lines are noted: nothing reads
    it later, and it is a third of the tree (in memory, and to load from the parse cache)."""
    if isinstance(node, ftl.SyntaxNode):
        node.span = None
    if isinstance(node, ftl.BaseNode):
        for value in vars(node).values():
            for child in value if isinstance(value, list) else (value,):
                _drop_spans(child)


def _read_locale(folder: Path, locale: str) -> tuple[list[ftl.Resource], dict[Key, Entry]]:
    """One locale's `*.ftl` files, or CatalogueProblems listing every file:line that cannot be read."""
    files = sorted(folder.glob("*.ftl"))
    if not files:
        raise CatalogueProblems([f"{folder}: no .ftl catalogue for {locale}"])
    problems: list[str] = []
    parsed_files: list[ftl.Resource] = []
    found: dict[Key, Entry] = {}
    for path in files:
        resource, parsed, file_problems = _parse(path, locale)
        problems += file_problems
        for key, entry in parsed.items():
            if key in found:
                first = found[key]
                problems.append(f"{entry.where}: {entry.label}: already written at {first.where}")
            else:
                found[key] = entry
        parsed_files.append(resource)
    if problems:
        raise CatalogueProblems(problems)
    return parsed_files, found


def load_catalogues(
    directory: Path = LOCALES_DIR, locales: tuple[str, ...] = LOCALES, *, lazy: bool = False
) -> Catalogues:
    """Every locale's `*.ftl` files, or CatalogueProblems listing every file:line that cannot be read.

    With `lazy`, only English (the fallback of every message) is read now, and each other locale
    when first needed: parsing Fluent is slow (about 60 ms a language), and a process may never
    need some. The tests and `python -m bot sync` read them all, eagerly, and refuse any problem."""
    resources: dict[str, list[ftl.Resource]] = {}
    entries: dict[str, dict[Key, Entry]] = {}
    later: dict[str, Path] = {}
    problems: list[str] = []
    for locale in locales:
        if lazy and locale != SOURCE_LOCALE:
            later[locale] = directory / locale
            continue
        try:
            resources[locale], entries[locale] = _read_locale(directory / locale, locale)
        except CatalogueProblems as exc:
            problems += exc.problems
    if problems:
        raise CatalogueProblems(problems)
    return Catalogues(resources, entries, later)


@cache
def shipped_catalogues() -> Catalogues:
    """The catalogues shipped in this package: English at once, each other language on first use."""
    return load_catalogues(lazy=True)


def variables(pattern: ftl.Pattern) -> set[str]:
    """The `$arguments` a pattern uses, in any variant."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, ftl.VariableReference):
            found.add(node.id.name)
        if isinstance(node, ftl.BaseNode):
            for value in vars(node).values():
                for child in value if isinstance(value, list) else [value]:
                    walk(child)

    walk(pattern)
    return found


def texts(pattern: ftl.Pattern) -> Iterator[str]:
    """Every piece of literal text in a pattern, in every variant (what a reviewer reads)."""

    def walk(node: object) -> Iterator[str]:
        if isinstance(node, (ftl.TextElement, ftl.StringLiteral)):
            yield node.value
        if isinstance(node, ftl.BaseNode):
            for value in vars(node).values():
                for child in value if isinstance(value, list) else [value]:
                    yield from walk(child)

    yield from walk(pattern)
