"""Advisory and directory repository: the database is the source of truth at run time."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Literal

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.advisories.contacts import Directory
from bot.advisories.in_force import NEWS_FOR, Listing, listing
from bot.advisories.model import Advisory
from bot.clock import Clock, utcnow
from bot.storage.db import Database
from bot.storage.models import AdvisoryRow, DirectoryRow
from bot.storage.recently_read import RecentlyRead

Change = Literal["added", "changed", "unchanged", "kept"]


@dataclass(frozen=True)
class Timeline:
    """What the public page needs to know to keep its pages: whether anything changed
    (`version`), and when the next time comes that changes what is shown (`next_change`)."""

    version: tuple[object, ...]
    next_change: datetime | None


# kept: an admin changed it since
# Origins of content an admin wrote, corrected or withdrew; a schedule alone ("cli") is not one.
ADMIN_ORIGINS = ("admin", "correct", "cancel")


def _digest(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


class AdvisoryRepository:
    """Stores advisories as validated documents, with the columns queries need."""

    def __init__(self, *, database: Database, clock: Clock = utcnow) -> None:
        self._db = database
        self._now = clock
        # For presses of "I understand": a cancel seen up to two seconds late only counts a press.
        self.recent: RecentlyRead[str, Advisory | None] = RecentlyRead(
            lambda advisory_id: self.get(advisory_id=advisory_id), seconds=2
        )

    async def save(self, *, advisory: Advisory, origin: str) -> Change:
        """Insert or update one advisory; says whether anything changed."""
        async with self._db.transaction() as session:
            return await self._save(session, advisory, origin)

    async def save_all(
        self, *, advisories: list[tuple[Advisory, str]], directories: list[Directory]
    ) -> dict[str, Change]:
        """Save advisories (with their origins) and directories in ONE transaction."""
        changes: dict[str, Change] = {}
        async with self._db.transaction() as session:
            for advisory, origin in advisories:
                changes[advisory.id] = await self._save(
                    session, advisory, origin, keep_schedule=True
                )
            for directory in directories:
                changes[f"contacts:{directory.country}"] = await self._save_directory(
                    session, directory
                )
        return changes

    async def _save(
        self,
        session: AsyncSession,
        advisory: Advisory,
        origin: str,
        *,
        keep_schedule: bool = False,
    ) -> Change:
        row = await session.get(AdvisoryRow, advisory.id, with_for_update=True)
        if keep_schedule and row is not None and row.origin in ADMIN_ORIGINS:
            # Corrected, cancelled or composed by an admin: the database is the truth now, and
            # re-importing the folder at start must not undo what the admin did.
            return "kept"
        if keep_schedule and row is not None and advisory.publish_at is None and row.publish_at:
            # An admin scheduled it (`elchi push --at`); re-importing the file keeps that.
            advisory = advisory.model_copy(update={"publish_at": row.publish_at})
        document = advisory.model_dump_json()
        digest, now = _digest(document), self._now()
        if row is not None and row.digest == digest:
            return "unchanged"
        change: Change = "changed" if row is not None else "added"
        if row is None:
            row = AdvisoryRow(id=advisory.id, created_at=now)
            session.add(row)
        row.country, row.status, row.standing = (
            advisory.country,
            advisory.status,
            advisory.standing,
        )
        row.effective, row.expires = advisory.effective, advisory.expires
        row.publish_at, row.document, row.digest = advisory.publish_at, document, digest
        row.origin, row.updated_at = origin, now
        return change

    async def get(self, *, advisory_id: str) -> Advisory | None:
        """One advisory by id."""
        async with self._db.sessions() as session:
            row = await session.get(AdvisoryRow, advisory_id)
        return None if row is None else _parsed(row.document)

    async def ids(self) -> frozenset[str]:
        """Every stored id (the validator checks `supersedes` against them)."""
        async with self._db.sessions() as session:
            return frozenset((await session.scalars(select(AdvisoryRow.id))).all())

    async def in_force(self, *, country: str, now: datetime | None = None) -> list[Advisory]:
        """Actual advisories of `country` released, effective and not expired at `now`, newest
        first (the rule of `Advisory.in_force`, asked of the database)."""
        moment = now or self._now()
        query = (
            select(AdvisoryRow.document)
            .where(
                AdvisoryRow.country == country,
                AdvisoryRow.status == "actual",
                or_(AdvisoryRow.publish_at.is_(None), AdvisoryRow.publish_at <= moment),
                AdvisoryRow.effective <= moment,
                or_(AdvisoryRow.expires.is_(None), AdvisoryRow.expires > moment),
            )
            .order_by(AdvisoryRow.effective.desc(), AdvisoryRow.id)
        )
        async with self._db.sessions() as session:
            documents = (await session.scalars(query)).all()
        return [Advisory.model_validate_json(d) for d in documents]

    async def timeline(self, *, now: datetime) -> Timeline:
        """How many advisories and directories and when they last changed, and the next
        moment after `now` that one is sent, takes effect, ends or stops being news; read
        from the columns alone (no document is parsed)."""
        query = select(
            AdvisoryRow.updated_at, AdvisoryRow.publish_at, AdvisoryRow.effective,
            AdvisoryRow.expires,
        )  # fmt: skip
        async with self._db.sessions() as session:
            rows = (await session.execute(query)).all()
            directories = (await session.execute(select(DirectoryRow.updated_at))).all()
        moments = [m for r in rows for m in (r[1], r[2], r[3], r[2] + NEWS_FOR) if m is not None]
        later = [m for m in moments if m > now]
        changed = max([r[0] for r in rows] + [d[0] for d in directories], default=None)
        version = (len(rows), len(directories), changed)
        return Timeline(version=version, next_change=min(later, default=None))

    async def listing(self, *, country: str, now: datetime | None = None) -> Listing:
        """What readers of `country` see in /latest, the welcome pack and the feed."""
        return listing(await self.all(country=country), now=now or self._now())

    async def standing(self, *, country: str, now: datetime | None = None) -> Advisory | None:
        """The country's standing legal warning in force, if any."""
        return next((a for a in await self.in_force(country=country, now=now) if a.standing), None)

    async def all(self, *, country: str | None = None) -> list[Advisory]:
        """Every advisory (of `country`), newest first."""
        query = select(AdvisoryRow.document).order_by(AdvisoryRow.effective.desc())
        if country is not None:
            query = query.where(AdvisoryRow.country == country)
        async with self._db.sessions() as session:
            return [Advisory.model_validate_json(d) for d in (await session.scalars(query)).all()]

    async def _save_directory(self, session: AsyncSession, directory: Directory) -> Change:
        document = directory.model_dump_json()
        digest = _digest(document)
        row = await session.get(DirectoryRow, directory.country, with_for_update=True)
        if row is not None and row.digest == digest:
            return "unchanged"
        change: Change = "changed" if row is not None else "added"
        if row is None:
            row = DirectoryRow(country=directory.country)
            session.add(row)
        row.document, row.digest, row.updated_at = document, digest, self._now()
        return change

    async def directory(self, *, country: str) -> Directory | None:
        """The embassy directory of `country`."""
        async with self._db.sessions() as session:
            row = await session.get(DirectoryRow, country)
        return None if row is None else Directory.model_validate_json(row.document)


@lru_cache(maxsize=64)
def _parsed(document: str) -> Advisory:
    """The advisory a stored document holds, validated once (models are frozen): every press of
    a button under an advisory reads it again."""
    return Advisory.model_validate_json(document)
