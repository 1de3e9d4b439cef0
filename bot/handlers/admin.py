"""Admin commands in Telegram. Anyone else gets the ordinary unknown-command answer (audited)."""

from __future__ import annotations

import functools

from telegram import Update

from bot.advisories.model import MOSCOW
from bot.config import COUNTRIES, SUPER_ADMIN
from bot.context import BotContext
from bot.delivery.outbox import Outbox
from bot.handlers.guards import Handler
from bot.handlers.info import unknown_command
from bot.texts import N_, bold, html


def admins_only(handler: Handler) -> Handler:
    """Run for admins; for anyone else answer as for an unknown command and write an audit row."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: BotContext) -> None:
        user = update.effective_user
        country = (
            None if user is None else await context.services.admins.country_of(user_id=user.id)
        )
        if country is None:
            command = (
                (update.effective_message.text or "").split()[0]
                if update.effective_message
                else ""
            )
            await context.services.admins.audit(
                actor=f"tg:{user.id if user else '?'}", action="refused", detail=command[:40]
            )
            await unknown_command(update, context)
            return
        context.admin_country = country
        await handler(update, context)

    return guarded


def _countries(context: BotContext) -> list[str]:
    country = context.admin_country
    return list(COUNTRIES) if country == SUPER_ADMIN else [country or ""]


@admins_only
async def halt_command(update: Update, context: BotContext) -> None:
    """Stop all sending for the admin's country at once (a super-admin: every country)."""
    assert update.effective_message is not None and update.effective_user is not None
    outbox = Outbox(database=context.services.database, clock=context.services.clock)
    halted: list[str] = []
    for country in _countries(context):
        halted += await outbox.halt(country=country)
        await context.services.admins.audit(
            actor=f"tg:{update.effective_user.id}",
            action="halt",
            country=country,
            detail=",".join(halted) or None,
        )
    await update.effective_message.reply_text(
        context._("Sending stopped. Broadcasts halted: {count}.").format(count=len(halted))
    )


@admins_only
async def stats_command(update: Update, context: BotContext) -> None:
    """Subscribers by country and locale: counts only, never lists of chats."""
    assert update.effective_message is not None
    counts = await context.subscribers.count_active()
    allowed = set(_countries(context))
    lines = [bold(context._("Subscribers"))]
    for country in sorted(allowed):
        mine = [c for c in counts if c.country == country]
        total = sum(c.count for c in mine)
        detail = ", ".join(f"{c.locale} {c.count}" for c in mine) or "0"
        lines.append(f"{country}: {total} ({detail})")
    await update.effective_message.reply_html("\n".join(lines))


STATES = {
    None: N_("not published"),
    "filling": N_("sending"),
    "sending": N_("sending"),
    "done": N_("sent"),
    "halted": N_("halted"),
}


@admins_only
async def advisories_command(update: Update, context: BotContext) -> None:
    """The admin's country's advisories: state, schedule and delivery counts."""
    assert update.effective_message is not None
    outbox = Outbox(database=context.services.database, clock=context.services.clock)
    lines: list[str] = []
    for country in _countries(context):
        for advisory in await context.services.advisories.all(country=country):
            state = await outbox.state(advisory.id)
            label = context._(STATES.get(state, STATES[None]))
            if state is None and advisory.publish_at is not None:
                label = context._("scheduled for {time}").format(
                    time=advisory.publish_at.astimezone(MOSCOW).strftime("%Y-%m-%d %H:%M MSK")
                )
            elif state is not None:
                progress = await outbox.progress(advisory.id)
                label += f" · {progress.by_status.get('sent', 0)}/{progress.total}"
            lines.append(f"<code>{html(advisory.id)}</code> — {html(label)}")
    await update.effective_message.reply_html(
        "\n".join(lines) or html(context._("No advisories."))
    )


@admins_only
async def audit_command(update: Update, context: BotContext) -> None:
    """The newest audit entries, for super-admins."""
    assert update.effective_message is not None
    if context.admin_country != SUPER_ADMIN:
        await update.effective_message.reply_text(
            context._("Only super-admins can read the audit log.")
        )
        return
    entries = await context.services.admins.audit_log(limit=20)
    lines = [
        " ".join(
            html(str(value))
            for value in (
                e.at.strftime("%m-%d %H:%M"),
                e.actor,
                e.action,
                e.country,
                e.advisory_id,
                e.audience,
            )
            if value is not None
        )
        for e in entries
    ]
    await update.effective_message.reply_html("\n".join(lines) or html(context._("No entries.")))
