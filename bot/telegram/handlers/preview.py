"""The preview's buttons (send, schedule, test, edit, discard, correct) and language views."""

from __future__ import annotations

from datetime import datetime

from telegram import Update

from bot.admin import compose
from bot.admin.notices import send_test as send_test_to_admins
from bot.admin.time_checks import send_time_refusal
from bot.admin.typed_times import Understood, example, quick
from bot.storage.drafts import Draft
from bot.telegram.callbacks import Callback, short
from bot.telegram.context import BotContext
from bot.telegram.keyboards import admin as admin_keyboards
from bot.telegram.steps.drafts import ask, find_advisory, find_draft
from bot.telegram.steps.requests import refusal_text, sender, submit
from bot.telegram.views.advisory import send_advisory
from bot.telegram.views.drafts import show_preview
from bot.telegram.views.unchanged import ask_unchanged
from bot.texts import bold, html
from bot.texts import staff as staff_texts


async def _editable(context: BotContext, update: Update, press: Callback) -> Draft | None:
    """The pressed draft if this admin is editing it and no approval is pending on it."""
    draft = await find_draft(context, press)
    user = update.effective_user
    if draft is None or draft.request is not None or user is None or draft.editor != user.id:
        return None
    return draft


async def preview_button(update: Update, context: BotContext, press: Callback) -> str | None:
    """What to do with the previewed draft."""
    query = update.callback_query
    assert query is not None and query.message is not None and update.effective_user is not None
    draft = await _editable(context, update, press)
    if draft is None:
        return context._(staff_texts.OUT_OF_DATE)
    chat_id, action = query.message.chat.id, press.args[1]
    workflow = context.services.workflow
    if action in ("fix", "fixn") and await ask_unchanged(context, chat_id, draft):
        draft.data.then = action  # carried out once the last language is settled
        await workflow.save(draft)
        await query.edit_message_reply_markup(reply_markup=None)
        return None  # the other languages first: they may now say something else
    if action in ("send", "fix", "fixn"):
        await query.edit_message_reply_markup(reply_markup=None)  # one press, one request
        await submit(
            context,
            chat_id,
            draft,
            user_id=update.effective_user.id,
            action="send" if action == "send" else "correct",
            notice=action == "fixn",
        )
    elif action == "sched":  # a typed time is read at once, with or without ⌨️ first
        draft.asking, draft.data.typed_send_at = "schedule", None
        await workflow.save(draft)
        await context.bot.send_message(
            chat_id,
            schedule_question(context),
            parse_mode="HTML",
            reply_markup=admin_keyboards.schedule(context._, short(draft.id)),
        )
    elif action == "test":
        return await send_test(context, draft)
    elif action == "edit":
        await context.bot.send_message(
            chat_id,
            bold(context._(staff_texts.WHAT_TO_CHANGE)),
            parse_mode="HTML",
            reply_markup=admin_keyboards.edits(
                context._, short(draft.id), draft.data, correcting=draft.mode == "correct"
            ),
        )
    elif action == "drop":
        await workflow.discard(draft.id, actor=f"tg:{update.effective_user.id}")
        await query.edit_message_text(html(context._(staff_texts.DISCARDED)), parse_mode="HTML")
    else:
        await show_preview(context, chat_id, draft)
    return None


def schedule_question(context: BotContext) -> str:
    """When to send: the buttons, or a moment typed as people write it."""
    return "\n\n".join(
        [
            bold(context._(staff_texts.WHEN_TO_SEND)),
            html(
                context._(staff_texts.CHOOSE_OR_TYPE_WHEN),
                example=example(now=context.services.clock()),
            ),
        ]
    )


async def unchanged_button(update: Update, context: BotContext, press: Callback) -> str | None:
    """A correction's unchanged language: still right, to follow, or edit; then the next."""
    query = update.callback_query
    assert query is not None and query.message is not None and update.effective_user is not None
    draft = await _editable(context, update, press)
    locale, choice = press.args[1], press.args[2]
    if draft is None or locale not in compose.unconfirmed_languages(draft.data):
        return context._(staff_texts.OUT_OF_DATE)
    await query.edit_message_reply_markup(reply_markup=None)
    compose.settle_language(draft.data, locale, choice)
    await context.services.workflow.save(draft)
    chat_id = query.message.chat.id
    if choice == "edit":
        draft.data.then = None  # an edit shows the preview again: the press is made there
        await context.services.workflow.save(draft)
        await ask(context, chat_id, draft)
    elif await ask_unchanged(context, chat_id, draft):
        pass  # the next language
    elif draft.data.then in ("fix", "fixn"):  # all settled: the correction goes out as pressed
        notice = draft.data.then == "fixn"
        await submit(
            context, chat_id, draft, user_id=update.effective_user.id, action="correct",
            notice=notice,
        )  # fmt: skip
    else:
        await show_preview(context, chat_id, draft)
    return None


async def view_button(update: Update, context: BotContext, press: Callback) -> str | None:
    """One language in full, as its readers see it (for the author and for approvers)."""
    query = update.callback_query
    assert query is not None and query.message is not None
    draft = await find_draft(context, press)
    advisory = None
    if draft is not None:
        advisory, _problems = await context.services.workflow.preview(draft)
    else:  # already sent: show what went out
        advisory = await find_advisory(context, press)
    if advisory is None:
        return context._(staff_texts.OUT_OF_DATE)
    await send_advisory(context, query.message.chat.id, advisory, locale=press.args[1])
    return None


async def edit_button(update: Update, context: BotContext, press: Callback) -> str | None:
    """Ask a group of questions again (each offers to keep its answer)."""
    query = update.callback_query
    assert query is not None and query.message is not None and update.effective_user is not None
    draft = await _editable(context, update, press)
    if draft is None:
        return context._(staff_texts.OUT_OF_DATE)
    group = press.args[1]
    allowed = compose.CORRECTABLE if draft.mode == "correct" else compose.EDIT_GROUPS
    await query.edit_message_reply_markup(reply_markup=None)
    if group == "back":
        await show_preview(context, query.message.chat.id, draft)
        return None
    if group not in allowed:
        return context._(staff_texts.OUT_OF_DATE)
    compose.start_edit(draft.data, group)
    await context.services.stores.admins.audit(
        actor=f"tg:{update.effective_user.id}",
        action="edit",
        country=draft.country,
        advisory_id=draft.id,
        detail=group,
    )
    await ask(context, query.message.chat.id, draft)
    return None


async def schedule_button(update: Update, context: BotContext, press: Callback) -> str | None:
    """In 1 hour, 3 hours, tomorrow 09:00, or a typed time."""
    query = update.callback_query
    assert query is not None and query.message is not None and update.effective_user is not None
    draft = await _editable(context, update, press)
    if draft is None:
        return context._(staff_texts.OUT_OF_DATE)
    await query.edit_message_reply_markup(reply_markup=None)
    now = context.services.clock()
    if press.args[1] == "type":
        draft.asking, draft.data.typed_send_at = "schedule", None
        await context.services.workflow.save(draft)
        await context.bot.send_message(
            query.message.chat.id,
            html(
                context._(staff_texts.TYPE_WHEN),
                example=example(now=now),
            ),
        )
        return None
    if press.args[1] == "ok":  # the typed time, confirmed
        if draft.data.typed_send_at is None:
            return context._(staff_texts.OUT_OF_DATE)
        at = datetime.fromisoformat(draft.data.typed_send_at)
        refused = send_time_refusal(draft.data, Understood(at, with_time=True), now=now)
        if refused is not None:  # it passed while the admin looked
            return refusal_text(context, refused)
        draft.data.typed_send_at = None
    else:
        at = quick(press.args[1], now=now)
    await submit(
        context, query.message.chat.id, draft, user_id=update.effective_user.id, publish_at=at
    )
    return None


async def send_test(context: BotContext, draft: Draft) -> str:
    """The advisory, marked TEST, to every admin of its country (`bot.admin.notices`)."""
    advisory, _problems = await context.services.workflow.preview(draft)
    if advisory is None:
        return context._(staff_texts.NOT_PASSING_CHECKS)
    reached, _admins = await send_test_to_admins(
        advisory=advisory,
        admins=context.services.stores.admins,
        translator=context.services.translator,
        actor=f"tg:{draft.editor}",
        send=sender(context),
    )
    return context._(staff_texts.TEST_SENT).format(count=reached)
