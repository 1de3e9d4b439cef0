"""What admins are shown of a draft: its preview, its problems, and what a request led to
(finding a draft and asking its questions are steps: `bot.telegram.steps.drafts`)."""

from __future__ import annotations

from bot.admin.actions import countries_for
from bot.admin.problems import explain
from bot.admin.workflow import Outcome
from bot.config import SUPER_ADMIN
from bot.storage.drafts import Draft
from bot.telegram.callbacks import short
from bot.telegram.context import BotContext
from bot.telegram.keyboards import admin as admin_keyboards
from bot.telegram.views.advisory import send_advisory
from bot.texts import bold, country, html
from bot.texts import manage as manage_texts
from bot.texts import staff as staff_texts
from bot.world import LOCALE_NAMES


def countries_of(context: BotContext) -> list[str]:
    """The countries this admin acts for ("" holds a super-admin's draft before its country)."""
    extra = [""] if context.admin_country == SUPER_ADMIN else []
    return [*countries_for(context.admin_country), *extra]


async def show_preview(context: BotContext, chat_id: int, draft: Draft) -> None:
    """The advisory in the admin's language as readers will see it, then the summary."""
    workflow = context.services.workflow
    advisory, problems = await workflow.preview(draft)
    if advisory is None:
        await send_problems(context, chat_id, draft, problems)
        return
    correcting = draft.mode == "correct"
    locales = advisory.audience_locales()
    if correcting:
        progress = await context.services.reports.progress(advisory.id)
        audience, count = progress.sent_by_locale, progress.by_status.get("sent", 0)
    else:
        audience = await context.services.reports.audience_by_locale(advisory)
        count = sum(audience.values())
    left_out: dict[str, int] = {}
    if not correcting and (advisory.targeting.locales or advisory.targeting.regions):
        everyone = await context.services.reports.everyone_by_locale(advisory)
        total: int = sum(everyone.values())
        if count == 0 and total > 0:  # the choice reaches nobody: said, with the count
            await send_nobody(context, chat_id, draft, total)
            return
        left_out = {loc: everyone.get(loc, 0) for loc in LOCALE_NAMES if loc not in locales}
    first = context.lang if context.lang in locales else locales[0]
    await send_advisory(context, chat_id, advisory, locale=first)
    headlines = {loc: advisory.read_in(loc).headline for loc in locales}
    summary = manage_texts.preview_summary(
        context._,
        country_code=advisory.country,
        audience=audience,
        headlines=headlines,
        approval_needed=workflow.four_eyes.needed(count),
        threshold=workflow.four_eyes.threshold,
        correcting=count if correcting else None,
        left_out=left_out,
    )
    keyboard = admin_keyboards.preview(context._, short(draft.id), locales, correcting=correcting)
    await context.bot.send_message(chat_id, summary, parse_mode="HTML", reply_markup=keyboard)


async def send_nobody(context: BotContext, chat_id: int, draft: Draft, everyone: int) -> None:
    """The chosen regions and languages reach no subscriber: say so, with the edit menu."""
    text = html(
        context._(staff_texts.NOBODY_WOULD_RECEIVE),
        count=str(everyone),
    )
    keyboard = admin_keyboards.edits(context._, short(draft.id), draft.data, correcting=False)
    await context.bot.send_message(chat_id, "❗ " + text, parse_mode="HTML", reply_markup=keyboard)


async def send_problems(
    context: BotContext, chat_id: int, draft: Draft, problems: list[str]
) -> None:
    """What the validator found, with the edit menu to put it right."""
    lines = [bold(context._(staff_texts.NOT_PASSING_CHECKS))]
    for problem in problems:
        said = explain(problem)
        lines.append("• " + html(context._(said.message), **said.values))
    keyboard = admin_keyboards.edits(
        context._, short(draft.id), draft.data, correcting=draft.mode == "correct"
    )
    await context.bot.send_message(
        chat_id, "\n".join(lines), parse_mode="HTML", reply_markup=keyboard
    )


async def tell_outcome(context: BotContext, chat_id: int, draft: Draft, outcome: Outcome) -> None:
    """What happened to a send, schedule or correction request."""
    _ = context._
    where = country(_, draft.country) if draft.country else ""
    if outcome.kind == "invalid":
        await send_problems(context, chat_id, draft, outcome.problems)
        return
    if outcome.kind == "gone":
        text = html(_(staff_texts.REQUEST_CLOSED))
    elif outcome.kind == "waiting":
        if outcome.approvers:
            text = "⏳ " + html(
                _(staff_texts.WAITING_FOR_SECOND_ADMIN),
                country=where,
                count=str(len(outcome.approvers)),
            )
        else:
            text = "⚠️ " + html(
                _(staff_texts.NO_APPROVER),
                country=where,
            )
    else:
        text = _done_text(context, outcome)
    await context.bot.send_message(chat_id, text, parse_mode="HTML")


def _done_text(context: BotContext, outcome: Outcome) -> str:
    _ = context._
    audience = str(outcome.audience)
    if outcome.kind == "corrected":
        return "✏️ " + html(
            _(staff_texts.CORRECTING),
            count=audience,
        )
    if outcome.kind == "scheduled" and outcome.advisory and outcome.advisory.publish_at:
        when = manage_texts.moment(
            _,
            outcome.advisory.publish_at,
            format_date=context.services.translator.date_formatter(context.lang),
        )
        return "🕘 " + html(
            _(staff_texts.SCHEDULED),
            time=when,
            audience=audience,
        )
    return "🚀 " + html(
        _(staff_texts.SENDING_NOW),
        audience=audience,
    )
