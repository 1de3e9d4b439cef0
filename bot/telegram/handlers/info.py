"""/help, /privacy, and a short answer to typed text."""

from __future__ import annotations

from telegram import ReplyKeyboardRemove, Update

from bot.telegram.context import BotContext
from bot.telegram.views.citizens import send_callup_question
from bot.telegram.views.replies import back_labels, menu_if_subscribed
from bot.telegram.views.understood import answer_text, offer_languages
from bot.texts import info as info_texts
from bot.texts import replies as reply_texts
from bot.understand import Understanding
from bot.world import LOCALE_NAMES


async def help_command(update: Update, context: BotContext) -> None:
    """List what the bot can do."""
    assert update.effective_message is not None
    await update.effective_message.reply_html(
        info_texts.help_text(context._), reply_markup=menu_if_subscribed(context)
    )


async def privacy_command(update: Update, context: BotContext) -> None:
    """What is stored and why, who runs the bot, how to recognise it."""
    assert update.effective_message is not None
    await update.effective_message.reply_html(
        info_texts.privacy(
            context._,
            operator=context.services.settings.operator_in(context.lang),
            username=context.bot.username,
        ),
        disable_web_page_preview=True,
    )


async def voice_message(update: Update, context: BotContext) -> None:
    """A voice note (someone who does not write): the /callup choices, in their language."""
    await send_callup_question(update, context)


async def any_message(update: Update, context: BotContext) -> None:
    """A photo, a sticker, a file: its caption is read like a text; without one, the menu's
    choices inside the answer."""
    assert update.effective_message is not None
    await read_and_answer(update, context, update.effective_message.caption or "")


async def text_message(update: Update, context: BotContext) -> None:
    """Typed or forwarded text that is no menu button: answered by what it is (a cry for help,
    a military job offer, a copy of the embassy's advisory or a fake), in the language chosen,
    else the one it is written in. Nothing typed is stored or logged."""
    assert update.effective_message is not None
    text = update.effective_message.text or ""
    if text.startswith("« ") and text[2:] in back_labels(context):
        menu = menu_if_subscribed(context)
        if menu is not None:
            await update.effective_message.reply_text(
                context._(reply_texts.USE_BUTTONS), reply_markup=menu
            )
            return
        # Not subscribed: no menu below to point to. The old keyboard goes, and the answer
        # carries the menu's choices itself (never the same two buttons again and again).
        await update.effective_message.reply_text(
            "« " + context._(reply_texts.BACK_TO_MENU), reply_markup=ReplyKeyboardRemove()
        )
        await answer_text(update, context, Understanding(context.lang, "other"), text)
        return
    await read_and_answer(update, context, text)


async def read_and_answer(update: Update, context: BotContext, text: str) -> None:
    """Read `text` (`bot.understand`) and answer by what it is."""
    reader = await context.services.understanding.reader()
    found = reader.read(text)
    read_not_chosen = not chosen_locale(context) and found.language in LOCALE_NAMES
    if read_not_chosen:  # kept for this chat's next answers, in memory only
        context.locale = found.language
        if context.chat_data is not None:
            context.chat_data["read_locale"] = found.language
    await answer_text(update, context, found, text)
    if read_not_chosen and found.intent != "other":  # "other" shows the language row itself
        await offer_languages(update, context)


def chosen_locale(context: BotContext) -> bool:
    """Whether the person chose their language (subscribed, or tapped it in this chat)."""
    picked = context.chat_data.get("locale") if context.chat_data is not None else None
    return context.subscriber is not None or picked in LOCALE_NAMES
