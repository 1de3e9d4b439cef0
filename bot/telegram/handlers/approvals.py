"""Four-eyes: the other admins of the country are asked, and one of them approves or rejects."""

from __future__ import annotations

from datetime import datetime

from telegram import Update
from telegram.error import TelegramError

from bot.admin.workflow import Action, Outcome
from bot.storage.drafts import Draft
from bot.telegram.callbacks import Callback, short
from bot.telegram.context import BotContext
from bot.telegram.handlers.drafts import find_draft, tell_outcome
from bot.telegram.handlers.show import send_advisory
from bot.telegram.keyboards import admin as admin_keyboards
from bot.texts import html
from bot.texts import manage as texts


async def locale_of(context: BotContext, user_id: int) -> str:
    """An admin's language: their subscriber choice if they subscribed, else the default."""
    row = await context.subscribers.get(chat_id=user_id)
    return row.locale if row is not None else context.services.settings.default_locale


async def ask_approvers(context: BotContext, draft: Draft, outcome: Outcome) -> None:
    """Send each possible approver the advisory in their language and Approve / Reject."""
    request, advisory = outcome.request or {}, outcome.advisory
    if advisory is None:
        return
    locales = advisory.audience_locales()
    for user_id in outcome.approvers:
        locale = await locale_of(context, user_id)
        _ = context.gettext_for(locale)
        text = texts.approval_text(
            _,
            request,
            advisory_id=draft.id,
            format_date=context.services.translator.date_formatter(locale),
        )
        shown = locale if locale in locales else locales[0]
        try:
            await send_advisory(context, user_id, advisory, locale=shown)
            await context.bot.send_message(
                user_id,
                text,
                parse_mode="HTML",
                reply_markup=admin_keyboards.approval(_, short(draft.id), locales),
            )
        except TelegramError:  # an admin who never opened the bot cannot be asked here
            continue


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
    outcome = await context.services.workflow.request(
        draft,
        action=action,
        actor=f"tg:{user_id}",
        requester=user_id,
        publish_at=publish_at,
        notice=notice,
    )
    await tell_outcome(context, chat_id, draft, outcome)
    if outcome.kind == "waiting":
        await ask_approvers(context, draft, outcome)


async def approval_button(update: Update, context: BotContext, press: Callback) -> str | None:
    """Approve (it is carried out at once) or reject (the draft goes back to its author)."""
    query = update.callback_query
    assert query is not None and query.message is not None and update.effective_user is not None
    draft = await find_draft(context, press.args[0])
    if draft is None or draft.request is None:
        return context._("This request is no longer open (it was decided, or the draft changed).")
    approve = press.args[1] == "yes"
    request = draft.request
    outcome = await context.services.workflow.decide(
        draft.id, approver=update.effective_user.id, approve=approve
    )
    if outcome.kind == "refused":
        return context._("You asked for it yourself: another admin must approve it.")
    await query.edit_message_reply_markup(reply_markup=None)
    approver = f"tg:{update.effective_user.id}"
    if approve:
        await tell_outcome(context, query.message.chat.id, draft, outcome)
    else:
        await context.bot.send_message(
            query.message.chat.id, html(context._("Rejected. The author is told."))
        )
    if not approve or outcome.kind in ("sent", "scheduled", "corrected"):
        await _tell_requester(
            context, request.get("requester"), draft.id, approver, approved=approve
        )
    return None


async def _tell_requester(
    context: BotContext, requester: object, draft_id: str, approver: str, *, approved: bool
) -> None:
    if not isinstance(requester, int):
        return  # asked from the command line: the audit log has it
    _ = context.gettext_for(await locale_of(context, requester))
    if approved:
        text = "✅ " + _("{approver} approved {id}; it goes out as you asked.")
    else:
        text = "❌ " + _("{approver} rejected {id}. The draft is kept: change it in /advisories.")
    try:
        await context.bot.send_message(
            requester, html(text.format(approver=approver, id=draft_id))
        )
    except TelegramError:
        return
