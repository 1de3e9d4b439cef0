"""Texts of /embassy: a mission with its facts, each with its numbered source, and home lines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from bot.advisories.contacts import Directory, Fact, Mission
from bot.advisories.lookup import Match
from bot.advisories.model import Source, pick
from bot.advisories.render import source_text
from bot.texts import Gettext, bold, html
from bot.world import COUNTRY_NAMES, DIAL_CODES, N_

KIND = {
    "embassy": N_("Embassy"),
    "consulate": N_("Consulate general"),
    "embassy_office": N_("Embassy office"),
}
CITY = {
    "Moscow": N_("Moscow"),
    "Saint Petersburg": N_("Saint Petersburg"),
    "Novosibirsk": N_("Novosibirsk"),
    "Yekaterinburg": N_("Yekaterinburg"),
    "Vladivostok": N_("Vladivostok"),
    "Kazan": N_("Kazan"),
    "Rostov-on-Don": N_("Rostov-on-Don"),
    "Ufa": N_("Ufa"),
    "Krasnoyarsk": N_("Krasnoyarsk"),
}
REASON = {
    "region": N_("It serves your region."),
    "district": N_("It serves your federal district."),
    "nearest": N_("It is the nearest to you."),
    # Abroad: a line at home is named only where the directory has one (below the card).
    "abroad": N_(
        "You seem to be outside Russia. Elchi lists only your country's missions in Russia: "
        "call the hotline at home (below), or the embassy in Moscow."
    ),
    "abroad_no_home": N_(
        "You seem to be outside Russia. Elchi lists only your country's missions in Russia: "
        "call the embassy in Moscow."
    ),
    "unknown": N_("Here is the embassy in Moscow."),
}


class Sources:
    """Numbers sources in order of first use, so each fact can say `[n]`."""

    def __init__(self) -> None:
        self.items: list[Source] = []

    def refs(self, sources: list[Source]) -> str:
        numbers = []
        for source in sources:
            if source not in self.items:
                self.items.append(source)
            numbers.append(self.items.index(source) + 1)
        return "".join(f"[{n}]" for n in numbers)

    def block(self, _: Gettext, format_date: Callable[[date], str], locale: str) -> str:
        lines = []
        for number, source in enumerate(self.items, 1):
            said = source_text(source, _, format_date, locale=locale)
            lines.append(f"[{number}] {said}")
        return "📎 " + "\n".join(lines)


def mission_title(_: Gettext, mission: Mission, country_code: str) -> str:
    """`Consulate general · Kazan (Uzbekistan)`: no case endings needed in any language."""
    city = _(CITY[mission.city]) if mission.city in CITY else mission.city
    return f"{_(KIND[mission.kind])} · {city} ({_(COUNTRY_NAMES[country_code])})"


UNVERIFIED = "⚠️"  # after a value only unofficial lists give; explained once a card


def _fact(_: Gettext, icon: str, fact: Fact, locale: str, sources: Sources, link: bool) -> str:
    value = escape(fact.value, quote=False)
    if link:
        value = f'<a href="{escape(fact.value)}">{value}</a>'
    line = f"{icon} {value}"
    note = pick(fact.note, locale)
    if note:
        line += f" ({escape(note, quote=False)})"
    if not fact.confirmed:
        line += f" {UNVERIFIED}"
    return f"{line} {sources.refs(fact.sources)}"


def _unverified_note(_: Gettext, facts: list[Fact]) -> list[str]:
    """The lines that explain ⚠️, once a card, for each reason a fact of it has one."""
    notes = []
    if not all(fact.verified for fact in facts):
        notes.append(_("unverified: only unofficial lists give this"))
    if not all(fact.page_found for fact in facts):
        notes.append(_("unverified: the page it comes from was not found"))
    return [f"{UNVERIFIED} <i>" + html(note) + "</i>" for note in notes]


def phones_first(
    _: Gettext,
    mission: Mission,
    directory: Directory,
    *,
    embassy: Mission,
    locale: str,
    sources: Sources,
) -> str:
    """Numbers to call right now, before anything else: the mission's own, else the
    embassy's (the embassy answers for every region), and the lines at home."""
    holder = mission if mission.phones else embassy
    whose = html(mission_title(_, holder, directory.country))
    lines = [bold(_("Call now:"))]
    facts = list(holder.phones)
    lines += [
        _fact(_, "📞", phone, locale, sources, link=False) + f" · {whose}" for phone in facts
    ]
    for hotline in directory.hotlines:
        if hotline.contact.value.startswith("+"):
            label = escape(pick(hotline.label, locale) or "", quote=False)
            line = _fact(_, "☎️", hotline.contact, locale, sources, link=False)
            lines.append(f"{line} · {label}")
            facts.append(hotline.contact)
    return "\n".join(lines + _unverified_note(_, facts))


def contactable(mission: Mission) -> bool:
    """Our sources give something to call, visit or open for it (else a card would be empty)."""
    return bool(mission.address or mission.phones or mission.website)


def mission_card(
    _: Gettext, mission: Mission, *, country_code: str, locale: str, sources: Sources
) -> str:
    """One mission: title, address, phones, website, hours."""
    lines = [bold(mission_title(_, mission, country_code)) + " " + sources.refs(mission.sources)]
    if mission.address is not None:
        lines.append(_fact(_, "📍", mission.address, locale, sources, link=False))
    else:
        lines.append("📍 " + html(_("Our sources do not give the address.")))
    lines += [_fact(_, "📞", phone, locale, sources, link=False) for phone in mission.phones]
    if mission.website is not None:
        lines.append(_fact(_, "🌐", mission.website, locale, sources, link=True))
    if mission.hours is not None:
        lines.append(_fact(_, "🕘", mission.hours, locale, sources, link=False))
    shown = [mission.address, *mission.phones, mission.website, mission.hours]
    return "\n".join(lines + _unverified_note(_, [f for f in shown if f is not None]))


def contacts(
    _: Gettext,
    match: Match,
    directory: Directory,
    *,
    locale: str,
    embassy: Mission,
    format_date: Callable[[date], str],
) -> str:
    """The serving mission and why, the embassy if different, home lines, then the sources."""
    card, sources = contacts_and_sources(
        _, match, directory, locale=locale, embassy=embassy, format_date=format_date
    )
    return f"{card}\n\n{sources}"


def contacts_and_sources(
    _: Gettext,
    match: Match,
    directory: Directory,
    *,
    locale: str,
    embassy: Mission,
    format_date: Callable[[date], str],
) -> tuple[str, str]:
    """`contacts`, with its numbered sources apart (an answer that goes on puts them last)."""
    sources = Sources()
    country = directory.country
    call = phones_first(
        _, match.mission, directory, embassy=embassy, locale=locale, sources=sources
    )
    card = mission_card(_, match.mission, country_code=country, locale=locale, sources=sources)
    reason: str = match.reason
    home = DIAL_CODES[directory.country]
    if reason == "abroad" and not any(
        h.contact.value.startswith(home) for h in directory.hotlines
    ):
        reason = "abroad_no_home"  # never "call the line at home" with none listed
    parts = [call, card, "<i>" + html(_(REASON[reason])) + "</i>"]
    if match.mission.id != embassy.id:
        parts.append(
            mission_card(_, embassy, country_code=country, locale=locale, sources=sources)
        )
    if directory.hotlines:
        parts.append(_hotlines(_, directory, locale=locale, sources=sources))
    return "\n\n".join(parts), sources.block(_, format_date, locale)


def _hotlines(_: Gettext, directory: Directory, *, locale: str, sources: Sources) -> str:
    lines = [bold(_("Other lines and services"))]  # at home, in Russia or online
    for hotline in directory.hotlines:
        label = escape(pick(hotline.label, locale) or "", quote=False)
        is_link = hotline.contact.value.startswith("http")
        fact = _fact(_, "☎️", hotline.contact, locale, sources, link=is_link)
        lines.append(fact.replace("☎️ ", f"☎️ {label}: ", 1))
    home = [hotline.contact for hotline in directory.hotlines]
    return "\n".join(lines + _unverified_note(_, home))


def directory_cards(
    _: Gettext, directory: Directory, *, locale: str, format_date: Callable[[date], str]
) -> list[str]:
    """Every mission of a country (the public page's directory): the embassy's numbers
    first, each mission's card, the lines at home, then the sources."""
    sources = Sources()
    first = next(m for m in directory.missions if m.kind == "embassy")
    call = phones_first(_, first, directory, embassy=first, locale=locale, sources=sources)
    cards = [
        mission_card(_, mission, country_code=directory.country, locale=locale, sources=sources)
        for mission in directory.missions
        if contactable(mission)  # the others: one line on the page, no empty card
    ]
    hotlines = (
        [_hotlines(_, directory, locale=locale, sources=sources)] if directory.hotlines else []
    )
    return [call, *cards, *hotlines, sources.block(_, format_date, locale)]
