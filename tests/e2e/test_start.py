"""The bot answers over real HTTP through the sandbox."""

from __future__ import annotations

from bot.demo.harness import Harness


async def test_start_gets_an_answer(harness: Harness) -> None:
    user = harness.sandbox.user(language_code="ru")
    user.send("/start")
    await harness.settle()
    assert user.last_text() != ""
    assert harness.sandbox.server.errors == []
