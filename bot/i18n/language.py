"""Which language the bot speaks to whom: one pure function, the order written once."""

from __future__ import annotations

from enum import Enum

from bot.i18n.catalogue import SOURCE_LOCALE, catalogue_locale


class Audience(Enum):
    """Who reads an answer."""

    PERSON = "person"
    """The person who asked: a private (ephemeral) answer, or any answer outside a server."""
    SERVER = "server"
    """A server channel: a public answer there, or the daily post."""


def choose_locale(
    audience: Audience,
    *,
    chosen: str | None = None,
    discord_locale: str | None = None,
    server: str | None = None,
) -> str:
    """The catalogue locale for an answer.

    For the person: their `/settings language` choice, then their Discord client's language, then
    the server's `/settings server-language`, then English. For a server channel: the server's
    setting, then English, so that everyone in the channel reads the same language.
    Locales without a catalogue (Discord's German, say) are skipped, not fatal."""
    steps = (chosen, discord_locale, server) if audience is Audience.PERSON else (server,)
    for step in steps:
        served = catalogue_locale(step)
        if served is not None:
            return served
    return SOURCE_LOCALE
