"""What admins read about their country: drafts, broadcast states and progress, corrections,
"I understand" counts and audiences (counts only, never chat ids). Telegram and the CLI share it.
"""

from __future__ import annotations

from datetime import timedelta

from bot.advisories.model import Advisory
from bot.storage.broadcasts import Progress
from bot.storage.corrections import CorrectionState
from bot.storage.drafts import Draft
from bot.storage.stores import Stores
from bot.world import COUNTRY_CODES

REMIND_AFTER = timedelta(minutes=30)


class AdminReports:
    """The read side of the admin workflow; keyword arguments only."""

    def __init__(self, *, stores: Stores) -> None:
        self._outbox, self._corrections = stores.outbox, stores.corrections
        self._drafts, self._acks, self._now = stores.drafts, stores.acks, stores.clock

    async def forgotten_corrections(self) -> list[Draft]:
        """Corrections left unsent for REMIND_AFTER and not yet reminded of: readers still have
        the old text, and the editor may not know it (they are told once)."""
        due = self._now() - REMIND_AFTER
        forgotten = []
        for country in COUNTRY_CODES:
            for draft in await self._drafts.of_country(country=country):
                if (
                    draft.mode == "correct"
                    and draft.request is None
                    and not draft.data.reminded
                    and draft.editor is not None
                    and draft.updated_at is not None
                    and draft.updated_at <= due
                ):
                    forgotten.append(draft)
        return forgotten

    async def drafts(self, *, country: str) -> list[Draft]:
        """The country's open drafts (a super-admin's undecided one has country "")."""
        return await self._drafts.of_country(country=country)

    async def broadcast_state(self, advisory_id: str) -> str | None:
        """filling, sending, done, halted or cancelled; None: never published."""
        return await self._outbox.state(advisory_id)

    async def progress(self, advisory_id: str) -> Progress:
        """Deliveries by status and sent copies by locale."""
        return await self._outbox.progress(advisory_id)

    async def correction(self, advisory_id: str) -> CorrectionState | None:
        """The advisory's correction run, if there is one."""
        return await self._corrections.get(advisory_id=advisory_id)

    async def audience_by_locale(self, advisory: Advisory) -> dict[str, int]:
        """Subscribers it would reach now, by locale."""
        return await self._outbox.audience_by_locale(advisory)

    async def everyone_by_locale(self, advisory: Advisory) -> dict[str, int]:
        """Subscribers of its country now, by locale, whatever its regions and languages: what
        a narrower choice leaves out."""
        targeting = advisory.targeting.model_copy(update={"regions": [], "locales": []})
        everyone = advisory.model_copy(update={"targeting": targeting})
        return await self._outbox.audience_by_locale(everyone)

    async def acknowledged(self, advisory_id: str) -> dict[str, int]:
        """ "I understand" presses by locale."""
        return await self._acks.by_locale(advisory_id=advisory_id)

    async def recent(self, *, country: str) -> list[str]:
        """The country's newest broadcasts, newest first."""
        return await self._outbox.recent(country=country)
