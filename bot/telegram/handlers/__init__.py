"""`register` is the one place where handlers are added to the Application.

Every command, button and message the bot answers is listed here with the function that answers
it: find any behaviour in one hop from this file.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.i18n import Translator
from bot.telegram import callbacks
from bot.telegram.guards import Handler, admin_button, anyone_button, subscriber_button
from bot.telegram.handlers import (
    ack,
    admin,
    approvals,
    callup,
    compose,
    embassy,
    errors,
    info,
    inline,
    law,
    leaving,
    locale,
    manage,
    offers,
    onboarding,
    preview,
    settings,
    sources,
)
from bot.telegram.keyboards.reader import menu_labels
from bot.telegram.views.replies import stale_button, unknown_command
from bot.texts.commands import MENU_BUTTONS

# Each of bot.texts.commands' reader commands, by name (its menu lines and button are there).
READER: dict[str, Handler] = {
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
    "privacy": info.privacy_command,
}
# Admin commands answer non-admins exactly like unknown commands (and audit the attempt).
ADMIN: dict[str, Handler] = {
    "new": compose.new_command,
    "advisories": manage.advisories_command,
    "halt": admin.halt_command,
    "stats": admin.stats_command,
    "audit": admin.audit_command,
    "offers": offers.offers_command,
}

COMMANDS: dict[str, Handler] = {**READER, **ADMIN}
# The persistent menu's buttons (typed text in any locale) and the command each one runs.
MENU: dict[str, Handler] = {name: READER[name] for name in MENU_BUTTONS}

# Inline buttons: (callback action, first arguments it is limited to) → handler. Who may press
# is decided by the wrapper; the callback data's shape by `bot.telegram.callbacks`.
# Note: order matters where one action has a narrower entry ("menu:stop" before "menu").
BUTTONS: list[tuple[str, tuple[str, ...], Handler]] = [
    ("lang", (), anyone_button(onboarding.language_button)),
    ("sub", (), anyone_button(onboarding.subscribe_button)),
    ("forget", (), anyone_button(leaving.forget_button)),
    ("ack", (), anyone_button(ack.ack_button)),
    ("src", (), anyone_button(sources.sources_button)),
    ("more", (), anyone_button(sources.more_button)),
    ("menu", ("stop", "forget"), subscriber_button(leaving.leave_button)),
    ("menu", (), subscriber_button(settings.menu_button)),
    ("set:lang", (), subscriber_button(settings.set_button)),
    ("set:country", (), subscriber_button(settings.set_button)),
    ("set:region", (), subscriber_button(settings.set_button)),
    ("set:discreet", (), subscriber_button(settings.set_button)),
    ("adv", (), subscriber_button(law.advisory_button)),
    # /law, /embassy and /callup answer before subscribing too (the citizenship is tapped).
    ("ask", ("law",), anyone_button(law.ask_button)),
    ("ask", ("embassy",), anyone_button(embassy.ask_button)),
    ("ask", ("callup",), anyone_button(callup.ask_button)),
    ("dual", (), anyone_button(law.dual_button)),
    ("emb", (), anyone_button(embassy.region_button)),
    ("callup", (), anyone_button(callup.callup_button)),
    ("offer", (), anyone_button(offers.offer_button)),
    # Admins only; each handler also checks the country of the draft or advisory it acts on.
    ("c", (), admin_button(compose.compose_button)),
    ("p", (), admin_button(preview.preview_button)),
    ("v", (), admin_button(preview.view_button)),
    ("e", (), admin_button(preview.edit_button)),
    ("t", (), admin_button(preview.schedule_button)),
    ("cl", (), admin_button(preview.unchanged_button)),
    ("ap", (), admin_button(approvals.approval_button)),
    ("ad", (), admin_button(manage.manage_button)),
    ("adl", (), admin_button(manage.list_button)),
]


def register(
    application: Application[Any, Any, Any, Any, Any, Any], translator: Translator
) -> None:
    """Add every handler. Note: order matters.

    Group -2 resolves the locale (and drops non-private chats) before anything else.
    Group -1 gives an admin's typed answer or voice note to the draft they are composing
    (and stops there); for everyone else it does nothing and group 0 answers.
    In group 0 the first matching handler wins: known commands, then any other command
    (unknown), then button presses (a stale or forged one last), shared locations, menu texts,
    other text (read by `bot.understand`), voice notes, and anything else.
    """
    application.add_handler(TypeHandler(Update, locale.resolve_locale), group=-2)
    application.add_handler(
        MessageHandler((filters.TEXT & ~filters.COMMAND) | filters.VOICE, compose.compose_message),
        group=-1,
    )
    for name, command in COMMANDS.items():
        application.add_handler(CommandHandler(name, command))
    application.add_handler(MessageHandler(filters.COMMAND, unknown_command))
    for action, first, button in BUTTONS:
        pattern = callbacks.matches(action, *first)
        application.add_handler(CallbackQueryHandler(button, pattern=pattern))
    application.add_handler(CallbackQueryHandler(stale_button))
    application.add_handler(InlineQueryHandler(inline.inline_query))  # `@bot …` in any chat
    application.add_handler(MessageHandler(filters.LOCATION, embassy.location_message))
    for key, command in MENU.items():
        labels = menu_labels(translator.bound, key)
        application.add_handler(MessageHandler(filters.Text(labels), command))
    application.add_handler(MessageHandler(filters.TEXT, info.text_message))
    application.add_handler(MessageHandler(filters.VOICE, info.voice_message))
    # Anything else: a forwarded photo's caption is read like a text (vacancies come as
    # pictures), a sticker gets the menu's choices inside the answer.
    application.add_handler(MessageHandler(filters.ALL, info.any_message))
    application.add_error_handler(errors.error_handler)
