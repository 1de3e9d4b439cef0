"""What the printed poster says, in one language, for one country: the one-line warning, what
to do on a call-up, the embassy's phone (with its source and the date checked) and the link
that subscribes in that language and country (printed and as a QR code)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.advisories.cards import mission_title
from bot.advisories.lookup import embassy
from bot.advisories.model import pick
from bot.i18n import Translator
from bot.storage.advisories import AdvisoryRepository
from bot.world import COUNTRY_NAMES
from bot.world.links import StartLink, start_url


class PosterError(ValueError):
    """A poster that cannot be made as asked; the message names what to fix."""


@dataclass(frozen=True)
class PosterText:
    """Every line of one poster, already in its language."""

    warning: str
    action_title: str
    action: str
    phone_title: str
    phones: list[str]  # an unverified one marked with *
    phone_note: str | None  # what * means (and the source's caveat), once
    phone_source: str
    scan: str
    link: str


async def poster_text(
    advisories: AdvisoryRepository,
    translator: Translator,
    *,
    country: str,
    locale: str,
    username: str,
) -> PosterText:
    """The poster's lines from the content in the database (what the bot itself says)."""
    _ = translator.bound(locale)
    format_date = translator.date_formatter(locale)
    name = _(COUNTRY_NAMES[country])
    standing = await advisories.standing(country=country)
    directory = await advisories.directory(country=country)
    if directory is None:
        raise PosterError(f"{country}: no embassy directory in the database (run `elchi import`)")
    mission = embassy(directory)
    if not mission.phones:
        raise PosterError(f"{country}: the embassy has no phone in advisories/contacts")
    instruction = standing.read_in(locale).instruction if standing is not None else None
    fact = mission.phones[0]
    source = fact.sources[0]
    said = _("{source}, checked on {date}").format(
        source=source.title_in(locale), date=format_date(source.checked)
    )
    phones = [phone.value + ("" if phone.confirmed else " *") for phone in mission.phones]
    unverified = any(not phone.confirmed for phone in mission.phones)
    notes = [f"* {_('unverified: only unofficial lists give this')}"] if unverified else []
    notes += [note] if (note := pick(fact.note, locale)) else []
    return PosterText(
        warning=_("Taking part in a foreign war is a crime under the law of {country}.").format(
            country=name
        ),
        action_title=_("If you got a call-up paper or an offer of a contract:"),
        action=instruction
        or _("Got a call-up paper or an offer of a contract? Contact your embassy."),
        phone_title=mission_title(_, mission, country),
        phones=phones,
        phone_note=" ".join(notes) or None,
        phone_source=said,
        scan=_(
            "Scan the code with your phone's camera: the embassy's warnings in Telegram, "
            "in your language."
        ),
        link=start_url(username, StartLink(locale=locale, country=country, via="poster")),
    )
