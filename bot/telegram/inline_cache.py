"""Inline answers kept per (countries, language), and inline queries limited per person: a
person typing `@bot …` letter by letter, or a script, cannot take the CPU that readers' replies
need (150 queries in 5.5 s once raised another user's /start reply from 0.05 s to 3.6 s)."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

KEPT_FOR = 30.0  # seconds an answer is reused (an embassy's news reaches inline within this)
BURST = 5  # queries a person may send at once …
PER_SECOND = 0.5  # … then one every two seconds; more are not answered
MAX_PEOPLE = 10_000  # remembered at once; the oldest are forgotten first


class InlineCache:
    """Answers by key, and a token bucket per person (in memory, never stored)."""

    def __init__(self) -> None:
        self._answers: dict[tuple[Any, ...], tuple[datetime, list[Any]]] = {}
        self._buckets: dict[int, tuple[float, float]] = {}  # person → (tokens, when)

    def allow(self, person: int) -> bool:
        """Whether this person's query is answered now."""
        now = time.monotonic()
        tokens, then = self._buckets.pop(person, (float(BURST), now))
        tokens = min(float(BURST), tokens + (now - then) * PER_SECOND)
        if len(self._buckets) >= MAX_PEOPLE:
            self._buckets.pop(next(iter(self._buckets)))  # the longest unseen
        self._buckets[person] = (tokens - 1 if tokens >= 1 else tokens, now)
        return tokens >= 1

    def get(self, key: tuple[Any, ...], *, now: datetime) -> list[Any] | None:
        """The answer kept for `key`, if made less than KEPT_FOR seconds before `now` (the
        bot's clock: what is shown depends on it, a scheduled advisory's send time)."""
        found = self._answers.get(key)
        fresh = found is not None and 0 <= (now - found[0]).total_seconds() < KEPT_FOR
        return found[1] if found is not None and fresh else None

    def put(self, key: tuple[Any, ...], answer: list[Any], *, now: datetime) -> None:
        """Keep `answer` for `key` (at most one per countries × language: a few dozen)."""
        self._answers[key] = (now, answer)
