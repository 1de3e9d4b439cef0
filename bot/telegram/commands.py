"""The command menu, published per language with setMyCommands at start."""

from __future__ import annotations

from telegram import Bot, BotCommand, BotCommandScopeChat

from bot.i18n import Translator
from bot.texts import staff as staff_texts
from bot.texts.commands import READER_COMMANDS
from bot.world import MENU_LANGUAGES

MENU_COMMANDS = tuple((c.name, c.menu) for c in READER_COMMANDS if c.menu is not None)


ADMIN_COMMANDS = (
    ("new", staff_texts.COMMAND_NEW),
    ("advisories", staff_texts.COMMAND_ADVISORIES),
    ("stats", staff_texts.COMMAND_STATS),
    ("halt", staff_texts.COMMAND_HALT),
    ("offers", staff_texts.COMMAND_OFFERS),
)
SUPER_ADMIN_COMMANDS = (("audit", staff_texts.COMMAND_AUDIT),)


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
