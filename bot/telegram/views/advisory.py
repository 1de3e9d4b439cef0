"""An advisory sent by the bot itself, exactly as broadcasts show it (parts, button, voice),
and the welcome pack of a new subscriber."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.advisories.model import Advisory
from bot.advisories.render import renderer
from bot.delivery.message import ack_markup
from bot.telegram.context import BotContext
from bot.telegram.keyboards import reader as keyboards
from bot.texts import onboarding

MAX_ON_SUBSCRIBE = 3  # in-force advisories offered (as buttons) to a new subscriber


def ack_keyboard(context: BotContext, advisory: Advisory, locale: str) -> InlineKeyboardMarkup:
    """ "I understand" and "Embassy contacts", as under every broadcast."""
    markup = ack_markup(context.services.translator, context.bot.username)(advisory, locale)
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
    """A new subscriber's first reading, in one message: the warning, the action, and buttons
    for the full legal warning, the newest advisories in force and the embassy."""
    advisories = context.services.stores.advisories
    standing = await advisories.standing(country=country)
    latest = (await advisories.listing(country=country)).in_force[:MAX_ON_SUBSCRIBE]
    locale = context.lang
    text = standing.read_in(locale) if standing else None
    await context.bot.send_message(
        chat_id,
        onboarding.welcome_pack(
            context._,
            country_code=country,
            action=text.instruction if text else None,
            has_latest=bool(latest),
        ),
        parse_mode="HTML",
        reply_markup=keyboards.welcome_pack(
            context._,
            standing=standing.id if standing else None,
            latest=[(a.id, a.read_in(locale).headline) for a in latest],
            country_code=country,
        ),
    )
