"""How user input and Telegram's language_code maps to them."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

from bot.world import LOCALE_NAMES, WRITTEN_LOCALES


def parse_locale(code: str | None) -> str | None:
    """A locale code of ours from user input (a deep link, a button), else None."""
    return code if code in LOCALE_NAMES else None


def guess_locale(language_code: str | None) -> str | None:
    """Telegram's language_code through Babel; Uzbek is guessed as Latin, never Cyrillic."""
    if not language_code:
        return None
    try:
        language = Locale.parse(language_code.replace("-", "_")).language
    except (ValueError, UnknownLocaleError):
        return None
    return language if language in WRITTEN_LOCALES else None
