"""The advisory: one model for files, the database, the admin workflow and delivery.

Fields follow OASIS CAP 1.2 (status, msgType as `kind`, urgency, severity, certainty,
effective, expires) plus what Elchi needs (country, targeting, sources, texts per locale).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from bot.world import (
    CONTENT_LOCALES,
    COUNTRY_CODES,
    LOCALE_CODES,
    MOSCOW,
    WRITTEN_LOCALES,
    Country,
    Locale,
    written_locale,
)
from bot.world.regions import REGION_NAMES

Text = Annotated[str, Field(min_length=1)]
# Characters no advisory may hold: control characters but tab and line breaks, and the two
# non-characters; they are invisible to a reader and make XML (the feed, CAP) not well-formed.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def control_character(text: str) -> str | None:
    """The first character of `text` no advisory may hold, as U+XXXX, or None."""
    found = _FORBIDDEN.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def xml_text(text: str) -> str:
    """`text` without the characters XML cannot hold (a last guard for the feed and CAP)."""
    return _FORBIDDEN.sub("", text)


class Strict(BaseModel):
    """Unknown fields are errors: a typo must not silently drop a fact. No text may hold an
    invisible control character (`control_character`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _no_control_characters(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for name, value in data.items():
                values = (
                    value.values()
                    if isinstance(value, dict)
                    else (value if isinstance(value, list) else [value])
                )
                for text in (v for v in values if isinstance(v, str)):
                    found = control_character(text)
                    if found is not None:
                        raise ValueError(f"{name}: an invisible control character ({found})")
        return data


class Source(Strict):
    """Where a fact comes from, and when someone last checked it there."""

    url: Annotated[str, Field(pattern=r"^https?://[^\s]+$")]
    # In each written language (Cyrillic Uzbek derived), so that every reader can tell what the
    # link is; one text is shown to everyone (an admin's title typed in Telegram).
    title: Text | dict[Locale, Text]
    published: date | None = None
    checked: date
    # False: the article itself could not be found; `url` is then the publisher's site, and
    # readers are told so (a home page must never look like the confirmation of a fact).
    found: bool = True

    def title_in(self, locale: str) -> str:
        """The title for readers of `locale` (Russian where a language is missing)."""
        if isinstance(self.title, str):
            return self.title
        return pick(self.title, locale) or next(iter(self.title.values()))


class LocaleText(Strict):
    """What readers of one locale see."""

    headline: Annotated[str, Field(min_length=1, max_length=160)]
    body: Text
    instruction: str | None = None
    claim: str | None = None  # rumour corrections: the false claim, in this language
    # At most three short sentences: what the message shows; the body is then behind "More".
    summary: str | None = None


class Targeting(Strict):
    """Optional narrowing of the audience within the country."""

    regions: list[Annotated[str, Field(pattern=r"^RU-[A-Z]{2,3}$")]] = []
    locales: list[Locale] = []


def _aware(value: object) -> object:
    """A bare date means midnight Moscow time; a datetime must carry its offset.

    Strings (an advisory composed in Telegram is data, not YAML) are read the same way."""
    if isinstance(value, str):
        try:
            day_only = len(value) == 10
            value = date.fromisoformat(value) if day_only else datetime.fromisoformat(value)
        except ValueError:
            return value  # pydantic names the field and what is wrong
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time(), MOSCOW)
    if isinstance(value, datetime) and value.tzinfo is None:
        raise ValueError("a time needs its offset, e.g. 2026-12-01T09:00:00+03:00")
    return value


class Advisory(Strict):
    """One advisory of one embassy to its citizens."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{2,47}$")]  # fits callback data
    country: Country
    status: Literal["actual", "test", "draft"]
    kind: Literal["alert", "update", "cancel", "rumour_correction"]
    severity: Literal["extreme", "severe", "moderate", "minor"]
    urgency: Literal["immediate", "expected", "future", "past", "unknown"] = "unknown"
    certainty: Literal["observed", "likely", "possible", "unlikely", "unknown"] = "observed"
    category: Literal["safety", "security", "rescue", "health", "other"] = "security"
    standing: bool = False  # the country's standing legal warning, shown by /law
    # Whose words the instruction is: the embassy's own request ("what your embassy says"), or
    # Elchi's advice drawn from the sources (shown as Elchi's advice, never as the embassy's).
    instruction_from: Literal["embassy", "elchi"] = "elchi"
    effective: datetime
    date_precision: Literal["day", "month"] = "day"  # "month" when sources give no day
    expires: datetime | None = None
    publish_at: datetime | None = None  # when set, the delivery engine pushes it then
    supersedes: str | None = None
    targeting: Targeting = Targeting()
    sources: Annotated[list[Source], Field(min_length=1)]
    text: dict[Locale, LocaleText]
    pending: list[Locale] = []  # locales still to be translated; Russian is shown meanwhile
    # Standing warnings whose answer depends on also holding Russian citizenship: the bot asks
    # (and stores nothing about the answer), then shows one of these, per locale.
    if_dual: dict[Locale, str] = {}
    if_not_dual: dict[Locale, str] = {}
    # Voice notes recorded by an admin in Telegram, per locale (Telegram file ids of this bot),
    # sent after the text for people who read poorly.
    voice: dict[Locale, Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,200}$")]] = {}
    # Each correction after delivery is a new revision (CAP: an Update referencing the first).
    revision: Annotated[int, Field(ge=0)] = 0
    corrected_at: datetime | None = None

    _times = field_validator("effective", "expires", "publish_at", "corrected_at", mode="before")(
        _aware
    )

    @model_validator(mode="after")
    def _consistent(self) -> Advisory:
        if "ru" not in self.text:
            raise ValueError("text: Russian (ru) is required")
        missing = [
            loc for loc in CONTENT_LOCALES if loc not in self.text and loc not in self.pending
        ]
        if missing:
            raise ValueError(f"text: missing {', '.join(missing)} (or list them in pending)")
        for name, texts in (("if_dual", self.if_dual), ("if_not_dual", self.if_not_dual)):
            lacking = [
                loc for loc in self.text if loc in WRITTEN_LOCALES and texts and loc not in texts
            ]
            if lacking:
                raise ValueError(f"{name}: missing {', '.join(lacking)}")
        if bool(self.if_dual) != bool(self.if_not_dual):
            raise ValueError("if_dual: give both if_dual and if_not_dual, or neither")
        if self.expires is not None and self.expires <= self.effective:
            raise ValueError("expires: must be after effective")
        unknown = [code for code in self.targeting.regions if code not in REGION_NAMES]
        if unknown:  # a code that names no region Elchi knows would reach nobody, silently
            raise ValueError(f"targeting: no region {', '.join(unknown)} in bot/world/regions.py")
        if self.kind in ("update", "cancel") and not self.supersedes:
            raise ValueError(f"supersedes: an {self.kind} must name the advisory it changes")
        if self.kind == "rumour_correction" and any(not t.claim for t in self.text.values()):
            raise ValueError("text: a rumour correction states the false claim in every text")
        if self.country not in COUNTRY_CODES:
            raise ValueError("country: unknown")
        return self

    def released(self, now: datetime) -> bool:
        """Whether the embargo is over: never scheduled, or its send time has come. Nothing
        scheduled is shown anywhere (page, feed, CAP, /latest, inline, channels) before then,
        whatever its `effective` date says."""
        return self.publish_at is None or self.publish_at <= now

    def in_force(self, now: datetime) -> bool:
        """Actual, released, already effective and not expired at `now`."""
        return (
            self.status == "actual"
            and self.released(now)
            and self.effective <= now
            and (self.expires is None or now < self.expires)
        )

    def text_for(self, locale: str) -> LocaleText | None:
        """The text written (or derived) for `locale`, if any."""
        return self.text.get(locale)  # type: ignore[call-overload, no-any-return]

    def read_in(self, locale: str) -> LocaleText:
        """What readers of `locale` read: their text, else the Russian one (a pending locale)."""
        return self.text_for(locale) or self.text["ru"]

    def audience_locales(self) -> list[str]:
        """The locales whose readers receive it (all five unless targeted)."""
        return [str(loc) for loc in self.targeting.locales] or list(LOCALE_CODES)

    def voice_for(self, locale: str) -> str | None:
        """The voice note for readers of `locale`: their own, the Latin one for Cyrillic
        Uzbek (the same spoken language), else Russian for a locale shown in Russian."""
        voices = {str(code): note for code, note in self.voice.items()}
        for spoken in (locale, written_locale(locale)):  # a derived locale: the same language
            if spoken in voices:
                return voices[spoken]
        return self.voice.get("ru") if self.text_for(locale) is None else None


def utc(value: datetime) -> datetime:
    """`value` in UTC (for storage and CAP)."""
    return value.astimezone(UTC)


def pick(texts: Mapping[Any, str], locale: str) -> str | None:
    """The text for `locale`: written, else derived (uz_Cyrl from uz), else Russian."""
    if locale in texts:
        return texts[locale]
    if locale == "uz_Cyrl" and "uz" in texts:
        from bot.i18n.cyrillic import latin_to_cyrillic

        return latin_to_cyrillic(texts["uz"])
    return texts.get("ru")
