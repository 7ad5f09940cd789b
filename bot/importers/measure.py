"""How well the text-layer importer reads a resolution, measured against the UN's XML of the same one.

    python -m bot.importers.measure TEXT_LAYER XML [TEXT_LAYER XML …]

prints the README's table: per document, paragraphs (preambular and operative) equal exactly, and
equal apart from spacing, numbers and footnotes right. Italics are left out of the comparison (a text
layer has none). The UN's XML writes a footnote cited a second time as a plain digit ("Development,8")
rather than as a note; those digits are read as the markers they are before comparing, and counted.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.content.model import Document

from .akn import import_akn
from .pdftext import import_text


@dataclass(frozen=True)
class Measure:
    symbol: str
    paragraphs: int
    exact: int
    spacing: int  # equal once all whitespace is removed (exact ones included)
    numbers_right: bool  # the same paragraphs, kinds and numbers
    footnotes: int
    footnotes_right: int
    recited_in_xml: int  # re-cited markers the XML gives as plain digits

    @property
    def exact_share(self) -> float:
        return self.exact / self.paragraphs if self.paragraphs else 0.0

    @property
    def spacing_share(self) -> float:
        return self.spacing / self.paragraphs if self.paragraphs else 0.0


def _plain(text: str) -> str:
    return text.replace("*", "")


def _recited(text: str, cited: set[int]) -> tuple[str, int]:
    count = 0

    def mark(m: re.Match[str]) -> str:
        nonlocal count
        number = int(m.group(2))
        if number in cited:
            count += 1
            return f"{m.group(1)}[^{number}]"
        return m.group(0)

    return re.sub(r"([a-z],)(\d{1,2})(?= )", mark, text), count


def compare(truth: Document, got: Document) -> Measure:
    expected = list(truth.paragraphs())
    found = list(got.paragraphs())
    exact = spacing = recited = 0
    cited: set[int] = set()
    for t, g in zip(expected, found, strict=False):
        want, n = _recited(_plain(t.full_text), cited)
        recited += n
        cited.update(t.footnotes)
        have = _plain(g.full_text)
        if want == have:
            exact += 1
        if "".join(want.split()) == "".join(have.split()):
            spacing += 1
    numbers_right = [(p.kind, p.number) for p in expected] == [(p.kind, p.number) for p in found]
    right = sum(
        1
        for a, b in zip(truth.footnotes, got.footnotes, strict=False)
        if a.number == b.number and "".join(_plain(a.text).split()) == "".join(b.text.split())
    )
    return Measure(
        truth.symbol,
        len(expected),
        exact,
        spacing,
        numbers_right and len(truth.footnotes) == len(got.footnotes),
        len(truth.footnotes),
        right,
        recited,
    )


def measure(text_layer: Path, xml: Path) -> Measure:
    truth = import_akn(xml.read_bytes(), xml.name).document
    got = import_text(text_layer.read_text(encoding="utf-8"), text_layer.name).document
    return compare(truth, got)


def table(measures: list[Measure]) -> str:
    lines = [
        "| document | paragraphs | equal exactly | equal apart from spacing | numbers and kinds | footnotes |",
        "|---|---|---|---|---|---|",
    ]
    for m in measures:
        lines.append(
            f"| {m.symbol} | {m.paragraphs} | {m.exact} ({m.exact_share:.0%}) | {m.spacing} ({m.spacing_share:.0%}) "
            f"| {'all right' if m.numbers_right else 'WRONG'} | {m.footnotes_right}/{m.footnotes} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]]
    print(table([measure(args[i], args[i + 1]) for i in range(0, len(args) - 1, 2)]))
