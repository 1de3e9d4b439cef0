"""Admin actions on advisories and broadcasts, each written once for Telegram and the CLI:
halt, resume, cancel, and the audit row for anything refused.

Every action is audited with its actor (`tg:<user id>` or `cli`). `wake` tells the delivery
worker of this process to look now (a no-op for the CLI: the running bot looks by itself).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.admin.cancel import Cancelled, cancel
from bot.admin.refusals import STRANGERS, Refusals, is_stranger
from bot.advisories.model import Advisory
from bot.config import SUPER_ADMIN
from bot.i18n import Translator
from bot.storage.stores import Stores
from bot.world import COUNTRY_CODES


def countries_for(admin_country: str | None) -> list[str]:
    """The countries an admin acts for: a super-admin all, anyone else their own (or none)."""
    if admin_country is None:
        return []
    return list(COUNTRY_CODES) if admin_country == SUPER_ADMIN else [admin_country]


def may_act(admin_country: str | None, country: str) -> bool:
    """Whether an admin of `admin_country` may act for `country` (super-admins: everywhere)."""
    return admin_country is not None and admin_country in (country, SUPER_ADMIN)


class AdminActions:
    """Halt, resume and cancel; keyword arguments only."""

    def __init__(
        self,
        *,
        stores: Stores,
        translator: Translator,
        wake: Callable[[], None] = lambda: None,
    ) -> None:
        self._stores, self._translator = stores, translator
        self.admins, self._wake = stores.admins, wake
        self._outbox, self._corrections = stores.outbox, stores.corrections
        self._refusals = Refusals()

    async def halt(self, *, countries: list[str], actor: str) -> list[str]:
        """Stop every broadcast and correction of these countries at once; what was halted."""
        halted: list[str] = []
        for country in countries:
            stopped = await self._outbox.halt(country=country)
            await self.admins.audit(
                actor=actor, action="halt", country=country, detail=",".join(stopped) or None
            )
            halted += stopped
        return halted

    async def resume(self, advisory: Advisory, *, actor: str) -> bool:
        """A halted broadcast or correction goes on; False if nothing was halted."""
        resumed = await self._outbox.resume(advisory_id=advisory.id)
        resumed |= await self._corrections.resume(advisory_id=advisory.id)
        await self.admins.audit(
            actor=actor, action="resume", country=advisory.country, advisory_id=advisory.id
        )
        self._wake()
        return resumed

    async def cancel(self, advisory_id: str, *, actor: str) -> Cancelled:
        """Withdraw the advisory (`bot.admin.cancel`); CancelError when it cannot be."""
        cancelled = await cancel(
            stores=self._stores, translator=self._translator, advisory_id=advisory_id
        )
        await self.admins.audit(
            actor=actor,
            action="cancel",
            country=cancelled.original.country,
            advisory_id=advisory_id,
            audience=cancelled.audience,
        )
        self._wake()
        return cancelled

    async def refused(self, *, actor: str, attempted: str, country: str | None = None) -> None:
        """Audit an action refused to `actor` (not an admin, or not of `country`); a
        stranger's further refusals within the hour are only counted (`summarise_refusals`)."""
        if is_stranger(actor) and not self._refusals.write(actor, self._stores.clock()):
            return
        await self.admins.audit(
            actor=actor, action="refused", country=country, detail=attempted[:60]
        )

    async def summarise_refusals(self) -> None:
        """One audit row for the strangers' refusals counted and not written (hourly)."""
        line = self._refusals.summary(self._stores.clock())
        if line is not None:
            await self.admins.audit(actor=STRANGERS, action="refused", detail=line)
