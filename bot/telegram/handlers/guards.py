"""Handler wrappers shared by several commands."""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update

from bot.telegram.context import BotContext

Handler = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


def subscribers_only(handler: Handler) -> Handler:
    """Run `handler` for subscribers; anyone else is asked to /start first."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: BotContext) -> None:
        if context.subscriber is None:
            if update.effective_message is not None:
                await update.effective_message.reply_text(
                    context._("Press /start to subscribe first.")
                )
            return
        await handler(update, context)

    return guarded
