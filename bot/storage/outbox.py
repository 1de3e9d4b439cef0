"""The delivery outbox: one row per recipient, filled in batches, updated with outcomes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    Integer,
    Select,
    String,
    Table,
    Update,
    and_,
    bindparam,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.advisories.model import Advisory
from bot.clock import Clock, utcnow
from bot.storage import message_ids
from bot.storage.broadcasts import BroadcastQueries, audience
from bot.storage.db import Database
from bot.storage.deletions import KEEP_FOR
from bot.storage.models import AMBIGUOUS, Broadcast, Delivery, ScheduledDeletion, Subscriber

FILL_BATCH = 5000  # rows a transaction: short enough that /start never waits long


@dataclass(frozen=True)
class Pending:
    """A row to send now, with what the sender needs from the subscriber."""

    chat_id: int
    locale: str
    region: str | None
    attempts: int
    discreet: bool = False  # its messages are deleted after 24 hours
    delivered: tuple[int, ...] = ()  # parts an earlier try got through: resume after them
    ambiguous: bool = False  # an earlier try may have arrived (its connection dropped)


@dataclass(frozen=True)
class SendOutcome:
    """The result for one row, to be stored."""

    chat_id: int
    status: str  # sent | pending (retry later) | blocked | gone | failed
    at: datetime
    next_attempt_at: datetime | None = None
    attempts: int = 0
    message_id: int | None = None
    more_ids: str | None = None
    locale: str | None = None
    error: str | None = None
    discreet: bool = False

    def message_ids(self) -> list[int]:
        """Every message this outcome put in the chat (parts and voice note)."""
        later, voices = message_ids.split(self.more_ids)
        return ([self.message_id] if self.message_id else []) + later + voices


class Outbox(BroadcastQueries):
    """The publisher's and the worker's side: fill the outbox, stream it, store outcomes."""

    def __init__(self, *, database: Database, clock: Clock = utcnow) -> None:
        self._db = database
        self._now = clock

    async def publish(self, advisory: Advisory, *, paid: bool = False) -> int:
        """Create the broadcast and fill its outbox; resumable and idempotent. Returns total."""
        await self.start(advisory, paid=paid)
        return await self.fill(advisory)

    async def start(self, advisory: Advisory, *, paid: bool = False) -> None:
        """Create the broadcast with its first batch of rows (sending may begin at once; the
        rest is filled by `fill`, also while sending). Idempotent."""
        try:
            async with self._db.transaction() as session:
                broadcast = await session.get(Broadcast, advisory.id, with_for_update=True)
                if broadcast is None:
                    broadcast = Broadcast(
                        advisory_id=advisory.id,
                        state="filling",
                        cursor=0,
                        total=0,
                        paid=paid,
                        created_at=self._now(),
                    )
                    session.add(broadcast)
                    await self._fill_batch(session, advisory, broadcast)  # same transaction
        except IntegrityError:
            pass  # another process (the bot's worker, a CLI push) created it at the same moment

    async def fill(self, advisory: Advisory) -> int:
        """Fill the rest of the outbox (resumable after a crash); returns the total."""
        while await self._fill_more(advisory):
            pass
        async with self._db.sessions() as session:
            row = await session.get(Broadcast, advisory.id)
            return 0 if row is None else row.total

    async def _fill_more(self, advisory: Advisory) -> bool:
        async with self._db.transaction() as session:
            broadcast = await session.get(Broadcast, advisory.id, with_for_update=True)
            if broadcast is None or broadcast.state != "filling":
                return False
            return await self._fill_batch(session, advisory, broadcast)

    async def _fill_batch(
        self, session: AsyncSession, advisory: Advisory, broadcast: Broadcast
    ) -> bool:
        """The next FILL_BATCH subscribers into the outbox, in one INSERT … SELECT: the rows
        never pass through Python (the ORM's insert of each row showed in a push's profile)."""
        after = broadcast.cursor
        batch = (
            select(Subscriber.chat_id)
            .where(*audience(advisory), Subscriber.chat_id > after)
            .order_by(Subscriber.chat_id)
            .limit(FILL_BATCH)
            .subquery()
        )
        last, size = (
            await session.execute(select(func.max(batch.c.chat_id), func.count(batch.c.chat_id)))
        ).one()
        if size:
            await session.execute(
                insert(Delivery).from_select(_FILLED, _rows(advisory, after, last, self._now()))
            )
            broadcast.cursor, broadcast.total = last, broadcast.total + size
        if size < FILL_BATCH:
            broadcast.state = "sending"
            return False
        return True

    async def active(self) -> list[str]:
        """Broadcasts being filled or sent, oldest first."""
        query = (
            select(Broadcast.advisory_id)
            .where(Broadcast.state.in_(("filling", "sending")))
            .order_by(Broadcast.created_at)
        )
        async with self._db.sessions() as session:
            return list((await session.scalars(query)).all())

    async def lane(self, advisory_id: str) -> bool:
        """Whether the broadcast goes on the paid lane (kept through every resume)."""
        async with self._db.sessions() as session:
            return bool(
                await session.scalar(
                    select(Broadcast.paid).where(Broadcast.advisory_id == advisory_id)
                )
            )

    async def pending(self, advisory_id: str, *, after: int, limit: int) -> list[Pending]:
        """Rows due now after `after` (keyset pagination), for subscribers still subscribed."""
        query = (
            select(
                Delivery.chat_id,
                Subscriber.locale,
                Subscriber.region,
                Delivery.attempts,
                Subscriber.discreet,
                Delivery.message_id,
                Delivery.more_ids,
                Delivery.last_error,
            )
            .join(Subscriber, Subscriber.chat_id == Delivery.chat_id)
            .where(
                Delivery.advisory_id == advisory_id,
                Delivery.status == "pending",
                Delivery.chat_id > after,
                Delivery.next_attempt_at <= self._now(),
                Subscriber.subscribed.is_(True),
                Subscriber.blocked.is_(False),
            )
            .order_by(Delivery.chat_id)
            .limit(limit)
        )
        async with self._db.sessions() as session:
            rows = (await session.execute(query)).all()
        return [
            Pending(
                chat_id,
                locale,
                region,
                attempts,
                bool(discreet),
                _parts(first, more),
                (error or "").startswith(AMBIGUOUS),
            )
            for chat_id, locale, region, attempts, discreet, first, more, error in rows
        ]

    async def keep_parts(self, advisory_id: str, chat_id: int, ids: list[int]) -> None:
        """The parts of a pending row that arrived (the row stays pending)."""
        async with self._db.transaction() as session:
            await session.execute(
                update(Delivery)
                .where(
                    Delivery.advisory_id == advisory_id,
                    Delivery.chat_id == chat_id,
                    Delivery.status == "pending",
                )
                .values(message_id=ids[0], more_ids=message_ids.join(ids[1:], []))
            )

    async def skip_unreachable(self, advisory_id: str) -> None:
        """Rows of chats that stopped or blocked since publishing: never sent."""
        unreachable = select(Subscriber.chat_id).where(
            (Subscriber.subscribed.is_(False)) | (Subscriber.blocked.is_(True))
        )
        async with self._db.transaction() as session:
            await session.execute(
                update(Delivery)
                .where(
                    Delivery.advisory_id == advisory_id,
                    Delivery.status == "pending",
                    Delivery.chat_id.in_(unreachable),
                )
                .values(status="skipped", updated_at=self._now())
            )

    async def record(self, advisory_id: str, outcomes: list[SendOutcome]) -> None:
        """Store outcomes in one transaction (one executemany by primary key)."""
        if not outcomes:
            return
        rows = [
            {
                "key_advisory": advisory_id,
                "key_chat": o.chat_id,
                "status": o.status,
                "updated_at": o.at,
                "attempts": o.attempts,
                "last_error": o.error,
                "message_id": o.message_id,
                "more_ids": o.more_ids,
                "locale": o.locale,
                "next_attempt_at": o.next_attempt_at or o.at,
            }
            for o in outcomes
        ]
        async with self._db.transaction() as session:
            await session.execute(_record_statement(), rows)
            unreachable = [o.chat_id for o in outcomes if o.status in ("blocked", "gone")]
            if unreachable:  # blocked and gone chats leave the audience
                await session.execute(
                    update(Subscriber)
                    .where(Subscriber.chat_id.in_(unreachable))
                    .values(blocked=True)
                )
            await self._schedule_discreet(session, [o for o in outcomes if o.status == "sent"])

    async def _schedule_discreet(self, session: AsyncSession, sent: list[SendOutcome]) -> None:
        """Discreet chats get broadcasts deleted after 24 hours, like every other bot message."""
        rows = [
            {"chat_id": o.chat_id, "message_id": message_id, "delete_after": o.at + KEEP_FOR}
            for o in sent
            if o.discreet
            for message_id in o.message_ids()
        ]
        if rows:
            await session.execute(insert(ScheduledDeletion), rows)

    async def finish_if_done(self, advisory_id: str) -> str | None:
        """Mark the broadcast done once no row is pending: "finished" now, "done" before."""
        async with self._db.transaction() as session:
            left = await session.scalar(
                select(func.count())
                .select_from(Delivery)
                .where(and_(Delivery.advisory_id == advisory_id, Delivery.status == "pending"))
            )
            if left:
                return None
            result = await session.execute(
                update(Broadcast)
                .where(Broadcast.advisory_id == advisory_id, Broadcast.state == "sending")
                .values(state="done", finished_at=self._now())
            )
        return "finished" if result.rowcount else "done"  # type: ignore[attr-defined]

    async def next_retry(self, advisory_id: str) -> datetime | None:
        """When the earliest postponed row becomes due."""
        async with self._db.sessions() as session:
            return await session.scalar(
                select(func.min(Delivery.next_attempt_at)).where(
                    Delivery.advisory_id == advisory_id, Delivery.status == "pending"
                )
            )


_FILLED = ["advisory_id", "chat_id", "status", "attempts", "next_attempt_at", "updated_at"]


def _rows(advisory: Advisory, after: int, last: int, now: datetime) -> Select[Any]:
    """The outbox rows of the audience's chats in (after, last], due now."""
    stamp = cast(Table, Delivery.__table__).c.updated_at.type
    return select(
        literal(advisory.id, String),
        Subscriber.chat_id,
        literal("pending", String),
        literal(0, Integer),
        literal(now, stamp),
        literal(now, stamp),
    ).where(*audience(advisory), Subscriber.chat_id > after, Subscriber.chat_id <= last)


def _parts(first: int | None, more: str | None) -> tuple[int, ...]:
    """The text parts a pending row already delivered (an earlier try stopped after them)."""
    if first is None:
        return ()
    later, _voices = message_ids.split(more)
    return (first, *later)


@cache
def _record_statement() -> Update:
    """One UPDATE by primary key for a batch of outcomes, in SQLAlchemy Core: the ORM's bulk
    update by primary key cost as much CPU as sending the messages (a profile of a paid push)."""
    table = cast(Table, Delivery.__table__)
    return (
        update(table)
        .where(table.c.advisory_id == bindparam("key_advisory"))
        .where(table.c.chat_id == bindparam("key_chat"))
        .values(
            {
                name: bindparam(name)
                for name in (
                    "status", "updated_at", "attempts", "last_error", "message_id", "more_ids",
                    "locale", "next_attempt_at",
                )
            }
        )
    )  # fmt: skip
