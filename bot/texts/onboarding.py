"""Texts of the first contact and of /start."""

from __future__ import annotations

from bot.texts import Gettext, bold, html
from bot.world import COUNTRY_NAMES


def welcome(_: Gettext, *, first_contact: bool) -> str:
    """Who we are, then the citizenship question."""
    lines = [
        html(_("Hello! I am Elchi. I bring you warnings and news from your embassy in Russia.")),
        "",
        bold(_("Which country are you a citizen of?")),
    ]
    if first_contact:
        lines += ["", html(_("Wrong language? Choose another one on the last row."))]
    return "\n".join(lines)


def subscribed(_: Gettext, *, country_code: str, operator: str) -> str:
    """Confirmation after the last onboarding tap: what comes, who runs it, how to stop."""
    country = _(COUNTRY_NAMES[country_code])
    return "\n\n".join(
        [
            "✅ "
            + bold(_("Done! You are subscribed. Your citizenship: {country}."), country=country),
            html(_("Messages come rarely: only warnings and important news from the embassy.")),
            html(_("Who runs this bot: {operator}."), operator=operator),
            html(_("To stop messages: /stop. To change language or country: /settings.")),
            html(_("Use the buttons below at any time.")),
        ]
    )


def welcome_pack(
    _: Gettext, *, country_code: str, action: str | None, has_latest: bool = False
) -> str:
    """A new subscriber's first reading, in one message: the warning (as the embassy's, not
    in Elchi's own voice: sources differ on contract service and dual citizens) and what to do
    first; the rest is behind the buttons, and only what the buttons hold is promised."""
    country = _(COUNTRY_NAMES[country_code])
    action = action or _("Got a call-up paper or an offer of a contract? Contact your embassy.")
    below = (
        _(
            "The full warning with its sources, the latest advisories and the embassy's "
            "contacts: the buttons below."
        )
        if has_latest
        else _("The full warning with its sources and the embassy's contacts: the buttons below.")
    )
    return "\n".join(
        [
            "⚠️ "
            + bold(
                _("Your embassy warns: taking part in a foreign war is a crime under the law of "
                  "{country}."),
                country=country,
            ),
            "👉 " + bold(action),
            "",
            html(below),
        ]
    )  # fmt: skip


def already_subscribed(_: Gettext, *, country_code: str) -> str:
    """Answer to /start from someone who is subscribed."""
    country = _(COUNTRY_NAMES[country_code])
    return "\n".join(
        [
            html(_("You are subscribed. Your citizenship: {country}."), country=country),
            html(_("Use the buttons below, or /help.")),
        ]
    )


def welcome_back(_: Gettext, *, country_code: str) -> str:
    """Answer to /start after /stop: subscribed again with the saved choices."""
    return html(
        _("Welcome back! You are subscribed again. Your citizenship: {country}."),
        country=_(COUNTRY_NAMES[country_code]),
    )
