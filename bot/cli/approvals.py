"""Asking approvers from the command line: the same texts and buttons the bot sends, through
the lean Bot API client (the running bot handles the presses)."""

from __future__ import annotations

from bot.admin.workflow import Outcome
from bot.config import Settings
from bot.delivery.message import ack_markup, payload
from bot.delivery.service import renderer
from bot.delivery.telegram_api import BotApiClient
from bot.i18n import Translator
from bot.storage import Database, SubscriberRepository
from bot.storage.drafts import Draft
from bot.telegram.callbacks import short
from bot.telegram.keyboards import admin as admin_keyboards
from bot.texts import manage as texts


async def ask_approvers(
    settings: Settings, database: Database, draft: Draft, outcome: Outcome
) -> int:
    """Send each possible approver the advisory and Approve / Reject; how many were reached."""
    advisory, request = outcome.advisory, outcome.request or {}
    if advisory is None:
        return 0
    translator = Translator()
    render, markup = renderer(translator), ack_markup(translator)
    locales = advisory.audience_locales()
    subscribers = SubscriberRepository(database=database)
    reached = 0
    async with BotApiClient(api_url=settings.bot_api_url, token=settings.token()) as api:
        for user_id in outcome.approvers:
            row = await subscribers.get(chat_id=user_id)
            locale = row.locale if row is not None else settings.default_locale
            _ = translator.bound(locale)
            shown = locale if locale in locales else locales[0]
            parts = render(advisory, shown)
            for index, part in enumerate(parts):
                body = payload(user_id, part, quiet=False, paid=False)
                if index == len(parts) - 1:
                    body["reply_markup"] = markup(advisory, shown)
                await api.send_message(body)
            text = texts.approval_text(
                _, request, advisory_id=draft.id, format_date=translator.date_formatter(locale)
            )
            keyboard = admin_keyboards.approval(_, short(draft.id), locales)
            result = await api.send_message(
                {
                    **payload(user_id, text, quiet=False, paid=False),
                    "reply_markup": keyboard.to_dict(),
                }
            )
            reached += result.kind == "sent"
    return reached
