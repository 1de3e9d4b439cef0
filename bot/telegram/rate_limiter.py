"""PTB's extension point for rate limits, backed by the bot's one budget.

Every request the Application makes passes through `process_request`. A request that puts
something into a chat (send, edit, delete) first waits for its slot in `bot.delivery.budget`,
the same budget the delivery worker of this process spends, with the priority of someone
waiting for an answer. A 429 pauses its scope there and the request is made again once the
pause is over: a reply is never lost to it, and nothing is sent into the pause, as many times
as the delivery worker waits one out (`bot.delivery.sender`: one policy for the whole process).
(PTB's own AIORateLimiter is not used: it may retry before `retry_after` has passed.)

Every message the bot sends or edits is also told to `on_message` here (discreet mode deletes
it later): this is PTB's public extension point every request passes, so no private method of
the Bot is overridden for it.
"""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.delivery.budget import Budget, Priority
from bot.delivery.sender import RETRIES_AFTER_429

# Methods that put something into a chat: Telegram counts them against its limits.
LIMITED = frozenset(
    {
        "sendMessage",
        "sendVoice",
        "sendPhoto",
        "sendDocument",
        "sendLocation",
        "copyMessage",
        "forwardMessage",
        "editMessageText",
        "editMessageReplyMarkup",
        "deleteMessage",
        "deleteMessages",
    }
)
Result = bool | dict[str, Any] | list[dict[str, Any]]
OnMessage = Callable[[int, int], Awaitable[None]]  # (chat id, message id) of a message sent


def seconds(error: RetryAfter) -> float:
    """RetryAfter.retry_after in seconds. PTB 22 gives an int and warns that a timedelta will
    come; both are read, and the warning about the change is not our reader's concern."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _chat_id(value: object) -> int | None:
    """A numeric chat id from a request's data (not a channel's @username)."""
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


class BudgetRateLimiter(BaseRateLimiter[int]):
    """Waits for the budget before each limited request; retries after a 429's pause."""

    def __init__(
        self,
        budget: Budget,
        *,
        retries: int = RETRIES_AFTER_429,
        on_message: OnMessage | None = None,
    ) -> None:
        self.budget, self._retries, self._on_message = budget, retries, on_message

    async def initialize(self) -> None:
        """Nothing to set up: the budget lives as long as the process."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        chat_id = _chat_id(data.get("chat_id"))
        limited = endpoint in LIMITED and chat_id is not None
        priority = Priority.REPLY if rate_limit_args is None else rate_limit_args
        for attempt in range(self._retries + 1):
            if limited:
                assert chat_id is not None
                await self.budget.acquire(chat_id, priority=priority)
            try:
                result = await callback(*args, **kwargs)
            except RetryAfter as error:
                if attempt == self._retries:
                    raise
                pause = seconds(error)
                if chat_id is not None:
                    self.budget.retry_after(chat_id, pause)
                else:  # not tied to a chat (e.g. setMyCommands): wait it out here
                    await asyncio.sleep(pause)
                continue
            await self._told(result)
            return result
        raise AssertionError("unreachable")

    async def _told(self, result: Result) -> None:
        """A sent or edited message (a dict with its chat) goes to `on_message`."""
        if self._on_message is None or not isinstance(result, dict):
            return
        chat, message_id = result.get("chat"), result.get("message_id")
        if (
            isinstance(chat, dict)
            and isinstance(chat.get("id"), int)
            and isinstance(message_id, int)
        ):
            await self._on_message(chat["id"], message_id)
