"""Compiled gettext catalogs (Babel), one per locale, used with an explicit locale."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from babel.dates import format_date
from babel.support import Translations

from bot.world import LANGUAGE, LOCALE_NAMES

# One date style a locale (bot.world's `day_pattern`): CLDR's "long" date, except where it is not
# how the language writes dates in running text. Month names are lower-case inside a sentence in
# Uzbek, Kyrgyz and Tajik (CLDR gives Tajik and the stand-alone forms capitalised: "21 Сентябр
# 2022"); Cyrillic Uzbek takes the Latin style ("21-сентябр, 2022", as "21-sentabr, 2022", not
# CLDR's "21 сентябр, 2022"); Tajik writes the year with "соли" ("21 сентябри соли 2022").

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "locales"


class CatalogError(Exception):
    """A compiled catalog is missing or older than its source; names the file."""


class Translator:
    """gettext/ngettext/dates for any of the five locales; loads every catalog at start."""

    def __init__(self, directory: Path = DEFAULT_DIR) -> None:
        self._catalogs: dict[str, Translations] = {}
        for locale in LOCALE_NAMES:
            mo = directory / locale / "LC_MESSAGES" / "messages.mo"
            po = mo.with_suffix(".po")
            if not mo.is_file():
                raise CatalogError(f"{mo}: missing; run `make i18n-compile`")
            if po.is_file() and po.stat().st_mtime > mo.stat().st_mtime:
                raise CatalogError(f"{mo}: older than {po.name}; run `make i18n-compile`")
            with mo.open("rb") as handle:
                self._catalogs[locale] = Translations(handle, domain="messages")

    def gettext(self, message: str, *, locale: str) -> str:
        """`message` in `locale`."""
        return self._catalogs[locale].ugettext(message)

    def ngettext(self, singular: str, plural: str, count: int, *, locale: str) -> str:
        """The plural form for `count` in `locale` (CLDR rules from the catalog header)."""
        return self._catalogs[locale].ungettext(singular, plural, count)

    def bound(self, locale: str) -> Callable[[str], str]:
        """A one-argument gettext for `locale`."""
        return lambda message: self.gettext(message, locale=locale)

    def date_formatter(self, locale: str) -> Callable[[date], str]:
        """A one-argument date formatter for `locale`."""
        return lambda value: self.date(value, locale=locale)

    def month_formatter(self, locale: str) -> Callable[[date], str]:
        """Month and year only, for facts whose sources give no day."""
        pattern = LANGUAGE[locale].month_pattern
        return lambda value: _cased(format_date(value, pattern, locale=locale), locale)

    def date(self, value: date, *, locale: str) -> str:
        """A date as people write it in `locale` (bot.world's `day_pattern`)."""
        pattern = LANGUAGE[locale].day_pattern
        return _cased(format_date(value, pattern, locale=locale), locale)


def _cased(text: str, locale: str) -> str:
    return text.lower() if LANGUAGE[locale].lower_case_months else text
