"""Reading aids under an advisory: "Sources" (each in the reader's language, published and
checked) and "More" (the whole text when the message is a summary)."""

from __future__ import annotations

from telegram import Update

from bot.admin.actions import may_act
from bot.advisories.model import Advisory
from bot.advisories.render import more_text, sources_list
from bot.telegram.callbacks import Callback
from bot.telegram.context import BotContext
from bot.texts import replies as reply_texts


async def _shown(update: Update, context: BotContext, advisory_id: str) -> Advisory | None:
    """The advisory; or, under a preview, the draft as it would go out (its admins only)."""
    advisory = await context.services.stores.advisories.get(advisory_id=advisory_id)
    if advisory is not None or update.effective_user is None:
        return advisory
    workflow = context.services.workflow
    draft = await workflow.drafts.get(draft_id=advisory_id)
    country = await context.services.stores.admins.country_of(user_id=update.effective_user.id)
    if draft is None or not may_act(country, draft.country):
        return None
    previewed, _problems = await workflow.preview(draft)
    return previewed


async def sources_button(update: Update, context: BotContext, press: Callback) -> str | None:
    """Send the advisory's sources (anyone who has the message may check them)."""
    assert update.effective_chat is not None
    advisory = await _shown(update, context, press.args[0])
    if advisory is None:
        return context._(reply_texts.NO_LONGER_AVAILABLE)
    translator = context.services.translator
    await context.bot.send_message(
        update.effective_chat.id,
        sources_list(
            advisory,
            locale=context.lang,
            gettext=context._,
            format_date=translator.date_formatter(context.lang),
        ),
        parse_mode="HTML",
        disable_web_page_preview=True,
    )
    return None


async def more_button(update: Update, context: BotContext, press: Callback) -> str | None:
    """Send the whole text of a summarised advisory, in the reader's language."""
    assert update.effective_chat is not None
    advisory = await _shown(update, context, press.args[0])
    parts = more_text(advisory, locale=context.lang) if advisory is not None else []
    if not parts:
        return context._(reply_texts.NO_LONGER_AVAILABLE)
    for part in parts:
        await context.bot.send_message(
            update.effective_chat.id, part, parse_mode="HTML", disable_web_page_preview=True
        )
    return None
