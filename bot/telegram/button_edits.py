"""Buttons taken away after a press ("I understand" goes once counted), made in press order
within the budget, after every other message.

A flood of presses outruns the free lane (300 presses a second, 28 edits): what waits must be
small. Each waiting edit is two ids and a key here, and the keyboard of each advisory and
language is built once; a task and a keyboard a press, as before, kept 20,000 objects alive
behind a flood, and the collector's full passes over them stalled the bot for up to 200 ms
every second or so, the paid broadcast with it.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Callable, Mapping

from telegram import InlineKeyboardMarkup
from telegram.error import TelegramError
from telegram.ext import ExtBot

from bot.delivery.budget import Priority

log = logging.getLogger(__name__)
KEY = "button-edits"  # where the process's queue lives in bot_data (a stop drops what waits)
WAITING = 2_000  # edits that may wait: over a minute at 28 a second; past it the button stays
WORKERS = 3  # edits asked for at once: enough to keep the lane busy while one is answered

Key = tuple[str, str]  # advisory id, language
Rows = Callable[[], list[list[dict[str, str]]]]


class ButtonEdits:
    """A bounded queue of "take this button away" edits and the few tasks that make them."""

    def __init__(self, bot: ExtBot[int]) -> None:
        self._bot, self.waiting = bot, WAITING
        self._queue: OrderedDict[tuple[int, int], Key] = OrderedDict()
        self._keyboards: dict[Key, InlineKeyboardMarkup] = {}
        self._ready = asyncio.Event()
        self._workers: list[asyncio.Task[None]] = []

    def __len__(self) -> int:
        return len(self._queue)

    def offer(self, chat_id: int, message_id: int, key: Key, rows: Rows) -> bool:
        """Queue an edit; False when too many wait (the button then stays)."""
        if len(self._queue) >= self.waiting:
            return False
        if key not in self._keyboards:
            self._keyboards[key] = InlineKeyboardMarkup.de_json({"inline_keyboard": rows()}, None)
        self._queue[(chat_id, message_id)] = key
        self._ready.set()
        if not self._workers:
            self._workers = [asyncio.create_task(self._work()) for _ in range(WORKERS)]
        return True

    def drop(self) -> None:
        """A stopping process: the edits not yet made are dropped (after a flood, making them
        all took minutes, not seconds)."""
        self._queue.clear()
        for task in self._workers:
            task.cancel()
        self._workers = []

    async def _work(self) -> None:
        while True:
            if not self._queue:
                self._keyboards.clear()  # built again for the next backlog (a correction)
                self._ready.clear()
                await self._ready.wait()
                continue
            (chat_id, message_id), key = self._queue.popitem(last=False)
            keyboard = self._keyboards[key]
            try:
                await self._bot.edit_message_reply_markup(
                    chat_id=chat_id,
                    message_id=message_id,
                    reply_markup=keyboard,
                    rate_limit_args=Priority.TIDY,
                )
            except TelegramError as error:  # deleted, or not modified: the count stands
                log.info("a button was not taken away: %s", type(error).__name__)
            except Exception as error:  # a fault of ours: this edit is lost, not the others
                log.error("a button edit failed: %s", type(error).__name__)


def of(bot_data: Mapping[str, object]) -> ButtonEdits | None:
    """The process's queue of button edits (None before the application is built)."""
    edits = bot_data.get(KEY)
    return edits if isinstance(edits, ButtonEdits) else None
