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

from bot.advisories.render import renderer
from bot.advisories.shareable import Passage, advisory_passage, card_passage, countries_in
from bot.telegram.context import BotContext
from bot.texts import replies as reply_texts
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
    if not context.services.inline.allow(query.from_user.id):
        return  # too many at once: not answered (the app shows nothing)
    asked = countries_in(query.query)
    countries = asked or ((subscriber.country,) if subscriber is not None else COUNTRY_CODES)
    key = (tuple(countries), context.lang)
    now = context.services.clock()
    articles = context.services.inline.get(key, now=now)
    if articles is None:
        passages = [p for code in countries for p in await _passages(context, code)]
        articles = [_article(context, p) for p in passages]
        context.services.inline.put(key, articles, now=now)
    await query.answer(articles, cache_time=CACHE_SECONDS, is_personal=True)


async def _passages(context: BotContext, country: str) -> list[Passage]:
    """The legal warning, the embassy card and the newest advisory, those that exist."""
    advisories, locale, _ = context.services.stores.advisories, context.lang, context._
    render = renderer(context.services.translator)
    found: list[Passage] = []
    standing = await advisories.standing(country=country)
    if standing is not None:
        found.append(
            advisory_passage("law", standing, render(standing, locale), locale=locale, gettext=_)
        )
    directory = await advisories.directory(country=country)
    if directory is not None:
        format_date = context.services.translator.date_formatter(locale)
        card = card_passage(directory, locale=locale, gettext=_, format_date=format_date)
        found += [card] if card is not None else []
    shown = await advisories.listing(country=country)
    kind = "latest" if shown.in_force else "earlier"  # the words /latest uses for each
    for newest in (shown.in_force or shown.earlier)[:1]:  # an earlier warning shows its date
        found.append(
            advisory_passage(kind, newest, render(newest, locale), locale=locale, gettext=_)
        )
    return found


def _article(context: BotContext, passage: Passage) -> InlineQueryResultArticle:
    link = start_url(
        context.bot.username, StartLink(locale=context.lang, country=passage.country, via="inline")
    )
    subscribe = InlineKeyboardButton("🔔 " + context._(reply_texts.GET_IN_TELEGRAM), url=link)
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
