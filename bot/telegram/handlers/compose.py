"""/new and the questions of a draft: typed answers, voice notes, and the question buttons."""

from __future__ import annotations

from telegram import CallbackQuery, Update
from telegram.ext import ApplicationHandlerStop

from bot.admin import answers, compose, questions, quick
from bot.admin.actions import may_act
from bot.admin.quick import is_whole
from bot.config import SUPER_ADMIN
from bot.storage.drafts import Draft
from bot.telegram.callbacks import Callback, short
from bot.telegram.context import BotContext
from bot.telegram.guards import admins_only, speak_as_admin
from bot.telegram.keyboards import questions as question_keyboards
from bot.telegram.steps.drafts import ask, find_draft
from bot.telegram.steps.requests import submit_typed_schedule
from bot.telegram.views.replies import menu_action
from bot.texts import html
from bot.texts import staff as staff_texts

TYPED_HTML = ("body", "instruction")  # kept with their bold, italic and links


@admins_only
async def new_command(update: Update, context: BotContext) -> None:
    """Start a new advisory for the admin's country (a super-admin picks the country first)."""
    assert update.effective_user is not None and update.effective_chat is not None
    country = None if context.admin_country == SUPER_ADMIN else context.admin_country
    draft = await context.services.workflow.start(country=country, editor=update.effective_user.id)
    await ask(context, update.effective_chat.id, draft)


async def compose_message(update: Update, context: BotContext) -> None:
    """Group -1: the typed answer or voice note of an admin answering a question."""
    user, message, chat = update.effective_user, update.effective_message, update.effective_chat
    if user is None or message is None or chat is None:
        return
    workflow = context.services.workflow
    draft = await workflow.composing(editor=user.id)
    if draft is None or draft.asking is None:
        return  # not composing: the ordinary handlers answer
    if message.text and menu_action(message.text, context) is not None:
        return  # a press on the persistent menu is not an answer; the question stays open
    country = await context.services.stores.admins.country_of(user_id=user.id)
    if not may_act(country, draft.country or SUPER_ADMIN):
        return
    context.admin_country = country
    await speak_as_admin(context, user.id, user.full_name)
    key = draft.asking
    if key == "schedule":
        await submit_typed_schedule(update, context, draft)
        raise ApplicationHandlerStop
    if message.voice is not None:
        answer: answers.Answer = answers.Voice(message.voice.file_id)
    elif message.text and (
        key.split(".")[-1] in TYPED_HTML or (key.endswith(".headline") and is_whole(message.text))
    ):  # with their bold, italic and links (a whole language's headline loses its tags)
        answer = message.text_html
    else:
        answer = message.text
    await answer_question(context, chat.id, draft, key, answer)
    raise ApplicationHandlerStop


async def compose_button(update: Update, context: BotContext, press: Callback) -> str | None:
    """A question's button: a choice, a toggle, keep, to follow, skip, done."""
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    draft = await find_draft(context, press)
    key = draft.asking if draft is not None else None
    asked = questions.record(key) if key is not None else None
    if (
        draft is None
        or key is None
        or asked is None
        or draft.editor != update.effective_user.id
        or asked.code != press.args[1]
    ):
        return context._(staff_texts.OUT_OF_DATE)
    value = press.args[2]
    if key == "kind" and value.startswith("like-"):  # the fast path: start from an earlier one
        return await start_like(context, query, draft, value.removeprefix("like-"))
    if key == "supersedes":
        value = next((c for c in draft.data.candidates if short(c) == value), "")
    rejected = questions.take(
        draft.data, key, answers.Press(value), now=context.services.clock(), locale=context.lang
    )
    if rejected is not None:
        return context._(rejected.message).format(**rejected.values)
    if key == "country":
        draft = await context.services.workflow.set_country(draft, value)
    if compose.next_question(draft.data) == key and asked.toggles:
        await context.services.workflow.save(draft)  # a toggle: the same question again
        await query.edit_message_text(
            questions.prompt(context._, key, draft.data, now=context.services.clock()),
            parse_mode="HTML",
            reply_markup=question_keyboards.question(
                context._, key, draft.data, short(draft.id), []
            ),
        )
        return None
    await query.edit_message_reply_markup(reply_markup=None)
    assert query.message is not None
    await ask(context, query.message.chat.id, draft)
    return None


async def start_like(
    context: BotContext, query: CallbackQuery, draft: Draft, code: str
) -> str | None:
    """Take kind, severity, audience and sources from the chosen advisory; ask the texts."""
    chosen = next((c for c in draft.data.candidates if short(c) == code), None)
    earlier = await context.services.stores.advisories.get(advisory_id=chosen) if chosen else None
    if earlier is None or earlier.country != draft.country:
        return context._(staff_texts.OUT_OF_DATE)
    quick.like(draft.data, earlier)
    await query.edit_message_reply_markup(reply_markup=None)
    assert query.message is not None
    await ask(context, query.message.chat.id, draft)
    return None


async def answer_question(
    context: BotContext, chat_id: int, draft: Draft, key: str, answer: answers.Answer
) -> None:
    """Take a typed answer, then ask the next question (or say why it cannot be taken)."""
    rejected = questions.take(
        draft.data, key, answer, now=context.services.clock(), locale=context.lang
    )
    if rejected is not None:
        await context.bot.send_message(
            chat_id,
            "❗ " + html(context._(rejected.message).format(**rejected.values)),
            parse_mode="HTML",
        )
        if rejected.message == answers.USE_BUTTONS:  # typed where a button was awaited
            await ask(context, chat_id, draft)  # the question and its buttons again
        return
    await ask(context, chat_id, draft)
