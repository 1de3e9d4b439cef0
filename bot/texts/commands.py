"""The reader's commands, each declared once: its name, its line in Telegram's command menu and
in /help, and its button on the persistent menu. Telegram's command menu (setMyCommands), /help
and the menu keyboard are derived from here; `bot.telegram.handlers` maps each name to its
handler, and a test holds the two lists together.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.world import N_


@dataclass(frozen=True)
class ReaderCommand:
    """One command a migrant can use."""

    name: str
    menu: str | None  # its line in Telegram's command menu; None: a shortcut left out of it
    help: str | None  # its line in /help; None: not listed there (/help itself, shortcuts)
    button: tuple[str, str] | None = None  # (emoji, label) on the persistent menu, two a row


# In this order in the command menu, /help and the persistent menu: the urgent ones first.
READER_COMMANDS: tuple[ReaderCommand, ...] = (
    ReaderCommand("start", N_("Subscribe"), N_("subscribe")),
    ReaderCommand(
        "law", N_("Legal warnings for my country"), N_("legal warnings for your country"),
        ("⚖️", N_("Legal warnings")),
    ),
    ReaderCommand(
        "embassy", N_("Embassy and consulates"), N_("embassy and consulates"),
        ("🏛", N_("Embassy contacts")),
    ),
    ReaderCommand(
        "callup", N_("I got a call-up or an offer"), N_("if you got a call-up or an offer"),
        ("🆘", N_("I got a call-up")),
    ),
    ReaderCommand(
        "latest", N_("Advisories in force"), N_("advisories in force"),
        ("📰", N_("Latest advisories")),
    ),
    ReaderCommand(
        "settings", N_("Language, citizenship, region"), N_("language, citizenship, region"),
        ("⚙️", N_("Settings")),
    ),
    ReaderCommand("help", N_("What the bot can do"), None, ("❓", N_("Help"))),
    ReaderCommand("privacy", N_("What the bot stores"), N_("what the bot stores")),
    ReaderCommand("stop", N_("Stop messages"), N_("stop messages")),
    ReaderCommand("forget", N_("Delete all my data"), N_("delete all your data")),
    ReaderCommand("language", None, None),  # /settings → Language, in one step
    ReaderCommand("country", None, None),  # /settings → Citizenship, in one step
)  # fmt: skip
MENU_BUTTONS: dict[str, tuple[str, str]] = {
    command.name: command.button for command in READER_COMMANDS if command.button
}
