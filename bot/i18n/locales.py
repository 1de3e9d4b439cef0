"""The five locales (NOTES.md "Locale codes") and how Telegram's language_code maps to them."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

# Code in the bot → the language's own name, shown on the picker in that language itself.
LOCALES: dict[str, str] = {
    "uz": "Oʻzbekcha (lotin)",
    "uz_Cyrl": "Ўзбекча (кирилл)",
    "ky": "Кыргызча",
    "tg": "Тоҷикӣ",
    "ru": "Русский",
}
# Locales with a hand-written catalog; uz_Cyrl is derived from uz at build time.
WRITTEN = ("uz", "ky", "tg", "ru")
# setMyCommands takes two-letter codes only: uz_Cyrl users see their app language's menu.
MENU_LANGUAGES = ("uz", "ky", "tg", "ru")
CAP_LANGUAGE = {"uz": "uz-Latn", "uz_Cyrl": "uz-Cyrl", "ky": "ky", "tg": "tg", "ru": "ru"}


def parse_locale(code: str | None) -> str | None:
    """A locale code of ours from user input (a deep link, a button), else None."""
    return code if code in LOCALES else None


def guess_locale(language_code: str | None) -> str | None:
    """Telegram's language_code through Babel; Uzbek is guessed as Latin, never Cyrillic."""
    if not language_code:
        return None
    try:
        language = Locale.parse(language_code.replace("-", "_")).language
    except (ValueError, UnknownLocaleError):
        return None
    return language if language in WRITTEN else None
