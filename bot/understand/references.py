"""The published advisories as Elchi shows them, in every language: what a forwarded copy is
compared with. Built again whenever the advisories change (`bot.telegram.understanding`)."""

from __future__ import annotations

from datetime import datetime

from bot.advisories.model import Advisory, pick
from bot.advisories.render import more_text, renderer
from bot.i18n import Translator
from bot.understand.copies import Reference
from bot.world import LOCALE_CODES


def published(advisory: Advisory, *, now: datetime) -> bool:
    """Real and out: not a test or draft, not still under embargo (a copy of a scheduled text
    cannot be genuine before the embassy has sent it)."""
    return advisory.status == "actual" and advisory.released(now)


def references(
    advisories: list[Advisory], *, translator: Translator, now: datetime
) -> list[Reference]:
    """One reference an advisory and language: its messages, the whole text behind "More",
    the answers about dual citizenship, and its own fields (a copy from the public page)."""
    found, render = [], renderer(translator)
    for advisory in (a for a in advisories if published(a, now=now)):
        for locale in LOCALE_CODES:
            text = advisory.read_in(locale)
            parts = render(advisory, locale)
            parts += more_text(advisory, locale=locale)
            parts += [
                pick(advisory.if_dual, locale) or "",
                pick(advisory.if_not_dual, locale) or "",
            ]
            parts += [text.headline, text.body, text.instruction or "", text.summary or ""]
            found.append(Reference(advisory_id=advisory.id, text="\n".join(parts)))
    return found
