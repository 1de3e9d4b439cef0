"""What admins, reports and the scheduler ask about broadcasts (the read and control side)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select, update

from bot.advisories.model import Advisory
from bot.clock import Clock
from bot.storage.db import Database
from bot.storage.models import (
    AMBIGUOUS,
    AdvisoryRow,
    Broadcast,
    CorrectionRow,
    Delivery,
    Subscriber,
)


@dataclass
class Progress:
    """Counts of one broadcast, for the progress bar and the report."""

    total: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    sent_by_locale: dict[str, int] = field(default_factory=dict)
    possibly_twice: int = 0  # sent after a try whose connection dropped once it was written

    @property
    def left(self) -> int:
        return self.by_status.get("pending", 0)


def audience(advisory: Advisory) -> list[Any]:
    """Who an advisory reaches: its country's active subscribers, narrowed by targeting."""
    conditions = [
        Subscriber.country == advisory.country,
        Subscriber.subscribed.is_(True),
        Subscriber.blocked.is_(False),
    ]
    if advisory.targeting.regions:
        conditions.append(Subscriber.region.in_(advisory.targeting.regions))
    if advisory.targeting.locales:
        conditions.append(Subscriber.locale.in_(advisory.targeting.locales))
    if advisory.kind == "cancel" and advisory.supersedes:
        # A cancellation goes to the people who received what it cancels, and to no one else.
        received = select(Delivery.chat_id).where(
            Delivery.advisory_id == advisory.supersedes, Delivery.status == "sent"
        )
        conditions.append(Subscriber.chat_id.in_(received))
    return conditions


class BroadcastQueries:
    """Counts, states, scheduling and halting; `Outbox` adds the sending side."""

    _db: Database
    _now: Clock

    async def audience_size(self, advisory: Advisory) -> int:
        """How many subscribers the advisory would reach now."""
        async with self._db.sessions() as session:
            query = select(func.count()).select_from(Subscriber).where(*audience(advisory))
            return int(await session.scalar(query) or 0)

    async def due_scheduled(self) -> list[Advisory]:
        """Actual advisories whose publish_at has come and that have no broadcast yet."""
        query = (
            select(AdvisoryRow.document)
            .outerjoin(Broadcast, Broadcast.advisory_id == AdvisoryRow.id)
            .where(
                AdvisoryRow.status == "actual",
                AdvisoryRow.publish_at.is_not(None),
                AdvisoryRow.publish_at <= self._now(),
                # Cancelled (or otherwise expired) before its time: never sent.
                or_(AdvisoryRow.expires.is_(None), AdvisoryRow.expires > self._now()),
                Broadcast.advisory_id.is_(None),
            )
            .order_by(AdvisoryRow.publish_at)
        )
        async with self._db.sessions() as session:
            documents = (await session.scalars(query)).all()
        return [Advisory.model_validate_json(d) for d in documents]

    async def recent(self, *, country: str, limit: int = 5) -> list[str]:
        """The country's newest broadcasts (advisory ids), newest first."""
        query = (
            select(Broadcast.advisory_id)
            .join(AdvisoryRow, AdvisoryRow.id == Broadcast.advisory_id)
            .where(AdvisoryRow.country == country)
            .order_by(Broadcast.created_at.desc())
            .limit(limit)
        )
        async with self._db.sessions() as session:
            return list((await session.scalars(query)).all())

    async def audience_by_locale(self, advisory: Advisory) -> dict[str, int]:
        """The audience by the subscribers' locale (the preview shows it)."""
        query = (
            select(Subscriber.locale, func.count())
            .where(*audience(advisory))
            .group_by(Subscriber.locale)
        )
        async with self._db.sessions() as session:
            rows = (await session.execute(query)).all()
        return {str(locale): int(count) for locale, count in rows}

    async def resume(self, *, advisory_id: str) -> bool:
        """A halted broadcast goes on sending what is still pending."""
        async with self._db.transaction() as session:
            result = await session.execute(
                update(Broadcast)
                .where(Broadcast.advisory_id == advisory_id, Broadcast.state == "halted")
                .values(state="sending")
            )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def halt(self, *, country: str) -> list[str]:
        """Stop every broadcast and correction of `country` at once; returns the advisories."""
        of_country = select(AdvisoryRow.id).where(AdvisoryRow.country == country)
        async with self._db.transaction() as session:
            halted = (
                await session.scalars(
                    update(Broadcast)
                    .where(
                        Broadcast.state.in_(("filling", "sending")),
                        Broadcast.advisory_id.in_(of_country),
                    )
                    .values(state="halted")
                    .returning(Broadcast.advisory_id)
                )
            ).all()
            corrections = (
                await session.scalars(
                    update(CorrectionRow)
                    .where(
                        CorrectionRow.state == "pending",
                        CorrectionRow.advisory_id.in_(of_country),
                    )
                    .values(state="halted")
                    .returning(CorrectionRow.advisory_id)
                )
            ).all()
        return sorted(set(halted) | set(corrections))

    async def cancel(self, *, advisory_id: str) -> None:
        """Stop the advisory's pending sends for good and mark its broadcast cancelled."""
        now = self._now()
        async with self._db.transaction() as session:
            await session.execute(
                update(Delivery)
                .where(Delivery.advisory_id == advisory_id, Delivery.status == "pending")
                .values(status="stopped", updated_at=now)
            )
            # A finished broadcast is marked too: admins see "cancelled", not "sent".
            await session.execute(
                update(Broadcast)
                .where(Broadcast.advisory_id == advisory_id)
                .values(state="cancelled", finished_at=func.coalesce(Broadcast.finished_at, now))
            )

    async def received_by_anyone(self, advisory_id: str) -> bool:
        """Whether anyone got the advisory delivered."""
        query = select(Delivery.chat_id).where(
            Delivery.advisory_id == advisory_id, Delivery.status == "sent"
        )
        async with self._db.sessions() as session:
            return (await session.scalars(query.limit(1))).first() is not None

    async def state(self, advisory_id: str) -> str | None:
        """filling, sending, done or halted (None: never published)."""
        async with self._db.sessions() as session:
            return await session.scalar(
                select(Broadcast.state).where(Broadcast.advisory_id == advisory_id)
            )

    async def status_counts(self) -> dict[str, int]:
        """Delivery rows of every broadcast by status (for /metrics)."""
        async with self._db.sessions() as session:
            rows = await session.execute(
                select(Delivery.status, func.count()).group_by(Delivery.status)
            )
            return {status: count for status, count in rows.all()}

    async def progress(self, advisory_id: str) -> Progress:
        """Counts by status and sent counts by locale (counts only, never chat ids)."""
        async with self._db.sessions() as session:
            broadcast = await session.get(Broadcast, advisory_id)
            by_status = dict(
                (
                    await session.execute(
                        select(Delivery.status, func.count())
                        .where(Delivery.advisory_id == advisory_id)
                        .group_by(Delivery.status)
                    )
                ).all()
            )
            by_locale = dict(
                (
                    await session.execute(
                        select(Delivery.locale, func.count())
                        .where(Delivery.advisory_id == advisory_id, Delivery.status == "sent")
                        .group_by(Delivery.locale)
                    )
                ).all()
            )
            twice = await session.scalar(
                select(func.count()).where(
                    Delivery.advisory_id == advisory_id,
                    Delivery.status == "sent",
                    Delivery.last_error.startswith(AMBIGUOUS),
                )
            )
        total = 0 if broadcast is None else broadcast.total
        locales = {str(locale): count for locale, count in by_locale.items()}
        return Progress(
            total=total,
            by_status=by_status,
            sent_by_locale=locales,
            possibly_twice=int(twice or 0),
        )
