"""Subscriber repository: every change a chat can make to its own row, and audience counts."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from aiodataloader import DataLoader
from sqlalchemy import delete, func, select, update

from bot.clock import Clock, utcnow
from bot.storage.db import Database
from bot.storage.models import Acknowledgement, Delivery, ScheduledDeletion, Subscriber


@dataclass(frozen=True)
class AudienceCount:
    """Active subscribers (subscribed, not blocked) of one country in one locale."""

    country: str
    locale: str
    count: int


class SubscriberRepository:
    """All writes are single transactions; methods take keyword arguments only."""

    def __init__(self, *, database: Database, clock: Clock = utcnow) -> None:
        self._db = database
        self._now = clock
        self._lookups: DataLoader[int, Subscriber | None] | None = None

    async def get(self, *, chat_id: int) -> Subscriber | None:
        """The chat's row, or None if it never subscribed (or forgot)."""
        async with self._db.sessions() as session:
            return await session.get(Subscriber, chat_id)

    async def lookup(self, *, chat_id: int) -> Subscriber | None:
        """`get`, read in one query with the other lookups of the same turn of the event loop
        (every update looks up its chat: under a flood of presses, one query for many). Nothing
        is kept: the next lookup reads again."""
        loop = asyncio.get_running_loop()
        if self._lookups is None or self._lookups.loop is not loop:
            self._lookups = DataLoader(self._get_all, cache=False, max_batch_size=500, loop=loop)
        return await self._lookups.load(chat_id)

    async def _get_all(self, chat_ids: list[int]) -> list[Subscriber | None]:
        query = select(Subscriber).where(Subscriber.chat_id.in_(set(chat_ids)))
        async with self._db.sessions() as session:
            found = {row.chat_id: row for row in (await session.scalars(query)).all()}
        return [found.get(chat_id) for chat_id in chat_ids]

    async def subscribe(self, *, chat_id: int, locale: str, country: str) -> Subscriber:
        """Create or re-activate the chat's subscription with this locale and citizenship."""
        now = self._now()
        async with self._db.transaction() as session:
            row = await session.get(Subscriber, chat_id, with_for_update=True)
            if row is None:
                row = Subscriber(chat_id=chat_id, created_at=now, region=None, discreet=False)
                session.add(row)
            row.locale, row.country = locale, country
            row.subscribed, row.blocked, row.updated_at = True, False, now
        return row

    async def set_locale(self, *, chat_id: int, locale: str) -> bool:
        """Change the language; False if the chat has no row."""
        return await self._update(chat_id, locale=locale)

    async def set_country(self, *, chat_id: int, country: str) -> bool:
        """Change the citizenship."""
        return await self._update(chat_id, country=country)

    async def set_region(self, *, chat_id: int, region: str | None) -> bool:
        """Save or clear the optional region."""
        return await self._update(chat_id, region=region)

    async def set_discreet(self, *, chat_id: int, discreet: bool) -> bool:
        """Turn discreet mode on or off."""
        return await self._update(chat_id, discreet=discreet)

    async def unsubscribe(self, *, chat_id: int) -> bool:
        """Stop sending advisories; the row stays so /start brings the settings back."""
        return await self._update(chat_id, subscribed=False)

    async def mark_blocked(self, *, chat_id: int) -> bool:
        """Telegram said the user blocked the bot: never send again until they return."""
        return await self._update(chat_id, blocked=True)

    async def forget(self, *, chat_id: int) -> bool:
        """Delete every row about the chat; False if there was none."""
        async with self._db.transaction() as session:
            await session.execute(
                delete(ScheduledDeletion).where(ScheduledDeletion.chat_id == chat_id)
            )
            await session.execute(delete(Delivery).where(Delivery.chat_id == chat_id))
            await session.execute(
                delete(Acknowledgement).where(Acknowledgement.chat_id == chat_id)
            )
            result = await session.execute(delete(Subscriber).where(Subscriber.chat_id == chat_id))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def count_active(self) -> list[AudienceCount]:
        """Active subscribers by country and locale, sorted; counts only, never chat ids."""
        query = (
            select(Subscriber.country, Subscriber.locale, func.count())
            .where(Subscriber.subscribed.is_(True), Subscriber.blocked.is_(False))
            .group_by(Subscriber.country, Subscriber.locale)
            .order_by(Subscriber.country, Subscriber.locale)
        )
        async with self._db.sessions() as session:
            rows = (await session.execute(query)).all()
        return [AudienceCount(country, locale, count) for country, locale, count in rows]

    async def count_by_region(self, *, country: str) -> dict[str | None, int]:
        """Active subscribers of `country` by saved region (None: not given); counts only."""
        query = (
            select(Subscriber.region, func.count())
            .where(
                Subscriber.country == country,
                Subscriber.subscribed.is_(True),
                Subscriber.blocked.is_(False),
            )
            .group_by(Subscriber.region)
        )
        async with self._db.sessions() as session:
            rows = (await session.execute(query)).all()
        return {region: int(count) for region, count in rows}

    async def _update(self, chat_id: int, **values: object) -> bool:
        async with self._db.transaction() as session:
            result = await session.execute(
                update(Subscriber)
                .where(Subscriber.chat_id == chat_id)
                .values(**values, updated_at=self._now())
            )
        return bool(result.rowcount)  # type: ignore[attr-defined]
