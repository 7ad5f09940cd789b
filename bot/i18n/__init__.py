"""The interface in the reader's language: Fluent catalogues, which language to speak, and checks.

Discord-free, like bot.content: the core hands back message ids and arguments and formats them
here. Only bot.i18n.translator touches discord.py (the app_commands.Translator and the check of
what a sync would send)."""

from bot.i18n.catalogue import (
    LANGUAGE_NAMES,
    LOCALES,
    LOCALES_DIR,
    SOURCE_LOCALE,
    CatalogueProblems,
    Catalogues,
    catalogue_locale,
    load_catalogues,
    shipped_catalogues,
)
from bot.i18n.language import Audience, choose_locale

__all__ = [
    "LANGUAGE_NAMES",
    "LOCALES",
    "LOCALES_DIR",
    "SOURCE_LOCALE",
    "Audience",
    "CatalogueProblems",
    "Catalogues",
    "catalogue_locale",
    "choose_locale",
    "load_catalogues",
    "say",
]


def say(locale: str | None, message_id: str, attribute: str | None = None, /, **args: object) -> str:
    """A message of the shipped catalogues in `locale` (a Discord or catalogue locale), else English.

    What the replies use: the core hands back message ids and arguments, the edge says them."""
    return shipped_catalogues().format(locale, message_id, attribute, **args)
