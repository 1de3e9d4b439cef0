"""/help, /privacy, the persistent menu, and a short answer to anything else."""

from __future__ import annotations

from telegram import ReplyKeyboardMarkup, Update

from bot import keyboards
from bot.context import BotContext
from bot.handlers.settings import settings_command
from bot.i18n.locales import LOCALES
from bot.texts import info as texts


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


def menu_action(text: str, context: BotContext) -> int | None:
    """Which menu button `text` is, in any locale (an old keyboard may be in another)."""
    for locale in LOCALES:
        _ = context.gettext_for(locale)
        for index in range(len(keyboards.MENU)):
            if text == keyboards.menu_label(_, index):
                return index
    return None


async def menu_text(update: Update, context: BotContext) -> None:
    """A press on the persistent menu, or free text."""
    assert update.effective_message is not None
    index = menu_action(update.effective_message.text or "", context)
    if index == 2:
        await settings_command(update, context)
    elif index == 3:
        await help_command(update, context)
    elif index in (0, 1):
        topic = context._("Legal warnings") if index == 0 else context._("Embassy contacts")
        await update.effective_message.reply_text(
            context._(
                "{topic}: this information is being checked against official sources and "
                "will appear here soon."
            ).format(topic=topic)
        )
    else:
        await free_text(update, context)


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
