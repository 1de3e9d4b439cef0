"""An advisory's state as admins see it, from its broadcast (if any) and its own times."""

from __future__ import annotations

from datetime import datetime

from bot.advisories.model import Advisory


def advisory_state(advisory: Advisory, *, broadcast: str | None, now: datetime) -> str:
    """filling, sending, done, halted, cancelled (a broadcast's); else expired, draft,
    scheduled, or published (shown in /latest but never broadcast)."""
    if broadcast is not None:
        return broadcast
    if advisory.expires is not None and advisory.expires <= now:
        return "expired"
    if advisory.status != "actual":
        return "draft"
    return "scheduled" if advisory.publish_at is not None else "published"
