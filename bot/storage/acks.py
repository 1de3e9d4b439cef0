""" "I understand" presses: one row per advisory and chat, counted by locale, never listed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from bot.clock import Clock, utcnow
from bot.storage.db import Database
from bot.storage.models import Acknowledgement, Subscriber
from bot.storage.together import GroupCommit


class AckRepository:
    """Record a press once; count presses by the reader's locale."""

    def __init__(self, *, database: Database, clock: Clock = utcnow) -> None:
        self._db = database
        self._now = clock
        self._presses: GroupCommit[tuple[str, int]] = GroupCommit(self._count_all)

    async def count(self, *, advisory_id: str, chat_id: int) -> None:
        """Count the chat's press (once however often it comes), written together with the
        presses of the same moment; returns once it is stored."""
        await self._presses.add((advisory_id, chat_id))

    async def _count_all(self, presses: list[tuple[str, int]]) -> None:
        at = self._now()
        rows = [{"advisory_id": a, "chat_id": c, "at": at} for a, c in dict.fromkeys(presses)]
        try:
            async with self._db.transaction() as session:
                await session.execute(self._insert(), rows)
        except IntegrityError:  # a chat gone meanwhile (/forget): the others count one by one
            for advisory_id, chat_id in dict.fromkeys(presses):
                await self.acknowledge(advisory_id=advisory_id, chat_id=chat_id)

    def _insert(self) -> Any:
        """INSERT … ON CONFLICT DO NOTHING: a second press, or a double tap racing itself."""
        insert = postgresql_insert if self._db.dialect == "postgresql" else sqlite_insert
        return insert(Acknowledgement).on_conflict_do_nothing()

    async def acknowledge(self, *, advisory_id: str, chat_id: int) -> bool:
        """Count the chat's press; False if it was already counted."""
        # One statement (no read first): under a flood of presses each costs the bot's time.
        statement = self._insert().values(advisory_id=advisory_id, chat_id=chat_id, at=self._now())
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
