"""Admins (user id → country or `*`) and the append-only audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from bot.clock import Clock, utcnow
from bot.config import SUPER_ADMIN
from bot.storage.db import Database
from bot.storage.models import AdminRow, AuditRow


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log."""

    at: datetime
    actor: str
    action: str
    country: str | None
    advisory_id: str | None
    audience: int | None
    detail: str | None


class AdminRepository:
    """Admins from the database, joined with those of the ADMINS setting; and the audit log."""

    def __init__(self, *, database: Database, configured: dict[int, str], clock: Clock = utcnow):
        self._db = database
        self._configured = configured
        self._now = clock

    async def country_of(self, *, user_id: int) -> str | None:
        """The country the user administers (`*` for a super-admin), or None."""
        if user_id in self._configured:
            return self._configured[user_id]
        async with self._db.sessions() as session:
            row = await session.get(AdminRow, user_id)
        return None if row is None else row.country

    async def add(self, *, user_id: int, country: str) -> None:
        """Add or change an admin."""
        async with self._db.transaction() as session:
            await session.merge(AdminRow(user_id=user_id, country=country, added_at=self._now()))

    async def remove(self, *, user_id: int) -> bool:
        """Remove an admin added in the database (the ADMINS setting is the operator's)."""
        async with self._db.transaction() as session:
            result = await session.execute(delete(AdminRow).where(AdminRow.user_id == user_id))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def all(self) -> dict[int, str]:
        """Every admin: the setting's and the database's."""
        async with self._db.sessions() as session:
            rows = (await session.execute(select(AdminRow.user_id, AdminRow.country))).all()
        return {**{user: country for user, country in rows}, **self._configured}

    async def of_country(self, *, country: str) -> list[int]:
        """Admins who may act for `country` (its own and super-admins)."""
        return [u for u, c in (await self.all()).items() if c in (country, SUPER_ADMIN)]

    async def forget_stranger(self, *, actor: str) -> int:
        """`/forget`: the refused attempts of someone who is not an admin (keyed hash) go; the
        rest of the log is never changed or deleted."""
        async with self._db.transaction() as session:
            result = await session.execute(
                delete(AuditRow).where(AuditRow.actor == actor, AuditRow.action == "refused")
            )
        return int(result.rowcount)  # type: ignore[attr-defined]

    async def audit(
        self,
        *,
        actor: str,
        action: str,
        country: str | None = None,
        advisory_id: str | None = None,
        audience: int | None = None,
        detail: str | None = None,
    ) -> None:
        """Append one entry; entries are never changed or deleted."""
        async with self._db.transaction() as session:
            session.add(
                AuditRow(
                    at=self._now(),
                    actor=actor,
                    action=action,
                    country=country,
                    advisory_id=advisory_id,
                    audience=audience,
                    detail=(detail or "")[:200] or None,
                )
            )

    async def audit_log(self, *, limit: int = 100, admins_only: bool = False) -> list[AuditEntry]:
        """The newest entries first; with `admins_only`, without non-admins' refused
        commands (`chat#…` and their hourly summaries)."""
        query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if admins_only:
            query = query.where(~AuditRow.actor.startswith("chat#"), AuditRow.actor != "strangers")
        async with self._db.sessions() as session:
            rows = (await session.scalars(query)).all()
        return [
            AuditEntry(r.at, r.actor, r.action, r.country, r.advisory_id, r.audience, r.detail)
            for r in rows
        ]
