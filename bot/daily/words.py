"""What the daily posts say to people, in the reader's language: catalogue ids and arguments
(bot/i18n/locales/*/daily.ftl), said when shown.

A `Phrase` is a message id with its arguments. It *is* its English text (a `str`), so the log,
`Delivery.error` and every place that only wants words go on as before; `said(locale)` gives it in
another language. What the scheduler keeps for /daily status (a failure, a pause, a notice) is kept
as `stored(phrase)`, the id and arguments in JSON, and `shown(text, locale)` says it in the reader's
language when /daily status is asked for. Rows written before this (plain English) are shown as
they are.

Arguments may be numbers, text, dates (said in the locale's words), other phrases, and lists of
phrases (joined in the locale's way)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from bot.content.errors import UserError
from bot.i18n import say

PREFIX = "daily-"
_ID, _ARGS, _DATE = "daily", "args", "date"


def day_words(locale: str | None, day: dt.date) -> str:
    """A date as the post's header and /daily status write it: "28 November 2026", "2026年11月28日"."""
    # The year as text: a number would be grouped ("2,026").
    return say(locale, "daily-date", day=day.day, month=day.month, year=str(day.year))


def _said(value: object, locale: str | None) -> object:
    if isinstance(value, Phrase):
        return value.said(locale)
    if isinstance(value, dt.date):
        return day_words(locale, value)
    if isinstance(value, (list, tuple)):
        return say(locale, "daily-list-separator").join(str(_said(v, locale)) for v in value)
    return value


class Phrase(str):
    """A message of the daily catalogue with its arguments; as a `str`, its English text."""

    key: str
    args: Mapping[str, Any]

    def __new__(cls, key: str, /, **args: Any) -> Phrase:
        self = super().__new__(cls, _format(None, key, args))
        self.key = key
        self.args = args
        return self

    def said(self, locale: str | None) -> str:
        """The phrase in `locale` (a Discord or catalogue locale), else in English."""
        return _format(locale, self.key, self.args)

    def __reduce__(self) -> tuple[Any, ...]:  # a str subclass with a keyword constructor: pickle it by its parts
        return (_rebuild, (self.key, dict(self.args)))


def _rebuild(key: str, args: dict[str, Any]) -> Phrase:
    return Phrase(key, **args)


def _format(locale: str | None, key: str, args: Mapping[str, Any]) -> str:
    return say(locale, key, **{name: _said(value, locale) for name, value in args.items()})


class PhraseError(UserError):
    """A `UserError` whose arguments include phrases or lists of them (permission names), said in
    the reader's language too."""

    def text(self, locale: str | None) -> str:
        return _format(locale, self.key, self.arguments)


def said(text: str, locale: str | None) -> str:
    """Words in `locale`: a phrase is said there; any other text is shown as it is."""
    return text.said(locale) if isinstance(text, Phrase) else text


# -- kept for /daily status ------------------------------------------------------------------------


def stored(text: str) -> str:
    """How words are kept in storage: a phrase as its id and arguments (JSON), other text as it is."""
    if not isinstance(text, Phrase):
        return text
    return json.dumps(_encode(text), ensure_ascii=False, separators=(",", ":"))


def _encode(value: object) -> object:
    if isinstance(value, Phrase):
        return {_ID: value.key, _ARGS: {name: _encode(v) for name, v in value.args.items()}}
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict):
        if _DATE in value:
            return dt.date.fromisoformat(value[_DATE])
        key, args = value[_ID], value.get(_ARGS, {})
        if not (isinstance(key, str) and key.startswith(PREFIX) and isinstance(args, dict)):
            raise ValueError(f"not a daily phrase: {key!r}")
        return Phrase(key, **{name: _decode(v) for name, v in args.items()})
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def restored(text: str) -> str:
    """Kept words back: a `Phrase` when they were kept as one, else the text as it is (an older row,
    written in English, or a message whose id a later version no longer has)."""
    if not text.startswith('{"' + _ID + '"'):
        return text
    try:
        phrase = _decode(json.loads(text))
    except (ValueError, KeyError, TypeError, LookupError):
        return text
    return phrase if isinstance(phrase, Phrase) else text


def shown(text: str, locale: str | None) -> str:
    """Kept words as /daily status shows them, in `locale`."""
    return said(restored(text), locale)
