"""The gateway connection closes the ways Discord closes it, and the bot answers on the other side."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
import yarl
from discord.gateway import DiscordWebSocket

from tests.cogs.test_reading import message
from tests.conftest import DiscordEnv
from tests.fakediscord import interaction_payload, option
from tests.fakegateway import FakeGateway


@pytest.fixture
async def gateway(env: DiscordEnv, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeGateway]:
    fake = FakeGateway()
    url = await fake.start()
    monkeypatch.setattr(DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(url))
    env.server.gateway_url = url  # the sharded client asks GET /gateway/bot where to connect
    connection = asyncio.create_task(env.bot.connect(reconnect=True))
    try:
        await fake.established()
        yield fake
    finally:
        await env.bot.close()
        with contextlib.suppress(Exception, asyncio.CancelledError):
            await asyncio.wait_for(connection, 5)
        await fake.stop()


async def answered_over_the_gateway(env: DiscordEnv, gateway: FakeGateway, ref: str) -> str:
    payload = interaction_payload("paragraph", [option("ref", ref)])
    await gateway.dispatch("INTERACTION_CREATE", payload)
    sent = await env.server.wait_for(lambda r: r.path.startswith(f"/interactions/{payload['id']}/"))
    return str(message(sent)["embeds"][0]["title"])


@pytest.mark.parametrize(
    ("close", "resumed"),
    [(1000, True), (1006, True), (4000, True), (4009, False)],
)
async def test_the_bot_survives_a_gateway_close(
    env: DiscordEnv, gateway: FakeGateway, close: int, resumed: bool
) -> None:
    assert gateway.identifies == 1
    assert await answered_over_the_gateway(env, gateway, "4") == "A/RES/62/152 · operative paragraph 4"
    if close == 1006:
        gateway.drop()
    else:
        if close == 4009:
            gateway.session_valid = False  # Discord: the session timed out
        await gateway.close(close)
    await gateway.established(timeout=20)  # after 4009 discord.py waits 5 s before identifying again
    if resumed:
        assert (gateway.resumes, gateway.identifies) == (1, 1)
    else:
        assert (gateway.invalidated, gateway.identifies) == (1, 2)
    assert await answered_over_the_gateway(env, gateway, "5") == "A/RES/62/152 · operative paragraph 5"
