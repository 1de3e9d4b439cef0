"""Corrections as stored: every delivered message of an advisory edited in place, by the
delivery worker (`bot.delivery.corrector` does the editing).

A correction is a row with a cursor (the last chat done), so it survives a crash or restart:
at most one page is edited twice, which changes nothing the reader sees ("not modified").
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update

from bot.clock import Clock, utcnow
from bot.storage import message_ids
from bot.storage.db import Database
from bot.storage.deletions import KEEP_FOR
from bot.storage.models import CorrectionRow, Delivery, ScheduledDeletion, Subscriber


@dataclass(frozen=True)
class CorrectionState:
    """Where a correction stands (counts only)."""

    state: str  # pending | done | halted | cancelled
    notice: bool
    edited: int
    gone: int
    failed: int


@dataclass(frozen=True)
class Copy:
    """One chat's delivered copy of the advisory: its text messages and voice notes."""

    chat_id: int
    locale: str
    text_ids: list[int]
    voice_ids: list[int]


class Corrections:
    """Queue, page through, record and halt corrections; keyword arguments only."""

    def __init__(self, *, database: Database, clock: Clock = utcnow) -> None:
        self._db = database
        self._now = clock

    async def request(self, *, advisory_id: str, notice: bool) -> int:
        """Start (or restart from the first chat) correcting; returns the messages to edit."""
        now = self._now()
        async with self._db.transaction() as session:
            row = await session.get(CorrectionRow, advisory_id, with_for_update=True)
            if row is None:
                row = CorrectionRow(advisory_id=advisory_id)
                session.add(row)
            row.state, row.cursor, row.notice, row.requested_at = "pending", 0, notice, now
            row.edited, row.gone, row.failed, row.finished_at = 0, 0, 0, None
        return await self.to_edit(advisory_id=advisory_id)

    async def to_edit(self, *, advisory_id: str) -> int:
        """How many chats hold a delivered copy."""
        query = select(func.count()).where(
            Delivery.advisory_id == advisory_id, Delivery.status == "sent"
        )
        async with self._db.sessions() as session:
            return int(await session.scalar(query) or 0)

    async def pending(self) -> list[str]:
        """Corrections waiting for the worker, oldest first."""
        query = (
            select(CorrectionRow.advisory_id)
            .where(CorrectionRow.state == "pending")
            .order_by(CorrectionRow.requested_at)
        )
        async with self._db.sessions() as session:
            return list((await session.scalars(query)).all())

    async def get(self, *, advisory_id: str) -> CorrectionState | None:
        """The correction of an advisory, if there was one."""
        async with self._db.sessions() as session:
            row = await session.get(CorrectionRow, advisory_id)
        if row is None:
            return None
        return CorrectionState(row.state, row.notice, row.edited, row.gone, row.failed)

    async def page(self, *, advisory_id: str, limit: int) -> list[Copy]:
        """The next chats after the cursor."""
        async with self._db.sessions() as session:
            cursor = await session.scalar(
                select(CorrectionRow.cursor).where(CorrectionRow.advisory_id == advisory_id)
            )
            rows = (
                await session.execute(
                    select(
                        Delivery.chat_id, Delivery.locale, Delivery.message_id, Delivery.more_ids
                    )
                    .where(
                        Delivery.advisory_id == advisory_id,
                        Delivery.status == "sent",
                        Delivery.message_id.is_not(None),
                        Delivery.chat_id > (cursor or 0),
                    )
                    .order_by(Delivery.chat_id)
                    .limit(limit)
                )
            ).all()
        found = []
        for chat_id, locale, first, more in rows:
            later, voices = message_ids.split(more)
            found.append(Copy(chat_id, locale or "ru", [int(first or 0), *later], voices))
        return found

    async def advance(
        self,
        *,
        advisory_id: str,
        cursor: int,
        edited: int,
        gone: int,
        failed: int,
        new_ids: dict[int, str | None],
        touched: dict[int, list[int]],
    ) -> None:
        """Record one page: counts, the cursor, message ids that changed, and (discreet mode)
        the edited or new messages to delete 24 hours from now."""
        async with self._db.transaction() as session:
            row = await session.get(CorrectionRow, advisory_id, with_for_update=True)
            if row is None:
                return
            row.cursor = cursor
            row.edited, row.gone, row.failed = (
                row.edited + edited,
                row.gone + gone,
                row.failed + failed,
            )
            for chat_id, more in new_ids.items():
                await session.execute(
                    update(Delivery)
                    .where(Delivery.advisory_id == advisory_id, Delivery.chat_id == chat_id)
                    .values(more_ids=more)
                )
            discreet = set(
                (
                    await session.scalars(
                        select(Subscriber.chat_id).where(
                            Subscriber.chat_id.in_(list(touched)), Subscriber.discreet.is_(True)
                        )
                    )
                ).all()
            )
            for chat_id in discreet:
                for message_id in touched[chat_id]:
                    await session.merge(
                        ScheduledDeletion(
                            chat_id=chat_id,
                            message_id=message_id,
                            delete_after=self._now() + KEEP_FOR,
                        )
                    )

    async def finish(self, *, advisory_id: str) -> bool:
        """Mark it done; False if it was halted or cancelled meanwhile."""
        async with self._db.transaction() as session:
            result = await session.execute(
                update(CorrectionRow)
                .where(CorrectionRow.advisory_id == advisory_id, CorrectionRow.state == "pending")
                .values(state="done", finished_at=self._now())
            )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def state(self, *, advisory_id: str) -> str | None:
        """pending, done, halted or cancelled."""
        async with self._db.sessions() as session:
            return await session.scalar(
                select(CorrectionRow.state).where(CorrectionRow.advisory_id == advisory_id)
            )

    async def stop(self, *, advisory_id: str, state: str) -> bool:
        """Cancel (or halt) the pending correction of one advisory."""
        async with self._db.transaction() as session:
            result = await session.execute(
                update(CorrectionRow)
                .where(CorrectionRow.advisory_id == advisory_id, CorrectionRow.state == "pending")
                .values(state=state)
            )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def resume(self, *, advisory_id: str) -> bool:
        """A halted correction goes on from where it stopped."""
        async with self._db.transaction() as session:
            result = await session.execute(
                update(CorrectionRow)
                .where(CorrectionRow.advisory_id == advisory_id, CorrectionRow.state == "halted")
                .values(state="pending")
            )
        return bool(result.rowcount)  # type: ignore[attr-defined]
