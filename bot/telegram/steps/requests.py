"""Requests from Telegram, a step several handlers share: submit to the workflow, ask the
approvers, tell the requester."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.admin.compose import draft_headline
from bot.admin.notices import SendBody, approver_locale, ask_approvers
from bot.admin.refusal import Rejected
from bot.admin.time_checks import send_time_refusal
from bot.admin.typed_times import understand
from bot.admin.workflow import Action, Outcome
from bot.storage.drafts import Draft
from bot.telegram.callbacks import short
from bot.telegram.context import BotContext
from bot.telegram.keyboards import admin as admin_keyboards
from bot.telegram.views.drafts import tell_outcome
from bot.texts import bold, html
from bot.texts import staff as staff_texts


def sender(context: BotContext) -> SendBody:
    """A domain `sendMessage` body sent through this application's bot."""

    async def send(body: dict[str, Any]) -> bool:
        markup = body.get("reply_markup")
        try:
            await context.bot.send_message(
                body["chat_id"],
                body["text"],
                parse_mode=body.get("parse_mode"),
                disable_web_page_preview=True,
                disable_notification=body.get("disable_notification"),
                reply_markup=InlineKeyboardMarkup.de_json(markup, None) if markup else None,
            )
        except TelegramError:  # an admin who never opened the bot cannot be written to
            return False
        return True

    return send


async def submit(
    context: BotContext,
    chat_id: int,
    draft: Draft,
    *,
    user_id: int,
    action: Action = "send",
    publish_at: datetime | None = None,
    notice: bool = False,
) -> None:
    """Ask the workflow to send, schedule or correct; tell the admin; ask approvers if needed."""
    outcome: Outcome = await context.services.workflow.request(
        draft,
        action=action,
        actor=f"tg:{user_id}",
        requester=user_id,
        publish_at=publish_at,
        notice=notice,
    )
    await tell_outcome(context, chat_id, draft, outcome)
    if outcome.kind == "waiting":
        services = context.services
        await ask_approvers(
            draft=draft,
            outcome=outcome,
            translator=services.translator,
            profiles=services.stores.profiles,
            default_locale=services.settings.default_locale,
            keyboard=admin_keyboards.approval_json,
            send=sender(context),
        )


async def submit_typed_schedule(update: Update, context: BotContext, draft: Draft) -> None:
    """The admin typed when to send it: read as people write it, shown back to confirm."""
    assert update.effective_message is not None
    message, now = update.effective_message, context.services.clock()
    read = understand(message.text or "", now=now, locale=context.lang)
    refused = send_time_refusal(draft.data, read, now=now)
    if refused is not None:  # said, and the choices shown again: never a dead end
        await message.reply_text(
            "❗ " + refusal_text(context, refused),
            parse_mode=None,
            reply_markup=admin_keyboards.schedule(context._, short(draft.id)),
        )
        return
    assert read is not None  # only a time that was read can be taken
    draft.data.typed_send_at = read.moment.isoformat()
    await context.services.workflow.save(draft)
    await message.reply_html(
        bold(
            context._(staff_texts.SEND_ON),
            moment=f"{read.moment:%d.%m.%Y %H:%M}",
        ),
        reply_markup=admin_keyboards.schedule_confirm(context._, short(draft.id)),
    )


def refusal_text(context: BotContext, refused: Rejected) -> str:
    """A refusal in the admin's language, its placeholders filled."""
    return context._(refused.message).format(**refused.values)


async def tell_requester(
    context: BotContext, requester: object, draft: Draft, approver: str, *, approved: bool
) -> None:
    """The admin who asked learns the decision, in their language."""
    if not isinstance(requester, int):
        return  # asked from the command line: the audit log has it
    services = context.services
    locale = await approver_locale(
        services.stores.profiles, requester, default=services.settings.default_locale
    )
    _ = context.gettext_for(locale)
    headline = draft_headline(draft.data, locale)
    if approved:
        text = "✅ " + _(staff_texts.APPROVED_AS_ASKED)
    else:
        text = "❌ " + _(staff_texts.REJECTED_DRAFT_KEPT)
    try:
        await context.bot.send_message(
            requester, html(text.format(approver=approver, headline=headline))
        )
    except TelegramError:
        return
