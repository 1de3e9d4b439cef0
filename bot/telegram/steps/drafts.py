"""Steps the admin handlers share: find the draft or advisory a press names (another
country's is refused and audited), and ask a draft's next question. Each asks the domain
(`bot.admin`) and then shows what follows with a view."""

from __future__ import annotations

from bot.admin import compose, questions
from bot.advisories.model import Advisory
from bot.storage.drafts import Draft
from bot.telegram.callbacks import Callback, short
from bot.telegram.context import BotContext
from bot.telegram.keyboards import questions as question_keyboards
from bot.telegram.views.drafts import countries_of, show_preview
from bot.world import COUNTRY_CODES

MAX_CANDIDATES = 8  # earlier advisories offered when composing an update
MAX_MODELS = 3  # the newest advisories offered to start "like" (the fast path)


async def find_draft(context: BotContext, press: Callback) -> Draft | None:
    """The admin's country's draft whose id hashes to the button's short id. A draft of
    another country is not found, and the attempt is audited with the country it targeted."""
    mine = countries_of(context)
    for code in [*mine, *(c for c in ("", *COUNTRY_CODES) if c not in mine)]:
        for draft in await context.services.reports.drafts(country=code):
            if short(draft.id) == press.args[0]:
                if code in mine:
                    return draft
                await _refused(context, press, draft.country)
                return None
    return None


async def find_advisory(context: BotContext, press: Callback) -> Advisory | None:
    """The admin's country's advisory whose id hashes to the button's short id (ids only are
    read). Another country's is not found, and the attempt is audited."""
    advisories = context.services.stores.advisories
    for advisory_id in await advisories.ids():
        if short(advisory_id) == press.args[0]:
            advisory = await advisories.get(advisory_id=advisory_id)
            if advisory is None:
                return None
            if advisory.country in countries_of(context):
                return advisory
            await _refused(context, press, advisory.country)
            return None
    return None


async def _refused(context: BotContext, press: Callback, country: str) -> None:
    """An admin pressed (or forged) a button for another country's draft or advisory."""
    attempted = "button " + ":".join((press.action, *press.args))
    await context.services.actions.refused(
        actor=context.actor, attempted=attempted, country=country or None
    )


async def ask(context: BotContext, chat_id: int, draft: Draft) -> None:
    """Ask the draft's next question; when none is left, show the preview."""
    key = compose.next_question(draft.data)
    workflow = context.services.workflow
    if key is None:
        draft.asking = None
        await workflow.save(draft)
        await show_preview(context, chat_id, draft)
        return
    candidates: list[tuple[str, str]] = []
    if key in ("supersedes", "kind") and draft.country:  # an update's target; or a model
        most = MAX_CANDIDATES if key == "supersedes" else MAX_MODELS
        earlier = [
            a
            for a in await context.services.stores.advisories.all(country=draft.country)
            if a.kind != "cancel" and a.id != draft.id
        ][:most]
        draft.data.candidates = [a.id for a in earlier]
        for advisory in earlier:
            headline = advisory.read_in(context.lang).headline
            candidates.append((short(advisory.id), headline[:60]))
    draft.asking = key
    await workflow.save(draft)
    await context.bot.send_message(
        chat_id,
        questions.prompt(context._, key, draft.data, now=context.services.clock()),
        parse_mode="HTML",
        reply_markup=question_keyboards.question(
            context._, key, draft.data, short(draft.id), candidates
        ),
    )
