"""Times admins give: quick choices, and moments typed as people write them, in Russian, Uzbek,
Kyrgyz or Tajik ("31.12.2026 18:00", "31 декабря", "завтра в 10", "ertaga 10:00"). Moscow time
unless an offset is given. The reading is `dateparser`'s; what it lacks is filled in here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.world import LANGUAGE, LANGUAGES, MOSCOW

LATEST = timedelta(days=366)  # a year ahead at most: a typo such as 2062 is refused
# dateparser's languages, the admin's own first (bot.world's `typed_dates`: their own, Cyrillic
# Uzbek, then Russian, which every clerk in Russia also types); then every other (a Kyrgyz clerk
# whose Telegram is in Russian still writes "эртең саат 10до"). dateparser has no Tajik; see TAJIK.
# Tajik words → the Russian dateparser reads (dateparser has no "tg" locale; a Tajik locale
# upstream would make this unnecessary). Month names: Tajik "декабри" is Russian "декабря".
TAJIK = {
    "имрӯз": "сегодня",
    "имруз": "сегодня",
    "фардо": "завтра",
    "пагоҳ": "завтра",
    "пасфардо": "послезавтра",
    "январ": "января",
    "феврал": "февраля",
    "март": "марта",
    "апрел": "апреля",
    "май": "мая",
    "июн": "июня",
    "июл": "июля",
    "август": "августа",
    "сентябр": "сентября",
    "октябр": "октября",
    "ноябр": "ноября",
    "декабр": "декабря",
}
TAJIK_WORD = re.compile(r"\b(" + "|".join(sorted(TAJIK, key=len, reverse=True)) + r")и?\b")
# "в 10", "soat 10", "саат 10до", "соати 10": an hour without minutes, which dateparser takes
# for a day of the month or ignores. Written as 10:00 before it reads the rest.
HOUR = re.compile(
    r"\b(?:в|во|at|soat|соат|саат|соати)\s+(\d{1,2})(?:[:.](\d{2}))?(?:\s*-?[^\W\d]{1,3})?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Understood:
    """A typed moment as read: Moscow time unless the text gave an offset."""

    moment: datetime
    with_time: bool  # False: only a day was given ("31 декабря"); it starts at 00:00


def quick(choice: str, *, now: datetime) -> datetime:
    """In 1 hour, in 3 hours, or tomorrow at 09:00 Moscow time."""
    if choice == "1h":
        return now + timedelta(hours=1)
    if choice == "3h":
        return now + timedelta(hours=3)
    tomorrow = now.astimezone(MOSCOW).date() + timedelta(days=1)
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, 9, 0, tzinfo=MOSCOW)


def understand(text: str, *, now: datetime, locale: str) -> Understood | None:
    """The moment in `text`, read in any of the four languages (the admin's tried first);
    None if none."""
    from dateparser.date import DateDataParser  # its language data: only when a time is typed

    value = _prepared(text)
    if not value:
        return None
    base = now.astimezone(MOSCOW).replace(tzinfo=None)
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": base,
        "DATE_ORDER": "DMY",
        "RETURN_TIME_AS_PERIOD": True,
    }
    own = list(LANGUAGE[locale].typed_dates if locale in LANGUAGE else ("ru",))
    every = dict.fromkeys(tag for language in LANGUAGES for tag in language.typed_dates)
    languages = own + [language for language in every if language not in own]
    read = DateDataParser(languages=languages, settings=settings).get_date_data(value)
    if read.date_obj is None:
        return None
    moment: datetime = read.date_obj
    with_time = read.period == "time"
    if not with_time:  # a day: from its start, not from the time of typing
        moment = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=MOSCOW)
    return Understood(moment.astimezone(MOSCOW).replace(microsecond=0), with_time)


def _prepared(text: str) -> str:
    value = " ".join(text.strip().lower().replace("ё", "е").split())
    value = TAJIK_WORD.sub(lambda m: TAJIK[m[1]], value)
    return HOUR.sub(lambda m: f" {int(m[1]):02d}:{m[2] or '00'}", value).strip()


def example(*, now: datetime, days: int = 7, hour: int = 10) -> str:
    """A moment to show in a question, computed from today: `09.12.2026 10:00`."""
    day = now.astimezone(MOSCOW).date() + timedelta(days=days)
    return f"{day:%d.%m.%Y} {hour:02d}:00"


def example_day(*, now: datetime, days: int = 30) -> str:
    """A day to show in a question, computed from today: `01.01.2027`."""
    return f"{now.astimezone(MOSCOW).date() + timedelta(days=days):%d.%m.%Y}"
