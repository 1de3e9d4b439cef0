"""Quiet hours: advisories below severe go silently between 22:00 and 08:00 local time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.world.geography import region_timezone

URGENT = ("extreme", "severe")


def silent(*, severity: str, region: str | None, now: datetime) -> bool:
    """True when the message should not ring: not urgent and night in the subscriber's zone."""
    if severity in URGENT:
        return False
    hour = now.astimezone(ZoneInfo(region_timezone(region))).hour
    return hour >= 22 or hour < 8
