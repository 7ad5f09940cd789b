"""Run seeds, shrink a failure, print it: `python -m tests.simulation --seed N` replays one exactly.

python -m tests.simulation --seed 1234            # replay one seed, print its history
python -m tests.simulation --seeds 0-999          # run a range, report the failures
python -m tests.simulation --seeds 0-99999 --progress   # the soak (`make soak SEEDS=100000`)
python -m tests.simulation --seed 1234 --defect history_last_25   # with a fixed defect switched back on
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from tests.simulation.faults import Scenario, generate, restrict, shrinks
from tests.simulation.runner import Result, run


def shrink(result: Result, defects: Iterable[str] = (), budget: int = 200) -> Result:
    """The smallest scenario (fewer faults, channels, processes) that still breaks the same invariant."""
    wanted = {v.invariant for v in result.failures}
    best = result
    tries = 0
    improved = True
    while improved and tries < budget:
        improved = False
        for candidate in shrinks(best.scenario):
            tries += 1
            attempt = run(candidate, defects=defects)
            if {v.invariant for v in attempt.failures} & wanted:
                best = attempt
                improved = True
                break
            if tries >= budget:
                break
    return best


def run_seed(seed: int, defects: Iterable[str] = ()) -> Result:
    return run(generate(seed), defects=defects)


def first_failure(seeds: Iterable[int], defects: Iterable[str] = ()) -> tuple[int, Result] | None:
    """The first seed (and its result) whose run breaks an invariant, counting from 1."""
    for count, seed in enumerate(seeds, start=1):
        result = run_seed(seed, defects)
        if result.failures:
            return count, result
    return None


def _indices(text: str) -> tuple[int, ...]:
    return () if text == "-" else tuple(int(x) for x in text.split(","))


def _range(text: str) -> range:
    first, _, last = text.partition("-")
    return range(int(first), int(last or first) + 1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.simulation", description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, help="replay one seed and print its history")
    parser.add_argument("--seeds", type=_range, help="a range of seeds, e.g. 0-9999")
    parser.add_argument("--defect", action="append", default=[], help="a switch of bot/daily/regressions.py")
    parser.add_argument("--progress", action="store_true", help="show progress (every 1% of the seeds)")
    parser.add_argument("--no-shrink", action="store_true", help="print a failure as it is, unshrunk")
    parser.add_argument("--processes", type=int, help="with --seed: a shrunk run's process count")
    parser.add_argument("--channels", type=_indices, help="with --seed: a shrunk run's channels (indices)")
    parser.add_argument("--faults", type=_indices, help="with --seed: a shrunk run's faults (indices)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (each seed is independent)")
    parser.add_argument("--keep-going", action="store_true", help="count every failing seed, not just the first")
    args = parser.parse_args(argv)
    if args.seed is not None:
        scenario = generate(args.seed)
        if args.processes or args.channels is not None or args.faults is not None:
            scenario = restrict(
                scenario,
                args.processes or scenario.processes,
                args.channels if args.channels is not None else tuple(range(len(scenario.channels))),
                args.faults if args.faults is not None else tuple(range(len(scenario.faults))),
            )
        result = run(scenario, defects=args.defect)
        print(result.report())
        return 1 if result.failures else 0
    seeds = args.seeds or range(0, 300)
    started = time.monotonic()
    failing: list[int] = []
    residual = 0
    step = max(1, len(seeds) // 100)
    with _pool(args.jobs) as pool:
        outcomes = pool.imap(_outcome, [(seed, tuple(args.defect)) for seed in seeds], chunksize=8)
        for done, (seed, failed, risky) in enumerate(outcomes, start=1):
            residual += risky
            if failed:
                failing.append(seed)
                if not args.keep_going:
                    break
            if args.progress and (done % step == 0 or done == len(seeds)):
                rate = done / max(1e-9, time.monotonic() - started)
                print(
                    f"{done}/{len(seeds)} seeds, {len(failing)} failing, {residual} with the residual risk, "
                    f"{rate:.0f} seeds/s, ~{(len(seeds) - done) / rate:.0f} s left",
                    file=sys.stderr,
                    flush=True,
                )
    print(
        f"{len(seeds)} seeds in {time.monotonic() - started:.0f} s: {len(failing)} failing"
        + (f" ({', '.join(map(str, failing[:20]))})" if failing else "")
        + f"; residual risk seen in {residual} ({residual / len(seeds):.4%})"
    )
    if failing:
        _print_failure(run_seed(failing[0], args.defect), args.defect, not args.no_shrink)
        return 1
    return 0


def _outcome(job: tuple[int, tuple[str, ...]]) -> tuple[int, bool, bool]:
    seed, defects = job
    result = run_seed(seed, defects)
    return seed, bool(result.failures), bool(result.residual)


class _Serial:
    """`multiprocessing.Pool`'s imap, in this process (one job, or a debugger)."""

    def __enter__(self) -> _Serial:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def imap(self, fn: Callable[[Any], Any], items: list[Any], chunksize: int = 1) -> Iterator[Any]:
        return map(fn, items)


def _pool(jobs: int) -> Any:
    if jobs <= 1:
        return _Serial()
    return multiprocessing.get_context("spawn").Pool(jobs)


def _print_failure(result: Result, defects: Sequence[str], do_shrink: bool) -> None:
    print(f"Seed {result.scenario.seed} breaks an invariant:", *(f"  - {v}" for v in result.failures), sep="\n")
    if do_shrink:
        result = shrink(result, defects)
        print("\nShrunk to:\n")
    print(result.report())


def describe(scenario: Scenario) -> str:
    return scenario.describe()
