"""The error handler: log first (chat hashed, no text), then tell the user to try again.

A double tap ("message is not modified"), a press answered too late ("query is too old") and a
429 the rate limiter could not wait out are normal outcomes: nothing is said (a message would be
sent into the pause, or repeat what the user already sees).
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, RetryAfter, TelegramError

from bot.i18n import guess_locale
from bot.telegram.context import BotContext
from bot.texts import replies as reply_texts

log = logging.getLogger(__name__)
HARMLESS = ("message is not modified", "query is too old", "query id is invalid")


async def error_handler(update: object, context: BotContext) -> None:
    """Log an exception raised by a handler, naming the chat only by its keyed hash."""
    error = context.error
    if isinstance(error, BadRequest) and any(h in error.message.lower() for h in HARMLESS):
        return
    chat = "no chat"
    if isinstance(update, Update) and update.effective_chat is not None:
        chat = context.services.hash_chat(update.effective_chat.id)
    log.error("handler failed for %s", chat, exc_info=error)
    if isinstance(error, RetryAfter) or not isinstance(update, Update):
        return
    if update.effective_chat is None:
        return
    # The error handler gets a fresh context: the update's language is looked up again.
    subscriber = await context.subscribers.get(chat_id=update.effective_chat.id)
    user = update.effective_user
    guessed = guess_locale(user.language_code if user else None)
    context.locale = subscriber.locale if subscriber is not None else guessed
    try:
        if update.callback_query is not None:
            await update.callback_query.answer()
        await context.bot.send_message(
            update.effective_chat.id, context._(reply_texts.SOMETHING_WENT_WRONG)
        )
    except TelegramError:
        log.warning("could not tell %s about the error", chat)
