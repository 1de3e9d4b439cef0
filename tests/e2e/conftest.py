"""End-to-end fixtures: the real Application polling the sandbox over real HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.demo.harness import Harness, running_harness


@pytest.fixture
async def harness(database_url: str) -> AsyncIterator[Harness]:
    """The bot on a fresh database; afterwards, no request of the bot may have been refused."""
    async with running_harness(database_url=database_url) as running:
        yield running
        assert running.sandbox.server.errors == [], "the sandbox refused requests of the bot"
