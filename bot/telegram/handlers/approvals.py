"""Four-eyes: a second admin of the country approves or rejects a request."""

from __future__ import annotations

from telegram import Update

from bot.telegram.callbacks import Callback
from bot.telegram.context import BotContext
from bot.telegram.steps.drafts import find_draft
from bot.telegram.steps.requests import tell_requester
from bot.telegram.views.drafts import tell_outcome
from bot.texts import html
from bot.texts import staff as staff_texts


async def approval_button(update: Update, context: BotContext, press: Callback) -> str | None:
    """Approve (it is carried out at once) or reject (the draft goes back to its author)."""
    query = update.callback_query
    assert query is not None and query.message is not None and update.effective_user is not None
    draft = await find_draft(context, press)
    if draft is None or draft.request is None:
        return context._(staff_texts.REQUEST_CLOSED)
    approve = press.args[1] == "yes"
    request = draft.request
    outcome = await context.services.workflow.decide(
        draft.id, approver=update.effective_user.id, approve=approve
    )
    if outcome.kind == "refused":
        return context._(staff_texts.NOT_YOUR_OWN_APPROVAL)
    await query.edit_message_reply_markup(reply_markup=None)
    who = update.effective_user  # named as their account shows them now
    approver = f"{who.full_name} (tg:{who.id})" if who.full_name else f"tg:{who.id}"
    if approve:
        await tell_outcome(context, query.message.chat.id, draft, outcome)
    else:
        await context.bot.send_message(
            query.message.chat.id, html(context._(staff_texts.REJECTED))
        )
    if not approve or outcome.kind in ("sent", "scheduled", "corrected"):
        await tell_requester(context, request.get("requester"), draft, approver, approved=approve)
    return None
