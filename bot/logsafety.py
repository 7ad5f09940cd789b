"""Keep secrets out of logs at every level.

discord.py at DEBUG logs request bodies and webhook URLs, and interaction
follow-up URLs carry the interaction token. A filter on every handler
rewrites each record before it is formatted: the bot token, anything shaped
like a bot token, and the token segment of webhook/interaction URLs.
"""

from __future__ import annotations

import logging
import re

REDACTED = "[redacted]"
_URL_TOKENS = re.compile(r"(/(?:webhooks|interactions)/\d+/)[A-Za-z0-9_.\-]{16,}")
# Bot tokens: base64 id . timestamp . hmac
_BOT_TOKEN = re.compile(r"[A-Za-z0-9_\-]{23,28}\.[A-Za-z0-9_\-]{6,7}\.[A-Za-z0-9_\-]{27,}")
_JSON_TOKEN = re.compile(r"""(["']token["']\s*:\s*["'])[^"']+""")


class RedactingFilter(logging.Filter):
    """Replaces secrets in a record's final message; never drops a record."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self._secrets = tuple(s for s in secrets if s)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        text = _URL_TOKENS.sub(rf"\1{REDACTED}", text)
        text = _BOT_TOKEN.sub(REDACTED, text)
        return _JSON_TOKEN.sub(rf"\1{REDACTED}", text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is the logger's problem, not a leak
            return True
        clean = self.redact(message)
        if clean != message or record.args:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        return True


def install(secrets: tuple[str, ...] = ()) -> RedactingFilter:
    """Attach the filter to every handler of the root logger (call after logging is set up)."""
    flt = RedactingFilter(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(flt)
    return flt
