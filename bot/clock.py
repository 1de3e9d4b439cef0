"""Time as a dependency, so tests can move it forward instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """The real clock: aware UTC now."""
    return datetime.now(UTC)
