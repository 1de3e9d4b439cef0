"""/callup: a short guided answer for a call-up paper, a recruiter or pressure; nothing stored."""

from __future__ import annotations

from telegram import Update

from bot.advisories import cards as embassy_texts
from bot.advisories.lookup import Match, embassy, for_region
from bot.telegram.callbacks import Callback
from bot.telegram.context import BotContext
from bot.telegram.views.citizens import (
    country_of,
    offer_subscription,
    remember_country,
    send_callup_question,
)
from bot.texts import ask as ask_texts
from bot.texts import html


async def callup_command(update: Update, context: BotContext) -> None:
    """Ask what happened, with three buttons (the citizenship first, if not known)."""
    await send_callup_question(update, context)


async def callup_button(update: Update, context: BotContext, press: Callback) -> None:
    """What to do now, whom to call (their consulate), what to have ready, a message to copy."""
    assert update.callback_query is not None
    country = country_of(context)
    if country is None:
        return
    advisories = context.services.stores.advisories
    directory = await advisories.directory(country=country)
    card, sources = "", ""
    if directory is not None:  # phones first, the serving mission, the embassy, home lines
        region = context.subscriber.region if context.subscriber is not None else None
        found = embassy(directory)
        match = for_region(directory, region) if region else Match(found, "unknown")
        card, sources = embassy_texts.contacts_and_sources(
            context._,
            match,
            directory,
            locale=context.lang,
            embassy=found,
            format_date=context.services.translator.date_formatter(context.lang),
        )
    standing = await advisories.standing(country=country)
    says, from_embassy = None, False
    if standing is not None:
        text = standing.read_in(context.lang)
        says = html(text.instruction) if text.instruction else None
        from_embassy = standing.instruction_from == "embassy"
    await update.callback_query.edit_message_text(
        ask_texts.callup_advice(
            context._,
            situation=press.args[0],
            country_code=country,
            mission_card=card,
            instruction=says,
            from_embassy=from_embassy,
            sources=sources,
        ),
        parse_mode="HTML",
        disable_web_page_preview=True,
    )
    if update.effective_chat is not None:
        await offer_subscription(context, update.effective_chat.id)


async def ask_button(update: Update, context: BotContext, press: Callback) -> None:
    """The citizenship tapped before subscribing: what happened?"""
    remember_country(context, press.args[1])
    await callup_command(update, context)
