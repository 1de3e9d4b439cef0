"""What /advisories shows: the list of a country's drafts and advisories, and one report."""

from __future__ import annotations

from bot.admin.compose import draft_headline
from bot.admin.report_actions import offered
from bot.admin.states import advisory_state
from bot.advisories.model import Advisory
from bot.storage.drafts import Draft
from bot.telegram.callbacks import short
from bot.telegram.context import BotContext
from bot.telegram.keyboards import admin as admin_keyboards
from bot.telegram.views.drafts import countries_of
from bot.texts import bold
from bot.texts import manage as manage_texts
from bot.texts import staff as staff_texts

MAX_LISTED = 20


async def state_of(context: BotContext, advisory: Advisory) -> tuple[str, str | None]:
    """The advisory's state for admins, and when it is (or was) due, in their language."""
    now = context.services.clock()
    state = await context.services.reports.broadcast_state(advisory.id)
    when = None
    if advisory.publish_at is not None:
        when = manage_texts.moment(
            context._,
            advisory.publish_at,
            format_date=context.services.translator.date_formatter(context.lang),
        )
    if advisory.kind == "cancel":  # a notice: nothing to correct or cancel in it
        return "notice", when
    return advisory_state(advisory, broadcast=state, now=now), when


async def send_listing(context: BotContext, chat_id: int) -> None:
    """One button an item, with its state."""
    items: list[tuple[str, str, str]] = []
    for code in countries_of(context):
        for draft in await context.services.reports.drafts(country=code):
            state = "waiting" if draft.request else "draft"
            if state == "draft" and draft.mode == "correct":
                state = "correcting"  # readers still have the old text
            items.append((short(draft.id), "draft", _label(state, draft_title(context, draft))))
        for advisory in await context.services.stores.advisories.all(country=code):
            state, _when = await state_of(context, advisory)
            headline = advisory.read_in(context.lang).headline
            items.append((short(advisory.id), "open", _label(state, headline)))
    if not items:
        await context.bot.send_message(chat_id, context._(staff_texts.NO_ADVISORIES))
        return
    await context.bot.send_message(
        chat_id,
        bold(context._(staff_texts.ADVISORIES_LISTED)),
        parse_mode="HTML",
        reply_markup=admin_keyboards.listing(items[:MAX_LISTED]),
    )


def _label(state: str, headline: str, limit: int = 48) -> str:
    """`🕘 headline`, shortened with an ellipsis to fit a phone's button."""
    short_headline = headline if len(headline) <= limit else headline[: limit - 1].rstrip() + "…"
    return f"{manage_texts.STATE_ICONS[state]} {short_headline}"


def draft_title(context: BotContext, draft: Draft) -> str:
    """The draft's headline in the admin's language (else Russian), or “New advisory”."""
    return draft_headline(draft.data, context.lang) or context._(staff_texts.NEW_ADVISORY)


async def send_report(context: BotContext, chat_id: int, advisory: Advisory) -> None:
    """State, delivery counts, "I understand" counts and any correction: counts only."""
    reports = context.services.reports
    state, when = await state_of(context, advisory)
    progress = await reports.progress(advisory.id)
    correction = await reports.correction(advisory.id)
    text = manage_texts.report(
        context._,
        headline=advisory.read_in(context.lang).headline,
        country_code=advisory.country,
        state=state,
        when=when,
        by_status=progress.by_status,
        total=progress.total,
        sent_by_locale=progress.sent_by_locale,
        acks=await reports.acknowledged(advisory.id),
        twice=progress.possibly_twice,
        correction=None
        if correction is None
        else (correction.state, correction.edited, correction.gone, correction.failed),
    )
    await context.bot.send_message(
        chat_id,
        text,
        parse_mode="HTML",
        reply_markup=admin_keyboards.manage(context._, short(advisory.id), offered(state)),
    )
