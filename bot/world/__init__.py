"""The world the bot knows: its countries, its locales and Moscow's clock, each defined once.

Every other table (callback shapes, keyboards, settings, the content model, catalogs) derives
from these. Regions of Russia are in `bot.world.regions`; where a point lies, in
`bot.world.geography`. Names are marked with `N_` and translated where they are shown.
"""

from __future__ import annotations

from datetime import timedelta, timezone
from typing import Literal, get_args


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message


Country = Literal["UZ", "KG", "TJ"]
COUNTRY_CODES: tuple[Country, ...] = get_args(Country)
COUNTRY_NAMES: dict[str, str] = {
    "UZ": N_("Uzbekistan"),
    "KG": N_("Kyrgyzstan"),
    "TJ": N_("Tajikistan"),
}
FLAGS: dict[str, str] = {"UZ": "🇺🇿", "KG": "🇰🇬", "TJ": "🇹🇯"}
DIAL_CODES: dict[str, str] = {"UZ": "+998", "KG": "+996", "TJ": "+992"}  # a line at home

# The five locales (NOTES.md "Locale codes"); uz_Cyrl is derived from uz at build time.
Locale = Literal["uz", "uz_Cyrl", "ky", "tg", "ru"]
LOCALE_CODES: tuple[Locale, ...] = get_args(Locale)
# Each language's own name, shown on the picker in that language itself (never translated:
# people find their language by it).
LOCALE_NAMES: dict[str, str] = {
    "uz": "Oʻzbekcha (lotin)",
    "uz_Cyrl": "Ўзбекча (кирилл)",
    "ky": "Кыргызча",
    "tg": "Тоҷикӣ",
    "ru": "Русский",
}
# Locales with a hand-written catalog and text in advisory files.
WRITTEN_LOCALES: tuple[Locale, ...] = ("uz", "ky", "tg", "ru")
# setMyCommands takes two-letter codes only: uz_Cyrl users see their app language's menu.
MENU_LANGUAGES: tuple[Locale, ...] = WRITTEN_LOCALES
CAP_LANGUAGE: dict[str, str] = {
    "uz": "uz-Latn",
    "uz_Cyrl": "uz-Cyrl",
    "ky": "ky",
    "tg": "tg",
    "ru": "ru",
}

# Moscow time: what admins schedule in and what readers see dates in.
MOSCOW = timezone(timedelta(hours=3), "MSK")
