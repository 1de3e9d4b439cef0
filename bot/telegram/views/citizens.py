"""Whose citizen someone is, also before they subscribe.

A person who got a call-up paper this morning must not have to subscribe first: /law, /embassy
and /callup ask for the citizenship with one tap and answer at once. That answer is kept only
in this process's memory for the chat (PTB's chat_data, never in the database), and
subscribing is offered afterwards.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.telegram.callbacks import data
from bot.telegram.context import BotContext
from bot.telegram.keyboards import reader as keyboards
from bot.texts import ask as ask_texts
from bot.texts import country as country_label
from bot.texts import html
from bot.texts import replies as reply_texts
from bot.world import COUNTRY_CODES


def country_of(context: BotContext) -> str | None:
    """The subscriber's citizenship, else the one tapped in this conversation, else None."""
    if context.subscriber is not None:
        return context.subscriber.country
    tapped = context.chat_data.get("country") if context.chat_data is not None else None
    return tapped if tapped in COUNTRY_CODES else None


def remember_country(context: BotContext, country: str) -> None:
    """Keep the tapped citizenship for this conversation (memory only)."""
    if context.chat_data is not None:
        context.chat_data["country"] = country


async def ask_country(update: Update, context: BotContext, topic: str) -> None:
    """One button a country; the topic is answered as soon as one is pressed."""
    assert update.effective_message is not None
    rows = [
        [InlineKeyboardButton(country_label(context._, c), callback_data=data("ask", topic, c))]
        for c in COUNTRY_CODES
    ]
    await update.effective_message.reply_text(
        context._(reply_texts.WHICH_CITIZENSHIP),
        reply_markup=InlineKeyboardMarkup(rows),
    )


async def send_callup_question(update: Update, context: BotContext) -> None:
    """/callup's first step, "What happened?" with three buttons (after the citizenship)."""
    assert update.effective_message is not None
    if country_of(context) is None:
        await ask_country(update, context, "callup")
        return
    await update.effective_message.reply_html(
        ask_texts.callup_question(context._), reply_markup=keyboards.callup_choices(context._)
    )


async def offer_subscription(context: BotContext, chat_id: int) -> None:
    """After an answer to someone who is not subscribed: subscribing, in one tap."""
    country = country_of(context)
    if context.subscriber is not None or country is None:
        return
    button = InlineKeyboardButton(
        "🔔 " + context._(reply_texts.SUBSCRIBE), callback_data=data("sub", context.lang, country)
    )
    await context.bot.send_message(
        chat_id,
        html(context._(reply_texts.OFFER_SUBSCRIPTION)),
        reply_markup=InlineKeyboardMarkup([[button]]),
    )
