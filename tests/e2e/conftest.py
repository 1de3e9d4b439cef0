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
        assert markup_shown(running) == [], "a reader saw markup as text"


SHOWN_MARKUP = ("<b>", "</b>", "<i>", "</a>", "&lt;", "&gt;", "&amp;", "&#")


def markup_shown(harness: Harness) -> list[str]:
    """Texts the bot delivered (sent or edited) in which a reader sees a tag or an entity
    literally: what the reader sees, after Telegram parsed the message."""
    return [
        (message.text or "")[:80]
        for chat in harness.sandbox.world.chats.values()
        for message in chat.messages
        if message.from_bot and any(mark in (message.text or "") for mark in SHOWN_MARKUP)
    ]
