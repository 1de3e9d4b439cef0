"""/law (the standing legal warning, then the dual-citizenship question) and /latest."""

from __future__ import annotations

from telegram import Update

from bot.advisories import render
from bot.advisories.model import Advisory
from bot.telegram.callbacks import Callback
from bot.telegram.context import BotContext
from bot.telegram.guards import citizens, subscribers_only
from bot.telegram.keyboards import reader as keyboards
from bot.telegram.views.advisory import send_advisory
from bot.telegram.views.citizens import country_of, offer_subscription, remember_country
from bot.texts import ask as ask_texts
from bot.texts import html
from bot.texts import replies as reply_texts

MAX_LISTED = 10


@citizens("law")
async def law_command(update: Update, context: BotContext) -> None:
    """The standing legal warning of the person's country."""
    assert update.effective_message is not None and update.effective_chat is not None
    country = country_of(context)
    assert country is not None
    standing = await context.services.stores.advisories.standing(country=country)
    if standing is None:
        await update.effective_message.reply_text(
            context._(reply_texts.BEING_CHECKED).format(
                topic=context._(reply_texts.LEGAL_WARNINGS)
            )
        )
        return
    await send_advisory(context, update.effective_chat.id, standing)
    if standing.if_dual:
        await context.bot.send_message(
            update.effective_chat.id,
            ask_texts.dual_question(context._),
            parse_mode="HTML",
            reply_markup=keyboards.dual_question(context._),
        )
    else:
        await offer_subscription(context, update.effective_chat.id)


async def ask_button(update: Update, context: BotContext, press: Callback) -> None:
    """The citizenship tapped before subscribing: the legal warning at once."""
    remember_country(context, press.args[1])
    await law_command(update, context)


async def dual_button(update: Update, context: BotContext, press: Callback) -> None:
    """Answer for dual citizens or not; the answer itself is never stored."""
    assert update.callback_query is not None
    country = country_of(context)
    if country is None:
        return
    standing = await context.services.stores.advisories.standing(country=country)
    answer = (
        None
        if standing is None
        else render.dual_answer(standing, dual=press.args[0] == "yes", locale=context.lang)
    )
    await update.callback_query.edit_message_text(
        answer or html(context._(reply_texts.USE_BUTTONS)),
        parse_mode="HTML",  # the answer's action is bold, as everywhere
        reply_markup=keyboards.reach_the_embassy(context._, country),  # never a dead end
    )
    if update.effective_chat is not None:
        await offer_subscription(context, update.effective_chat.id)


@subscribers_only
async def latest_command(update: Update, context: BotContext) -> None:
    """Advisories in force for the subscriber's country, newest first, as buttons; then the
    earlier warnings, with their dates (`bot.advisories.in_force` has the rule)."""
    assert update.effective_message is not None
    shown = await context.services.stores.advisories.listing(country=context.member.country)
    if shown.in_force:
        await update.effective_message.reply_text(
            context._(reply_texts.IN_FORCE),
            reply_markup=keyboards.advisory_list(_labels(context, shown.in_force)),
        )
    else:
        await update.effective_message.reply_html(ask_texts.nothing_in_force(context._))
    if shown.earlier:
        await update.effective_message.reply_text(
            context._(reply_texts.EARLIER_WARNINGS),
            reply_markup=keyboards.advisory_list(_labels(context, shown.earlier)),
        )


def _labels(context: BotContext, advisories: list[Advisory]) -> list[tuple[str, str]]:
    """`21.09.2022 · headline…` for each (the date first: how old it is shows at once)."""
    translator = context.services.translator
    labels = []
    for advisory in advisories[:MAX_LISTED]:
        text = advisory.read_in(context.lang)
        headline = text.headline if len(text.headline) <= 48 else text.headline[:47] + "…"
        issued = render.issued_on(
            advisory,
            format_date=translator.date_formatter(context.lang),
            format_month=translator.month_formatter(context.lang),
        )
        labels.append((advisory.id, f"{issued} · {headline}"))
    return labels


async def advisory_button(update: Update, context: BotContext, press: Callback) -> None:
    """Open one advisory of /latest, if it is still in force and for this country."""
    assert update.effective_chat is not None
    advisory = await context.services.stores.advisories.get(advisory_id=press.args[0])
    now = context.services.clock()
    if (
        advisory is None
        or advisory.country != context.member.country
        or not advisory.in_force(now)
    ):
        await context.bot.send_message(
            update.effective_chat.id, context._(reply_texts.NO_LONGER_IN_FORCE)
        )
        return
    await send_advisory(context, update.effective_chat.id, advisory)
