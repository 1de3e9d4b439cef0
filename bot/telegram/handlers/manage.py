"""/advisories: the country's drafts and advisories; open one for its report, correct it,
cancel it, send a scheduled one now, resume a halted one."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import CallbackQuery, Update

from bot.admin.cancel import CancelError
from bot.admin.report_actions import BY_CODE, UNSENT, allowed, offered
from bot.admin.workflow import DraftOpen
from bot.advisories.model import Advisory
from bot.storage.drafts import Draft
from bot.telegram.callbacks import Callback, short
from bot.telegram.context import BotContext
from bot.telegram.guards import admins_only
from bot.telegram.keyboards import admin as admin_keyboards
from bot.telegram.steps.drafts import ask, find_advisory, find_draft
from bot.telegram.steps.requests import submit
from bot.telegram.views.reports import draft_title, send_listing, send_report, state_of
from bot.texts import bold, html
from bot.texts import staff as staff_texts
from bot.texts.manage import requester_name


@admins_only
async def advisories_command(update: Update, context: BotContext) -> None:
    """Drafts, scheduled and published advisories of the admin's country, newest first."""
    assert update.effective_chat is not None
    await send_listing(context, update.effective_chat.id)


async def list_button(update: Update, context: BotContext, press: Callback) -> str | None:
    """Back to the list."""
    assert update.effective_chat is not None
    await send_listing(context, update.effective_chat.id)
    return None


async def manage_button(update: Update, context: BotContext, press: Callback) -> str | None:
    """Open an item, or act on it."""
    query = update.callback_query
    assert query is not None and query.message is not None and update.effective_user is not None
    chat_id, user_id, action = query.message.chat.id, update.effective_user.id, press.args[1]
    if action == "draft" or action in offered(UNSENT):
        draft = await find_draft(context, press)
        if draft is None:
            return context._(staff_texts.OUT_OF_DATE)
        return await _draft_action(context, chat_id, user_id, draft, action)
    advisory = await find_advisory(context, press)
    if advisory is None:
        return context._(staff_texts.OUT_OF_DATE)
    state, _when = await state_of(context, advisory)
    if action not in allowed(state):
        return context._(staff_texts.OUT_OF_DATE)
    act = Act(context, query, chat_id, f"tg:{user_id}", user_id, advisory, press.args[0])
    try:
        return await ON_ADVISORY[action](act)
    except DraftOpen:  # a correction or an approval request holds it
        return context._(staff_texts.DRAFT_OPEN)


@dataclass(frozen=True)
class Act:
    """A press on an advisory's report, with what every action needs."""

    context: BotContext
    query: CallbackQuery
    chat_id: int
    actor: str
    user_id: int
    advisory: Advisory
    item: str  # the report's short id, for the next buttons


async def _open(act: Act) -> str | None:
    await send_report(act.context, act.chat_id, act.advisory)
    return None


async def _fix(act: Act) -> str | None:
    context = act.context
    correction = await context.services.workflow.correction(act.advisory, editor=act.user_id)
    await context.bot.send_message(
        act.chat_id,
        bold(context._(staff_texts.WHAT_TO_CHANGE)),
        parse_mode="HTML",
        reply_markup=admin_keyboards.edits(
            context._, short(correction.id), correction.data, correcting=True
        ),
    )
    return None


async def _ask_first(act: Act, action: str) -> str | None:
    """A press on 🚀 or ⛔ alone does nothing yet: it asks first."""
    await act.context.bot.send_message(
        act.chat_id,
        html(act.context._(BY_CODE[action].question)),
        reply_markup=admin_keyboards.confirm(act.context._, act.item, action),
    )
    return None


async def _send_yes(act: Act) -> str | None:
    await act.query.edit_message_reply_markup(reply_markup=None)
    # Not "admin": the file (if any) may still be updated; its schedule is kept.
    pushed = await act.context.services.workflow.from_file(act.advisory, origin="schedule")
    await submit(act.context, act.chat_id, pushed, user_id=act.user_id)
    return None


async def _cancel_yes(act: Act) -> str | None:
    await act.query.edit_message_reply_markup(reply_markup=None)
    return await _cancel(act.context, act.chat_id, act.advisory, act.actor)


async def _resume(act: Act) -> str | None:
    await act.context.services.actions.resume(act.advisory, actor=act.actor)
    return act.context._(staff_texts.SENDING_RESUMED)


# What each press on an advisory's report does (bot.admin.report_actions declares the buttons).
ON_ADVISORY: dict[str, Callable[[Act], Awaitable[str | None]]] = {
    "open": _open,
    "fix": _fix,
    "send": lambda act: _ask_first(act, "send"),
    "sendyes": _send_yes,
    "cancel": lambda act: _ask_first(act, "cancel"),
    "cancelyes": _cancel_yes,
    "resume": _resume,
}


async def _draft_action(
    context: BotContext, chat_id: int, user_id: int, draft: Draft, action: str
) -> str | None:
    if action == "drop" and draft.request is None:
        await context.services.workflow.discard(draft.id, actor=f"tg:{user_id}")
        return context._(staff_texts.DISCARDED)
    if action == "cont" and draft.request is None:
        draft.editor = user_id  # a colleague may take over a draft of their country
        await ask(context, chat_id, draft)
        return None
    waiting = (
        html(
            context._(staff_texts.WAITING_FOR_APPROVAL),
            requester=requester_name(context._, draft.request),
        )
        if draft.request
        else html(
            context._(staff_texts.CORRECTION_UNSENT)
            if draft.mode == "correct"
            else context._(staff_texts.DRAFT_UNSENT)
        )
    )
    actions = [] if draft.request else offered(UNSENT)
    title = f"📝 <b>{html(draft_title(context, draft))}</b>"
    await context.bot.send_message(
        chat_id,
        f"{title}\n<code>{html(draft.id)}</code>\n{waiting}",
        parse_mode="HTML",
        reply_markup=admin_keyboards.manage(context._, short(draft.id), actions),
    )
    return None


async def _cancel(context: BotContext, chat_id: int, advisory: Advisory, actor: str) -> str | None:
    try:
        cancelled = await context.services.actions.cancel(advisory.id, actor=actor)
    except CancelError:
        return context._(staff_texts.OUT_OF_DATE)
    if cancelled.notice is None:
        text = context._(staff_texts.CANCELLED_UNSEEN)
    else:
        text = context._(staff_texts.CANCELLED_WITH_NOTICE).format(count=cancelled.audience)
    await context.bot.send_message(chat_id, "⛔ " + html(text), parse_mode="HTML")
    return None
