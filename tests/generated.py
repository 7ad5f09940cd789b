"""Generated resolutions: realistic shape and sizes, any length, for limit tests and benchmarks.

Written as YAML in the shipped format, so they go through the real loader.
The words come from 62/152 itself, so search and autocomplete see real vocabulary.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path
from typing import Any

import yaml

from bot.content.loader import MAX_FOOTNOTE_CHARS, MAX_PARAGRAPH_CHARS, MAX_SUMMARY_CHARS

SOURCE = Path(__file__).resolve().parent.parent / "content" / "sources" / "A-RES-62-152.txt"
VERBS = ("Urges", "Calls upon", "Requests", "Encourages", "Invites", "Decides", "Welcomes", "Also urges")
ADDRESSEES = {
    "states": "States",
    "secretary-general": "Secretary-General",
    "special-rapporteur": "Special Rapporteur",
    "un-bodies": "UN bodies, agencies and organizations",
    "civil-society": "Civil society",
}


def vocabulary() -> list[str]:
    return re.findall(r"[A-Za-z][a-z]+", SOURCE.read_text(encoding="utf-8"))


def _text(rng: random.Random, words: list[str], length: int) -> str:
    out: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(words)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:length].rstrip()


def document(
    index: int,
    *,
    preamble: int = 15,
    operative: int = 17,
    footnotes: int = 6,
    rng: random.Random | None = None,
    words: list[str] | None = None,
    longest: bool = False,
) -> dict[str, Any]:
    """One resolution as the YAML mapping. `longest` makes every text as long as the loader allows."""
    rng = rng or random.Random(index)
    words = words or vocabulary()

    def size(limit: int, typical: int) -> int:
        return limit - 20 if longest else rng.randint(typical // 2, typical * 2)

    cited = list(range(1, footnotes + 1))
    units: list[dict[str, Any]] = []
    for n in range(1, preamble + 1):
        units.append({"number": n, "text": _text(rng, words, size(MAX_PARAGRAPH_CHARS, 350)) + ","})
    ops: list[dict[str, Any]] = []
    for n in range(1, operative + 1):
        ops.append(
            {
                "number": n,
                "verb": rng.choice(VERBS),
                "text": _text(rng, words, size(MAX_PARAGRAPH_CHARS, 400)) + ";",
                "addressees": rng.sample(sorted(ADDRESSEES), rng.randint(1, 2)),
                "summary": _text(rng, words, size(MAX_SUMMARY_CHARS, 120)) + ".",
            }
        )
    # Every footnote is cited once, at the end of a paragraph.
    carriers = units + ops
    for note in cited:
        carrier = carriers[(note * 7) % len(carriers)]
        carrier["text"] = carrier["text"][:-1] + f"[^{note}]" + carrier["text"][-1]
    session = 60 + index % 20
    number = f"{session}/{100 + index}"
    return {
        "symbol": f"A/RES/{number}",
        "number": number,
        "body": "General Assembly",
        "title": _text(rng, words, 120).title(),
        "distribution": "General",
        "distributed": dt.date(2008, 3, 6),
        "session": "Sixty-second session",
        "agenda_item": "70 (b)",
        "adopted": dt.date(2007, 12, 18),
        "meeting": "76th plenary meeting",
        "url": f"https://undocs.org/en/A/RES/{number}",
        "opening": "The General Assembly,",
        "addressees": ADDRESSEES,
        "preamble": units,
        "operative": ops,
        "footnotes": [
            {
                "number": n,
                "text": _text(rng, words, size(MAX_FOOTNOTE_CHARS, 60)) + ".",
                "links": [{"label": f"A/{n}", "url": f"https://undocs.org/en/A/{n}"}],
            }
            for n in cited
        ],
    }


def write(folder: Path, mapping: dict[str, Any], name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{mapping['symbol'].replace('/', '-').lower()}.yaml")
    path.write_text(yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
