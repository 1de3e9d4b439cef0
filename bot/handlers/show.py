"""An advisory sent by the bot itself, exactly as broadcasts show it: parts, button, voice."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.advisories.model import Advisory
from bot.advisories.render import render
from bot.callbacks import data
from bot.context import BotContext
from bot.delivery.message import ACK_LABEL


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
    translator = context.services.translator
    parts = render(
        advisory,
        locale=locale,
        gettext=translator.bound(locale),
        format_date=translator.date_formatter(locale),
        format_month=translator.month_formatter(locale),
    )
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
