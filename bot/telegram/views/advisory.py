"""An advisory sent by the bot itself, exactly as broadcasts show it (parts, button, voice),
and the welcome pack of a new subscriber."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.advisories.model import Advisory
from bot.delivery.message import ack_markup
from bot.delivery.service import renderer
from bot.telegram.context import BotContext

MAX_ON_SUBSCRIBE = 3  # in-force advisories sent after the standing warning to a new subscriber


def ack_keyboard(context: BotContext, advisory: Advisory, locale: str) -> InlineKeyboardMarkup:
    """ "I understand" and "Embassy contacts", as under every broadcast."""
    markup = ack_markup(context.services.translator)(advisory, locale)
    assert markup is not None
    return InlineKeyboardMarkup.de_json(markup, None)


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
            reply_markup=ack_keyboard(context, advisory, locale) if last else None,
        )
    voice = advisory.voice_for(locale)
    if voice is not None:
        await context.bot.send_voice(chat_id, voice=voice, disable_notification=True)


async def send_welcome_pack(context: BotContext, chat_id: int, country: str) -> None:
    """A new subscriber's first reading: the standing warning and the newest in force."""
    advisories = context.services.advisories
    standing = await advisories.standing(country=country)
    if standing is not None:
        await send_advisory(context, chat_id, standing)
    others = (await advisories.listing(country=country)).in_force  # news only, never old
    for advisory in others[:MAX_ON_SUBSCRIBE]:
        await send_advisory(context, chat_id, advisory)
