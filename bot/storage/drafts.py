"""Drafts: advisories being composed or corrected by admins, stored so a restart loses nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update

from bot.clock import Clock, utcnow
from bot.storage.db import Database
from bot.storage.models import DraftRow


@dataclass
class Draft:
    """The answers so far (`data`), which question is awaited, and any approval request."""

    id: str
    country: str
    mode: str  # new | correct
    data: dict[str, Any] = field(default_factory=dict)
    editor: int | None = None
    asking: str | None = None
    request: dict[str, Any] | None = None
    updated_at: datetime | None = None


def _draft(row: DraftRow) -> Draft:
    return Draft(
        id=row.id,
        country=row.country,
        mode=row.mode,
        data=json.loads(row.document),
        editor=row.editor,
        asking=row.asking,
        request=json.loads(row.request) if row.request else None,
        updated_at=row.updated_at,
    )


class DraftRepository:
    """One row a draft; an admin answers the questions of at most one draft at a time."""

    def __init__(self, *, database: Database, clock: Clock = utcnow) -> None:
        self._db = database
        self._now = clock

    async def save(self, draft: Draft) -> Draft:
        """Insert or replace the draft; the editor's other drafts stop asking."""
        now = self._now()
        async with self._db.transaction() as session:
            if draft.editor is not None and draft.asking is not None:
                await session.execute(
                    update(DraftRow)
                    .where(DraftRow.editor == draft.editor, DraftRow.id != draft.id)
                    .values(asking=None)
                )
            row = await session.get(DraftRow, draft.id, with_for_update=True)
            if row is None:
                row = DraftRow(id=draft.id, created_at=now)
                session.add(row)
            row.country, row.mode, row.editor, row.asking = (
                draft.country,
                draft.mode,
                draft.editor,
                draft.asking,
            )
            row.document = json.dumps(draft.data, ensure_ascii=False, sort_keys=True)
            row.request = json.dumps(draft.request, sort_keys=True) if draft.request else None
            row.updated_at = now
        draft.updated_at = now
        return draft

    async def get(self, *, draft_id: str) -> Draft | None:
        """One draft by id."""
        async with self._db.sessions() as session:
            row = await session.get(DraftRow, draft_id)
        return None if row is None else _draft(row)

    async def asking(self, *, editor: int) -> Draft | None:
        """The draft whose question this admin is answering now, if any."""
        query = select(DraftRow).where(DraftRow.editor == editor, DraftRow.asking.is_not(None))
        async with self._db.sessions() as session:
            row = (await session.scalars(query.limit(1))).first()
        return None if row is None else _draft(row)

    async def of_country(self, *, country: str) -> list[Draft]:
        """The country's drafts, newest first."""
        query = (
            select(DraftRow)
            .where(DraftRow.country == country)
            .order_by(DraftRow.updated_at.desc())
        )
        async with self._db.sessions() as session:
            return [_draft(row) for row in (await session.scalars(query)).all()]

    async def delete(self, *, draft_id: str) -> bool:
        """Drop the draft (sent or discarded)."""
        async with self._db.transaction() as session:
            result = await session.execute(delete(DraftRow).where(DraftRow.id == draft_id))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def ids(self) -> frozenset[str]:
        """Every draft id (new advisory ids must not collide with them)."""
        async with self._db.sessions() as session:
            return frozenset((await session.scalars(select(DraftRow.id))).all())
