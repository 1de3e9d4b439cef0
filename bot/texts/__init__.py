"""What the bot says, as whole translated sentences; markup is added here, never in msgids.

Every function takes `_`, a gettext bound to one locale, so the same text serves an update's
reply and a broadcast alike. Values put into HTML are escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from bot.world import COUNTRY_NAMES, FLAGS, LOCALE_NAMES

Gettext = Callable[[str], str]


def country(_: Gettext, code: str) -> str:
    """`🇺🇿 Uzbekistan` in the reader's language."""
    return f"{FLAGS[code]} {_(COUNTRY_NAMES[code])}"


def html(text: str, **values: str) -> str:
    """A translated sentence with its placeholders filled, escaped for Telegram HTML."""
    return escape(text.format(**values) if values else text, quote=False)


def bold(text: str, **values: str) -> str:
    """`html(text, **values)` in bold."""
    return f"<b>{html(text, **values)}</b>"


def language_name(code: str) -> str:
    """A language's own name (never translated: people find their language by it)."""
    return LOCALE_NAMES[code]
