"""What the search index costs: memory and time of building it for the library bench/footprint.py serves.

Issue 17 (memory): the index is built in a thread once the bot is ready, and stays for the life of
the process; built here the same way (in a thread, with glibc's mmap threshold fixed as the bot
fixes it). Printed: the resident memory and the Python blocks (`sys.getallocatedblocks`) it adds,
where tracemalloc sees them allocated (by line), and the median time of building it again.

    python bench/index.py [--top 12] [--rounds 7]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import threading
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.footprint import DEFAULT_DOCUMENT, DOCUMENTS, rss_mb  # noqa: E402
from bot.content.library import load_library, without_cycle_collection  # noqa: E402
from bot.content.search import SearchIndex  # noqa: E402
from bot.memory import keep_large_buffers_mapped  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    keep_large_buffers_mapped()  # as bot.client does when imported
    library = load_library(DOCUMENTS, DEFAULT_DOCUMENT)
    documents = library.documents
    SearchIndex(documents[:1])  # imports and first-use compilations, not counted below
    gc.collect()

    rss, blocks = rss_mb(), sys.getallocatedblocks()
    warming = threading.Thread(target=library.warm)  # as the bot builds it once ready: in a thread
    warming.start()
    warming.join()
    gc.collect()
    rss, blocks = rss_mb() - rss, sys.getallocatedblocks() - blocks
    index = library.index
    print(
        f"index of {len(documents)} documents: {len(index._sources):,} units, {len(index.vocabulary):,} words, "
        f"{len(index._gram_text) // 3:,} letter triples, a stream of {len(index._stream):,}"
    )
    print(f"   building it added {rss:+.1f} MB resident, {blocks:+,} blocks")

    tracemalloc.start()
    kept = SearchIndex(documents)
    snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, "*/bot/content/search.py")])
    tracemalloc.stop()
    stats = snapshot.statistics("lineno")
    total = sum(s.size for s in stats)
    count = sum(s.count for s in stats)
    print(f"   tracemalloc, what search.py allocated and the index keeps: {total / 2**20:.2f} MB in {count:,} blocks")
    for stat in stats[: args.top]:
        frame = stat.traceback[0]
        line = Path(frame.filename).read_text(encoding="utf-8").splitlines()[frame.lineno - 1].strip()
        print(f"   {stat.size / 2**20:6.2f} MB {stat.count:7,} blocks  line {frame.lineno}: {line[:80]}")
    del kept

    times = []
    for _ in range(args.rounds):
        with without_cycle_collection():  # as Library.index builds it
            started = time.perf_counter()
            SearchIndex(documents)
            times.append(time.perf_counter() - started)
    print(f"   building it: median {statistics.median(times) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
