"""Public channels that mirror a country's advisories in one language, and what was posted
there (so a correction edits the post and a cancellation marks it). Channels are public: their
ids are not personal data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from bot.clock import Clock, utcnow
from bot.storage.db import Database
from bot.storage.models import AdvisoryRow, Broadcast, ChannelPost, ChannelRow

CONFIGURED, ADDED = "CHANNELS", "added"  # where a channel comes from (`ChannelRow.origin`)


@dataclass(frozen=True)
class Channel:
    """One mirror: the channel's id, its country and language, since when it mirrors."""

    chat: str
    country: str
    locale: str
    added_at: datetime


class ChannelRepository:
    """Channels from the configuration and the database (the union), and their posts."""

    def __init__(
        self,
        *,
        database: Database,
        configured: dict[str, tuple[str, str]] | None = None,
        clock: Clock = utcnow,
    ) -> None:
        self._db, self._configured, self._now = database, configured or {}, clock

    async def all(self) -> list[Channel]:
        """Every channel mirrored now: those CHANNELS names (as it names them now) and those
        added with `elchi channels add`. A channel CHANNELS no longer names stops; one it names
        anew, or with another country or language, mirrors what is published from then on,
        never the past. Read every delivery pass: it writes only when the setting changed."""
        async with self._db.sessions() as session:
            rows = {row.chat: row for row in (await session.scalars(select(ChannelRow))).all()}
        changed = {
            chat: wanted
            for chat, wanted in self._configured.items()
            if chat not in rows
            or (rows[chat].country, rows[chat].locale, rows[chat].origin) != (*wanted, CONFIGURED)
        }
        dropped = [
            c for c, r in rows.items() if r.origin == CONFIGURED and c not in self._configured
        ]
        if changed or dropped:
            async with self._db.transaction() as session:
                for chat, (country, locale) in changed.items():
                    row = await session.get(ChannelRow, chat)
                    if row is None:
                        row = ChannelRow(chat=chat, added_at=self._now())
                        session.add(row)
                    elif (row.country, row.locale) != (country, locale):
                        row.added_at = self._now()  # moved: only what comes from now on
                    row.country, row.locale, row.origin = country, locale, CONFIGURED
                    rows[chat] = row
                for chat in dropped:
                    await session.execute(delete(ChannelRow).where(ChannelRow.chat == chat))
                    rows.pop(chat)
        return [Channel(r.chat, r.country, r.locale, r.added_at) for r in rows.values()]

    async def get(self, *, chat: str) -> Channel | None:
        """One channel, if it mirrors."""
        async with self._db.sessions() as session:
            row = await session.get(ChannelRow, chat)
        return None if row is None else Channel(row.chat, row.country, row.locale, row.added_at)

    async def add(self, *, chat: str, country: str, locale: str) -> bool:
        """Mirror into `chat` from now on; False if it already mirrored (then, moved to this
        country or language, it mirrors only what is published from now on)."""
        async with self._db.transaction() as session:
            row = await session.get(ChannelRow, chat)
            if row is not None:
                if (row.country, row.locale) != (country, locale):
                    row.added_at = self._now()
                row.country, row.locale = country, locale
                return False
            session.add(
                ChannelRow(
                    chat=chat, country=country, locale=locale, added_at=self._now(), origin=ADDED
                )
            )
            return True

    async def remove(self, *, chat: str) -> bool:
        """Stop mirroring (posts already there stay); False if it was not mirroring."""
        async with self._db.transaction() as session:
            gone = await session.execute(delete(ChannelRow).where(ChannelRow.chat == chat))
            await session.execute(delete(ChannelPost).where(ChannelPost.chat == chat))
        return bool(gone.rowcount)  # type: ignore[attr-defined]

    async def published(self, *, country: str, since: datetime) -> list[tuple[str, datetime]]:
        """The country's advisories broadcast since `since` (cancellation notices too), oldest
        first, each with when it was last changed (a correction, a withdrawal)."""
        query = (
            select(Broadcast.advisory_id, AdvisoryRow.updated_at)
            .join(AdvisoryRow, AdvisoryRow.id == Broadcast.advisory_id)
            .where(AdvisoryRow.country == country, Broadcast.created_at >= since)
            .order_by(Broadcast.created_at)
        )
        async with self._db.sessions() as session:
            return [(str(i), changed) for i, changed in (await session.execute(query)).all()]

    async def posts(self, *, chat: str) -> dict[str, ChannelPost]:
        """What is in the channel, by advisory id."""
        query = select(ChannelPost).where(ChannelPost.chat == chat)
        async with self._db.sessions() as session:
            return {post.advisory_id: post for post in (await session.scalars(query)).all()}

    async def posted(self, *, advisory_id: str) -> bool:
        """Whether any channel shows this advisory (then its cancellation must reach them)."""
        query = select(ChannelPost.chat).where(ChannelPost.advisory_id == advisory_id).limit(1)
        async with self._db.sessions() as session:
            return (await session.scalar(query)) is not None

    async def keep(
        self, *, advisory_id: str, chat: str, message_id: int, digest: str, marked: bool
    ) -> None:
        """What is now in the channel for this advisory."""
        async with self._db.transaction() as session:
            row = await session.get(ChannelPost, (advisory_id, chat))
            if row is None:
                row = ChannelPost(advisory_id=advisory_id, chat=chat)
                session.add(row)
            row.message_id, row.digest, row.marked = message_id, digest, marked
            row.updated_at = self._now()
