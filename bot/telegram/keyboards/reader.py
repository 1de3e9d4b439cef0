"""Keyboard builders: inline choices and the persistent menu, labelled in the reader's locale."""

from __future__ import annotations

from collections.abc import Callable

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.delivery.message import SHARE_LABEL
from bot.telegram.callbacks import data
from bot.texts import Gettext, country
from bot.texts.commands import MENU_BUTTONS
from bot.world import COUNTRY_CODES, LANGUAGE, LOCALE_CODES, LOCALE_NAMES
from bot.world.links import friend_share_url
from bot.world.regions import REGION_NAMES

MENU = MENU_BUTTONS  # the persistent menu under the input field: key → (emoji, label)


def menu_label(_: Gettext, key: str) -> str:
    """The text of menu button `key` in the reader's locale."""
    emoji, label = MENU[key]
    return f"{emoji} {_(label)}"


def menu_labels(gettext_for: Callable[[str], Gettext], key: str) -> list[str]:
    """Menu button `key` in every locale (an old keyboard may be in another language)."""
    return [menu_label(gettext_for(locale), key) for locale in LOCALE_CODES]


def welcome_pack(
    _: Gettext, *, standing: str | None, latest: list[tuple[str, str]], country_code: str
) -> InlineKeyboardMarkup:
    """Under the welcome: the full legal warning, the newest advisories in force (by
    headline) and the embassy's contacts, one a row."""
    rows = []
    if standing is not None:
        full = "⚖️ " + _("The full warning")
        rows.append([InlineKeyboardButton(full, callback_data=data("adv", standing))])
    for advisory_id, headline in latest:
        short = headline if len(headline) <= 48 else headline[:47] + "…"
        rows.append([InlineKeyboardButton("📰 " + short, callback_data=data("adv", advisory_id))])
    contacts = data("ask", "embassy", country_code)
    rows.append([InlineKeyboardButton(menu_label(_, "embassy"), callback_data=contacts)])
    return InlineKeyboardMarkup(rows)


def main_menu(_: Gettext) -> ReplyKeyboardMarkup:
    """The persistent reply keyboard."""
    labels = [menu_label(_, key) for key in MENU]
    rows = [[KeyboardButton(t) for t in labels[i : i + 2]] for i in range(0, len(labels), 2)]
    return ReplyKeyboardMarkup(rows, resize_keyboard=True, is_persistent=True)


def language_picker(action: str) -> InlineKeyboardMarkup:
    """Every locale, labelled in itself, one a row (large targets for cheap phones)."""
    rows = [
        [InlineKeyboardButton(name, callback_data=data(action, code))]
        for code, name in LOCALE_NAMES.items()
    ]
    return InlineKeyboardMarkup(rows)


def citizenship(_: Gettext, *, locale: str, first_contact: bool) -> InlineKeyboardMarkup:
    """Onboarding: one button a country; on first contact, a row to switch language."""
    rows = [
        [InlineKeyboardButton(country(_, c), callback_data=data("sub", locale, c))]
        for c in COUNTRY_CODES
    ]
    if first_contact:
        rows.append(
            [
                InlineKeyboardButton(LANGUAGE[code].short, callback_data=data("lang", code))
                for code in LOCALE_NAMES
                if code != locale
            ]
        )
    return InlineKeyboardMarkup(rows)


def settings_menu(_: Gettext, *, discreet: bool) -> InlineKeyboardMarkup:
    """The /settings buttons."""
    toggle = _("Turn discreet mode off") if discreet else _("Turn discreet mode on")
    rows = [
        [InlineKeyboardButton("🌐 " + _("Language"), callback_data=data("menu", "lang"))],
        [InlineKeyboardButton("🪪 " + _("Citizenship"), callback_data=data("menu", "country"))],
        [InlineKeyboardButton("📍 " + _("Region"), callback_data=data("menu", "region"))],
        [
            InlineKeyboardButton(
                "🕶 " + toggle, callback_data=data("set:discreet", "off" if discreet else "on")
            )
        ],
        [InlineKeyboardButton("⏹ " + _("Stop messages"), callback_data=data("menu", "stop"))],
        [InlineKeyboardButton("🗑 " + _("Delete my data"), callback_data=data("menu", "forget"))],
    ]
    return InlineKeyboardMarkup(rows)


def country_choice(_: Gettext) -> InlineKeyboardMarkup:
    """Settings: change citizenship."""
    rows = [
        [InlineKeyboardButton(country(_, c), callback_data=data("set:country", c))]
        for c in COUNTRY_CODES
    ]
    return InlineKeyboardMarkup([*rows, [_back(_)]])


def region_choice(_: Gettext) -> InlineKeyboardMarkup:
    """Settings: the optional region, two a row, then "do not save"."""
    rows = _region_rows(_, "set:region")
    none = InlineKeyboardButton(
        _("Do not save a region"), callback_data=data("set:region", "none")
    )
    return InlineKeyboardMarkup([*rows, [none], [_back(_)]])


def language_choice() -> InlineKeyboardMarkup:
    """Settings: change language."""
    return language_picker("set:lang")


def forget_confirm(_: Gettext) -> InlineKeyboardMarkup:
    """Yes / cancel before deleting everything."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    "🗑 " + _("Yes, delete everything"), callback_data=data("forget", "yes")
                )
            ],
            [InlineKeyboardButton(_("Cancel"), callback_data=data("forget", "no"))],
        ]
    )


def _back(_: Gettext) -> InlineKeyboardButton:
    return InlineKeyboardButton("« " + _("Back"), callback_data=data("menu", "main"))


def dual_question(_: Gettext) -> InlineKeyboardMarkup:
    """/law: also a Russian citizen? The answer is never stored."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(_("Yes"), callback_data=data("dual", "yes")),
                InlineKeyboardButton(_("No"), callback_data=data("dual", "no")),
            ]
        ]
    )


def reach_the_embassy(_: Gettext, country_code: str) -> InlineKeyboardMarkup:
    """Under an answer that says "check with the embassy": how, in one tap."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    menu_label(_, "embassy"), callback_data=data("ask", "embassy", country_code)
                )
            ],
            [
                InlineKeyboardButton(
                    menu_label(_, "callup"), callback_data=data("ask", "callup", country_code)
                )
            ],
        ]
    )


def share_contacts(
    _: Gettext, *, username: str, locale: str, country_code: str
) -> InlineKeyboardMarkup:
    """Under the embassy card: Telegram's share screen, with a link that subscribes the friend
    in this language and country."""
    text = _("{country}: the embassy in Russia — its phones and warnings, in your language:")
    url = friend_share_url(
        username,
        text=text.format(country=country(_, country_code)),
        locale=locale,
        country=country_code,
    )
    group = InlineKeyboardButton(  # Telegram asks which chat, then types `@bot uz` there
        "👥 " + _("Post in a group chat"), switch_inline_query=country_code.lower()
    )
    return InlineKeyboardMarkup([[InlineKeyboardButton("📨 " + _(SHARE_LABEL), url=url)], [group]])


def advisory_list(items: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    """/latest: one button an advisory, (id, label)."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data("adv", ident))] for ident, label in items]
    )


def where_are_you(_: Gettext) -> ReplyKeyboardMarkup:
    """/embassy: a button that shares the location (Telegram asks the user first)."""
    return ReplyKeyboardMarkup(
        [
            [KeyboardButton("📍 " + _("Send my location"), request_location=True)],
            [KeyboardButton("« " + _("Back to the menu"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def region_for_embassy(_: Gettext) -> InlineKeyboardMarkup:
    """/embassy: the short region list, then "other"."""
    rows = _region_rows(_, "emb")
    other = InlineKeyboardButton(
        _("Other region / I don't know"), callback_data=data("emb", "none")
    )
    return InlineKeyboardMarkup([*rows, [other]])


def save_region(_: Gettext, code: str) -> InlineKeyboardMarkup:
    """Offer to keep the region for next time."""
    label = "💾 " + _("Save: {region}").format(region=_(REGION_NAMES[code]))
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data("set:region", code))]]
    )


def callup_choices(_: Gettext) -> InlineKeyboardMarkup:
    """/callup: what happened."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    "📄 " + _("I received a call-up paper"), callback_data=data("callup", "paper")
                )
            ],
            [
                InlineKeyboardButton(
                    "🤝 " + _("A recruiter offered me a contract"),
                    callback_data=data("callup", "offer"),
                )
            ],
            [
                InlineKeyboardButton(
                    "⚠️ " + _("Someone is pressuring or threatening me"),
                    callback_data=data("callup", "pressure"),
                )
            ],
        ]
    )


def _region_rows(_: Gettext, action: str) -> list[list[InlineKeyboardButton]]:
    """The short region list, two a row, each button carrying `action:<code>`."""
    buttons = [
        InlineKeyboardButton(_(name), callback_data=data(action, code))
        for code, name in REGION_NAMES.items()
    ]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
