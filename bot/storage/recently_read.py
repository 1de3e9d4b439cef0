"""Reads answered from memory for a few seconds: a flood of presses on one advisory reads it
once every so often, not once a press."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")

MOST = 256  # keys remembered at once; beyond, the memory starts again


class RecentlyRead(Generic[Key, Value]):
    """`read(key)`, or its answer from less than `seconds` ago."""

    def __init__(
        self,
        read: Callable[[Key], Awaitable[Value]],
        *,
        seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._read, self._seconds, self._clock = read, seconds, clock
        self._kept: dict[Key, tuple[float, Value]] = {}

    async def get(self, key: Key) -> Value:
        """The value of `key`, read again once its answer is `seconds` old."""
        now = self._clock()
        kept = self._kept.get(key)
        if kept is not None and now - kept[0] < self._seconds:
            return kept[1]
        value = await self._read(key)
        if len(self._kept) >= MOST:
            self._kept.clear()
        self._kept[key] = (now, value)
        return value
