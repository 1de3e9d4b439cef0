"""Languages: our locales from user input, catalogs, translation with an explicit locale."""

from bot.i18n.locales import guess_locale, parse_locale
from bot.i18n.translator import CatalogError, Translator

__all__ = ["CatalogError", "Translator", "guess_locale", "parse_locale"]
