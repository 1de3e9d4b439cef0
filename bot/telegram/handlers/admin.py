"""Admin commands in Telegram. Anyone else gets the ordinary unknown-command answer (audited)."""

from __future__ import annotations

import functools

from telegram import Update

from bot.config import SUPER_ADMIN
from bot.delivery.outbox import Outbox
from bot.telegram.commands import publish_admin_commands
from bot.telegram.context import BotContext
from bot.telegram.handlers.guards import Handler
from bot.telegram.handlers.info import unknown_command
from bot.texts import bold, html
from bot.texts import manage as texts
from bot.world import COUNTRY_CODES


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
        services = context.services
        if user is not None and user.id not in services.admin_menus:
            services.admin_menus.add(user.id)
            await publish_admin_commands(
                context.bot,
                services.translator,
                chat_id=user.id,
                locale=context.lang,
                super_admin=country == SUPER_ADMIN,
            )
        await handler(update, context)

    return guarded


def may_act(admin_country: str | None, country: str) -> bool:
    """Whether an admin of `admin_country` may act for `country` (super-admins: everywhere)."""
    return admin_country is not None and admin_country in (country, SUPER_ADMIN)


def countries(context: BotContext) -> list[str]:
    """The countries this admin acts for (a super-admin: all)."""
    country = context.admin_country
    if country is None:  # not an admin: no country at all
        return []
    return list(COUNTRY_CODES) if country == SUPER_ADMIN else [country]


@admins_only
async def halt_command(update: Update, context: BotContext) -> None:
    """Stop all sending for the admin's country at once (a super-admin: every country)."""
    assert update.effective_message is not None and update.effective_user is not None
    outbox = Outbox(database=context.services.database, clock=context.services.clock)
    halted: list[str] = []
    for country in countries(context):
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
    """Subscribers by country, locale and region; recent deliveries; counts only."""
    assert update.effective_message is not None
    counts = await context.subscribers.count_active()
    outbox = Outbox(database=context.services.database, clock=context.services.clock)
    lines = [bold(context._("Subscribers"))]
    recent: list[str] = []
    for country in sorted(countries(context)):
        mine = [c for c in counts if c.country == country]
        total = sum(c.count for c in mine)
        detail = ", ".join(f"{c.locale} {c.count}" for c in mine) or "0"
        lines.append(f"{country}: {total} ({detail})")
        regions = await context.subscribers.count_by_region(country=country)
        if regions:
            lines.append("  " + html(texts.regions_line(context._, regions)))
        recent += await outbox.recent(country=country)
    if recent:
        lines += ["", bold(context._("Recent advisories"))]
    for advisory_id in recent:
        progress = await outbox.progress(advisory_id)
        acks = await context.services.acks.by_locale(advisory_id=advisory_id)
        lines.append(
            f"<code>{html(advisory_id)}</code> "
            + html(
                texts.delivered_line(
                    context._,
                    sent=progress.by_status.get("sent", 0),
                    total=progress.total,
                    acks=sum(acks.values()),
                )
            )
        )
    await update.effective_message.reply_html("\n".join(lines))


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
