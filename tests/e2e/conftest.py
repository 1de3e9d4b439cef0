"""End-to-end fixtures: the real Application polling the sandbox over real HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.demo.harness import Harness, running_harness


@pytest.fixture
async def harness(database_url: str) -> AsyncIterator[Harness]:
    async with running_harness(database_url=database_url) as running:
        yield running
