"""Which language the bot speaks: the order of the issue, as one pure function."""

from __future__ import annotations

import pytest

from bot.i18n import Audience, choose_locale

PERSON, SERVER = Audience.PERSON, Audience.SERVER


@pytest.mark.parametrize(
    ("chosen", "discord_locale", "server", "expected"),
    [
        ("ru", "fr", "zh-CN", "ru"),  # 1. the person's own choice wins
        (None, "fr", "zh-CN", "fr"),  # 2. then their Discord language
        (None, "es-419", None, "es-ES"),  # (Latin-American Spanish reads the Spanish catalogue)
        (None, "de", "zh-CN", "zh-CN"),  # 3. a language without a catalogue: the server's
        (None, "de", None, "en-US"),  # 4. English
        (None, "en-GB", "ru", "en-US"),  # British English is English: the server's setting does not apply
    ],
)
def test_a_persons_own_answers(chosen: str | None, discord_locale: str, server: str | None, expected: str) -> None:
    assert choose_locale(PERSON, chosen=chosen, discord_locale=discord_locale, server=server) == expected


@pytest.mark.parametrize(
    ("chosen", "discord_locale", "server", "expected"),
    [
        ("ru", "fr", "zh-CN", "zh-CN"),  # everyone in the channel reads the server's language
        ("ru", "fr", None, "en-US"),  # no server language: English, whoever asked
    ],
)
def test_public_answers_and_daily_posts(
    chosen: str | None, discord_locale: str, server: str | None, expected: str
) -> None:
    assert choose_locale(SERVER, chosen=chosen, discord_locale=discord_locale, server=server) == expected


def test_a_stored_language_that_is_no_longer_shipped_is_skipped() -> None:
    assert choose_locale(PERSON, chosen="xx", discord_locale="fr") == "fr"
