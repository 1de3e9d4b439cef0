"""`register` is the one place where handlers are added to the Application."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.telegram.handlers import (
    admin,
    buttons,
    callup,
    compose,
    embassy,
    errors,
    info,
    law,
    leaving,
    locale,
    manage,
    onboarding,
    settings,
)

COMMANDS = {
    "start": onboarding.start_command,
    "settings": settings.settings_command,
    "language": settings.language_command,
    "country": settings.country_command,
    "stop": leaving.stop_command,
    "forget": leaving.forget_command,
    "law": law.law_command,
    "latest": law.latest_command,
    "embassy": embassy.embassy_command,
    "callup": callup.callup_command,
    "help": info.help_command,
    # Admin commands answer non-admins exactly like unknown commands (and audit the attempt).
    "new": compose.new_command,
    "advisories": manage.advisories_command,
    "halt": admin.halt_command,
    "stats": admin.stats_command,
    "audit": admin.audit_command,
    "privacy": info.privacy_command,
}


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Add every handler. Note: order matters.

    Group -2 resolves the locale (and drops non-private chats) before anything else.
    Group -1 gives an admin's typed answer or voice note to the draft they are composing
    (and stops there); for everyone else it does nothing and group 0 answers.
    In group 0 the first matching handler wins: known commands, then any other command
    (unknown), then button presses, shared locations, menu texts and free text, then the rest.
    """
    application.add_handler(TypeHandler(Update, locale.resolve_locale), group=-2)
    application.add_handler(
        MessageHandler((filters.TEXT & ~filters.COMMAND) | filters.VOICE, compose.compose_message),
        group=-1,
    )
    for name, callback in COMMANDS.items():
        application.add_handler(CommandHandler(name, callback))
    application.add_handler(MessageHandler(filters.COMMAND, info.unknown_command))
    application.add_handler(CallbackQueryHandler(buttons.button))
    application.add_handler(MessageHandler(filters.LOCATION, embassy.location_message))
    application.add_handler(MessageHandler(filters.TEXT, info.menu_text))
    application.add_handler(MessageHandler(filters.ALL, info.free_text))
    application.add_error_handler(errors.error_handler)
