"""Issue 17, "Measure": every command under each interface locale, through the real tree as Discord
drives it, leaves no English behind where a translation exists, and stays within Discord's limits.

The library here is the three resolutions the UN published in all six languages, so every word of
official text is in the reader's language too: English that remains is the interface's. Two
checks on every string the bot sends (content, embeds, button labels):
- no English sentence of the catalogues whose translation differs (a message not passed through
  the reader's catalogue);
- no English function words outside code spans, links and legal-style citations (a sentence
  written in the code rather than in a catalogue).

Some answers carry data that exists in English only, and say so: /compare and /trace compare the
English texts (their redlines, the instruments and footnotes they list), and addressees are named
as the English document names them. For those, the checks read the interface around the data:
titles, field names, footers and buttons.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.content.library import Library, load_library
from bot.i18n.catalogue import SOURCE_LOCALE, shipped_catalogues, texts
from tests.cogs.test_reading import assert_within_discord_limits
from tests.conftest import CONTENT, START, DiscordEnv, close_env, make_env
from tests.fakediscord import GUILD_ID, component_problems, interaction_payload, option

CONTENT_DIR = CONTENT.parent
LOCALES = ("fr", "es-ES", "ru", "zh-CN")
SIX_LANGUAGES = ("a-res-78-216.yaml", "a-res-76-174.yaml", "a-res-74-146.yaml")


def sub(name: str, options: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    return [{"name": name, "type": 1, "options": options or []}]


# (command, options): every command and subcommand a member can run, and the commonest errors.
# Those in ENGLISH_DATA show data the library has in English only (see above).
COMMANDS: tuple[tuple[str, list[dict[str, Any]]], ...] = (
    ("paragraph", [option("ref", "5")]),
    ("paragraph", [option("ref", "PP 2-3")]),
    ("paragraph", [option("ref", "4-16")]),  # more than one reply holds: buttons
    ("paragraph", [option("ref", "999")]),  # error
    ("paragraph", [option("ref", "art. 12")]),  # error: this text has no annex
    ("footnote", [option("number", "1")]),
    ("footnote", [option("number", "99")]),  # error
    ("summary", []),
    ("summary", [option("addressee", "all")]),
    ("summary", [option("addressee", "nobody-at-all")]),  # error
    ("search", [option("query", "xqzv")]),  # nothing found
    ("cite", [option("ref", "5")]),
    ("cite", [option("ref", "5"), option("quote", True)]),
    ("cite", [option("ref", "999")]),  # error
    ("about", []),
    ("help", []),
    ("library", []),
    ("compare", [option("from", "76/174"), option("to", "78/216")]),
    ("compare", [option("from", "76/174"), option("to", "78/216"), option("paragraph", "op 5")]),
    ("compare", [option("from", "76/174"), option("to", "1/1")]),  # error
    ("trace", [option("text", "78/216 op 5")]),
    ("daily", sub("status")),
    ("daily", sub("preview")),
    ("daily", sub("stop")),  # nothing to stop
    ("settings", sub("citation-style")),
    ("settings", sub("document")),
    ("settings", sub("language")),
    ("settings", sub("server-language")),
)
ENGLISH_DATA = {("summary", "all"), ("summary", "nobody-at-all"), ("compare", None), ("trace", None)}


def english_data(command: str, options: list[dict[str, Any]]) -> bool:
    values = {o.get("value") for o in options}
    return (command, None) in ENGLISH_DATA or any((command, v) in ENGLISH_DATA for v in values)


# English words that are never French, Spanish, Russian or Chinese (whole words, any case).
ENGLISH_WORDS = re.compile(
    r"\b(the|and|of|is|are|this|that|with|your|you|not|was|have|which|from|here|there|been|will)\b", re.I
)
# What may stay English in any language: code to type, links, mentions and timestamps, and the
# legal citation styles (Bluebook, OSCOLA, AGLC), which are English by definition.
KEPT = re.compile(r"`[^`]*`|https?://\S+|<[#@t:][^>]*>|G\.A\. Res\.[^\n]*|UNGA Res[^\n]*|GA Res[^\n]*")


@pytest.fixture(scope="module")
def six() -> Library:
    return load_library([CONTENT_DIR / name for name in SIX_LANGUAGES], "A/RES/78/216")


@pytest.fixture
async def env(six: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AsyncIterator[DiscordEnv]:
    environment = await make_env(six, monkeypatch, tmp_path / "bot.sqlite3")
    try:
        yield environment
    finally:
        await close_env(environment)


def strings(data: dict[str, Any], *, chrome_only: bool = False) -> Iterator[str]:
    """Every string of a message a reader sees (with `chrome_only`, the interface around the data)."""
    if data.get("content") and not chrome_only:
        yield data["content"]
    for embed in data.get("embeds") or []:
        for key in ("title",) if chrome_only else ("title", "description"):
            if embed.get(key):
                yield embed[key]
        for field in embed.get("fields") or []:
            yield field["name"]
            if not chrome_only:
                yield field["value"]
        if (embed.get("footer") or {}).get("text"):
            yield embed["footer"]["text"]
        if (embed.get("author") or {}).get("name"):
            yield embed["author"]["name"]
    for row in data.get("components") or []:
        for component in row.get("components") or []:
            if component.get("label"):
                yield component["label"]
            for choice in component.get("options") or []:
                yield choice["label"]


def english_sentences(locale: str) -> list[str]:
    """The English catalogue's phrases (three words or more) whose message `locale` translates."""
    catalogues = shipped_catalogues()
    english, translated = catalogues.entries(SOURCE_LOCALE), catalogues.entries(locale)
    phrases: set[str] = set()
    for key, entry in english.items():
        other = translated.get(key)
        if other is None:
            continue
        theirs = " ".join(texts(other.pattern))
        for text in texts(entry.pattern):
            for piece in re.split(r"[`*\n]|\{|\}", text):
                piece = piece.strip(" .,:;()—–-")
                if len(piece.split()) >= 3 and piece not in theirs:
                    phrases.add(piece)
    return sorted(phrases, key=len, reverse=True)


def leftovers(locale: str, data: dict[str, Any], *, chrome_only: bool = False) -> list[str]:
    found = []
    sentences = english_sentences(locale)
    for text in strings(data, chrome_only=chrome_only):
        for phrase in sentences:
            if phrase in text:
                found.append(f"catalogue English “{phrase}” in: {text[:120]!r}")
        bare = KEPT.sub(" ", text)
        words = ENGLISH_WORDS.findall(bare)
        if len(words) >= 2:
            found.append(f"English words {words[:6]} in: {bare[:160]!r}")
    return found


async def answer(env: DiscordEnv, command: str, options: list[dict[str, Any]], locale: str) -> dict[str, Any]:
    await env.storage.set_server_language(GUILD_ID, locale, now=START)  # a server that speaks it, too
    payload = interaction_payload(command, options)
    payload["locale"] = locale
    payload["guild_locale"] = locale
    sent = await env.dispatch(payload)
    assert sent.json["type"] in (4, 5), sent.json
    if sent.json["type"] == 5:  # deferred: the answer is the follow-up
        follow = await env.server.wait_for(lambda r: r.path.startswith("/webhooks/") and r.method == "POST")
        return follow.json
    data: dict[str, Any] = sent.json["data"]
    return data


@pytest.mark.parametrize("locale", LOCALES)
async def test_every_command_answers_in_the_readers_language_and_within_discords_limits(
    env: DiscordEnv, locale: str
) -> None:
    problems: list[str] = []
    for command, options in COMMANDS:
        data = await answer(env, command, options, locale)
        assert data.get("allowed_mentions") == {"parse": []}, (command, options)
        assert component_problems(data) == [], (command, options)
        assert_within_discord_limits(data)
        label = f"/{command} " + " ".join(
            f"{o['name']}:{o.get('value', '')}" if "value" in o else o["name"] for o in options
        )
        chrome_only = english_data(command, options)
        problems += [f"{label}: {p}" for p in leftovers(locale, data, chrome_only=chrome_only)]
    assert problems == [], "\n".join(problems)


def test_the_check_finds_english_left_in_a_french_reply() -> None:
    """The check itself: an English sentence of the catalogues, or English written in the code."""
    english = next(iter(english_sentences("fr")))
    assert leftovers("fr", {"content": f"Voici : {english}."})
    assert leftovers("fr", {"embeds": [{"title": "Showing the paragraph you asked for"}]})
    assert not leftovers("fr", {"content": "Tapez `/paragraph ref:the third preambular paragraph` ici."})
    assert not leftovers("fr", {"embeds": [{"description": "4. *Exhorte* les États à redoubler d’efforts"}]})
