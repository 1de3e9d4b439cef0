"""The final report of a broadcast, sent to the admins of its country (counts only)."""

from __future__ import annotations

from bot.storage.broadcasts import Progress
from bot.texts import Gettext, bold, country, html
from bot.texts import staff as staff_texts
from bot.texts.manage import counts_by_locale, possibly_twice


def final_report(_: Gettext, *, headline: str, progress: Progress) -> str:
    """`Broadcast finished`, its headline, sent / blocked / failed / skipped and sent by
    language (by name: admins never read an id or a code)."""
    counts = progress.by_status
    lines = [
        bold(_(staff_texts.BROADCAST_FINISHED)),
        html(headline),
        html(
            _(staff_texts.BROADCAST_COUNTS).format(
                sent=counts.get("sent", 0),
                blocked=counts.get("blocked", 0) + counts.get("gone", 0),
                failed=counts.get("failed", 0),
                skipped=counts.get("skipped", 0),
            )
        ),
    ]
    if progress.sent_by_locale:
        lines.append(html(counts_by_locale(progress.sent_by_locale)))
    if progress.possibly_twice:
        lines.append(possibly_twice(_, progress.possibly_twice))
    return "\n".join(lines)


def started(
    _: Gettext, *, headline: str, country_code: str, audience: int, late_since: str | None
) -> str:
    """Told to every admin of the country when a broadcast starts (a hijacked account shows)."""
    lines = [
        "📣 "
        + html(
            _(staff_texts.BROADCAST_STARTED),
            headline=headline,
            country=country(_, country_code),
            audience=str(audience),
        ),
    ]
    if late_since:
        lines.append("⏰ " + html(_(staff_texts.LATE_BECAUSE_STOPPED).format(time=late_since)))
    return "\n".join(lines)


def corrected(_: Gettext, *, headline: str, edited: int, gone: int, failed: int) -> str:
    """Told to the admins of the country when a correction has gone through."""
    return "\n".join(
        [
            bold(_(staff_texts.CORRECTION_FINISHED)),
            html(headline),
            html(_(staff_texts.CORRECTION_COUNTS).format(edited=edited, gone=gone, failed=failed)),
        ]
    )
