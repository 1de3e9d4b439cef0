"""Languages: the locale table, catalogs and translation with an explicit locale."""

from bot.i18n.locales import LOCALES, guess_locale, parse_locale
from bot.i18n.translator import CatalogError, Translator

__all__ = ["LOCALES", "CatalogError", "Translator", "guess_locale", "parse_locale"]
