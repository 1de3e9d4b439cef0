"""The one paced sender: every request the bot makes to send, edit or delete a message goes
through the budget (`bot.delivery.budget`); a 429 is waited out and the request sent again, so
nothing is lost to it and nothing is sent into the pause."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from bot.delivery.budget import Budget
from bot.delivery.telegram_api import SendResult

Call = Callable[[dict[str, Any]], Awaitable[SendResult]]
Proceed = Callable[[], Awaitable[bool]]
RETRIES_AFTER_429 = 5  # a 429 is waited out and the same message sent again
TRANSIENT_TRIES = 3  # a 5xx or a dropped connection: tried again in place, then given up


async def budgeted(
    budget: Budget,
    call: Call,
    body: dict[str, Any],
    *,
    priority: int,
    queue: str = "",
    paid: bool = False,
    proceed: Proceed | None = None,
) -> SendResult | None:
    """Send one request within the budget. None: `proceed` said no once the slot came (a
    halt, a cancel, a shutdown), and nothing was sent."""
    chat_id = int(body["chat_id"])
    transient, ambiguous = 0, False
    result: SendResult | None = None
    for _ in range(RETRIES_AFTER_429 + TRANSIENT_TRIES):
        async with budget.unanswered(paid=paid):
            await budget.acquire(chat_id, priority=priority, queue=queue, paid=paid)
            if proceed is not None and not await proceed():
                return None
            granted = time.monotonic()
            result = await call(body)
            budget.answered(time.monotonic() - granted, paid=paid)
        ambiguous |= result.ambiguous  # a try that may have arrived makes a later one suspect
        if result.kind == "retry_after":
            budget.retry_after(chat_id, result.retry_after)
            continue
        if result.kind == "transient":
            transient += 1
            if transient < TRANSIENT_TRIES:
                await asyncio.sleep(budget.transient_pause * 2 ** (transient - 1))
                continue
        break
    if result is not None and ambiguous and not result.ambiguous:
        result = replace(result, ambiguous=True)
    return result
