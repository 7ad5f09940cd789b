"""How fast the reading commands answer, as ratios to a baseline measured in the same run.

Baseline: building one discord.Embed with a paragraph's text and turning it
into the JSON discord.py sends, which every reply must do anyway. A handler
that stays within a small multiple of that does no hidden I/O or re-parsing.
Also printed: the slowest handler call as a fraction of Discord's 3-second
deadline for a first response.

    python bench/reading.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import discord

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answers import Answers  # noqa: E402
from bot.content.library import load_library  # noqa: E402

DEADLINE_S = 3.0
ROUNDS = 300


def timed(fn: Callable[[], object], rounds: int = ROUNDS) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> int:
    started = time.perf_counter()
    library = load_library([ROOT / "content" / "a-res-62-152.yaml"], None)
    load_s = time.perf_counter() - started
    answers = Answers(library)
    text = library.default.operative[6].text

    def baseline() -> None:
        discord.Embed(title="A/RES/62/152 · operative paragraph 7", description=text).to_dict()

    base = statistics.median(timed(baseline))
    cases: dict[str, Callable[[], object]] = {
        "/paragraph 4": lambda: answers.paragraph("4"),
        "/paragraph 1-17": lambda: answers.paragraph("1-17"),
        "/footnote 5": lambda: answers.footnote("5"),
        "/summary all": lambda: answers.summary("all"),
        '/search "human rights" impunity': lambda: answers.search('"human rights" impunity'),
        "/search impunty (typo)": lambda: answers.search("impunty"),
        "autocomplete 'terror'": lambda: answers.paragraph_choices("terror"),
        "autocomplete ''": lambda: answers.paragraph_choices(""),
    }
    print(f"start-up: load + index the document once: {load_s * 1000:.1f} ms")
    print(f"baseline (one embed to JSON): {base * 1e6:.1f} µs median")
    print(f"{'command':36} {'median/baseline':>16} {'p99/deadline':>15}")
    worst_ratio = 0.0
    for name, fn in cases.items():
        samples = timed(fn)
        ratio = statistics.median(samples) / base
        worst = sorted(samples)[int(len(samples) * 0.99)] / DEADLINE_S
        worst_ratio = max(worst_ratio, worst)
        print(f"{name:36} {ratio:16.1f} {worst:15.5f}")
    print(f"slowest p99 used {worst_ratio:.3%} of Discord's 3 s deadline (target: under 1%)")
    return 0 if worst_ratio < 0.01 else 1


if __name__ == "__main__":
    sys.exit(main())
