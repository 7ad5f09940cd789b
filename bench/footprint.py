"""Start-up time and memory, against a bare discord.py bot measured in the same run.

1. Start-up: from process start to ready to answer (content loaded and checked, logged in to a
   local server, commands registered), alternating the bot and a bare discord.py client with one
   command. Target: at most +150 ms. Both start as a deployed bot restarts: from bytecode, with
   the database and the parse cache of the first start (bot.content.parsecache). The search
   index is built after ready, in a thread, as the bot does once connected.
2. Memory: resident memory at ready, and after 10,000 and 50,000 interactions of
   mixed commands with random text (the same count of interactions for the bare
   bot). Targets: at most +15 MB over the bare bot, and no growth from 10,000 to 50,000.

The bot is loaded as issue 17 has it serve: four documents, three of them in the six UN languages,
and the five interface catalogues. Every language but English is read on first use: once ready,
the bot formats a message with a plural and a date in each (their CLDR data loads too), timed
apart, before its memory at ready is read; the interactions cycle through the five Discord
locales: their cost is in the memory figures.

    python bench/footprint.py [--rounds 15] [--interactions 50000]
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import gc
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_STARTUP_MS = 150.0
TARGET_MEMORY_MB = 15.0
TARGET_GROWTH_MB = 1.0

# Issue 17: four documents with their language versions (the .fr/.zh/… files load beside each).
DOCUMENTS = tuple(ROOT / "content" / f"a-res-{n}.yaml" for n in ("53-144", "74-146", "76-174", "78-216"))
DEFAULT_DOCUMENT = "A/RES/78/216"  # six languages: the official text is served in the reader's
# A restart, as deployments restart: the database already exists (its migrations ran on the first start).
DATABASE = Path(tempfile.gettempdir()) / "resolution-bot-bench-footprint.sqlite3"


def use_every_language() -> None:
    """Format a message with a plural and one with a date in every interface language: each locale's
    Fluent bundle and CLDR data load on first use, and a running bot soon uses them all."""
    import datetime as dt

    from bot.i18n import LOCALES, say

    for locale in LOCALES:
        say(locale, "read-search-count", total=3)
        say(locale, "about-adopted-on", adopted=dt.date(2023, 12, 19))


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def child(kind: str, interactions: int) -> None:
    """One process: start, get ready, print the time; then answer `interactions` and print memory."""
    if kind == "bot":
        from bot.memory import pause_collection

        pause_collection()  # as `python -m bot run` does first thing; the bot resumes it once logged in

    import discord
    from discord import app_commands

    from bench.localserver import Arrivals, serve

    arrivals = Arrivals()
    runner, discord.http.Route.BASE = await serve(arrivals.handle)
    storage = None
    if kind == "bot":
        from bot.client import ResolutionBot
        from bot.content.library import load_library
        from bot.storage.sqlite import SQLiteStorage

        storage = await SQLiteStorage.open(DATABASE)
        client: discord.Client = ResolutionBot(load_library(DOCUMENTS, DEFAULT_DOCUMENT), storage, run_scheduler=False)
    else:
        client = discord.Client(intents=discord.Intents.none())
        tree = app_commands.CommandTree(client)
        embed = discord.Embed(title="A/RES/62/152 · operative paragraph 4", description="x" * 300)

        @tree.command(name="paragraph", description="fixed")
        async def paragraph(interaction: discord.Interaction, ref: str) -> None:
            await interaction.response.send_message(embed=embed)

    await client.login("bench.token.value")
    ready = time.time()
    cpu_ms = time.process_time() * 1000  # this process's CPU time since it started: less noisy on a shared machine
    rss_ready = rss_mb()
    languages_ms = 0.0
    if kind == "bot":
        started = time.perf_counter()
        use_every_language()
        languages_ms = (time.perf_counter() - started) * 1000
    print(
        json.dumps({"ready": ready, "cpu_ms": cpu_ms, "rss_ready": rss_ready, "languages_ms": languages_ms}), flush=True
    )
    if interactions:
        from tests.fakediscord import chat_message, interaction_payload, option
        from tests.generated import vocabulary

        words = vocabulary()
        rng = random.Random(1)

        def text() -> str:
            return " ".join(rng.choice(words) for _ in range(rng.randint(1, 4))) + str(rng.randint(0, 10**6))

        locales = ("en-US", "fr", "es-ES", "ru", "zh-CN")

        def payload() -> dict[str, object]:
            data = one_payload()
            data["locale"] = rng.choice(locales)  # every interface language, the bare bot's payloads too
            return data

        def one_payload() -> dict[str, object]:
            if kind != "bot":
                return interaction_payload("paragraph", [option("ref", text())])
            pick = rng.randrange(6)
            if pick == 0:
                return interaction_payload("paragraph", [option("ref", str(rng.randint(1, 17)))])
            if pick == 1:
                return interaction_payload("search", [option("query", text())])
            if pick == 2:
                return interaction_payload("paragraph", [option("ref", text(), focused=True)], autocomplete=True)
            if pick == 3:
                return interaction_payload("cite", [option("ref", f"{rng.randint(1, 15)}-17")])
            if pick == 4:
                return interaction_payload(
                    "Quote cited paragraphs", target=chat_message(f"see para {rng.randint(1, 20)} " + text())
                )
            return interaction_payload("paragraph", [option("ref", text())])

        for done in range(1, interactions + 1):
            data = payload()
            future = arrivals.expect(str(data["id"]))
            client._connection.parse_interaction_create(data)  # type: ignore[arg-type]
            await asyncio.wait_for(future, 10)
            if done % 10_000 == 0 or done == interactions:
                gc.collect()
                live = sys.getallocatedblocks()  # Python objects alive: what a leak or cache would grow
                print(json.dumps({"interactions": done, "rss_mb": rss_mb(), "blocks": live}), flush=True)
    else:
        print(json.dumps({"interactions": 0, "rss_mb": rss_mb()}), flush=True)
    await client.close()
    if storage is not None:
        await storage.close()  # its worker thread would keep the process alive
    await runner.cleanup()


def prepare() -> None:
    """Start both as a deployed bot restarts: from bytecode, with its database and its parse cache.

    discord.py's modules were compiled to bytecode when pip installed them; the bot's are compiled
    here too (PYTHONDONTWRITEBYTECODE, set on some machines, would have every start compile them
    again). One untimed start of each creates the database and the content's parse cache."""
    for folder in ("bot", "bench", "tests"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    DATABASE.unlink(missing_ok=True)
    run_child("bot", 0)
    run_child("bare", 0)


def run_child(kind: str, interactions: int) -> tuple[float, list[dict[str, float]], float, float]:
    started = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--interactions", str(interactions)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.splitlines()
    lines = [json.loads(line) for line in out if line.startswith("{")]
    first = lines[0]
    return (first["ready"] - started) * 1000, [first, *lines[1:]], first["languages_ms"], first["cpu_ms"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--interactions", type=int, default=50_000)
    parser.add_argument("--child", choices=("bot", "bare"))
    args = parser.parse_args()
    if args.child:
        asyncio.run(child(args.child, args.interactions))
        return 0
    prepare()
    bot_ms, bare_ms, languages_ms, bot_cpu, bare_cpu = [], [], [], [], []
    for _ in range(args.rounds):
        bare_ready_ms, _, _, bare_cpu_ms = run_child("bare", 0)
        bare_ms.append(bare_ready_ms)
        bare_cpu.append(bare_cpu_ms)
        ready_ms, _, first_use_ms, cpu_ms = run_child("bot", 0)
        bot_ms.append(ready_ms)
        bot_cpu.append(cpu_ms)
        languages_ms.append(first_use_ms)
    extra = statistics.median(bot_ms) - statistics.median(bare_ms)
    extra_cpu = statistics.median(bot_cpu) - statistics.median(bare_cpu)
    print("1. start-up: process start to ready to answer (medians of", args.rounds, "alternating runs)")
    print(
        f"   {len(DOCUMENTS)} documents ({', '.join(p.stem.removeprefix('a-res-') for p in DOCUMENTS)}) with their "
        "language versions, the 5 interface catalogues used once each"
    )
    print(
        f"   bare discord.py {statistics.median(bare_ms):.0f} ms; the bot {statistics.median(bot_ms):.0f} ms: "
        f"+{extra:.0f} ms (target ≤ +{TARGET_STARTUP_MS:.0f} ms); then, once ready, the other four interface "
        f"languages' first use {statistics.median(languages_ms):.0f} ms"
    )
    print(
        f"   CPU time to ready (less sensitive to other work on the machine): bare {statistics.median(bare_cpu):.0f} ms; "
        f"the bot {statistics.median(bot_cpu):.0f} ms: +{extra_cpu:.0f} ms"
    )
    _, (_, *bare), _, _ = run_child("bare", args.interactions)  # after the ready line: one line every 10,000
    _, (_, *bot), _, _ = run_child("bot", args.interactions)
    _, (bare_ready, bare_used), _, _ = run_child("bare", 0)
    _, (bot_ready, bot_used), _, _ = run_child("bot", 0)
    over_ready = bot_ready["rss_ready"] - bare_ready["rss_ready"]
    over_used = bot_used["rss_mb"] - bare_used["rss_mb"]
    over_end = bot[-1]["rss_mb"] - bare[-1]["rss_mb"]
    growth = bot[-1]["rss_mb"] - bot[0]["rss_mb"]
    print(f"2. memory (resident), {args.interactions:,} mixed interactions with random text")
    print(
        f"   at ready: bare {bare_ready['rss_ready']:.1f} MB, bot {bot_ready['rss_ready']:.1f} MB: +{over_ready:.1f} MB; "
        f"once the other four interface languages are used: +{over_used:.1f} MB"
    )
    print(
        f"   after 10,000: bare {bare[0]['rss_mb']:.1f} MB, bot {bot[0]['rss_mb']:.1f} MB; after {args.interactions:,}: "
        f"bare {bare[-1]['rss_mb']:.1f} MB, bot {bot[-1]['rss_mb']:.1f} MB: +{over_end:.1f} MB over the bare bot"
    )
    print(
        f"   the bot's growth from 10,000 to {args.interactions:,}: {growth:+.1f} MB (target ≤ {TARGET_GROWTH_MB} MB)"
    )
    curve = ", ".join(f"{line['rss_mb']:.1f}" for line in bot)
    blocks = bot[-1]["blocks"] - bot[0]["blocks"]
    print(f"   resident MB every 10,000: {curve}")
    print(
        f"   Python objects alive from 10,000 to {args.interactions:,}: {blocks:+,.0f} blocks "
        f"({blocks / bot[0]['blocks']:+.1%}; the bare bot {bare[-1]['blocks'] - bare[0]['blocks']:+,.0f})"
    )
    ok = (
        extra <= TARGET_STARTUP_MS
        and max(over_ready, over_used, over_end) <= TARGET_MEMORY_MB
        and growth <= TARGET_GROWTH_MB
    )
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
