"""How updates are processed: several chats at once, each chat's updates in order.

A chat's answer may wait for its pacing at Telegram (about one message a second): with one update
at a time, everyone else would wait too. So updates of different chats run side by side, and
the updates of one chat still run one after another (a double tap is handled twice, in order).
Each update is timed for /metrics, and reported handled to the ledger (polling confirms it to
Telegram only then).
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import SimpleUpdateProcessor

from bot.metrics import Metrics
from bot.telegram.polling import Ledger

CONCURRENT_UPDATES = 64


class ChatOrderedUpdates(SimpleUpdateProcessor):
    """Up to CONCURRENT_UPDATES at once; one at a time per chat."""

    def __init__(self, metrics: Metrics, ledger: Ledger | None = None) -> None:
        super().__init__(max_concurrent_updates=CONCURRENT_UPDATES)
        self._metrics = metrics
        self.ledger = ledger or Ledger()
        self._chats: dict[int | None, tuple[asyncio.Lock, int]] = {}
        self.leaving = False

    def leave_the_rest(self) -> None:
        """Stopping: updates not yet started are left to the next process (never reported
        handled, so polling does not confirm them); the ones under way finish."""
        self.leaving = True

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if self.leaving:
            _discard(coroutine)
            return
        chat = update.effective_chat if isinstance(update, Update) else None
        user = update.effective_user if isinstance(update, Update) else None
        # Inline queries have no chat: one person's are kept in order, others run beside.
        key = chat.id if chat is not None else (user.id if user is not None else None)
        lock, users = self._chats.get(key, (asyncio.Lock(), 0))
        self._chats[key] = (lock, users + 1)
        handled = False
        try:
            async with lock:
                if self.leaving:  # it waited for its chat's earlier update meanwhile
                    _discard(coroutine)
                    return
                handled = True
                started = time.monotonic()
                try:
                    await super().do_process_update(update, coroutine)
                finally:
                    self._metrics.update_processed(time.monotonic() - started)
        finally:
            if handled and isinstance(update, Update):
                self.ledger.handled(update.update_id)
            lock, users = self._chats[key]
            if users == 1:
                del self._chats[key]  # no one else of this chat is waiting
            else:
                self._chats[key] = (lock, users - 1)


def _discard(coroutine: Awaitable[Any]) -> None:
    """Close an update's coroutine that will not run (no "never awaited" warning)."""
    if inspect.iscoroutine(coroutine):
        coroutine.close()
