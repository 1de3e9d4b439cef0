"""Admins' own language (every notice to them comes in it) and display name (approval requests
and reports name people, not account codes). Admins' only: readers' names are never kept."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from bot.clock import Clock, utcnow
from bot.storage.db import Database
from bot.storage.models import AdminProfileRow

NAME_LIMIT = 128


@dataclass(frozen=True)
class AdminProfile:
    """An admin's language and display name (None until their account gave one)."""

    user_id: int
    locale: str
    name: str | None


class AdminProfiles:
    """One row an admin who has written to the bot."""

    def __init__(self, *, database: Database, clock: Clock = utcnow) -> None:
        self._db = database
        self._now = clock

    async def remember(self, *, user_id: int, name: str | None, locale: str) -> AdminProfile:
        """Keep the name the account gives now; the language only the first time (later it
        changes only when the admin chooses another). Returns the profile in effect."""
        shown = (name or "").strip()[:NAME_LIMIT] or None
        async with self._db.transaction() as session:
            row = await session.get(AdminProfileRow, user_id, with_for_update=True)
            if row is None:
                row = AdminProfileRow(user_id=user_id, locale=locale)
                session.add(row)
            row.name, row.seen_at = shown, self._now()
            return AdminProfile(user_id, row.locale, row.name)

    async def choose_locale(self, *, user_id: int, locale: str) -> None:
        """The admin chose a language (/language, settings): notices follow it."""
        async with self._db.transaction() as session:
            row = await session.get(AdminProfileRow, user_id, with_for_update=True)
            if row is None:
                session.add(AdminProfileRow(user_id=user_id, locale=locale, seen_at=self._now()))
            else:
                row.locale = locale

    async def get(self, user_id: int) -> AdminProfile | None:
        """The admin's profile, or None if they never wrote to the bot."""
        async with self._db.sessions() as session:
            row = await session.get(AdminProfileRow, user_id)
        return None if row is None else AdminProfile(row.user_id, row.locale, row.name)

    async def locales(self, user_ids: list[int], *, default: str) -> dict[int, str]:
        """Each admin's language; `default` (the operator's) for one who never wrote."""
        if not user_ids:
            return {}
        query = select(AdminProfileRow.user_id, AdminProfileRow.locale).where(
            AdminProfileRow.user_id.in_(user_ids)
        )
        async with self._db.sessions() as session:
            known = {user_id: locale for user_id, locale in (await session.execute(query)).all()}
        return {user_id: known.get(user_id, default) for user_id in user_ids}


def person(profile: AdminProfile | None, user_id: int) -> str:
    """How a notice names an admin: “Name (tg:123)”, or the account alone if no name is known."""
    if profile is None or not profile.name:
        return f"tg:{user_id}"
    return f"{profile.name} (tg:{user_id})"
