"""/embassy: the mission serving where the person is (location or region), and the embassy."""

from __future__ import annotations

from telegram import Update

from bot.advisories import cards
from bot.advisories.contacts import Directory
from bot.advisories.lookup import Match, embassy, for_point, for_region
from bot.advisories.places import russian_cities
from bot.telegram.callbacks import Callback
from bot.telegram.context import BotContext
from bot.telegram.guards import citizens
from bot.telegram.keyboards import reader as keyboards
from bot.telegram.views.citizens import country_of, offer_subscription, remember_country
from bot.texts import replies as reply_texts
from bot.world.geography import usable_point
from bot.world.regions import REGION_NAMES


@citizens("embassy")
async def embassy_command(update: Update, context: BotContext) -> None:
    """The saved region's mission at once; otherwise ask where the person is."""
    assert update.effective_message is not None and update.effective_chat is not None
    region = context.subscriber.region if context.subscriber is not None else None
    if region is not None:
        directory = await context.services.stores.advisories.directory(country=_country(context))
        if directory is not None:
            await _show(update, context, directory, for_region(directory, region))
    await update.effective_message.reply_text(
        context._(reply_texts.WHERE_ARE_YOU),
        reply_markup=keyboards.where_are_you(context._),
    )
    await update.effective_message.reply_text(
        context._(reply_texts.CHOOSE_REGION), reply_markup=keyboards.region_for_embassy(context._)
    )


@citizens("embassy")
async def location_message(update: Update, context: BotContext) -> None:
    """A shared location: the mission whose district covers it, else the nearest."""
    assert update.effective_message is not None and update.effective_message.location is not None
    directory = await context.services.stores.advisories.directory(country=_country(context))
    if directory is None:
        await update.effective_message.reply_text(context._(reply_texts.SUBSCRIBE_FIRST))
        return
    where = update.effective_message.location
    latitude, longitude = where.latitude, where.longitude
    if not usable_point(latitude, longitude):
        await update.effective_message.reply_text(
            context._(reply_texts.NOT_A_PLACE),
            reply_markup=keyboards.region_for_embassy(context._),
        )
        return
    await _show(update, context, directory, for_point(directory, latitude, longitude))


async def region_button(update: Update, context: BotContext, press: Callback) -> None:
    """A region picked from the list ("none": the embassy)."""
    if country_of(context) is None:
        return
    directory = await context.services.stores.advisories.directory(country=_country(context))
    if directory is None:
        return
    region = press.args[0]
    match = (
        Match(embassy(directory), "unknown") if region == "none" else for_region(directory, region)
    )
    await _show(update, context, directory, match)


async def _show(update: Update, context: BotContext, directory: Directory, match: Match) -> None:
    assert update.effective_chat is not None
    chat_id, country = update.effective_chat.id, _country(context)
    translator = context.services.translator
    text = cards.contacts(
        context._,
        match,
        directory,
        locale=context.lang,
        embassy=embassy(directory),
        format_date=translator.date_formatter(context.lang),
    )
    await context.bot.send_message(
        chat_id,
        text,
        parse_mode="HTML",
        disable_web_page_preview=True,
        reply_markup=keyboards.main_menu(context._),
    )
    mission = match.mission
    if mission.address is not None:
        latitude, longitude = russian_cities()[mission.city]
        pin = context._(reply_texts.PIN_IS_THE_CITY)
        await context.bot.send_venue(
            chat_id,
            latitude,
            longitude,
            title=cards.mission_title(context._, mission, country)[:64],
            address=f"{mission.address.value} ({pin})",
        )
    if context.bot.username:  # a friend may need these contacts more than the reader does
        await context.bot.send_message(
            chat_id,
            context._(reply_texts.SHARE_CONTACTS),
            reply_markup=keyboards.share_contacts(
                context._, username=context.bot.username, locale=context.lang, country_code=country
            ),
        )
    region, subscriber = match.region, context.subscriber
    if subscriber is not None and region in REGION_NAMES and region != subscriber.region:
        await context.bot.send_message(
            chat_id,
            context._(reply_texts.SAVE_REGION_NEXT_TIME),
            reply_markup=keyboards.save_region(context._, region),
        )
    await offer_subscription(context, chat_id)


async def ask_button(update: Update, context: BotContext, press: Callback) -> None:
    """The citizenship tapped before subscribing: where the person is, at once."""
    remember_country(context, press.args[1])
    await embassy_command(update, context)


def _country(context: BotContext) -> str:
    country = country_of(context)
    assert country is not None, "guarded by citizens()"
    return country
