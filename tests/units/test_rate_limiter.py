"""PTB's requests through the budget: a reply that meets a 429 is sent again after the pause."""

from __future__ import annotations

import time
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.delivery.budget import Budget, Lanes
from bot.telegram.rate_limiter import BudgetRateLimiter

FAST = Lanes(free=100.0, paid=100.0, per_chat=100.0, chat_burst=3)


async def test_a_reply_that_meets_a_429_is_sent_after_the_pause_not_lost() -> None:
    budget = Budget(FAST)
    limiter = BudgetRateLimiter(budget)
    calls: list[float] = []

    async def send_message(**_: Any) -> dict[str, Any]:
        calls.append(time.monotonic())
        if len(calls) == 1:
            raise RetryAfter(1)
        return {"message_id": 7}

    data = {"chat_id": 42, "text": "Salom"}
    result = await limiter.process_request(send_message, (), {}, "sendMessage", data, None)
    assert result == {"message_id": 7}
    assert len(calls) == 2
    assert calls[1] - calls[0] >= 0.95  # not into the pause


async def test_requests_without_a_chat_are_not_counted_against_it() -> None:
    budget = Budget(FAST)
    limiter = BudgetRateLimiter(budget)

    async def get_me(**_: Any) -> dict[str, Any]:
        return {"id": 1}

    await limiter.process_request(get_me, (), {}, "getMe", {}, None)
    assert budget.granted == 0


async def test_a_429_that_does_not_end_is_raised_after_the_retries() -> None:
    limiter = BudgetRateLimiter(Budget(FAST), retries=1)

    async def always_limited(**_: Any) -> dict[str, Any]:
        raise RetryAfter(0)

    with pytest.raises(RetryAfter):
        await limiter.process_request(always_limited, (), {}, "sendMessage", {"chat_id": 1}, None)
