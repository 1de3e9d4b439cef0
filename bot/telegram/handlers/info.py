"""/help, /privacy, the persistent menu, and a short answer to anything else."""

from __future__ import annotations

from telegram import ReplyKeyboardMarkup, Update

from bot.telegram.context import BotContext
from bot.telegram.handlers import callup, embassy, law
from bot.telegram.handlers.settings import settings_command
from bot.telegram.keyboards import reader as keyboards
from bot.texts import info as texts
from bot.world import LOCALE_NAMES


async def help_command(update: Update, context: BotContext) -> None:
    """List what the bot can do."""
    assert update.effective_message is not None
    await update.effective_message.reply_html(
        texts.help_text(context._), reply_markup=_menu_if_subscribed(context)
    )


async def privacy_command(update: Update, context: BotContext) -> None:
    """What is stored and why, who runs the bot, how to recognise it."""
    assert update.effective_message is not None
    await update.effective_message.reply_html(
        texts.privacy(
            context._,
            operator=context.services.settings.operator_name,
            username=context.bot.username,
        ),
        disable_web_page_preview=True,
    )


def menu_action(text: str, context: BotContext) -> str | None:
    """Which menu button `text` is, in any locale (an old keyboard may be in another)."""
    for locale in LOCALE_NAMES:
        _ = context.gettext_for(locale)
        for key in keyboards.MENU:
            if text == keyboards.menu_label(_, key):
                return key
    return None


async def menu_text(update: Update, context: BotContext) -> None:
    """A press on the persistent menu, or free text."""
    assert update.effective_message is not None
    text = update.effective_message.text or ""
    key = menu_action(text, context)
    if key is not None:
        await MENU_HANDLERS[key](update, context)
    elif text.startswith("« ") and text[2:] in _back_labels(context):
        await update.effective_message.reply_text(
            context._("Use the buttons below, or /help."),
            reply_markup=_menu_if_subscribed(context),
        )
    else:
        await free_text(update, context)


def _back_labels(context: BotContext) -> set[str]:
    return {context.gettext_for(locale)("Back to the menu") for locale in LOCALE_NAMES}


async def free_text(update: Update, context: BotContext) -> None:
    """Anything the bot does not understand: a short pointer, never silence (nothing stored)."""
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        context._("I cannot read written messages. Please use the buttons below, or /help."),
        reply_markup=_menu_if_subscribed(context),
    )


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command the bot does not have."""
    assert update.effective_message is not None
    await update.effective_message.reply_text(context._("I don't know this command. See /help."))


def _menu_if_subscribed(context: BotContext) -> ReplyKeyboardMarkup | None:
    subscriber = context.subscriber
    if subscriber is not None and subscriber.subscribed:
        return keyboards.main_menu(context._)
    return None


MENU_HANDLERS = {
    "law": law.law_command,
    "embassy": embassy.embassy_command,
    "callup": callup.callup_command,
    "latest": law.latest_command,
    "settings": settings_command,
    "help": help_command,
}
