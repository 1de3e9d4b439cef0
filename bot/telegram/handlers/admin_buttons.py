"""Every admin button: the presser must be an admin (else: a forged or stale button, audited)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update

from bot.telegram.callbacks import Callback
from bot.telegram.context import BotContext
from bot.telegram.handlers import approvals, compose, manage, preview

AdminButton = Callable[[Update, BotContext, Callback], Awaitable[str | None]]
HANDLERS: dict[str, AdminButton] = {
    "c": compose.compose_button,
    "p": preview.preview_button,
    "v": preview.view_button,
    "e": preview.edit_button,
    "t": preview.schedule_button,
    "ap": approvals.approval_button,
    "ad": manage.manage_button,
    "adl": manage.list_button,
}


async def admin_button(update: Update, context: BotContext, press: Callback) -> None:
    """Check the presser is an admin, then run the button; always answer the press."""
    query = update.callback_query
    assert query is not None
    user = update.effective_user
    country = None if user is None else await context.services.admins.country_of(user_id=user.id)
    if country is None:
        await context.services.admins.audit(
            actor=f"tg:{user.id if user else '?'}",
            action="refused",
            detail=f"button {press.action}",
        )
        await query.answer(context._("This button is out of date. Use /start or /settings."))
        return
    context.admin_country = country
    answer = await HANDLERS[press.action](update, context, press)
    await query.answer(answer)
