"""Texts of /settings, /stop and /forget."""

from __future__ import annotations

from bot.texts import Gettext, bold, html, language_name
from bot.world import COUNTRY_NAMES
from bot.world.regions import REGION_NAMES


def settings(
    _: Gettext, *, locale: str, country_code: str, region: str | None, discreet: bool
) -> str:
    """The subscriber's current choices."""
    region_name = _(REGION_NAMES[region]) if region in REGION_NAMES else _("not chosen")
    rows = [
        (_("Language"), language_name(locale)),
        (_("Citizenship"), _(COUNTRY_NAMES[country_code])),
        (_("Region"), region_name),
        (_("Discreet mode"), _("on") if discreet else _("off")),
    ]
    lines = [bold(_("Your settings"))]
    lines += [f"{html(name)}: {html(value)}" for name, value in rows]
    return "\n".join(lines)


def discreet_explained(_: Gettext, *, discreet: bool) -> str:
    """What discreet mode does, said when it is switched."""
    if discreet:
        return _(
            "Discreet mode is on: the bot deletes its messages from this chat 24 hours after "
            "sending them."
        )
    return _("Discreet mode is off: messages stay in the chat.")


def ask_region(_: Gettext) -> str:
    """The optional region question."""
    return _(
        "Where in Russia do you live? This helps to find the nearest consulate. "
        "It is optional: you can skip it."
    )


def stopped(_: Gettext) -> str:
    """After /stop."""
    return _(
        "You will no longer receive advisories. Your choices are kept, so /start brings you "
        "back. To delete everything: /forget."
    )


def forget_confirm(_: Gettext) -> str:
    """The question before /forget deletes anything."""
    return _(
        "Delete all your data? The bot will forget your language, citizenship and region, "
        "and delete the messages of this chat from the last 48 hours. This cannot be undone."
    )


def forgotten(_: Gettext) -> str:
    """After /forget: done, and how to remove the chat itself."""
    return "\n\n".join(
        [
            _("Done. Everything the bot knew about you is deleted."),
            _(
                "To remove this chat from your phone too: open the chat menu (⋮) and choose "
                "“Delete chat”."
            ),
        ]
    )
