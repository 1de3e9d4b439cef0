"""Requests from Telegram: submit to the workflow, ask approvers, tell the requester."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.admin.build import expiry
from bot.admin.compose import draft_headline
from bot.admin.notices import SendBody, approver_locale, ask_approvers
from bot.admin.when import acceptable, example, understand
from bot.admin.workflow import Action, Outcome
from bot.storage.drafts import Draft
from bot.telegram.callbacks import short
from bot.telegram.context import BotContext
from bot.telegram.keyboards import admin as admin_keyboards
from bot.telegram.views.drafts import tell_outcome
from bot.texts import Gettext, bold, html


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


def approval_keyboard(_: Gettext, draft_id: str, locales: list[str]) -> dict[str, Any]:
    """Approve / Reject (and a view per language) as Bot API JSON."""
    return admin_keyboards.approval(_, short(draft_id), locales).to_dict()


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
            subscribers=services.subscribers,
            default_locale=services.settings.default_locale,
            keyboard=approval_keyboard,
            send=sender(context),
        )


async def submit_typed_schedule(update: Update, context: BotContext, draft: Draft) -> None:
    """The admin typed when to send it: read as people write it, shown back to confirm."""
    assert update.effective_message is not None
    message, now = update.effective_message, context.services.clock()
    read = understand(message.text or "", now=now, locale=context.lang)
    refusal = schedule_refusal(context, draft, read.moment if read else None, now=now)
    if refusal is None and read is not None and not read.with_time:
        refusal = context._("Please add the time too, for example {example}.")
    if refusal is not None or read is None:
        await message.reply_text(
            "❗ " + (refusal or "").format(example=example(now=now)), parse_mode=None
        )
        return
    draft.data.typed_send_at = read.moment.isoformat()
    await context.services.workflow.save(draft)
    await message.reply_html(
        bold(
            context._("Send it on {moment}, Moscow time?"),
            moment=f"{read.moment:%d.%m.%Y %H:%M}",
        ),
        reply_markup=admin_keyboards.schedule_confirm(context._, short(draft.id)),
    )


def schedule_refusal(
    context: BotContext, draft: Draft, moment: datetime | None, *, now: datetime
) -> str | None:
    """Why a typed send time cannot be taken (with `{example}` to fill in), or None."""
    if moment is None:
        return context._("I cannot read this time. Type it like {example} (Moscow time).")
    shown = f"{moment:%d.%m.%Y %H:%M}"
    if moment <= now:
        return context._("{date} has already passed. Type a later date, like {example}.").replace(
            "{date}", shown
        )
    if not acceptable(moment, now=now):
        return context._(
            "{date} is more than a year away. Type a date within a year, like {example}."
        ).replace("{date}", shown)
    ends = expiry(draft.data, moment)
    if ends is not None and ends <= moment:
        return context._(
            "It would go out after it stops applying ({end}). Type an earlier time, like "
            "{example}, or change “Until when”."
        ).replace("{end}", f"{ends:%d.%m.%Y %H:%M}")
    return None


async def tell_requester(
    context: BotContext, requester: object, draft: Draft, approver: str, *, approved: bool
) -> None:
    """The admin who asked learns the decision, in their language."""
    if not isinstance(requester, int):
        return  # asked from the command line: the audit log has it
    services = context.services
    locale = await approver_locale(
        services.subscribers, requester, default=services.settings.default_locale
    )
    _ = context.gettext_for(locale)
    headline = draft_headline(draft.data, locale)
    if approved:
        text = "✅ " + _("{approver} approved “{headline}”; it goes out as you asked.")
    else:
        text = "❌ " + _(
            "{approver} rejected “{headline}”. The draft is kept: change it in /advisories."
        )
    try:
        await context.bot.send_message(
            requester, html(text.format(approver=approver, headline=headline))
        )
    except TelegramError:
        return
