"""Deep links into the bot (`t.me/<bot>?start=ky-KG-share`) and Telegram's share link.

One format for every way a warning travels: the start parameter names the language, the
country and, optionally, the way the link came (a friend's share, the poster, the public page,
a channel, an inline answer). Nothing about a person is ever put in a link: the way is counted
per country and language when someone subscribes through it, never who shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args
from urllib.parse import quote, urlencode

from bot.world import COUNTRY_CODES, LOCALE_NAMES

Via = Literal["share", "poster", "page", "channel", "inline"]
VIA_CODES: tuple[Via, ...] = get_args(Via)


@dataclass(frozen=True)
class StartLink:
    """What a `/start` parameter says: a locale, maybe a country, maybe the way it came."""

    locale: str
    country: str | None = None
    via: str | None = None

    @property
    def parameter(self) -> str:
        """The start parameter (Telegram allows A-Z a-z 0-9 _ - and at most 64 characters)."""
        if self.country is None:  # a way is only ever counted with a country
            return self.locale
        return "-".join([self.locale, self.country, *([self.via] if self.via else [])])


def parse_start(parameter: str) -> StartLink | None:
    """`ky-KG`, `uz_Cyrl-UZ-share`, `ru` → a StartLink; anything else (forged, old) → None."""
    locale, *rest = parameter.split("-")
    if locale not in LOCALE_NAMES or len(rest) > 2:
        return None
    country = rest[0] if rest else None
    via = rest[1] if len(rest) > 1 else None
    if country is not None and country not in COUNTRY_CODES:
        return None
    if via is not None and via not in VIA_CODES:
        return None
    return StartLink(locale=locale, country=country, via=via)


def start_url(username: str, link: StartLink) -> str:
    """The link that opens the bot and subscribes in that language and country."""
    return f"https://t.me/{quote(username)}?start={link.parameter}"


def share_url(url: str, text: str) -> str:
    """Telegram's share link: the app asks whom to send `text` and `url` to."""
    return "https://t.me/share/url?" + urlencode({"url": url, "text": text}, quote_via=quote)


def friend_share_url(username: str, *, text: str, locale: str, country: str) -> str:
    """ "Send to a friend": Telegram's share screen with `text` and the link that subscribes
    the friend in `locale` and `country` (it names the way, a share, never the sender)."""
    link = StartLink(locale=locale, country=country, via="share")
    return share_url(start_url(username, link), text)
