"""A global send-rate limiter with a pause that every waiting sender respects (429s)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class RateLimiter:
    """Hands out evenly spaced send slots at `rate` per second; `pause` stops all sending."""

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.interval = 1.0 / rate
        self._clock = clock
        self._next_slot = 0.0
        self._paused_until = 0.0

    async def acquire(self) -> None:
        """Wait for the next slot; a pause that starts meanwhile is honoured too."""
        while True:
            now = self._clock()
            if now < self._paused_until:
                await asyncio.sleep(self._paused_until - now)
                continue
            slot = max(now, self._next_slot)
            self._next_slot = slot + self.interval
            if slot > now:
                await asyncio.sleep(slot - now)
            if self._clock() >= self._paused_until:  # no pause began while we slept
                return

    def pause(self, seconds: float) -> None:
        """Telegram said 429 retry_after: nothing is sent until `seconds` have passed."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)
        self._next_slot = max(self._next_slot, self._paused_until)

    @property
    def paused(self) -> bool:
        return self._clock() < self._paused_until
