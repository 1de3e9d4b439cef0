"""Discreet mode: every bot message in a discreet chat is deleted 24 hours after sending.

Telegram lets bots delete their messages for 48 hours, so a sweep every few minutes is enough.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from bot.clock import Clock
from bot.logs import ChatHasher
from bot.storage.deletions import KEEP_FOR, DeletionRepository

log = logging.getLogger(__name__)
BATCH = 100  # deleteMessages takes at most 100 ids

DeleteMessages = Callable[[int, list[int]], Awaitable[object]]


class DiscreetMode:
    """Remembers sent messages of discreet chats and deletes them when due."""

    def __init__(
        self, *, deletions: DeletionRepository, clock: Clock, hash_chat: ChatHasher
    ) -> None:
        self._deletions = deletions
        self._now = clock
        self._hash = hash_chat

    async def sent(self, *, chat_id: int, message_id: int) -> None:
        """Called for every message the bot sends."""
        await self._deletions.schedule_if_discreet(
            chat_id=chat_id, message_id=message_id, at=self._now() + KEEP_FOR
        )

    async def cancel(self, *, chat_id: int) -> None:
        """Discreet mode turned off: what was queued stays in the chat."""
        await self._deletions.cancel(chat_id=chat_id)

    async def sweep(self, *, delete_messages: DeleteMessages) -> int:
        """Delete every due message; returns how many rows were handled."""
        handled = 0
        for chat_id, message_ids in (await self._deletions.due(now=self._now())).items():
            for start in range(0, len(message_ids), BATCH):
                batch = message_ids[start : start + BATCH]
                try:
                    await delete_messages(chat_id, batch)
                except Exception as error:
                    # The caller turns final refusals (gone, blocked) into success; what
                    # reaches here is transient, so the rows stay for the next sweep.
                    log.warning("discreet sweep for %s: %s", self._hash(chat_id), error)
                    continue
                await self._deletions.remove(chat_id=chat_id, message_ids=batch)
                handled += len(batch)
        return handled
