"""/settings, /language, /country and the buttons that change a saved choice."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.storage import Subscriber
from bot.telegram.callbacks import Callback
from bot.telegram.context import BotContext
from bot.telegram.guards import language_chosen, subscribers_only
from bot.telegram.keyboards import reader as keyboards
from bot.texts import replies as reply_texts
from bot.texts import settings as settings_texts


def settings_view(context: BotContext, subscriber: Subscriber) -> tuple[str, InlineKeyboardMarkup]:
    """The settings text and buttons, in the subscriber's current locale."""
    text = settings_texts.settings(
        context._,
        locale=subscriber.locale,
        country_code=subscriber.country,
        region=subscriber.region,
        discreet=subscriber.discreet,
    )
    return text, keyboards.settings_menu(context._, discreet=subscriber.discreet)


@subscribers_only
async def settings_command(update: Update, context: BotContext) -> None:
    """Show the current choices with buttons to change them."""
    assert update.effective_message is not None
    text, markup = settings_view(context, context.member)
    await update.effective_message.reply_html(text, reply_markup=markup)


@subscribers_only
async def language_command(update: Update, context: BotContext) -> None:
    """Offer every language."""
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        context._(reply_texts.CHOOSE_LANGUAGE), reply_markup=keyboards.language_choice()
    )


@subscribers_only
async def country_command(update: Update, context: BotContext) -> None:
    """Offer the three citizenships."""
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        context._(reply_texts.WHICH_CITIZENSHIP),
        reply_markup=keyboards.country_choice(context._),
    )


async def menu_button(update: Update, context: BotContext, press: Callback) -> None:
    """Open a settings page in the same message."""
    assert update.callback_query is not None
    page = press.args[0]
    if page == "main":
        text, markup = settings_view(context, context.member)
        await update.callback_query.edit_message_text(text, parse_mode="HTML", reply_markup=markup)
    elif page == "lang":
        await update.callback_query.edit_message_text(
            context._(reply_texts.CHOOSE_LANGUAGE), reply_markup=keyboards.language_choice()
        )
    elif page == "country":
        await update.callback_query.edit_message_text(
            context._(reply_texts.WHICH_CITIZENSHIP),
            reply_markup=keyboards.country_choice(context._),
        )
    elif page == "region":
        await update.callback_query.edit_message_text(
            settings_texts.ask_region(context._), reply_markup=keyboards.region_choice(context._)
        )


async def set_button(update: Update, context: BotContext, press: Callback) -> None:
    """Save a changed choice, then show the settings again (in the new language, if changed)."""
    assert update.callback_query is not None and update.effective_chat is not None
    chat_id, value = update.effective_chat.id, press.args[0]
    repo = context.subscribers
    if press.action == "set:lang":
        await repo.set_locale(chat_id=chat_id, locale=value)
        context.locale = value
        await language_chosen(context, chat_id, value)
    elif press.action == "set:country":
        await repo.set_country(chat_id=chat_id, country=value)
    elif press.action == "set:region":
        await repo.set_region(chat_id=chat_id, region=None if value == "none" else value)
    elif press.action == "set:discreet":
        await repo.set_discreet(chat_id=chat_id, discreet=value == "on")
        if value == "off":
            await context.services.discreet.cancel(chat_id=chat_id)
    subscriber = await repo.get(chat_id=chat_id)
    assert subscriber is not None
    text, markup = settings_view(context, subscriber)
    await update.callback_query.edit_message_text(text, parse_mode="HTML", reply_markup=markup)
    if press.action == "set:lang":
        # A reply keyboard cannot be edited: send it again, labelled in the new language.
        await context.bot.send_message(
            chat_id, context._(reply_texts.SAVED), reply_markup=keyboards.main_menu(context._)
        )
    elif press.action == "set:discreet":
        await context.bot.send_message(
            chat_id, settings_texts.discreet_explained(context._, discreet=subscriber.discreet)
        )
