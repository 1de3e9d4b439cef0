"""What admins read about advisories: previews, requests, reports (counts only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from bot.texts import Gettext, bold, country, html, language_name
from bot.world import LOCALE_NAMES, MOSCOW, N_
from bot.world.regions import REGION_NAMES

STATES = {
    "draft": N_("draft"),
    "waiting": N_("waiting for approval"),
    "scheduled": N_("scheduled"),
    "filling": N_("sending"),
    "sending": N_("sending"),
    "done": N_("sent"),
    "halted": N_("halted"),
    "cancelled": N_("cancelled"),
    "expired": N_("no longer shown"),
    "published": N_("shown in “Latest”, not broadcast"),
    "correcting": N_("correction not sent yet"),
    "notice": N_("cancellation notice, sent"),
}
CORRECTION_STATES = {
    "pending": N_("in progress"),
    "done": N_("finished"),
    "halted": N_("halted"),
    "cancelled": N_("cancelled"),
}
STATE_ICONS = {
    "draft": "📝",
    "waiting": "⏳",
    "scheduled": "🕘",
    "filling": "📤",
    "sending": "📤",
    "done": "✅",
    "halted": "⏸",
    "cancelled": "⛔",
    "expired": "💤",
    "published": "📰",
    "correcting": "✏️",
    "notice": "⛔",
}


def moment(_: Gettext, value: datetime, *, format_date: Callable[[date], str]) -> str:
    """`1 December 2026, 09:00 Moscow time (06:00 UTC)` in the reader's language."""
    moscow = value.astimezone(MOSCOW)
    return _("{date}, {time} Moscow time ({utc} UTC)").format(
        date=format_date(moscow.date()),
        time=moscow.strftime("%H:%M"),
        utc=value.astimezone(UTC).strftime("%H:%M"),
    )


def regions_line(_: Gettext, regions: dict[str | None, int]) -> str:
    """`Regions: Moscow 40, Tatarstan 10, not given 70`."""
    named = sorted(
        ((_(REGION_NAMES[r]), n) for r, n in regions.items() if r in REGION_NAMES), key=str
    )
    parts = [f"{name} {count}" for name, count in named]
    unknown = sum(n for r, n in regions.items() if r not in REGION_NAMES)
    if unknown:
        parts.append(_("not given {count}").format(count=unknown))
    return _("Regions: {counts}").format(counts=", ".join(parts))


def delivered_line(_: Gettext, *, sent: int, total: int, acks: int) -> str:
    """`delivered 118 of 120 · “I understand” 34`."""
    return _("delivered {sent} of {total} · “I understand”: {acks}").format(
        sent=sent, total=total, acks=acks
    )


# How a subscriber came, for /stats (`bot.world.links.Via`): counted, never who.
VIA_NAMES = {
    "share": N_("a friend's link"),
    "poster": N_("the poster"),
    "page": N_("the web page"),
    "channel": N_("a channel"),
    "inline": N_("a message in a chat"),
}


def arrivals_line(_: Gettext, counts: dict[tuple[str, str], int]) -> str:
    """`Subscriptions that came through …: a friend's link 12 (Кыргызча 10, Русский 2); …`.
    Subscriptions, not people: one person who /forgets and subscribes again counts again
    (remembering who came would break /forget)."""
    ways: dict[str, dict[str, int]] = {}
    for (locale, via), count in counts.items():
        ways.setdefault(via, {})[locale] = count
    parts = [
        f"{_(VIA_NAMES.get(via, via))} {sum(by.values())} ({counts_by_locale(by)})"
        for via, by in sorted(ways.items())
    ]
    return _("Subscriptions that came through a link (not people): {ways}").format(
        ways="; ".join(parts)
    )


def counts_by_locale(counts: dict[str, int]) -> str:
    """`Oʻzbekcha (lotin) 10, Русский 30`: languages by their own names (never chat ids)."""
    return (
        ", ".join(
            f"{language_name(locale) if locale in LOCALE_NAMES else locale} {count}"
            for locale, count in sorted(counts.items())
        )
        or "0"
    )


def preview_summary(
    _: Gettext,
    *,
    country_code: str,
    audience: dict[str, int],
    headlines: dict[str, str],
    approval_needed: bool,
    threshold: int,
    correcting: int | None,
    left_out: dict[str, int] | None = None,
) -> str:
    """Under the preview: who would get it, each language's headline, who gets nothing (a
    narrower choice of languages), what happens next."""
    total = sum(audience.values())
    lines = [bold(_("Preview: this is how subscribers will see it."))]
    if correcting is None:
        lines.append(
            html(
                _("Audience now ({country}): {total} subscribers."),
                total=str(total),
                country=country(_, country_code),
            )
        )
    else:
        lines.append(
            html(
                _("Correction: delivered messages to edit in place: {count}."),
                count=str(correcting),
            )
        )
    for locale, headline in headlines.items():
        count = audience.get(locale, 0)
        lines.append(f"• {html(language_name(locale))} ({count}): {html(headline)}")
    if left_out:
        groups = ", ".join(f"{language_name(loc)} ({n})" for loc, n in left_out.items())
        lines.append("🚫 " + html(_("Gets nothing: {groups}."), groups=groups))
    if approval_needed:
        lines.append(
            "⚠️ "
            + html(
                _(
                    "More than {threshold} recipients: a second admin of this country must "
                    "approve before anything is sent."
                ),
                threshold=str(threshold),
            )
        )
    lines.append(html(_("Use the buttons to see the other languages in full.")))
    return "\n".join(lines)


def approval_text(
    _: Gettext, request: dict[str, Any], *, headline: str, format_date: Callable[[date], str]
) -> str:
    """The request as stored by the workflow, told to a possible approver in their language."""
    at = request.get("publish_at")
    when = moment(_, datetime.fromisoformat(at), format_date=format_date) if at else None
    return approval_request(
        _,
        requester=requester_name(_, request),
        headline=headline,
        action=str(request.get("action")),
        audience=int(request.get("audience", 0)),
        when=when,
    )


def requester_name(_: Gettext, request: dict[str, Any]) -> str:
    """Who asked: their name as their account gave it, then the account; or the operator."""
    actor = str(request.get("actor"))
    if actor == "cli":
        return _("An operator (command line)")
    name = request.get("name")
    return f"{name} ({actor})" if name else actor


def approval_request(
    _: Gettext, *, requester: str, headline: str, action: str, audience: int, when: str | None
) -> str:
    """Sent to the other admins of the country: approve or reject."""
    if action == "correct":
        what = _("{requester} asks to correct “{headline}”. Delivered messages: {audience}.")
    elif when:
        what = _("{requester} asks to send “{headline}” at {time}. Subscribers: {audience}.")
    else:
        what = _("{requester} asks to send “{headline}” now. Subscribers: {audience}.")
    return "\n\n".join(
        [
            "⏳ "
            + bold(
                what,
                requester=requester,
                headline=headline,
                audience=str(audience),
                time=when or "",
            ),
            html(_("Read it (the buttons show every language), then approve or reject.")),
        ]
    )


def possibly_twice(_: Gettext, count: int) -> str:
    """Said in reports only when a connection dropped after a send that was then sent again."""
    return html(
        _(
            "Possibly sent twice (the connection dropped after sending, then it was sent "
            "again): {count}."
        ),
        count=str(count),
    )


def report(
    _: Gettext,
    *,
    headline: str,
    country_code: str,
    state: str,
    when: str | None,
    by_status: dict[str, int],
    total: int,
    sent_by_locale: dict[str, int],
    acks: dict[str, int],
    correction: tuple[str, int, int, int] | None,
    twice: int = 0,
) -> str:
    """One advisory for admins: state, delivery counts, "I understand", corrections."""
    label = _(STATES[state])
    lines = [
        f"{STATE_ICONS[state]} <b>{html(headline)}</b>",
        html(country(_, country_code)),  # no id: `elchi advisories` lists them for the CLI
        html(_("State: {state}"), state=label + (f" · {when}" if when else "")),
    ]
    if total:
        lines.append(
            html(
                _(
                    "Delivered: {sent} of {total}. Blocked: {blocked}. Failed: {failed}. "
                    "Skipped: {skipped}. Waiting: {waiting}."
                ),
                sent=str(by_status.get("sent", 0)),
                total=str(total),
                blocked=str(by_status.get("blocked", 0) + by_status.get("gone", 0)),
                failed=str(by_status.get("failed", 0)),
                skipped=str(by_status.get("skipped", 0) + by_status.get("stopped", 0)),
                waiting=str(by_status.get("pending", 0)),
            )
        )
        lines.append(html(_("By language: {counts}"), counts=counts_by_locale(sent_by_locale)))
        if twice:
            lines.append(possibly_twice(_, twice))
    if sum(acks.values()):  # by language only when someone pressed it: never "0 (0)"
        lines.append(
            html(
                _("“I understand” pressed: {total} ({counts})"),
                total=str(sum(acks.values())),
                counts=counts_by_locale(acks),
            )
        )
    else:
        lines.append(html(_("“I understand” pressed: nobody yet.")))
    if correction is not None:
        state_name, edited, gone, failed = correction
        lines.append(
            html(
                _(
                    "Correction ({state}): {edited} edited, {gone} deleted by readers, "
                    "{failed} failed."
                ),
                state=_(CORRECTION_STATES[state_name]),
                edited=str(edited),
                gone=str(gone),
                failed=str(failed),
            )
        )
    return "\n".join(lines)
