"""What the bot says, as whole translated sentences; markup is added here, never in msgids.

Every function takes `_`, a gettext bound to one locale, so the same text serves an update's
reply and a broadcast alike. Values put into HTML are escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from bot.i18n.locales import LOCALES

Gettext = Callable[[str], str]


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message


COUNTRIES = {"UZ": N_("Uzbekistan"), "KG": N_("Kyrgyzstan"), "TJ": N_("Tajikistan")}
FLAGS = {"UZ": "🇺🇿", "KG": "🇰🇬", "TJ": "🇹🇯"}


def country(_: Gettext, code: str) -> str:
    """`🇺🇿 Uzbekistan` in the reader's language."""
    return f"{FLAGS[code]} {_(COUNTRIES[code])}"


def html(text: str, **values: str) -> str:
    """A translated sentence with its placeholders filled, escaped for Telegram HTML."""
    return escape(text.format(**values) if values else text, quote=False)


def bold(text: str, **values: str) -> str:
    """`html(text, **values)` in bold."""
    return f"<b>{html(text, **values)}</b>"


def language_name(code: str) -> str:
    """A language's own name (never translated: people find their language by it)."""
    return LOCALES[code]
