"""The error handler: log first (chat hashed, no text), then tell the user to try again."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from bot.telegram.context import BotContext

log = logging.getLogger(__name__)


async def error_handler(update: object, context: BotContext) -> None:
    """Log an exception raised by a handler, naming the chat only by its keyed hash."""
    chat = "no chat"
    if isinstance(update, Update) and update.effective_chat is not None:
        chat = context.services.hash_chat(update.effective_chat.id)
    log.error("handler failed for %s", chat, exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            if update.callback_query is not None:
                await update.callback_query.answer()
            await context.bot.send_message(
                update.effective_chat.id, context._("Something went wrong. Please try again.")
            )
        except TelegramError:
            log.warning("could not tell %s about the error", chat)
