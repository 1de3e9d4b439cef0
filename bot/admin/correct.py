"""Correcting an advisory in place: every delivered message is edited, within the send rate."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from bot.advisories.model import Advisory
from bot.delivery.limiter import RateLimiter
from bot.delivery.telegram_api import BotApiClient
from bot.storage.db import Database
from bot.storage.models import Delivery

PAGE = 500


@dataclass
class CorrectionReport:
    """How many delivered messages were edited, were gone, or failed."""

    edited: int = 0
    gone: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


async def correct_delivered(
    *,
    database: Database,
    advisory: Advisory,
    first_parts: dict[str, str],
    client: BotApiClient,
    limiter: RateLimiter,
) -> CorrectionReport:
    """Edit the first message of every `sent` row to the corrected text of its locale."""
    report = CorrectionReport()
    after = 0
    while True:
        query = (
            select(Delivery.chat_id, Delivery.message_id, Delivery.locale)
            .where(
                Delivery.advisory_id == advisory.id,
                Delivery.status == "sent",
                Delivery.message_id.is_not(None),
                Delivery.chat_id > after,
            )
            .order_by(Delivery.chat_id)
            .limit(PAGE)
        )
        async with database.sessions() as session:
            rows = (await session.execute(query)).all()
        if not rows:
            return report
        for chat_id, message_id, locale in rows:
            text = first_parts.get(locale or "ru") or first_parts["ru"]
            await limiter.acquire()
            result = await client.edit_message_text(
                {
                    "chat_id": chat_id,
                    "message_id": message_id,
                    "text": text,
                    "parse_mode": "HTML",
                    "link_preview_options": {"is_disabled": True},
                },
            )
            if result.kind == "sent":
                report.edited += 1
            elif result.kind in ("gone", "blocked"):
                report.gone += 1
            else:
                report.failed += 1
                report.errors.append(result.error or "")
        after = rows[-1][0]
