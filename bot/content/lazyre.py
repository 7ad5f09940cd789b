"""Regular expressions compiled on first use, so that start-up does not wait for them.

Python compiles a pattern in Python, every time a process starts. A few of ours are slow to compile:
the message finder's reference pattern takes about 35 ms, and a character class of the CJK blocks
about 4 ms each, together over a third of importing the bot. Declared with `lazy(...)` instead of
`re.compile(...)`, such a pattern is compiled when first used; `compile_all()` compiles every one,
and the bot calls it in a thread once it is ready, so a reader's first message rarely waits.

A lazy pattern answers the methods the code uses (`search`, `match`, `fullmatch`, `finditer`, `sub`);
two threads compiling one at once both get an equal pattern, and one of them is kept.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator

_ALL: list[LazyPattern] = []


class LazyPattern:
    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None
        _ALL.append(self)

    @property
    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return compiled

    @property
    def is_compiled(self) -> bool:
        return self._compiled is not None

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)


def lazy(source: str, flags: int = 0) -> LazyPattern:
    """`re.compile(source, flags)`, when first used."""
    return LazyPattern(source, flags)


def compile_all() -> None:
    """Compile every lazy pattern now (see the module's note)."""
    for pattern in _ALL:
        pattern.compiled  # noqa: B018 (the property compiles it)


def pending() -> int:
    """How many lazy patterns are not compiled yet."""
    return sum(not pattern.is_compiled for pattern in _ALL)
