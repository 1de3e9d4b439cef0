"""Admin commands in Telegram. Anyone else gets the ordinary unknown-command answer (audited)."""

from __future__ import annotations

from telegram import Update

from bot.admin.actions import countries_for
from bot.config import SUPER_ADMIN
from bot.telegram.context import BotContext
from bot.telegram.guards import admins_only
from bot.texts import bold, html
from bot.texts import country as country_label
from bot.texts import manage as manage_texts
from bot.texts import staff as staff_texts
from bot.texts.understood import understood_line


@admins_only
async def halt_command(update: Update, context: BotContext) -> None:
    """Stop all sending for the admin's country at once (a super-admin: every country)."""
    assert update.effective_message is not None and update.effective_user is not None
    halted = await context.services.actions.halt(
        countries=countries_for(context.admin_country), actor=f"tg:{update.effective_user.id}"
    )
    await update.effective_message.reply_text(
        context._(staff_texts.HALTED).format(count=len(halted))
    )


@admins_only
async def stats_command(update: Update, context: BotContext) -> None:
    """Subscribers by country, locale and region; recent deliveries; counts only."""
    assert update.effective_message is not None
    counts = await context.subscribers.count_active()
    reports = context.services.reports
    lines = [bold(context._(staff_texts.SUBSCRIBERS))]
    recent: list[str] = []
    for country in sorted(countries_for(context.admin_country)):
        mine = [c for c in counts if c.country == country]
        total = sum(c.count for c in mine)
        detail = manage_texts.counts_by_locale({c.locale: c.count for c in mine})
        lines.append(f"{html(country_label(context._, country))}: {total} ({html(detail)})")
        regions = await context.subscribers.count_by_region(country=country)
        if regions:
            lines.append("  " + html(manage_texts.regions_line(context._, regions)))
        arrivals = await context.services.stores.arrivals.counts(country=country)
        if arrivals:
            by_way = {(locale, via): n for (_, locale, via), n in arrivals.items()}
            lines.append("  " + html(manage_texts.arrivals_line(context._, by_way)))
        understood = context.services.metrics.understood_counts(country)
        if understood:
            lines.append("  " + understood_line(context._, understood))
        recent += await reports.recent(country=country)
    if recent:
        lines += ["", bold(context._(staff_texts.RECENT_ADVISORIES))]
    for advisory_id in recent:
        progress = await reports.progress(advisory_id)
        acks = await reports.acknowledged(advisory_id)
        advisory = await context.services.stores.advisories.get(advisory_id=advisory_id)
        text = None if advisory is None else advisory.read_in(context.lang)
        name = text.headline if text is not None else advisory_id  # a headline, not a code
        lines.append(
            f"• {html(name)}: "
            + html(
                manage_texts.delivered_line(
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
        await context.services.actions.refused(
            actor=context.actor, attempted="/audit", country=context.admin_country
        )
        await update.effective_message.reply_text(
            context._(staff_texts.AUDIT_LOG_SUPER_ADMINS_ONLY)
        )
        return
    entries = await context.services.stores.admins.audit_log(limit=20)
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
    await update.effective_message.reply_html(
        "\n".join(lines) or html(context._(staff_texts.NO_ENTRIES))
    )
