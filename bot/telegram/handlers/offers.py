"""Flagged job offers: the migrant's consent to send one to the embassy, and /offers for the
embassy's admins. Until the person answers, the text is held in this process's memory only."""

from __future__ import annotations

import time

from telegram import Update

from bot.admin.actions import countries_for
from bot.telegram.callbacks import Callback
from bot.telegram.context import BotContext
from bot.telegram.guards import admins_only
from bot.telegram.views.understood import HELD_FOR
from bot.texts import country as country_label
from bot.texts import replies as reply_texts
from bot.texts import understood as understood_texts
from bot.understand.normal import sentence_key


async def offer_button(update: Update, context: BotContext, press: Callback) -> None:
    """Yes: keep the held offer for the embassy's admins, without who sent it. No: forget it."""
    assert update.callback_query is not None
    held = context.chat_data.pop("offer", None) if context.chat_data is not None else None
    if not held or time.monotonic() - held["at"] > HELD_FOR:
        await update.callback_query.edit_message_text(context._(reply_texts.OUT_OF_DATE))
        return
    if press.args[0] == "no":
        await update.callback_query.edit_message_text(context._(reply_texts.NOTHING_SENT))
        return
    await context.services.stores.offers.keep(
        country=held["country"], text=held["text"], key=sentence_key(held["text"])
    )
    await update.callback_query.edit_message_text(context._(reply_texts.OFFER_SENT))


@admins_only
async def offers_command(update: Update, context: BotContext) -> None:
    """The job offers readers of the admin's country sent in, newest first."""
    assert update.effective_message is not None
    format_date = context.services.translator.date_formatter(context.lang)
    for country in sorted(countries_for(context.admin_country)):
        found = await context.services.stores.offers.newest(country=country)
        rows = [(format_date(o.last_at.date()), o.times, o.text) for o in found]
        name = country_label(context._, country)
        for part in understood_texts.offers_list(context._, country=name, offers=rows):
            await update.effective_message.reply_html(part)
