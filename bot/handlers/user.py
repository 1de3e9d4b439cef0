"""What a migrant can do. Handlers are thin: parse, call a service, reply."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext


async def start_command(update: Update, context: BotContext) -> None:
    """Greet the user (the subscription flow replaces this one line)."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_text("Elchi ishlamoqda. Элчи иштеп жатат. Элчи работает.")
