"""Drafts: advisories being composed or corrected by admins, stored so a restart loses nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, model_validator
from sqlalchemy import delete, select, update

from bot.clock import Clock, utcnow
from bot.storage.db import Database
from bot.storage.models import DraftRow

# Questions answered by a "done" button (a list may be left empty: everywhere, every language).
DONE_BY_BUTTON = ("regions", "locales", "sources", "voice")


class DraftAnswers(BaseModel):
    """The answers of a draft so far, as stored (JSON): one typed place for every field.

    Which question comes next is `bot.admin.compose`'s; how an answer is taken,
    `bot.admin.answers`'s; how they become an advisory, `bot.admin.build`'s.
    """

    country: str | None = None
    kind: str | None = None  # alert | update | rumour
    supersedes: str | None = None  # the advisory an update replaces
    severity: str | None = None
    regions: list[str] = Field(default_factory=list)  # none: everywhere
    locales: list[str] = Field(default_factory=list)  # none: every language
    # locale → headline, claim, body, instruction (None: the instruction was skipped)
    text: dict[str, dict[str, str | None]] = Field(default_factory=dict)
    pending: list[str] = Field(default_factory=list)  # "to follow": Russian shown meanwhile
    sources: list[dict[str, Any]] = Field(default_factory=list)  # url, title (per language)
    source_url: str | None = None  # a source's link is typed, its name not yet
    adding_source: bool = False
    expires: str | None = None  # "none", a number of days, or a moment (ISO, with offset)
    understood: str | None = None  # a typed end date as read, until the admin confirms it
    typed_send_at: str | None = None  # a typed send time as read, until confirmed
    still_right: list[str] = Field(default_factory=list)  # correcting: unchanged, confirmed
    voice: dict[str, str] = Field(default_factory=dict)  # locale → Telegram file id
    recording: str | None = None  # the locale whose voice note is awaited
    done: list[str] = Field(default_factory=list)  # of DONE_BY_BUTTON, sorted
    edit: list[str] = Field(default_factory=list)  # questions asked again, in order
    candidates: list[str] = Field(default_factory=list)  # advisories an update may replace
    base: dict[str, Any] | None = None  # the stored advisory a correction starts from
    advisory: dict[str, Any] | None = None  # a whole advisory (file, CLI): nothing to ask
    origin: str | None = None  # where that whole advisory came from
    then: str | None = None  # correcting: "fix" or "fixn", pressed before languages were settled
    reminded: bool = False  # correcting: its editor was reminded that it has not gone out
    like: str | None = None  # the earlier advisory this one started from (the fast path)

    @model_validator(mode="before")
    @classmethod
    def _earlier_flags(cls, data: Any) -> Any:
        """Drafts stored before `done` had a flag a question (`regions_done`, ...)."""
        if isinstance(data, dict):
            flags = [k for k in DONE_BY_BUTTON if data.get(f"{k}_done")]
            data = {k: v for k, v in data.items() if not k.endswith("_done")}
            data["done"] = sorted({*data.get("done", []), *flags})
        return data

    def mark_done(self, key: str, done: bool = True) -> None:
        """Answered (or, editing, to be asked again) by its "done" button."""
        kept = set(self.done) - {key}
        self.done = sorted(kept | {key}) if done else sorted(kept)

    def as_json(self) -> dict[str, Any]:
        """The stored form (also what four-eyes approval digests)."""
        return self.model_dump(mode="json", exclude_defaults=True)


@dataclass
class Draft:
    """The answers so far (`data`), which question is awaited, and any approval request."""

    id: str
    country: str
    mode: str  # new | correct
    data: DraftAnswers = field(default_factory=DraftAnswers)
    editor: int | None = None
    asking: str | None = None
    request: dict[str, Any] | None = None
    updated_at: datetime | None = None


def _draft(row: DraftRow) -> Draft:
    return Draft(
        id=row.id,
        country=row.country,
        mode=row.mode,
        data=DraftAnswers.model_validate_json(row.document),
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
            row.document = json.dumps(draft.data.as_json(), ensure_ascii=False, sort_keys=True)
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
