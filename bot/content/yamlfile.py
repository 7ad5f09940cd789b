"""Strict YAML reading that remembers where every value came from.

`yaml.safe_load` throws line numbers away, and a person fixing a content or
config file needs them. We compose the node graph with PyYAML's SafeLoader
(the same tag resolution as `safe_load`) and read it through a `Reader` that
collects every problem as ``file:line: field: message`` instead of stopping
at the first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, pinned to a line and a field."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


class FileProblems(Exception):
    """A file could not be loaded; `problems` says every reason, one per line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Node:
    """A YAML node with its position: `path` is the field name shown to people."""

    raw: yaml.Node
    path: str
    line: int


_CONSTRUCTOR = yaml.constructor.SafeConstructor()  # SafeLoader's tag resolution, built once


def _scalar_value(node: yaml.ScalarNode) -> Any:
    try:
        return _CONSTRUCTOR.construct_object(node)
    finally:
        _CONSTRUCTOR.constructed_objects.clear()  # remembers every node otherwise


@dataclass
class Reader:
    """Reads one composed YAML file, accumulating problems."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def fail(self, node: Node, message: str, *, line: int | None = None) -> None:
        self.problems.append(Problem(self.file, line or node.line, node.path, message))

    # -- containers ---------------------------------------------------------

    def mapping(self, node: Node, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict[str, Node] | None:
        """The mapping's entries; reports missing, unknown and duplicate keys."""
        if not isinstance(node.raw, yaml.MappingNode):
            self.fail(node, f"expected a mapping with keys {', '.join(required)}")
            return None
        allowed = set(required) | set(optional)
        entries: dict[str, Node] = {}
        for key_node, value_node in node.raw.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            child_path = f"{node.path}.{key}" if node.path else str(key)
            line = key_node.start_mark.line + 1
            if key is None or key not in allowed:
                self.problems.append(
                    Problem(
                        self.file,
                        line,
                        child_path,
                        f"unknown key (expected one of: {', '.join(sorted(allowed))})",
                    )
                )
                continue
            if key in entries:
                self.problems.append(Problem(self.file, line, child_path, "duplicate key"))
                continue
            entries[key] = Node(value_node, child_path, value_node.start_mark.line + 1)
        for key in required:
            if key not in entries:
                path = f"{node.path}.{key}" if node.path else key
                self.problems.append(Problem(self.file, node.line, path, "missing"))
        return entries

    def sequence(self, node: Node, *, allow_empty: bool = False) -> list[Node]:
        if not isinstance(node.raw, yaml.SequenceNode):
            self.fail(node, "expected a list")
            return []
        if not node.raw.value and not allow_empty:
            self.fail(node, "empty list")
        return [Node(item, f"{node.path}[{i}]", item.start_mark.line + 1) for i, item in enumerate(node.raw.value)]

    def pairs(self, node: Node) -> Iterator[tuple[str, Node]]:
        """A mapping with free-form keys (each key a non-empty string)."""
        if not isinstance(node.raw, yaml.MappingNode):
            self.fail(node, "expected a mapping")
            return
        seen: set[str] = set()
        for key_node, value_node in node.raw.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
            child = Node(value_node, f"{node.path}.{key}", value_node.start_mark.line + 1)
            if not key:
                self.fail(child, "keys must be non-empty text")
            elif key in seen:
                self.fail(child, "duplicate key")
            else:
                seen.add(key)
                yield key, child

    # -- scalars ------------------------------------------------------------

    def _typed(self, node: Node, kind: type[T], what: str) -> T | None:
        if not isinstance(node.raw, yaml.ScalarNode):
            self.fail(node, f"expected {what}")
            return None
        try:
            value = _scalar_value(node.raw)
        except ValueError as exc:  # looks like a date or number but is not one: 2044-13-40
            self.fail(node, f"expected {what}, got “{node.raw.value}” ({exc})")
            return None
        # bool is an int in Python; a YAML `yes` is never a number here.
        if isinstance(value, bool) and kind is not bool:
            self.fail(node, f"expected {what}, got a boolean")
            return None
        if not isinstance(value, kind):
            hint = ""
            if kind is str and isinstance(value, (int, float, dt.date)):
                hint = f' (put it in quotes: "{node.raw.value}")'
            self.fail(node, f"expected {what}, got {_describe(value)}{hint}")
            return None
        return value

    def text(self, node: Node, *, max_len: int | None = None) -> str | None:
        value = self._typed(node, str, "text")
        if value is None:
            return None
        value = value.strip()
        if not value:
            self.fail(node, "empty")
            return None
        if max_len is not None and len(value) > max_len:
            self.fail(node, f"too long: {len(value)} characters (at most {max_len} fit Discord)")
            return None
        return value

    def integer(self, node: Node, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
        value = self._typed(node, int, "a whole number")
        if value is None:
            return None
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            bounds = f"from {minimum}" if minimum is not None else ""
            bounds += f" to {maximum}" if maximum is not None else " or more"
            self.fail(node, f"{value} is out of range (expected {bounds.strip()})")
            return None
        return value

    def number(self, node: Node, *, minimum: float = 0.0, maximum: float | None = None) -> float | None:
        if isinstance(node.raw, yaml.ScalarNode):
            value = _scalar_value(node.raw)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                if value < minimum or (maximum is not None and value > maximum):
                    upper = f" to {maximum:g}" if maximum is not None else " or more"
                    self.fail(node, f"{value:g} is out of range (expected {minimum:g}{upper})")
                    return None
                return float(value)
        self.fail(node, "expected a number")
        return None

    def date(self, node: Node) -> dt.date | None:
        value = self._typed(node, dt.date, "a date (YYYY-MM-DD)")
        return value

    def choice(self, node: Node, choices: tuple[str, ...]) -> str | None:
        value = self.text(node)
        if value is None:
            return None
        if value not in choices:
            self.fail(node, f"{value!r} is not one of {', '.join(choices)}")
            return None
        return value

    def optional(self, entries: dict[str, Node], key: str, read: Callable[[Node], T | None]) -> T | None:
        node = entries.get(key)
        return None if node is None else read(node)

    def done(self) -> None:
        """Raise every collected problem at once, sorted by line."""
        if self.problems:
            raise FileProblems(sorted(self.problems, key=lambda p: (p.line, p.field)))


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    return type(value).__name__


# libyaml's loader when PyYAML was built with it (about 20x faster); the same safe tag resolution.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FILE_BYTES = 2_000_000  # a whole resolution is well under 200 kB; past this, something is wrong


def compose(path: Path, display_name: str | None = None) -> tuple[Reader, Node]:
    """Parse `path` into a located root node; YAML syntax errors become problems.

    Refused before anything is built from them: files over 2 MB, bytes that are not UTF-8
    (with the line they are on), a byte-order mark anywhere but at the start, and YAML
    anchors and aliases (a content file never needs them, and an alias bomb would expand
    exponentially when read).
    """
    name = display_name or str(path)
    return compose_bytes(read_file(path, name), name)


def read_file(path: Path, name: str) -> bytes:
    """The bytes of a file to be composed; `FileProblems` for one that is missing, unreadable or over 2 MB."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileProblems(
                [Problem(name, 1, "", f"the file is too large ({size:,} bytes; at most {MAX_FILE_BYTES:,})")]
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise FileProblems([Problem(name, 0, "", "file not found")]) from None
    except OSError as exc:
        raise FileProblems([Problem(name, 0, "", f"cannot be read: {exc.strerror or exc}")]) from None


def utf8_text(raw: bytes, name: str) -> str:
    """A file's bytes as text; `FileProblems` with the line of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FileProblems(
            [Problem(name, line, "", f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be read; save the file as UTF-8")]
        ) from None


def compose_bytes(raw: bytes, name: str) -> tuple[Reader, Node]:
    """`compose` of bytes already read (see `read_file`), with problems reported under `name`."""
    reader = Reader(name)
    text = utf8_text(raw, name).removeprefix(
        "\ufeff"
    )  # a byte-order mark at the start is harmless (some editors write one)
    if "\ufeff" in text:
        line = text.count("\n", 0, text.index("\ufeff")) + 1
        raise FileProblems([Problem(name, line, "", "a byte-order mark (U+FEFF) in the middle of the file; remove it")])
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            anchored = isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None)
            if anchored:
                line = event.start_mark.line + 1 if event.start_mark else 0
                message = "YAML anchors and aliases (& and *) are not allowed here; write the value out"
                raise FileProblems([Problem(name, line, "", message)])
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise FileProblems([Problem(name, line, "", f"invalid YAML: {exc.problem or exc}")]) from None
    except yaml.YAMLError as exc:
        raise FileProblems([Problem(name, 0, "", f"invalid YAML: {exc}")]) from None
    if root is None:
        raise FileProblems([Problem(name, 1, "", "the file is empty")])
    return reader, Node(root, "", root.start_mark.line + 1)
