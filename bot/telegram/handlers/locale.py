"""Group -2: pick the update's locale once, before any other handler runs."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop

from bot.i18n import guess_locale
from bot.telegram.context import BotContext


async def resolve_locale(update: Update, context: BotContext) -> None:
    """Saved choice, else the language tapped before subscribing, else the one they wrote
    in, else Telegram's language_code; private chats and inline queries only (messages in
    groups are ignored)."""
    chat = update.effective_chat
    if update.inline_query is not None:  # `@bot …` typed in any chat: the asker's language
        chat_id = update.inline_query.from_user.id  # a user's private chat has the same id
    elif chat is None or chat.type != ChatType.PRIVATE:
        raise ApplicationHandlerStop
    else:
        chat_id = chat.id
    context.subscriber = await context.subscribers.lookup(chat_id=chat_id)
    if context.subscriber is not None:
        context.locale = context.subscriber.locale
    else:  # the language tapped in this chat (memory only), else Telegram's
        user = update.effective_user
        kept = context.chat_data or {}  # tapped, else read in what they wrote (memory only)
        picked = kept.get("locale") or kept.get("read_locale")
        context.locale = picked or guess_locale(user.language_code if user else None)
