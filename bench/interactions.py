"""What the bot adds to discord.py's own cost of answering an interaction.

From a raw INTERACTION_CREATE handed to discord.py to the answer arriving at a local
server, for every command, autocomplete, a button click and the message command,
against a baseline on the same stack: a bare discord.py client whose one command
replies with a fixed embed, and whose one persistent button answers a click with the
same embed (clicks are compared with its clicks, on a message of the same shape, as
discord.py parses the whole clicked message before either bot sees the click). The two alternate, round by round;
medians and 99th percentiles are printed as ratios. Target: median <= 1.25x, p99 <= 1.25x.

With `--locale fr` (or zh-CN, es-ES, ru, en-US) every interaction carries that Discord locale, the
library adds A/RES/78/216 in its six languages (the default document, so the official text is served
in the reader's language too), and the typed words are the reader's. Before timing, the answers are
checked to be in that language: the bench fails rather than time an English answer.

    python bench/interactions.py [--rounds 400] [--locale fr]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.localserver import Arrivals, serve  # noqa: E402
from bot.client import ResolutionBot  # noqa: E402
from bot.content.library import load_library  # noqa: E402
from bot.i18n import LOCALES, say  # noqa: E402
from bot.memory import pause_collection  # noqa: E402
from bot.storage.sqlite import SQLiteStorage  # noqa: E402
from tests.fakediscord import (  # noqa: E402
    BOT_ID,
    CHANNEL_ID,
    chat_message,
    component_payload,
    interaction_payload,
    message_payload,
    option,
    user_payload,
)

TARGET_MEDIAN = 1.25  # issue 14: every command and button within 1.25x the baseline's median
TARGET_P99 = 1.25

SIX_LANGUAGES = ROOT / "content" / "a-res-78-216.yaml"  # its .fr/.zh/… versions load beside it


@dataclass(frozen=True)
class Words:
    """What a reader of one language types: searches, autocomplete prefixes, a message they quote."""

    search: str
    phrase: str
    typo: str  # a misspelt or partial word: the slowest kind of search
    typed: str  # typed into /paragraph's autocomplete
    addressee: str  # typed into /summary's autocomplete
    quote: str  # a message with references, for "Quote cited paragraphs"
    content: str  # the language of the official text served (undocs.org/<content>/…)
    typo_note: str = "typo"


WORDS = {
    None: Words(
        "impunity",
        '"freedom of expression"',
        "impunty",
        "terror",
        "sec",
        "I disagree with para 7; see ¶¶ 4–5 and fn 5",
        "en",
    ),
    "en-US": Words(
        "impunity",
        '"freedom of expression"',
        "impunty",
        "defenders",
        "sta",
        "I disagree with para 7; see ¶¶ 4–5 and fn 5",
        "en",
    ),
    "fr": Words(
        "impunité",
        '"liberté d’expression"',
        "impunite",
        "défenseurs",
        "éta",
        "Relisez le paragraphe 7 ; voir les paragraphes 4 et 5 et la note 5",
        "fr",
    ),
    "es-ES": Words(
        "impunidad",
        '"libertad de expresión"',
        "impunidd",
        "defensores",
        "est",
        "Véanse los párrafos 4 y 5 y el párrafo 7",
        "es",
    ),
    "ru": Words(
        "безнаказанность",
        '"свободу выражения"',
        "безнаказаность",
        "правозащитник",
        "гос",
        "См. пункты 4 и 5 и пункт 7",
        "ru",
    ),
    "zh-CN": Words("有罪不罚", '"言论自由"', "护", "维护", "国", "我不同意第7段；见第4至5段", "zh", "one character"),
}


FIXED = discord.Embed(title="A/RES/62/152 · operative paragraph 4", description="x" * 300)
BASE_BUTTON = "base:next"


class BaselineView(discord.ui.View):
    """A fixed-embed bot's button: a click edits the message to the same fixed embed."""

    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Next", custom_id=BASE_BUTTON)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button[BaselineView]) -> None:
        await interaction.response.edit_message(embed=FIXED, view=self)


class Baseline(discord.Client):
    """The least a discord.py bot can do: one command that replies with a fixed embed, and one
    persistent button that answers a click with the same embed."""

    def __init__(self) -> None:
        super().__init__(intents=discord.Intents.none())
        self.tree = app_commands.CommandTree(self)

        @self.tree.command(name="paragraph", description="fixed")
        async def paragraph(interaction: discord.Interaction, ref: str) -> None:
            await interaction.response.send_message(embed=FIXED)

    async def setup_hook(self) -> None:
        self.add_view(BaselineView())


async def timed(client: discord.Client, arrivals: Arrivals, payload: dict[str, Any]) -> float:
    future = arrivals.expect(payload["id"])
    start = time.perf_counter()
    client._connection.parse_interaction_create(payload)  # type: ignore[arg-type]
    return (await asyncio.wait_for(future, 10)) - start


def cases(bot_message: Callable[[], dict[str, Any]], words: Words) -> dict[str, Callable[[], dict[str, Any]]]:
    def slash(name: str, *options: dict[str, Any], **kw: Any) -> Callable[[], dict[str, Any]]:
        return lambda: interaction_payload(name, list(options), **kw)

    return {
        "/paragraph 4": slash("paragraph", option("ref", "4")),
        "/paragraph 1-17": slash("paragraph", option("ref", "1-17")),
        "/footnote 5": slash("footnote", option("number", "5")),
        f"/search {words.search}": slash("search", option("query", words.search)),
        f"/search {words.phrase}": slash("search", option("query", words.phrase)),
        f"/search {words.typo} ({words.typo_note})": slash("search", option("query", words.typo)),
        "/summary all": slash("summary", option("addressee", "all")),
        "/cite 4-6 bluebook quote": slash(
            "cite", option("ref", "4-6"), option("style", "bluebook"), {"name": "quote", "type": 5, "value": True}
        ),
        f"autocomplete /paragraph {words.typed}": slash(
            "paragraph", option("ref", words.typed, focused=True), autocomplete=True
        ),
        "autocomplete /paragraph pp1": slash("paragraph", option("ref", "pp1", focused=True), autocomplete=True),
        "autocomplete /cite 4": slash("cite", option("ref", "4", focused=True), autocomplete=True),
        "autocomplete /footnote": slash("footnote", option("number", "", focused=True), autocomplete=True),
        f"autocomplete /summary {words.addressee}": slash(
            "summary", option("addressee", words.addressee, focused=True), autocomplete=True
        ),
        "button Next": bot_message,
        "Quote cited paragraphs": lambda: interaction_payload(
            "Quote cited paragraphs", target=chat_message(words.quote)
        ),
    }


def in_locale(make: Callable[[], dict[str, Any]], locale: str | None) -> Callable[[], dict[str, Any]]:
    """Payloads as a Discord client set to `locale` sends them (none: the field left out, as before)."""
    if locale is None:
        return make

    def made() -> dict[str, Any]:
        payload = make()
        payload["locale"] = locale
        return payload

    return made


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=400)
    parser.add_argument("--locale", choices=LOCALES, help="the Discord locale every interaction carries")
    args = parser.parse_args(argv)
    locale: str | None = args.locale
    words = WORDS[locale]
    arrivals = Arrivals()
    runner, discord.http.Route.BASE = await serve(arrivals.handle)
    paths = [ROOT / "content" / "a-res-62-152.yaml"]
    default = None
    if locale is not None:  # the official text in the reader's language: a six-language default document
        paths.append(SIX_LANGUAGES)
        default = "A/RES/78/216"
    # As `python -m bot run` starts: the cyclic collector paused until the bot has logged in, which then
    # freezes what start-up made (bot/memory.py). Both bots share this process and its heap.
    pause_collection()
    library = load_library(paths, default)
    storage = await SQLiteStorage.open(":memory:")
    bot = ResolutionBot(library, storage, run_scheduler=False)
    baseline = Baseline()
    await bot.login("bench.token.value")
    await baseline.login("bench.token.value")
    # A message with the bot's buttons, as a /paragraph 4 reply carries them.
    await timed(bot, arrivals, in_locale(lambda: interaction_payload("paragraph", [option("ref", "4")]), locale)())
    shown = message_payload(CHANNEL_ID, arrivals.last_message, author=user_payload(BOT_ID, "bot", bot=True))
    next_label = say(locale, "read-button-next")
    next_id = next(
        c["custom_id"]
        for row in arrivals.last_message["components"]
        for c in row["components"]
        if c.get("label") == next_label
    )
    # The baseline is clicked on a message of the same shape as the bot's (Discord sends the whole
    # message with a click, and discord.py reads all of it): the bot's reply, its Next button
    # carrying the baseline's custom_id. What differs is then only what each bot does.
    base_data = json.loads(json.dumps(arrivals.last_message))
    for row in base_data["components"]:
        for component in row["components"]:
            if component.get("custom_id") == next_id:
                component["custom_id"] = BASE_BUTTON
    base_shown = message_payload(CHANNEL_ID, base_data, author=user_payload(BOT_ID, "bot", bot=True))

    # The baseline's payloads carry the same locale: discord.py parses it for both.
    base_command = in_locale(lambda: interaction_payload("paragraph", [option("ref", "4")]), locale)
    base_click = in_locale(lambda: component_payload(base_shown, BASE_BUTTON), locale)

    rows = []
    ok = True
    try:
        table = {
            name: in_locale(make, locale)
            for name, make in cases(lambda: component_payload(shown, next_id), words).items()
        }
        answers = {}
        for name, make in table.items():
            await timed(bot, arrivals, make())
            answers[name] = arrivals.last_body
        checked = check_language(answers, locale, words)
        for name, make in table.items():
            base = base_click if name.startswith("button") else base_command
            base_samples, samples = [], []
            for _ in range(20):  # warm-up
                await timed(baseline, arrivals, base())
                await timed(bot, arrivals, make())
            for _ in range(args.rounds):
                base_samples.append(await timed(baseline, arrivals, base()))
                samples.append(await timed(bot, arrivals, make()))
            median = statistics.median(samples) / statistics.median(base_samples)
            p99 = _p99(samples) / _p99(base_samples)
            ok = ok and median <= TARGET_MEDIAN and p99 <= TARGET_P99
            rows.append((name, statistics.median(samples) * 1000, median, _p99(samples) * 1000, p99))
    finally:
        await bot.close()
        await baseline.close()
        await storage.close()
        await runner.cleanup()
    where = "" if locale is None else f", Discord locale {locale}"
    print(f"Interaction cost: raw INTERACTION_CREATE -> answer at a local server ({args.rounds} rounds each{where})")
    print("   baseline: bare discord.py, a fixed embed for a command, the same embed for a button click")
    if checked:
        print(f"   {checked}")
    print(f"   {'command':36} {'median ms':>9} {'ratio':>6} {'p99 ms':>8} {'ratio':>6}")
    for name, med, ratio, p99_ms, p99_ratio in rows:
        print(f"   {_pad(name, 36)} {med:9.3f} {ratio:6.2f} {p99_ms:8.3f} {p99_ratio:6.2f}")
    print(f"   targets: median ≤ {TARGET_MEDIAN}x, p99 ≤ {TARGET_P99}x — {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


class NotInLocale(AssertionError):
    """An answer of a --locale run is not in that language: its timings would measure English."""


def check_language(answers: dict[str, Any], locale: str | None, words: Words) -> str:
    """Raise NotInLocale unless the answers are in `locale`; say what was checked (nothing without one).

    Every answer must have been sent (no error reply); /paragraph 4 must carry the catalogue's title
    and buttons in that language and the official text in that language; the other answers must not
    carry the English forms of those (a fallback to English shows there first)."""
    if locale is None:
        return ""
    errors = [name for name, body in answers.items() if not isinstance(body, dict) or body.get("type") not in (4, 7, 8)]
    if errors:
        raise NotInLocale(f"{locale}: no answer for {errors}")
    paragraph = answers["/paragraph 4"]["data"]
    (embed,) = paragraph["embeds"]
    title = embed["title"]
    labels = [c.get("label") for row in paragraph["components"] for c in row["components"]]
    expected_labels = [say(locale, "read-button-previous"), say(locale, "read-button-next")]
    official = f"undocs.org/{words.content}/"
    problems = []
    if not all(label in labels for label in expected_labels):
        problems.append(f"buttons {labels}, not {expected_labels}")
    if official not in embed.get("footer", {}).get("text", ""):
        problems.append(f"official text not from {official}: {embed.get('footer')}")
    if locale != "en-US":
        english = ("operative paragraph", "preambular paragraph", '"label": "Next"', '"label": "Previous"')
        for name, body in answers.items():
            text = json.dumps(body, ensure_ascii=False)
            problems += [f"{name}: English {word!r}" for word in english if word in text]
        if "operative paragraph" in title or title == "A/RES/78/216 · operative paragraph 4":
            problems.append(f"title {title!r}")
    if problems:
        raise NotInLocale(f"{locale}: " + "; ".join(problems))
    none_english = "" if locale == "en-US" else f"; no English button or paragraph label in the {len(answers)} answers"
    return (
        f"answers checked in {locale}: /paragraph 4 is «{title}», buttons «{expected_labels[0]}»/«{expected_labels[1]}», "
        f"official text from {official}{none_english}"
    )


def _pad(text: str, width: int) -> str:
    """Left-justify by display width (a CJK character takes two columns)."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - shown)


def _p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
