"""Regions of Russia (ISO 3166-2:RU): every one with its capital and federal district, and the
few a subscriber may save by name (where most migrants live)."""

from __future__ import annotations

from typing import Literal

from bot.world import N_

# The regions offered on the region picker, with their names to translate.
REGION_NAMES: dict[str, str] = {
    "RU-MOW": N_("Moscow"),
    "RU-MOS": N_("Moscow Oblast"),
    "RU-SPE": N_("Saint Petersburg"),
    "RU-LEN": N_("Leningrad Oblast"),
    "RU-TA": N_("Tatarstan"),
    "RU-BA": N_("Bashkortostan"),
    "RU-SVE": N_("Sverdlovsk Oblast"),
    "RU-TYU": N_("Tyumen Oblast"),
    "RU-NVS": N_("Novosibirsk Oblast"),
    "RU-KYA": N_("Krasnoyarsk Krai"),
    "RU-SAM": N_("Samara Oblast"),
    "RU-ROS": N_("Rostov Oblast"),
    "RU-KDA": N_("Krasnodar Krai"),
    "RU-PRI": N_("Primorsky Krai"),
}

District = Literal[
    "central", "north_west", "south", "north_caucasus", "volga", "ural", "siberia", "far_east"
]
# ISO 3166-2:RU → (capital or largest city as GeoNames names it, federal district).
RUSSIAN_REGIONS: dict[str, tuple[str, District]] = {
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
