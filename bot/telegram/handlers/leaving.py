"""/stop (come back later) and /forget (delete everything, after a confirmation)."""

from __future__ import annotations

import logging

from telegram import ReplyKeyboardRemove, Update
from telegram.error import TelegramError

from bot.telegram.callbacks import Callback
from bot.telegram.context import BotContext
from bot.telegram.keyboards import reader as keyboards
from bot.texts import replies as reply_texts
from bot.texts import settings as settings_texts

log = logging.getLogger(__name__)
# Private-chat message ids count both sides; this many recent ids are deleted on /forget
# (Telegram refuses ids older than 48 hours and skips those already gone).
FORGET_RECENT_IDS = 500


async def stop_command(update: Update, context: BotContext) -> None:
    """Stop advisories; the choices stay so /start brings the subscriber back."""
    assert update.effective_message is not None and update.effective_chat is not None
    if context.subscriber is None or not context.subscriber.subscribed:
        await update.effective_message.reply_text(
            context._(reply_texts.NOT_SUBSCRIBED),
            reply_markup=ReplyKeyboardRemove(),
        )
        return
    await context.subscribers.unsubscribe(chat_id=update.effective_chat.id)
    await update.effective_message.reply_text(
        settings_texts.stopped(context._), reply_markup=ReplyKeyboardRemove()
    )


async def forget_command(update: Update, context: BotContext) -> None:
    """Ask before deleting anything."""
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        settings_texts.forget_confirm(context._), reply_markup=keyboards.forget_confirm(context._)
    )


async def leave_button(update: Update, context: BotContext, press: Callback) -> None:
    """The settings page's Stop and Delete buttons: the same as /stop and /forget."""
    await (stop_command if press.args[0] == "stop" else forget_command)(update, context)


async def forget_button(update: Update, context: BotContext, press: Callback) -> None:
    """Yes: delete the rows and the recent messages. No: say nothing was deleted."""
    query = update.callback_query
    assert query is not None and query.message is not None and update.effective_chat is not None
    chat_id = update.effective_chat.id
    if press.args[0] == "no":
        await query.edit_message_text(context._(reply_texts.NOTHING_DELETED))
        return
    await context.subscribers.forget(chat_id=chat_id)
    await context.services.stores.admins.forget_stranger(actor=context.services.hash_chat(chat_id))
    newest = query.message.message_id
    for top in range(newest, max(0, newest - FORGET_RECENT_IDS), -100):
        ids = list(range(top, max(0, top - 100), -1))
        try:
            await context.bot.delete_messages(chat_id, ids)
        except TelegramError as error:
            log.warning("deleting messages of %s: %s", context.services.hash_chat(chat_id), error)
    await context.bot.send_message(
        chat_id, settings_texts.forgotten(context._), reply_markup=ReplyKeyboardRemove()
    )
