"""The command menu, published per language with setMyCommands at start."""

from __future__ import annotations

from telegram import Bot, BotCommand, BotCommandScopeChat

from bot.i18n import Translator
from bot.texts.commands import READER_COMMANDS
from bot.world import MENU_LANGUAGES, N_

MENU_COMMANDS = tuple((c.name, c.menu) for c in READER_COMMANDS if c.menu is not None)


ADMIN_COMMANDS = (
    ("new", N_("Compose a new advisory")),
    ("advisories", N_("Drafts, scheduled and sent advisories")),
    ("stats", N_("Subscriber and delivery counts")),
    ("halt", N_("Stop all sending at once")),
    ("offers", N_("Job offers readers sent in")),
)
SUPER_ADMIN_COMMANDS = (("audit", N_("Who did what (audit log)")),)


def menu(translator: Translator, locale: str) -> list[BotCommand]:
    """The commands with descriptions in `locale`."""
    return [
        BotCommand(name, translator.gettext(description, locale=locale))
        for name, description in MENU_COMMANDS
    ]


async def publish_commands(bot: Bot, translator: Translator, *, default_locale: str) -> None:
    """One menu per two-letter language, and the default locale's for every other app."""
    for language in MENU_LANGUAGES:
        await bot.set_my_commands(menu(translator, language), language_code=language)
    await bot.set_my_commands(menu(translator, default_locale))


async def publish_admin_commands(
    bot: Bot, translator: Translator, *, chat_id: int, locale: str, super_admin: bool
) -> None:
    """An admin's own menu: the admin commands first, then everyone's."""
    extra = ADMIN_COMMANDS + (SUPER_ADMIN_COMMANDS if super_admin else ())
    commands = [
        BotCommand(name, translator.gettext(description, locale=locale))
        for name, description in extra
    ]
    await bot.set_my_commands(
        commands + menu(translator, locale), scope=BotCommandScopeChat(chat_id)
    )
