"""Job offers migrants flagged and agreed to send to their embassy: the text, how many times
the same offer came in, when; never who sent it. Deleted 90 days after it last came in."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock, utcnow
from bot.storage.db import Database
from bot.storage.models import OfferReport

KEPT_FOR = timedelta(days=90)
MAX_TEXT = 4000  # characters kept of one offer (a Telegram message holds 4096)


@dataclass(frozen=True)
class Offer:
    """One flagged offer as admins read it."""

    text: str
    times: int
    first_at: datetime
    last_at: datetime


class OfferRepository:
    """Keep, count, list and delete flagged offers; one row an offer (by its folded text)."""

    def __init__(self, *, database: Database, clock: Clock = utcnow) -> None:
        self._db = database
        self._now = clock

    async def keep(self, *, country: str, text: str, key: str) -> int:
        """Keep `text` for `country`'s admins, or count it again (`key`: the text folded, so
        the same offer retyped or reforwarded counts as one); how many times it came in."""
        digest, now = hashlib.sha256(key.encode()).hexdigest(), self._now()
        for _ in range(2):  # two first reports racing to insert: the loser counts instead
            try:
                async with self._db.transaction() as session:
                    return await self._count_or_add(session, country, digest, text, now)
            except IntegrityError:
                continue
        raise RuntimeError("offer_reports: could not count the offer")

    @staticmethod
    async def _count_or_add(
        session: AsyncSession, country: str, digest: str, text: str, now: datetime
    ) -> int:
        counted = await session.execute(
            update(OfferReport)
            .where(OfferReport.country == country, OfferReport.digest == digest)
            .values(times=OfferReport.times + 1, last_at=now)
            .returning(OfferReport.times)
        )
        times = counted.scalar()
        if times is not None:
            return int(times)
        row = OfferReport(country=country, digest=digest, text=text[:MAX_TEXT], times=1)
        row.first_at = row.last_at = now
        session.add(row)
        return 1

    async def newest(self, *, country: str, limit: int = 10) -> list[Offer]:
        """`country`'s flagged offers, the one that came in last first."""
        query = (
            select(OfferReport)
            .where(OfferReport.country == country, OfferReport.last_at > self._now() - KEPT_FOR)
            .order_by(OfferReport.last_at.desc())
            .limit(limit)
        )
        async with self._db.sessions() as session:
            rows = (await session.scalars(query)).all()
        return [Offer(r.text, int(r.times), r.first_at, r.last_at) for r in rows]

    async def purge(self) -> int:
        """Delete offers that last came in more than 90 days ago; how many."""
        async with self._db.transaction() as session:
            done = await session.execute(
                delete(OfferReport).where(OfferReport.last_at <= self._now() - KEPT_FOR)
            )
        return int(done.rowcount or 0)  # type: ignore[attr-defined]
