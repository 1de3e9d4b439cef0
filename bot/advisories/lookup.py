"""Which mission serves a person: by the region or federal district it lists, else the nearest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.advisories.contacts import Directory, Mission
from bot.advisories.places import russian_cities
from bot.world.geography import distance_km, locate
from bot.world.regions import RUSSIAN_REGIONS

Reason = Literal["region", "district", "nearest", "abroad", "unknown"]


@dataclass(frozen=True)
class Match:
    """The mission to contact and why it was chosen."""

    mission: Mission
    reason: Reason
    region: str | None = None


def embassy(directory: Directory) -> Mission:
    """The country's embassy (a directory has exactly one)."""
    return next(m for m in directory.missions if m.kind == "embassy")


def for_region(directory: Directory, region: str) -> Match:
    """The mission listing `region`, else its district, else the nearest to its capital."""
    for mission in directory.missions:
        if region in mission.serves_regions:
            return Match(mission, "region", region)
    district = RUSSIAN_REGIONS[region][1] if region in RUSSIAN_REGIONS else None
    for mission in directory.missions:
        if district in mission.serves_districts:
            return Match(mission, "district", region)
    capital = (
        russian_cities().get(RUSSIAN_REGIONS[region][0]) if region in RUSSIAN_REGIONS else None
    )
    if capital is None:
        return Match(embassy(directory), "unknown", region)
    return Match(_nearest(directory, capital), "nearest", region)


def for_point(directory: Directory, latitude: float, longitude: float) -> Match:
    """The mission serving a shared location; the embassy for a point outside Russia."""
    place = locate(latitude, longitude)
    if place.abroad:
        return Match(embassy(directory), "abroad")
    if place.region is not None:
        match = for_region(directory, place.region)
        if match.reason in ("region", "district"):
            return match
    return Match(_nearest(directory, (latitude, longitude)), "nearest", place.region)


def _nearest(directory: Directory, point: tuple[float, float]) -> Mission:
    cities = russian_cities()
    return min(directory.missions, key=lambda m: distance_km(point, cities[m.city]))
