"""What a person can paste into another chat (Telegram's inline mode, `@bot uz` in a group):
the legal warning, the embassy card and the newest advisory of a country, in the asker's
language, each with a link that subscribes its readers in that language and country."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.advisories.cards import contacts
from bot.advisories.contacts import Directory
from bot.advisories.lookup import Match, embassy
from bot.advisories.model import Advisory
from bot.advisories.render import MAX_MESSAGE, visible_length
from bot.texts import Gettext, country
from bot.world import N_, NATIONS

TITLES = {
    "law": N_("Legal warning · {country}"),
    "card": N_("Embassy contacts · {country}"),
    "latest": N_("Advisory in force · {country}"),
    "earlier": N_("Earlier warning, with its date · {country}"),  # as /latest calls it
}


@dataclass(frozen=True)
class Passage:
    """One text to paste: an id for Telegram, what the list shows, the message itself."""

    key: str
    country: str
    title: str
    description: str
    text: str  # Telegram HTML, at most one message


def _title(gettext: Gettext, kind: str, country_code: str) -> str:
    template = TITLES[kind]  # (a variable: the extractor takes only literal msgids)
    return gettext(template).format(country=country(gettext, country_code))


def countries_in(query: str) -> tuple[str, ...]:
    """The countries a typed query names (`uz`, `кыргыз`, `Тоҷикистон` …); () for none."""
    words = query.lower().replace("’", "'").split()
    return tuple(
        nation.code
        for nation in NATIONS
        if any(word.startswith(stem) for word in words for stem in nation.typed)
    )


def advisory_passage(
    kind: str, advisory: Advisory, parts: list[str], *, locale: str, gettext: Gettext
) -> Passage:
    """The legal warning or the newest advisory: its first message (the action and the short
    text; the whole text and the sources are a tap away in the bot)."""
    text = advisory.read_in(locale)
    title = _title(gettext, kind, advisory.country)
    return Passage(
        key=f"{kind}-{advisory.country}",
        country=advisory.country,
        title=title,
        description=text.instruction or text.headline,
        text=parts[0],
    )


def card_passage(
    directory: Directory, *, locale: str, gettext: Gettext, format_date: Callable[[date], str]
) -> Passage | None:
    """The embassy's card: phones first, the address, the lines at home, the sources."""
    mission = embassy(directory)
    text = contacts(
        gettext,
        Match(mission, "unknown"),
        directory,
        locale=locale,
        embassy=mission,
        format_date=format_date,
    )
    if visible_length(text) > MAX_MESSAGE:  # never cut a card: leave it out instead
        return None
    title = _title(gettext, "card", directory.country)
    phones = [phone.value for phone in mission.phones]
    return Passage(
        key=f"card-{directory.country}",
        country=directory.country,
        title=title,
        description=", ".join(phones) or title,
        text=text,
    )
