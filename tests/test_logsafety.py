"""Tokens never reach the logs, at any level."""

from __future__ import annotations

import logging

import pytest
from discord.http import Route

from bot.logsafety import REDACTED, RedactingFilter, install
from tests.conftest import DiscordEnv
from tests.fakediscord import BOT_TOKEN, option


@pytest.fixture
def captured() -> list[str]:
    return []


def emit(flt: RedactingFilter, message: str, *args: object, exc: BaseException | None = None) -> str:
    record = logging.LogRecord("discord.http", logging.DEBUG, __file__, 1, message, args, None)
    if exc is not None:
        record.exc_info = (type(exc), exc, exc.__traceback__)
    flt.filter(record)
    formatted = logging.Formatter("%(message)s").format(record)
    return formatted


def test_the_configured_token_is_redacted_from_messages_and_args() -> None:
    flt = RedactingFilter(("s3cret-token-value",))
    assert emit(flt, "token is %s", "s3cret-token-value") == f"token is {REDACTED}"


def test_anything_shaped_like_a_bot_token_is_redacted() -> None:
    assert BOT_TOKEN not in emit(RedactingFilter(), "Authorization: Bot %s", BOT_TOKEN)


def test_interaction_and_webhook_tokens_in_urls_are_redacted() -> None:
    flt = RedactingFilter()
    line = emit(
        flt,
        "POST https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQ/callback with {}",
    )
    assert "aW50ZXJhY3Rpb246" not in line and "/interactions/123/[redacted]/callback" in line
    hook = emit(
        flt, "PATCH https://discord.com/api/v10/webhooks/999/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQ/messages/@original"
    )
    assert "/webhooks/999/[redacted]/messages" in hook


def test_tokens_in_json_bodies_and_tracebacks_are_redacted() -> None:
    flt = RedactingFilter(("abc.def.ghi-secret",))
    assert "hunter2" not in emit(flt, '{"token": "hunter2"}')
    try:
        raise RuntimeError("failed with abc.def.ghi-secret")
    except RuntimeError as exc:
        assert "abc.def.ghi-secret" not in emit(flt, "boom", exc=exc)


def test_install_covers_every_root_handler(caplog: pytest.LogCaptureFixture) -> None:
    root = logging.getLogger()
    flt = install(("tok-en-123456",))
    try:
        assert all(flt in h.filters for h in root.handlers)
    finally:
        for handler in root.handlers:
            handler.removeFilter(flt)


async def test_debug_logs_of_a_real_command_never_show_a_token(
    env: DiscordEnv, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    flt = install((BOT_TOKEN,))
    try:
        await env.invoke("paragraph", [option("ref", "4")])
        await env.bot.http.request(Route("GET", "/users/@me"))  # the bot token travels in a header
    finally:
        for handler in logging.getLogger().handlers:
            handler.removeFilter(flt)
    text = caplog.text
    assert "/interactions/" in text  # discord.py did log the callback URL...
    assert "OnRva2VuLXNlY3JldC12YWx1ZQ" not in text  # ...without the interaction token
    assert BOT_TOKEN not in text
