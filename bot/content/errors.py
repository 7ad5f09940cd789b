"""The one error type for "the user asked for something that isn't there"."""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """A request that cannot be answered as asked: a catalogue message id and its arguments.

    The core never writes the sentence itself: the command layer formats `key` in the reader's
    language (`text(locale)`) and answers privately; the console and the logs use `message`
    (English). The message says why, and what works instead.
    """

    def __init__(self, key: str, /, **args: Any) -> None:
        self.key = key
        self.arguments = args
        super().__init__(key)

    def text(self, locale: str | None) -> str:
        """The message in `locale` (a Discord or catalogue locale), falling back to English."""
        from bot.i18n.catalogue import shipped_catalogues

        catalogues = shipped_catalogues()
        if not catalogues.has("en-US", self.key):
            # A key the catalogue lacks is shown as it is rather than failing the answer; every raise
            # in the package names a catalogue message (tests/i18n/test_user_errors.py checks).
            return self.key
        return catalogues.format(locale, self.key, **self.arguments)

    @property
    def message(self) -> str:
        return self.text(None)

    def __str__(self) -> str:
        return self.message
