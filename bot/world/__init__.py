"""The world the bot knows: its countries, its locales and Moscow's clock, each defined once.

Every other table (callback shapes, keyboards, settings, the content model, catalogs) derives
from these. Regions of Russia are in `bot.world.regions`; where a point lies, in
`bot.world.geography`. Names are marked with `N_` and translated where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta, timezone
from typing import Literal


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message


# The codes, for the type checker; the records below are what the code reads.
Country = Literal["UZ", "KG", "TJ"]
Locale = Literal["uz", "uz_Cyrl", "ky", "tg", "ru"]


@dataclass(frozen=True)
class Language:
    """One locale the bot speaks: all that code needs to know of it, in one record."""

    code: Locale
    name: str  # its own name, on the language picker (never translated: people find it by it)
    short: str  # its short self-name, on the one-row switch of a first contact
    cap: str  # its BCP 47 tag in CAP exports
    typed_dates: tuple[str, ...]  # dateparser's languages its clerks type dates in, own first
    operator: str  # the default "who runs the bot" (OPERATOR_NAME) in this language
    derived_from: str | None = None  # its texts are converted from this locale's at build time
    day_pattern: str = "long"  # CLDR pattern of a date in running text
    month_pattern: str = "LLLL y"  # month and year, for facts whose sources give no day
    lower_case_months: bool = False  # month names are lower case inside a sentence
    script: str = "Cyrl"  # ISO 15924: the letters it is written in ("Latn" for Uzbek Latin)
    # Every advisory and contact file is written in it; a new language starts False (its readers
    # read the Russian text meanwhile) and turns True when advisories/ has it everywhere.
    in_content: bool = True


@dataclass(frozen=True)
class Nation:
    """One country whose citizens the bot serves."""

    code: Country
    name: str  # marked with N_, translated where shown
    flag: str
    dial: str  # its calling code, for a line at home
    sender: str  # its embassy as CAP's senderName (English, as CAP readers expect)
    # What people type after the bot's name to pick it: codes, and the start of its name in
    # every language (in either Uzbek script, with either apostrophe), lower case.
    typed: tuple[str, ...]


NATIONS: tuple[Nation, ...] = (
    Nation(
        "UZ", N_("Uzbekistan"), "🇺🇿", "+998", "Embassy of Uzbekistan",
        ("uz", "oʻzb", "o'zb", "ozb", "uzb", "узб", "ўзб", "өзб", "ӯзб"),
    ),
    Nation(
        "KG", N_("Kyrgyzstan"), "🇰🇬", "+996", "Embassy of Kyrgyzstan",
        ("kg", "kyrg", "kirg", "qirg", "кырг", "кирг", "қирғ", "кыргыз"),
    ),
    Nation(
        "TJ", N_("Tajikistan"), "🇹🇯", "+992", "Embassy of Tajikistan",
        ("tj", "taj", "tojik", "тадж", "тоҷ", "тож", "тажик"),
    ),
)  # fmt: skip
COUNTRY_CODES: tuple[Country, ...] = tuple(nation.code for nation in NATIONS)
NATION: dict[str, Nation] = {nation.code: nation for nation in NATIONS}
COUNTRY_NAMES: dict[str, str] = {nation.code: nation.name for nation in NATIONS}
FLAGS: dict[str, str] = {nation.code: nation.flag for nation in NATIONS}
DIAL_CODES: dict[str, str] = {nation.code: nation.dial for nation in NATIONS}

# The five locales (NOTES.md "Locale codes"), in the picker's order. dateparser has no Tajik:
# Tajik clerks' dates are read as Russian once bot.admin.typed_times translates the Tajik words.
LANGUAGES: tuple[Language, ...] = (
    Language(
        "uz", "Oʻzbekcha (lotin)", "Oʻzbek", "uz-Latn", ("uz", "uz-Cyrl", "ru"),
        "Elchi koʻngillilari", month_pattern="y-'yil' MMMM", lower_case_months=True,
        script="Latn",
    ),
    Language(
        "uz_Cyrl", "Ўзбекча (кирилл)", "Ўзбек", "uz-Cyrl", ("uz-Cyrl", "uz", "ru"),
        "Elchi кўнгиллилари", derived_from="uz", day_pattern="d-MMMM, y",
        month_pattern="y-'йил' MMMM", lower_case_months=True,
    ),
    Language(
        "ky", "Кыргызча", "Кыргыз", "ky", ("ky", "ru"), "Elchi ыктыярчылары",
        month_pattern="y-'ж'. MMMM", lower_case_months=True,
    ),
    Language(
        "tg", "Тоҷикӣ", "Тоҷик", "tg", ("ru",), "Ихтиёриёни Elchi",
        day_pattern="d MMMM'и' 'соли' y", month_pattern="MMMM'и' 'соли' y",
        lower_case_months=True,
    ),
    Language("ru", "Русский", "Рус", "ru", ("ru",), "Волонтёры Elchi"),
)  # fmt: skip
LANGUAGE: dict[str, Language] = {language.code: language for language in LANGUAGES}
LOCALE_CODES: tuple[Locale, ...] = tuple(language.code for language in LANGUAGES)
LOCALE_NAMES: dict[str, str] = {language.code: language.name for language in LANGUAGES}
# The language every advisory must have; asked first when an admin writes one.
REQUIRED_LOCALE: Locale = "ru"
# Locales with a hand-written catalog and text in advisory files.
WRITTEN_LOCALES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES if not lang.derived_from)
# Those every content file must give (a new language joins when its texts are written).
CONTENT_LOCALES: tuple[str, ...] = tuple(
    lang.code for lang in LANGUAGES if not lang.derived_from and lang.in_content
)
# The written ones in the order an admin writes them: the required one first.
ASKED_LOCALES: tuple[str, ...] = (
    REQUIRED_LOCALE,
    *(locale for locale in WRITTEN_LOCALES if locale != REQUIRED_LOCALE),
)
# setMyCommands takes two-letter codes only: uz_Cyrl users see their app language's menu.
MENU_LANGUAGES: tuple[str, ...] = WRITTEN_LOCALES
CAP_LANGUAGE: dict[str, str] = {language.code: language.cap for language in LANGUAGES}
CYRILLIC_LOCALES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES if lang.script == "Cyrl")
LATIN_LOCALES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES if lang.script == "Latn")


def written_locale(locale: str) -> str:
    """The locale whose text `locale` shows: its own, or the one it is derived from."""
    language = LANGUAGE.get(locale)
    return (language.derived_from if language else None) or locale


def derived_locales(locale: str) -> tuple[str, ...]:
    """The locales whose text is converted from `locale`'s (uz_Cyrl from uz)."""
    return tuple(lang.code for lang in LANGUAGES if lang.derived_from == locale)


def one_choice(locale: str) -> tuple[str, ...]:
    """The locales an audience gains or loses together with `locale`: a written one and those
    derived from it (Latin and Cyrillic Uzbek readers get the same advisory)."""
    written = written_locale(locale)
    return (written, *derived_locales(written))


def with_derived(locales: list[str]) -> list[str]:
    """`locales` with every locale derived from one of them added after them."""
    return list(dict.fromkeys(code for locale in locales for code in one_choice(locale)))


# Moscow time: what admins schedule in and what readers see dates in.
MOSCOW = timezone(timedelta(hours=3), "MSK")
