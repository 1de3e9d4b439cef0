"""First contact and /start: subscribed after at most two taps."""

from __future__ import annotations

from telegram import Update

from bot.telegram.callbacks import Callback
from bot.telegram.context import BotContext
from bot.telegram.guards import language_chosen
from bot.telegram.keyboards import reader as keyboards
from bot.telegram.views.advisory import send_welcome_pack
from bot.texts import country
from bot.texts import onboarding as onboarding_texts
from bot.world import LOCALE_NAMES
from bot.world.links import parse_start


async def start_command(update: Update, context: BotContext) -> None:
    """Greet a subscriber, bring back one who stopped, or start the two-tap subscription."""
    assert update.effective_message is not None and update.effective_chat is not None
    chat_id, subscriber = update.effective_chat.id, context.subscriber
    if subscriber is not None:
        if subscriber.subscribed and not subscriber.blocked:
            text = onboarding_texts.already_subscribed(context._, country_code=subscriber.country)
        else:
            await context.subscribers.subscribe(
                chat_id=chat_id, locale=subscriber.locale, country=subscriber.country
            )
            text = onboarding_texts.welcome_back(context._, country_code=subscriber.country)
        await update.effective_message.reply_html(
            text, reply_markup=keyboards.main_menu(context._)
        )
        return
    args = context.args or []
    link = parse_start(args[0]) if len(args) == 1 else None
    link_locale, link_country = (link.locale, link.country) if link else (None, None)
    context.locale = link_locale or context.locale
    if context.locale is None:
        await update.effective_message.reply_text(
            "\n".join(context.gettext_for(code)("Choose your language:") for code in LOCALE_NAMES),
            reply_markup=keyboards.language_picker("lang"),
        )
    elif link_country is not None:
        await _subscribe(update, context, locale=context.locale, country_code=link_country)
        if link is not None and link.via is not None:  # how many came this way; never who
            await context.services.stores.arrivals.count(
                country=link_country, locale=context.locale, via=link.via
            )
    else:
        await update.effective_message.reply_html(
            onboarding_texts.welcome(context._, first_contact=True),
            reply_markup=keyboards.citizenship(
                context._, locale=context.locale, first_contact=True
            ),
        )


async def language_button(update: Update, context: BotContext, press: Callback) -> None:
    """Onboarding: show the citizenship question in the chosen language, and answer in it
    from now on, also before subscribing (kept in this process's memory only)."""
    assert update.callback_query is not None
    locale = press.args[0]
    if context.chat_data is not None:
        context.chat_data["locale"] = locale
    context.locale = locale
    if update.effective_user is not None:
        await language_chosen(context, update.effective_user.id, locale)
    _ = context.gettext_for(locale)
    await update.callback_query.edit_message_text(
        onboarding_texts.welcome(_, first_contact=True),
        parse_mode="HTML",
        reply_markup=keyboards.citizenship(_, locale=locale, first_contact=True),
    )


async def subscribe_button(update: Update, context: BotContext, press: Callback) -> None:
    """Onboarding's last tap: subscribe with this language and citizenship."""
    assert update.callback_query is not None
    locale, country_code = press.args
    _ = context.gettext_for(locale)
    await update.callback_query.edit_message_text(f"✅ {country(_, country_code)}")
    await _subscribe(update, context, locale=locale, country_code=country_code)


async def _subscribe(
    update: Update, context: BotContext, *, locale: str, country_code: str
) -> None:
    assert update.effective_chat is not None
    await context.subscribers.subscribe(
        chat_id=update.effective_chat.id, locale=locale, country=country_code
    )
    context.locale = locale
    operator = context.services.settings.operator_in(locale)
    await context.bot.send_message(
        update.effective_chat.id,
        onboarding_texts.subscribed(context._, country_code=country_code, operator=operator),
        parse_mode="HTML",
        reply_markup=keyboards.main_menu(context._),
    )
    await send_welcome_pack(context, update.effective_chat.id, country_code)
