"""The reader of typed and forwarded texts, built from the published advisories and built
again when they change (checked at most once a minute: a correction reaches it soon)."""

from __future__ import annotations

import time

from bot.clock import Clock
from bot.i18n import Translator
from bot.storage.advisories import AdvisoryRepository
from bot.understand import Reader, Signals
from bot.understand.references import references

FRESH_FOR = 60.0  # seconds between looks at the advisories


class Understanding:
    """One `Reader` for the process; the data files are read once."""

    def __init__(
        self, *, advisories: AdvisoryRepository, translator: Translator, clock: Clock
    ) -> None:
        self.advisories, self.translator, self.clock = advisories, translator, clock
        self.signals = Signals.load()
        self._reader: Reader | None = None
        self._built_from: tuple[tuple[str, int, bool], ...] = ()
        self._looked_at = 0.0

    async def reader(self) -> Reader:
        """The reader for the advisories published now."""
        if self._reader is not None and time.monotonic() - self._looked_at < FRESH_FOR:
            return self._reader
        now = self.clock()
        advisories = await self.advisories.all()
        state = tuple((a.id, a.revision, a.released(now)) for a in advisories)
        if self._reader is None or state != self._built_from:
            self._reader = Reader(
                signals=self.signals,
                references=references(advisories, translator=self.translator, now=now),
            )
            self._built_from = state
        self._looked_at = time.monotonic()
        return self._reader
