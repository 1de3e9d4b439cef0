"""Moments typed as clerks write them, in their four languages, read in Moscow time."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.admin.typed_times import example, example_day, understand
from bot.world import MOSCOW

NOW = datetime(2026, 12, 2, 9, 30, tzinfo=MOSCOW)  # a Wednesday


def msk(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=MOSCOW)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("typed", "locale", "moment", "with_time"),
    [
        ("31.12.2026", "ru", msk(2026, 12, 31), False),
        ("31.12.2026 18:00", "ru", msk(2026, 12, 31, 18), True),
        ("31 декабря", "ru", msk(2026, 12, 31), False),
        ("31 декабря в 18:30", "ru", msk(2026, 12, 31, 18, 30), True),
        ("завтра в 10", "ru", msk(2026, 12, 3, 10), True),
        ("Завтра в 10:30", "ru", msk(2026, 12, 3, 10, 30), True),
        ("послезавтра 9:00", "ru", msk(2026, 12, 4, 9), True),
        ("в 18", "ru", msk(2026, 12, 2, 18), True),
        ("2027-01-31", "ru", msk(2027, 1, 31), False),
        ("2026-12-20 09:00", "ky", msk(2026, 12, 20, 9), True),
        ("ertaga 10:00", "uz", msk(2026, 12, 3, 10), True),
        ("ertaga soat 10", "uz", msk(2026, 12, 3, 10), True),
        ("31-dekabr", "uz", msk(2026, 12, 31), False),
        ("эртага соат 10", "uz", msk(2026, 12, 3, 10), True),
        ("эртең саат 10до", "ky", msk(2026, 12, 3, 10), True),
        ("31-декабрь", "ky", msk(2026, 12, 31), False),
        ("бүгүн 18:00", "ky", msk(2026, 12, 2, 18), True),
        ("фардо соати 10", "tg", msk(2026, 12, 3, 10), True),
        ("пагоҳ соати 10", "tg", msk(2026, 12, 3, 10), True),
        ("31 декабри 2026", "tg", msk(2026, 12, 31), False),
        ("31 декабри соати 18:00", "tg", msk(2026, 12, 31, 18), True),
        ("завтра в 10", "tg", msk(2026, 12, 3, 10), True),  # Russian, from any admin
        ("2026-12-20T09:00:00+05:00", "uz", msk(2026, 12, 20, 7), True),  # its own offset
    ],
)
def test_a_typed_moment_is_read_in_moscow_time(
    typed: str, locale: str, moment: datetime, with_time: bool
) -> None:
    read = understand(typed, now=NOW, locale=locale)
    assert read is not None, typed
    assert read.moment == moment
    assert read.moment.utcoffset() == MOSCOW.utcoffset(None)
    assert read.with_time is with_time


@pytest.mark.parametrize("app_language", ["ru", "uz", "uz_Cyrl", "ky", "tg"])
@pytest.mark.parametrize(
    ("typed", "moment"),
    [
        ("эртең саат 10до", msk(2026, 12, 3, 10)),  # Kyrgyz
        ("ertaga soat 10", msk(2026, 12, 3, 10)),  # Uzbek
        ("эртага соат 10", msk(2026, 12, 3, 10)),  # Cyrillic Uzbek
        ("фардо соати 10", msk(2026, 12, 3, 10)),  # Tajik
        ("завтра в 10", msk(2026, 12, 3, 10)),  # Russian
    ],
)
def test_a_moment_in_any_language_is_read_whatever_the_app_language(
    typed: str, moment: datetime, app_language: str
) -> None:
    read = understand(typed, now=NOW, locale=app_language)
    assert read is not None
    assert read.moment == moment


@pytest.mark.parametrize("typed", ["", "abc", "2022-02-30", "31.02.2027 09:00", "когда-нибудь"])
def test_what_is_not_a_moment_is_not_guessed(typed: str) -> None:
    assert understand(typed, now=NOW, locale="ru") is None


def test_examples_are_computed_from_today() -> None:
    assert example(now=NOW) == "09.12.2026 10:00"
    assert example_day(now=NOW) == "01.01.2027"
