"""Quiet hours: below severe, no sound between 22:00 and 08:00 in the subscriber's zone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.delivery.quiet import silent

LATE_IN_MOSCOW = datetime(2026, 11, 26, 20, 30, tzinfo=UTC)  # 23:30 Moscow, 03:30 Novosibirsk
EVENING_IN_MOSCOW = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)  # 17:00 Moscow, 21:00 Novosibirsk


@pytest.mark.parametrize(
    ("severity", "region", "now", "expected"),
    [
        ("moderate", None, LATE_IN_MOSCOW, True),  # unknown region: Moscow time
        ("minor", "RU-MOW", LATE_IN_MOSCOW, True),
        ("moderate", "RU-NVS", EVENING_IN_MOSCOW, False),  # 21:00 in Novosibirsk
        ("moderate", "RU-PRI", EVENING_IN_MOSCOW, True),  # 00:00 in Vladivostok
        ("severe", "RU-MOW", LATE_IN_MOSCOW, False),  # urgent ones ring
        ("extreme", "RU-PRI", EVENING_IN_MOSCOW, False),
    ],
)
def test_silent(severity: str, region: str | None, now: datetime, expected: bool) -> None:
    assert silent(severity=severity, region=region, now=now) is expected
