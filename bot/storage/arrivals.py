"""Subscriptions counted by the way they came (a friend's share, the poster …): never who."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from bot.storage.db import Database
from bot.storage.models import Arrival


class ArrivalRepository:
    """Add one to a (country, language, way) count; read the counts."""

    def __init__(self, *, database: Database) -> None:
        self._db = database

    async def count(self, *, country: str, locale: str, via: str) -> None:
        """One more subscription that came this way."""
        key = {"country": country, "locale": locale, "via": via}
        for _ in range(2):  # two first arrivals racing to insert: the loser adds instead
            try:
                async with self._db.transaction() as session:
                    changed = await session.execute(
                        update(Arrival).filter_by(**key).values(count=Arrival.count + 1)
                    )
                    if changed.rowcount == 0:  # type: ignore[attr-defined]
                        session.add(Arrival(**key, count=1))
                return
            except IntegrityError:
                continue

    async def counts(self, *, country: str | None = None) -> dict[tuple[str, str, str], int]:
        """(country, locale, via) → subscriptions; one country's, or all."""
        query = select(Arrival.country, Arrival.locale, Arrival.via, Arrival.count)
        if country is not None:
            query = query.where(Arrival.country == country)
        async with self._db.sessions() as session:
            rows = (await session.execute(query)).all()
        return {(c, loc, via): int(n) for c, loc, via, n in sorted(rows)}
