"""How many paid sends may be granted and not yet answered at once.

A server that stalls handles what piled up meanwhile all at once, so its busiest second holds
the lane's rate plus that pile. Below `floor` (Telegram's 1,000 less the lane's rate) the pile
can never push a second over 1,000: a broadcast against a server nearby (the sandbox, a local
Bot API server) never draws a 429 however its answers are bunched. Far away, each answer takes
longer and the lane needs more sends under way to stay full: the bound follows the answers'
latency (rate × latency, a quarter spare), up to `ceiling`, and `on_limit` hears each new
bound (the budget then slows the lane by as much, so that rate and pile stay under 1,000).
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

SMOOTHING = 0.05  # weight of the newest answer's latency in the running mean


class InFlight:
    """A counting bound whose size follows the latency of the answers."""

    def __init__(
        self,
        *,
        rate: float,
        floor: int,
        ceiling: int,
        on_limit: Callable[[int], None] = lambda limit: None,
    ) -> None:
        self.rate, self.floor, self.ceiling = rate, max(1, floor), max(1, ceiling, floor)
        self.latency = 0.0  # seconds from a grant to its answer, a running mean
        self.held = 0
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._on_limit, self._told = on_limit, self.floor

    @property
    def limit(self) -> int:
        wanted = math.ceil(self.rate * self.latency * 1.25)
        return min(self.ceiling, max(self.floor, wanted))

    @asynccontextmanager
    async def held_for(self) -> AsyncIterator[None]:
        """Held from asking for a slot until the answer is in."""
        while self.held >= self.limit:
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            except asyncio.CancelledError:
                if waiter.done() and not waiter.cancelled():
                    self._wake()  # woken, then cancelled: the room goes to the next one
                raise
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
        self.held += 1
        try:
            yield
        finally:
            self.held -= 1
            self._wake()

    def answered(self, seconds: float) -> None:
        """One answer came `seconds` after its grant."""
        self.latency += SMOOTHING * (seconds - self.latency)
        if self.limit != self._told:
            self._told = self.limit
            self._on_limit(self._told)
        self._wake()

    def _wake(self) -> None:
        room = self.limit - self.held
        while room > 0 and self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                room -= 1
