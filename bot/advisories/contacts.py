"""The embassy directory: missions in Russia, whom they serve, and how to reach them.

Every fact carries its sources and whether an official or news source confirms it; facts known
only from unofficial lists are kept with `verified: false` and shown marked as unverified.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from bot.advisories.model import Source, Strict
from bot.world import Country, Locale
from bot.world.regions import RUSSIAN_REGIONS, District


class Fact(Strict):
    """An address, a phone number, a website or opening hours, with where it comes from."""

    value: Annotated[str, Field(min_length=1)]
    verified: bool = True
    note: dict[Locale, str] = {}  # a caveat in each language, e.g. "may have moved"
    sources: Annotated[list[Source], Field(min_length=1)]

    @property
    def page_found(self) -> bool:
        """Whether any source's own page was found (else only a publisher's site is given)."""
        return any(source.found for source in self.sources)

    @property
    def confirmed(self) -> bool:
        """Shown without ⚠️: an official source gives it, on a page that was found."""
        return self.verified and self.page_found


class Mission(Strict):
    """An embassy, consulate general or embassy office in Russia."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{2,63}$")]
    kind: Literal["embassy", "consulate", "embassy_office"]
    city: str  # the GeoNames name of the city, e.g. "Yekaterinburg"
    serves_districts: list[District] = []
    serves_regions: list[str] = []
    address: Fact | None = None
    phones: list[Fact] = []
    website: Fact | None = None
    hours: Fact | None = None
    sources: Annotated[list[Source], Field(min_length=1)]  # that the mission exists, and serves

    @field_validator("serves_regions")
    @classmethod
    def _known_regions(cls, regions: list[str]) -> list[str]:
        unknown = [code for code in regions if code not in RUSSIAN_REGIONS]
        if unknown:
            raise ValueError(f"unknown ISO 3166-2:RU codes {unknown}")
        return regions


class Hotline(Strict):
    """A phone line or website at home (ministry, agency) for citizens abroad."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{2,63}$")]
    label: dict[Locale, str]
    contact: Fact


class Directory(Strict):
    """All missions and home lines of one country."""

    country: Country
    missions: Annotated[list[Mission], Field(min_length=1)]
    hotlines: list[Hotline] = []

    @field_validator("missions")
    @classmethod
    def _one_embassy(cls, missions: list[Mission]) -> list[Mission]:
        if sum(m.kind == "embassy" for m in missions) != 1:
            raise ValueError("exactly one mission must be the embassy")
        return missions
