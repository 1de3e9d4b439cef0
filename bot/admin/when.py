"""Times admins give: quick choices and typed times (Moscow time unless an offset is given)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.world import MOSCOW

FORMATS = ("%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M", "%Y-%m-%dT%H:%M")
LATEST = timedelta(days=366)  # a year ahead at most: a typo such as 2062 is refused


def quick(choice: str, *, now: datetime) -> datetime:
    """In 1 hour, in 3 hours, or tomorrow at 09:00 Moscow time."""
    if choice == "1h":
        return now + timedelta(hours=1)
    if choice == "3h":
        return now + timedelta(hours=3)
    tomorrow = now.astimezone(MOSCOW).date() + timedelta(days=1)
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, 9, 0, tzinfo=MOSCOW)


def parse_time(text: str, *, now: datetime) -> datetime | None:
    """`2026-12-01 09:00` (Moscow), `01.12.2026 09:00`, or ISO with an offset; None if not."""
    value = text.strip()
    moment = None
    for pattern in FORMATS:
        try:
            moment = datetime.strptime(value, pattern).replace(tzinfo=MOSCOW)
            break
        except ValueError:
            continue
    if moment is None:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=MOSCOW)
    return moment


def acceptable(moment: datetime, *, now: datetime) -> bool:
    """In the future, and not absurdly far."""
    return now < moment <= now + LATEST
