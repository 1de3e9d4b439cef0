"""/help, /privacy, and a short answer to typed text."""

from __future__ import annotations

from telegram import Update

from bot.telegram.context import BotContext
from bot.telegram.views.citizens import send_callup_question
from bot.telegram.views.replies import back_labels, free_text, menu_if_subscribed
from bot.texts import info as texts
from bot.texts.cries import cry_for_help


async def help_command(update: Update, context: BotContext) -> None:
    """List what the bot can do."""
    assert update.effective_message is not None
    await update.effective_message.reply_html(
        texts.help_text(context._), reply_markup=menu_if_subscribed(context)
    )


async def privacy_command(update: Update, context: BotContext) -> None:
    """What is stored and why, who runs the bot, how to recognise it."""
    assert update.effective_message is not None
    await update.effective_message.reply_html(
        texts.privacy(
            context._,
            operator=context.services.settings.operator_in(context.lang),
            username=context.bot.username,
        ),
        disable_web_page_preview=True,
    )


async def voice_message(update: Update, context: BotContext) -> None:
    """A voice note (someone who does not write): the /callup choices, in their language."""
    await send_callup_question(update, context)


async def text_message(update: Update, context: BotContext) -> None:
    """Typed text that is no menu button: a cry for help gets the /callup choices, "back" a
    pointer, anything else `free_text`. Nothing typed is stored or logged."""
    assert update.effective_message is not None
    text = update.effective_message.text or ""
    if cry_for_help(text):  # a call-up, a recruiter, help: never "I cannot read this"
        await send_callup_question(update, context)
    elif text.startswith("« ") and text[2:] in back_labels(context):
        await update.effective_message.reply_text(
            context._("Use the buttons below, or /help."),
            reply_markup=menu_if_subscribed(context),
        )
    else:
        await free_text(update, context)
