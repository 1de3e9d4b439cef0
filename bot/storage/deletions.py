"""Messages to delete later: discreet mode's queue, in the database so restarts keep it."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import delete, select, tuple_

from bot.storage.db import Database
from bot.storage.models import ScheduledDeletion, Subscriber

KEEP_FOR = timedelta(hours=24)  # discreet mode: how long a sent message stays in the chat


class DeletionRepository:
    """Schedule, list what is due, and drop rows; keyword arguments only."""

    def __init__(self, *, database: Database) -> None:
        self._db = database

    async def schedule_if_discreet(self, *, chat_id: int, message_id: int, at: datetime) -> bool:
        """Queue the message for deletion at `at` if the chat is in discreet mode."""
        async with self._db.transaction() as session:
            discreet = await session.scalar(
                select(Subscriber.discreet).where(Subscriber.chat_id == chat_id)
            )
            if not discreet:
                return False
            await session.merge(
                ScheduledDeletion(chat_id=chat_id, message_id=message_id, delete_after=at)
            )
        return True

    async def due(self, *, now: datetime, limit: int = 1000) -> dict[int, list[int]]:
        """Messages whose time has come, grouped by chat."""
        query = (
            select(ScheduledDeletion.chat_id, ScheduledDeletion.message_id)
            .where(ScheduledDeletion.delete_after <= now)
            .order_by(ScheduledDeletion.delete_after)
            .limit(limit)
        )
        grouped: dict[int, list[int]] = defaultdict(list)
        async with self._db.sessions() as session:
            for chat_id, message_id in (await session.execute(query)).all():
                grouped[chat_id].append(message_id)
        return dict(grouped)

    async def remove(self, *, chat_id: int, message_ids: list[int]) -> None:
        """Forget rows once their messages are deleted (or can no longer be)."""
        keys = [(chat_id, message_id) for message_id in message_ids]
        async with self._db.transaction() as session:
            await session.execute(
                delete(ScheduledDeletion).where(
                    tuple_(ScheduledDeletion.chat_id, ScheduledDeletion.message_id).in_(keys)
                )
            )

    async def cancel(self, *, chat_id: int) -> None:
        """Discreet mode turned off (or /forget): keep nothing queued for the chat."""
        async with self._db.transaction() as session:
            await session.execute(
                delete(ScheduledDeletion).where(ScheduledDeletion.chat_id == chat_id)
            )
