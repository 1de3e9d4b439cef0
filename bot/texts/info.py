"""Texts of /help and /privacy."""

from __future__ import annotations

from bot.texts import Gettext, bold, html
from bot.texts.commands import READER_COMMANDS


def help_text(_: Gettext) -> str:
    """The command list."""
    lines = [f"/{c.name} — " + html(_(c.help)) for c in READER_COMMANDS if c.help is not None]
    return "\n".join(
        [bold(_("What I can do")), *lines, "", html(_("The buttons below do the same."))]
    )


def privacy(_: Gettext, *, operator: str, username: str) -> str:
    """What is stored and why, who runs the bot, how to tell it from imitations."""
    return "\n\n".join(
        [
            bold(_("What Elchi stores")),
            html(
                _(
                    "Only your Telegram chat number, your language, your citizenship, your "
                    "region (if you choose it) and your settings. Not your name, not your phone "
                    "number, not what you write."
                )
            ),
            html(_("Why: only to send you advisories in your language.")),
            html(
                _(
                    "When you press “I understand” under an advisory, the bot notes it once, so "
                    "the embassy can see how many people pressed it — never who."
                )
            ),
            html(_("Who runs this bot: {operator}."), operator=operator),
            html(
                _(
                    "The real bot is @{username}. It never asks for money, passport data, "
                    "passwords or codes. If someone writes to you in its name, do not trust them."
                ),
                username=username,
            ),
            html(_("/forget deletes everything the bot knows about you.")),
        ]
    )
