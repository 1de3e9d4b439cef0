"""/callup: a short guided answer for a call-up paper, a recruiter or pressure; nothing stored."""

from __future__ import annotations

from telegram import Update

from bot.advisories import cards as embassy_texts
from bot.advisories.lookup import embassy, for_region
from bot.telegram.callbacks import Callback
from bot.telegram.context import BotContext
from bot.telegram.guards import subscribers_only
from bot.telegram.keyboards import reader as keyboards
from bot.texts import ask as texts
from bot.texts import html


@subscribers_only
async def callup_command(update: Update, context: BotContext) -> None:
    """Ask what happened, with three buttons."""
    assert update.effective_message is not None
    await update.effective_message.reply_html(
        texts.callup_question(context._), reply_markup=keyboards.callup_choices(context._)
    )


async def callup_button(update: Update, context: BotContext, press: Callback) -> None:
    """What to do now, whom to call (their consulate), what to have ready, a message to copy."""
    assert update.callback_query is not None
    country = context.member.country
    advisories = context.services.advisories
    directory = await advisories.directory(country=country)
    card = ""
    if directory is not None:
        region = context.member.region
        mission = for_region(directory, region).mission if region else embassy(directory)
        sources = embassy_texts.Sources()
        card = embassy_texts.mission_card(
            context._, mission, country_code=country, locale=context.lang, sources=sources
        )
        formatter = context.services.translator.date_formatter(context.lang)
        card += "\n" + sources.block(context._, formatter)
    standing = await advisories.standing(country=country)
    says = None
    if standing is not None:
        text = standing.text_for(context.lang) or standing.text["ru"]
        says = html(text.instruction) if text.instruction else None
    await update.callback_query.edit_message_text(
        texts.callup_advice(
            context._,
            situation=press.args[0],
            country_code=country,
            mission_card=card,
            embassy_says=says,
        ),
        parse_mode="HTML",
        disable_web_page_preview=True,
    )
