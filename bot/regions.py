"""Regions of Russia a subscriber may save (ISO 3166-2:RU), the ones most migrants live in."""

from __future__ import annotations

from bot.texts import N_

REGIONS: dict[str, str] = {
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
