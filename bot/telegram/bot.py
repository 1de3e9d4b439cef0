"""The Bot subclass: tells the app about every message it sends (for discreet mode)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Message
from telegram.ext import ExtBot

SentHook = Callable[[Message], Awaitable[None]]


class ElchiBot(ExtBot[None]):
    """ExtBot that reports every message it sends or edits to `on_sent`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._on_sent: SentHook | None = None

    def set_on_sent(self, hook: SentHook) -> None:
        """Register the hook (set once, after the services exist)."""
        self._on_sent = hook

    async def _send_message(self, *args: Any, **kwargs: Any) -> Any:
        # PTB's send_* and edit_* methods end here: a message edited in a discreet chat is
        # (re)scheduled like a new one. Deletions do not pass here.
        result = await super()._send_message(*args, **kwargs)
        if isinstance(result, Message) and self._on_sent is not None:
            await self._on_sent(result)
        return result
