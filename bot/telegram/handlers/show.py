"""An advisory sent by the bot itself, exactly as broadcasts show it: parts, button, voice."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.advisories.model import Advisory
from bot.delivery.message import ACK_LABEL
from bot.delivery.service import renderer
from bot.telegram.callbacks import data
from bot.telegram.context import BotContext


def ack_keyboard(context: BotContext, advisory_id: str, locale: str) -> InlineKeyboardMarkup:
    """The "I understand" button, as under every broadcast."""
    label = "✅ " + context.services.translator.gettext(ACK_LABEL, locale=locale)
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data("ack", advisory_id))]]
    )


async def send_advisory(
    context: BotContext, chat_id: int, advisory: Advisory, *, locale: str | None = None
) -> None:
    """Every message of one advisory in `locale` (default: this update's), then its voice note."""
    locale = locale or context.lang
    parts = renderer(context.services.translator)(advisory, locale)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        await context.bot.send_message(
            chat_id,
            part,
            parse_mode="HTML",
            disable_web_page_preview=True,
            reply_markup=ack_keyboard(context, advisory.id, locale) if last else None,
        )
    voice = advisory.voice_for(locale)
    if voice is not None:
        await context.bot.send_voice(chat_id, voice=voice, disable_notification=True)
