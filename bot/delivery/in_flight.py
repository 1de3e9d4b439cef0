"""How many paid sends may be granted and not yet answered at once.

A server that stalls handles what piled up meanwhile all at once, so its busiest second holds
the lane's rate plus that pile. Below `floor` (Telegram's 1,000 less the lane's rate) the pile
can never push a second over 1,000: a broadcast against a server nearby (the sandbox, a local
Bot API server) never draws a 429 however its answers are bunched. Far away, each answer takes
longer and the lane needs more sends under way to stay full: the bound follows the answers'
latency (rate × latency, a quarter spare), up to `ceiling`, and `on_limit` hears each new
bound (the budget then slows the lane by as much, so that rate and pile stay under 1,000).

The lane is slowed by the most that may have been under way at any moment of the last second,
not only by what may be now: a second that starts with a pile of 28 must hold no more than 971
new sends, even if the answers are quick again half-way through it (sped up at once, the
sandbox saw 1,000 in a second: 990 sends and ten of the pile a stall had left).
"""

from __future__ import annotations

import asyncio
import bisect
import math
import time
from collections import deque
from collections.abc import Callable

# The latency is the median of the last answers': far away, every answer takes long; a pause
# of our own process (the collector's full pass, 70 ms) delays only the few under way, and as a
# running mean it raised the bound to 39 and slowed the lane for a second, every second or two.
RECENT = 64
REMEMBERED = 1.0  # seconds a high pile still slows the lane (Telegram's window)


class InFlight:
    """A counting bound whose size follows the latency of the answers."""

    def __init__(
        self,
        *,
        rate: float,
        floor: int,
        ceiling: int,
        on_limit: Callable[[int], None] = lambda limit: None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate, self.floor, self.ceiling = rate, max(1, floor), max(1, ceiling, floor)
        self.latency = 0.0  # seconds from a grant to its answer, the median of RECENT
        self._recent: deque[float] = deque()
        self._sorted: list[float] = []
        self.held = 0
        self.limit = self.floor  # recomputed with each answer, read with each send
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._on_limit, self._told = on_limit, self.floor
        self._clock = clock
        self._steps: deque[tuple[float, int]] = deque()  # how many under way since when

    def held_for(self) -> _Held:
        """Held from asking for a slot until the answer is in."""
        return _Held(self)

    async def _enter(self) -> None:
        if self.held < self.limit and not self._waiters:
            self.held += 1
            return
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter  # woken with its slot already counted in `held`
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self._leave()  # woken, then cancelled: the slot goes to the next one
            elif waiter in self._waiters:
                self._waiters.remove(waiter)
            raise

    def _leave(self) -> None:
        self.held -= 1
        self._wake()
        if self._told > self.limit:
            self._tell()  # the lane may speed up again

    def answered(self, seconds: float) -> None:
        """One answer came `seconds` after its grant."""
        recent, ordered = self._recent, self._sorted
        recent.append(seconds)
        bisect.insort(ordered, seconds)
        if len(recent) > RECENT:
            del ordered[bisect.bisect_left(ordered, recent.popleft())]
        self.latency = ordered[len(ordered) // 2]
        wanted = math.ceil(self.rate * self.latency * 1.25)
        limit = min(self.ceiling, max(self.floor, wanted))
        if limit != self.limit:
            self.limit = limit
            self._tell()
            self._wake()
        elif self._told > limit:
            self._tell()  # the lane may speed up again

    def _tell(self) -> None:
        """`on_limit` hears the most that may have been under way at any moment of the last
        second: the limit, or more while the sends of a higher limit were still out."""
        now, now_under_way = self._clock(), max(self.limit, self.held)
        steps = self._steps  # (since, how many): each bigger than every later one
        while steps and steps[-1][1] < now_under_way:
            steps.pop()  # never again the most of a second: a later one is bigger
        if not steps or steps[-1][1] != now_under_way:
            steps.append((now, now_under_way))
        while len(steps) > 1 and steps[1][0] <= now - REMEMBERED:
            steps.popleft()  # over before the last second began
        most = steps[0][1]
        if most != self._told:
            self._told = most
            self._on_limit(most)

    def _wake(self) -> None:
        """Hand free slots to the waiters in order (each counted as held before it runs)."""
        while self.held < self.limit and self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                self.held += 1
                waiter.set_result(None)


class _Held:
    """`async with` one slot of an InFlight (a plain class: no generator per paid send)."""

    __slots__ = ("_bound",)

    def __init__(self, bound: InFlight) -> None:
        self._bound = bound

    async def __aenter__(self) -> None:
        await self._bound._enter()

    async def __aexit__(self, *exc: object) -> None:
        self._bound._leave()
