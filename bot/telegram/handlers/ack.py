""" "I understand" under an advisory: counted once a chat, by locale; the button then goes."""

from __future__ import annotations

from telegram import Update

from bot.delivery.message import reading_rows
from bot.telegram import button_edits
from bot.telegram.callbacks import Callback
from bot.telegram.context import BotContext
from bot.telegram.guards import ANSWERED
from bot.texts import replies as reply_texts


async def ack_button(update: Update, context: BotContext, press: Callback) -> str:
    """Count the press (never who pressed, only how many) and take that button away."""
    query = update.callback_query
    assert query is not None and update.effective_chat is not None
    advisory = await context.services.stores.advisories.recent.get(press.args[0])
    subscriber = context.subscriber
    if advisory is not None and advisory.status != "actual":
        return context._(reply_texts.PREVIEW_NOT_COUNTED)
    if advisory is None or subscriber is None or subscriber.country != advisory.country:
        return context._(reply_texts.OUT_OF_DATE)
    await context.services.stores.acks.count(
        advisory_id=advisory.id, chat_id=update.effective_chat.id
    )
    # Answered at once (an answer is not a message: no budget, and Telegram drops presses
    # left unanswered for ~15 s); the edit then waits its turn like any message.
    await query.answer(context._(reply_texts.ACK_THANKS))
    # The count is taken: "I understand" goes; the sources and the embassy stay. The edit waits
    # for its turn apart from the press: a press held until its edit (28 a second at most)
    # held getUpdates' offset back, and under a flood of presses new ones were no longer read.
    # It goes after every other message (TIDY): a flood of presses must not hold up the
    # answers others wait for. Past `button_edits.WAITING` the button stays (a second press
    # counts once).
    message = query.message
    edits = button_edits.of(context.bot_data)
    if edits is not None and context.application.running and message is not None:
        translator, lang = context.services.translator, context.lang
        username = context.bot.username
        edits.offer(
            message.chat.id,
            message.message_id,
            (advisory.id, lang),
            lambda: reading_rows(translator, advisory, lang, username),
        )
    return ANSWERED
