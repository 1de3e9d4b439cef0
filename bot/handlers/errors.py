"""The error handler: log first (chat hashed, no text), so an operator can act."""

from __future__ import annotations

import logging

from telegram import Update

from bot.context import BotContext

log = logging.getLogger(__name__)


async def error_handler(update: object, context: BotContext) -> None:
    """Log an exception raised by a handler, naming the chat only by its keyed hash."""
    chat = "no chat"
    if isinstance(update, Update) and update.effective_chat is not None:
        chat = context.services.hash_chat(update.effective_chat.id)
    log.error("handler failed for %s", chat, exc_info=context.error)
