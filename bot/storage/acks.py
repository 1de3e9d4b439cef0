""" "I understand" presses: one row per advisory and chat, counted by locale, never listed."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from bot.clock import Clock, utcnow
from bot.storage.db import Database
from bot.storage.models import Acknowledgement, Subscriber


class AckRepository:
    """Record a press once; count presses by the reader's locale."""

    def __init__(self, *, database: Database, clock: Clock = utcnow) -> None:
        self._db = database
        self._now = clock

    async def acknowledge(self, *, advisory_id: str, chat_id: int) -> bool:
        """Count the chat's press; False if it was already counted."""
        # One statement (no read first): under a flood of presses each costs the bot's time.
        insert = postgresql_insert if self._db.dialect == "postgresql" else sqlite_insert
        statement = (
            insert(Acknowledgement)
            .values(advisory_id=advisory_id, chat_id=chat_id, at=self._now())
            .on_conflict_do_nothing()  # a second press, or a double tap racing itself
        )
        try:
            async with self._db.transaction() as session:
                result = await session.execute(statement)
        except IntegrityError:  # the chat is gone (/forget meanwhile): nothing to count
            return False
        return bool(getattr(result, "rowcount", 0) == 1)

    async def by_locale(self, *, advisory_id: str) -> dict[str, int]:
        """Presses by the reader's current locale (chats that /forget are gone entirely)."""
        query = (
            select(Subscriber.locale, func.count())
            .select_from(Acknowledgement)
            .join(Subscriber, Subscriber.chat_id == Acknowledgement.chat_id)
            .where(Acknowledgement.advisory_id == advisory_id)
            .group_by(Subscriber.locale)
        )
        async with self._db.sessions() as session:
            rows = (await session.execute(query)).all()
        return {str(locale): int(count) for locale, count in sorted(rows)}

    async def acknowledged(self, *, advisory_id: str, chat_ids: list[int]) -> set[int]:
        """Which of `chat_ids` pressed it (a correction keeps their button away)."""
        if not chat_ids:
            return set()
        query = select(Acknowledgement.chat_id).where(
            Acknowledgement.advisory_id == advisory_id, Acknowledgement.chat_id.in_(chat_ids)
        )
        async with self._db.sessions() as session:
            return set((await session.scalars(query)).all())
