"""Inline mode: `@bot uz` typed in any chat offers texts to paste there, in the asker's
language. Nothing about the asker or the chat is stored."""

from __future__ import annotations

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)

from bot.advisories.passing import Passage, advisory_passage, card_passage, countries_in
from bot.delivery.service import renderer
from bot.telegram.context import BotContext
from bot.world import COUNTRY_CODES
from bot.world.links import StartLink, start_url

# Telegram keeps an answer this long for the same asker and text: the content changes only
# when an embassy publishes (then a reader sees the new one within five minutes).
CACHE_SECONDS = 300


async def inline_query(update: Update, context: BotContext) -> None:
    """The legal warning, the embassy card and the newest advisory of the countries asked for
    (the asker's own, else all three), to paste into the chat."""
    query = update.inline_query
    assert query is not None
    subscriber = context.subscriber
    asked = countries_in(query.query)
    countries = asked or ((subscriber.country,) if subscriber is not None else COUNTRY_CODES)
    passages = [p for code in countries for p in await _passages(context, code)]
    await query.answer(
        [_article(context, p) for p in passages], cache_time=CACHE_SECONDS, is_personal=True
    )


async def _passages(context: BotContext, country: str) -> list[tuple[str, Passage]]:
    advisories, locale, translator = (
        context.services.advisories,
        context.lang,
        context.services.translator,
    )
    render = renderer(translator)
    found: list[tuple[str, Passage]] = []
    standing = await advisories.standing(country=country)
    if standing is not None:
        parts = render(standing, locale)
        found.append(
            (country, advisory_passage("law", standing, parts, locale=locale, gettext=context._))
        )
    directory = await advisories.directory(country=country)
    card = (
        None
        if directory is None
        else card_passage(
            directory,
            locale=locale,
            gettext=context._,
            format_date=translator.date_formatter(locale),
        )
    )
    if card is not None:
        found.append((country, card))
    shown = await advisories.listing(country=country)
    latest = shown.in_force or shown.earlier  # an earlier warning shows its date
    if latest:
        parts = render(latest[0], locale)
        found.append(
            (
                country,
                advisory_passage("latest", latest[0], parts, locale=locale, gettext=context._),
            )
        )
    return found


def _article(context: BotContext, found: tuple[str, Passage]) -> InlineQueryResultArticle:
    country, passage = found
    link = start_url(
        context.bot.username, StartLink(locale=context.lang, country=country, via="inline")
    )
    subscribe = InlineKeyboardButton("🔔 " + context._("Get these warnings in Telegram"), url=link)
    return InlineQueryResultArticle(
        id=passage.key,
        title=passage.title,
        description=passage.description,
        input_message_content=InputTextMessageContent(
            passage.text,
            parse_mode="HTML",
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
        reply_markup=InlineKeyboardMarkup([[subscribe]]),
    )
