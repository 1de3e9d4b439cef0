"""Every inline button press: parsed once, dispatched, always answered."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update

from bot.telegram import callbacks
from bot.telegram.callbacks import Callback
from bot.telegram.context import BotContext
from bot.telegram.handlers import ack, callup, embassy, law, leaving, onboarding, settings
from bot.telegram.handlers.admin_buttons import admin_button

# A handler may return the text of its callback answer (a short toast); None answers silently.
Button = Callable[[Update, BotContext, Callback], Awaitable[str | None]]
# Actions anyone may press (onboarding, /forget, "I understand"); most others need a subscriber
# row; admin actions need an admin (`bot.telegram.handlers.manage.ADMIN_BUTTONS`).
_OPEN: dict[str, Button] = {
    "lang": onboarding.language_button,
    "sub": onboarding.subscribe_button,
    "forget": leaving.forget_button,
    "ack": ack.ack_button,
}
_SUBSCRIBER: dict[str, Button] = {
    "menu": settings.menu_button,
    "set:lang": settings.set_button,
    "set:country": settings.set_button,
    "set:region": settings.set_button,
    "set:discreet": settings.set_button,
    "dual": law.dual_button,
    "adv": law.advisory_button,
    "emb": embassy.region_button,
    "callup": callup.callup_button,
}


async def button(update: Update, context: BotContext) -> None:
    """Run the action of a button; a stale or forged one changes nothing and is answered."""
    query = update.callback_query
    assert query is not None
    press = callbacks.parse(query.data)
    if press is not None and press.action in callbacks.ADMIN_ACTIONS:
        await admin_button(update, context, press)
        return
    handler = None
    if press is not None:
        handler = _OPEN.get(press.action)
        if handler is None and context.subscriber is not None:
            handler = _SUBSCRIBER.get(press.action)
    if press is None or handler is None or query.message is None:
        await query.answer(context._("This button is out of date. Use /start or /settings."))
        return
    if press.action == "menu" and press.args[0] in ("stop", "forget"):
        await query.answer()
        await (leaving.stop_command if press.args[0] == "stop" else leaving.forget_command)(
            update, context
        )
        return
    answer = await handler(update, context, press)
    await query.answer(answer)
