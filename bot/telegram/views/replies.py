"""Short replies any handler may give: unknown command, a stale button, the menu."""

from __future__ import annotations

from telegram import ReplyKeyboardMarkup, Update

from bot.telegram.context import BotContext
from bot.telegram.keyboards import reader as keyboards
from bot.texts import replies as reply_texts
from bot.world import LOCALE_NAMES


def menu_if_subscribed(context: BotContext) -> ReplyKeyboardMarkup | None:
    """The persistent menu for subscribers (nothing for anyone else)."""
    subscriber = context.subscriber
    if subscriber is not None and subscriber.subscribed:
        return keyboards.main_menu(context._)
    return None


def menu_action(text: str, context: BotContext) -> str | None:
    """Which menu button `text` is, in any locale (an old keyboard may be in another)."""
    for locale in LOCALE_NAMES:
        _ = context.gettext_for(locale)
        for key in keyboards.MENU:
            if text == keyboards.menu_label(_, key):
                return key
    return None


def back_labels(context: BotContext) -> set[str]:
    """ "Back to the menu" in every locale."""
    return {context.gettext_for(locale)("Back to the menu") for locale in LOCALE_NAMES}


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command the bot does not have."""
    assert update.effective_message is not None
    await update.effective_message.reply_text(context._(reply_texts.UNKNOWN_COMMAND))


async def stale_button(update: Update, context: BotContext) -> None:
    """A button that is out of date or forged: answered, nothing changed."""
    assert update.callback_query is not None
    await update.callback_query.answer(context._(reply_texts.OUT_OF_DATE))
