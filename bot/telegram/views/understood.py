"""The answer to a typed or forwarded text, by what `bot.understand` read in it. Nothing of
the text is stored or logged; /metrics counts what it was read as, by country."""

from __future__ import annotations

import time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.advisories import cards
from bot.advisories.lookup import embassy
from bot.advisories.model import Advisory
from bot.advisories.render import issued_on
from bot.delivery.message import SHARE_LABEL
from bot.telegram.callbacks import data
from bot.telegram.context import BotContext
from bot.telegram.keyboards import reader as keyboards
from bot.telegram.views.advisory import send_advisory
from bot.telegram.views.citizens import ask_country, country_of, send_callup_question
from bot.texts import Gettext, onboarding
from bot.texts import country as country_label
from bot.texts import replies as reply_texts
from bot.texts import understood as understood_texts
from bot.understand import Understanding
from bot.world import LOCALE_NAMES
from bot.world.links import friend_share_url

HELD_FOR = 600.0  # seconds a flagged offer waits in memory for the person's answer


async def answer_text(
    update: Update, context: BotContext, found: Understanding, text: str
) -> None:
    """One answer for each intent; never "use the buttons below" where there are none.
    `text` is what was read: only a job offer is held, in memory, for the consent question."""
    assert update.effective_message is not None and update.effective_chat is not None
    context.services.metrics.understood(found.intent, country_of(context))
    if found.intent == "crisis":
        await send_callup_question(update, context)
    elif found.intent == "military_offer":
        await _offer(update, context, found, text)
    elif found.intent == "embassy_genuine" and found.advisory is not None:
        advisory = await context.services.stores.advisories.get(advisory_id=found.advisory)
        if advisory is not None:
            await _genuine(update, context, advisory)
    elif found.intent == "embassy_unverified":
        await _unverified(update, context, found)
    else:
        await _other(update, context)


async def _standing_action(context: BotContext, country: str | None) -> tuple[str | None, bool]:
    """The standing warning's action and whether the embassy itself says it."""
    if country is None:
        return None, False
    standing = await context.services.stores.advisories.standing(country=country)
    if standing is None:
        return None, False
    return standing.read_in(context.lang).instruction, standing.instruction_from == "embassy"


async def phones(context: BotContext, country: str) -> str:
    """The numbers to call now, each with its source and the date it was checked."""
    directory = await context.services.stores.advisories.directory(country=country)
    if directory is None:
        return ""
    sources, found = cards.Sources(), embassy(directory)
    numbers = cards.phones_first(
        context._, found, directory, embassy=found, locale=context.lang, sources=sources
    )
    format_date = context.services.translator.date_formatter(context.lang)
    return numbers + "\n\n" + sources.block(context._, format_date, context.lang)


def _buttons(context: BotContext, country: str) -> InlineKeyboardMarkup:
    """The full warning, the embassy, and Send to a friend (Telegram's share screen)."""
    _ = context._
    share = friend_share_url(
        context.bot.username,
        text=_(reply_texts.EMBASSY_IN_LANGUAGE).format(country=country_label(_, country)),
        locale=context.lang,
        country=country,
    )
    return InlineKeyboardMarkup(
        [*_asks(context, country, "law", "embassy"), [_share_button(_, share)]]
    )


def _share_button(_: Gettext, url: str) -> InlineKeyboardButton:
    return InlineKeyboardButton("📨 " + _(SHARE_LABEL), url=url)


def _asks(context: BotContext, country: str, *topics: str) -> list[list[InlineKeyboardButton]]:
    """A button a topic (the menu's labels), answered for `country` at once."""
    return [
        [
            InlineKeyboardButton(
                keyboards.menu_label(context._, topic), callback_data=data("ask", topic, country)
            )
        ]
        for topic in topics
    ]


async def _offer(update: Update, context: BotContext, found: Understanding, typed: str) -> None:
    country = country_of(context)
    action, from_embassy = await _standing_action(context, country)
    text = understood_texts.military_offer(
        context._, signs=found.reasons, instruction=action, from_embassy=from_embassy
    )
    await _with_phones(update, context, text, country, ask="law")
    await _ask_consent(update, context, text=typed, country=country)


async def _ask_consent(
    update: Update, context: BotContext, *, text: str, country: str | None
) -> None:
    """ "Send this offer to your embassy, without your name?" The text waits in memory."""
    assert update.effective_message is not None
    if country is None or context.chat_data is None:
        return  # whose embassy is not known: nothing to send it to
    context.chat_data["offer"] = {"text": text, "country": country, "at": time.monotonic()}
    _ = context._
    buttons = [
        InlineKeyboardButton(
            "✅ " + _(reply_texts.YES_SEND_IT), callback_data=data("offer", "yes")
        ),
        InlineKeyboardButton(_(reply_texts.NO), callback_data=data("offer", "no")),
    ]
    await update.effective_message.reply_html(
        understood_texts.consent_question(_), reply_markup=InlineKeyboardMarkup([buttons])
    )


async def _with_phones(
    update: Update, context: BotContext, text: str, country: str | None, *, ask: str
) -> None:
    """`text`, then the phones and buttons of `country`; unknown: one tap asks it."""
    assert update.effective_message is not None
    if country is None:
        await update.effective_message.reply_html(text)
        await ask_country(update, context, ask)
        return
    await update.effective_message.reply_html(
        text + "\n\n" + await phones(context, country),
        reply_markup=_buttons(context, country),
        disable_web_page_preview=True,
    )


async def _genuine(update: Update, context: BotContext, advisory: Advisory) -> None:
    assert update.effective_message is not None and update.effective_chat is not None
    translator = context.services.translator
    issued = issued_on(
        advisory,
        format_date=translator.date_formatter(context.lang),
        format_month=translator.month_formatter(context.lang),
    )
    headline = advisory.read_in(context.lang).headline
    await update.effective_message.reply_html(
        understood_texts.genuine(context._, issued=issued, headline=headline)
    )
    await send_advisory(context, update.effective_chat.id, advisory)


async def _unverified(update: Update, context: BotContext, found: Understanding) -> None:
    country = country_of(context)
    action, from_embassy = await _standing_action(context, country)
    changed = found.reasons if _is_copy(found) else []
    text = understood_texts.unverified(
        context._, changed=changed, instruction=action, from_embassy=from_embassy
    )
    await _with_phones(update, context, text, country, ask="embassy")


def _is_copy(found: Understanding) -> bool:
    """A doctored copy's reasons are its changed sentences (several words each)."""
    return any(len(reason.split()) >= 3 for reason in found.reasons)


async def _other(update: Update, context: BotContext) -> None:
    """The menu's choices inside the answer; a newcomer gets the one-tap subscription."""
    assert update.effective_message is not None
    country, _ = country_of(context), context._
    if country is None:
        await update.effective_message.reply_html(
            understood_texts.not_understood(_)
            + "\n\n"
            + onboarding.welcome(_, first_contact=True),
            reply_markup=keyboards.citizenship(_, locale=context.lang, first_contact=True),
        )
        return
    await update.effective_message.reply_html(
        understood_texts.not_understood(_),
        reply_markup=InlineKeyboardMarkup(_asks(context, country, "law", "embassy", "callup")),
    )


async def offer_languages(update: Update, context: BotContext) -> None:
    """One tap to another language, after an answer in the language the text was read in
    (not chosen): the tap keeps it for this chat and goes on to the citizenship question."""
    assert update.effective_message is not None
    names = [
        InlineKeyboardButton(name, callback_data=data("lang", code))
        for code, name in LOCALE_NAMES.items()
        if code != context.lang
    ]
    await update.effective_message.reply_text(
        "🌐 " + context._(reply_texts.ANOTHER_LANGUAGE),
        reply_markup=InlineKeyboardMarkup([names[:2], names[2:]]),
    )
