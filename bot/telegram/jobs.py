"""Jobs the JobQueue runs: thin wrappers that call domain services with the Telegram client."""

from __future__ import annotations

import contextlib

from telegram.error import BadRequest, Forbidden

from bot.admin.compose import draft_headline
from bot.admin.notices import approver_locale
from bot.telegram.context import BotContext
from bot.texts import html
from bot.texts import staff as staff_texts


async def audit_summary(context: BotContext) -> None:
    """Write the strangers' refused commands counted this hour as one audit row."""
    await context.services.actions.summarise_refusals()


async def offers_sweep(context: BotContext) -> None:
    """Delete flagged job offers that last came in more than 90 days ago (hourly)."""
    await context.services.stores.offers.purge()


async def discreet_sweep(context: BotContext) -> None:
    """Delete discreet chats' messages that are 24 hours old."""

    async def delete(chat_id: int, message_ids: list[int]) -> None:
        # Already gone, too old, or the user blocked the bot: nothing is left to do.
        with contextlib.suppress(BadRequest, Forbidden):
            await context.bot.delete_messages(chat_id, message_ids)

    await context.services.discreet.sweep(delete_messages=delete)


async def correction_reminders(context: BotContext) -> None:
    """Tell an editor, once, that their correction has not gone out (30 minutes on)."""
    services = context.services
    for draft in await services.reports.forgotten_corrections():
        assert draft.editor is not None
        locale = await approver_locale(
            services.stores.profiles, draft.editor, default=services.settings.default_locale
        )
        _ = services.translator.bound(locale)
        text = "✏️ " + html(
            _(staff_texts.CORRECTION_FORGOTTEN),
            headline=draft_headline(draft.data, locale),
        )
        draft.data.reminded = True
        await services.workflow.save(draft)
        with contextlib.suppress(BadRequest, Forbidden):
            await context.bot.send_message(draft.editor, text, parse_mode="HTML")
