"""The final report of a broadcast, sent to the admins of its country (counts only)."""

from __future__ import annotations

from bot.delivery.queries import Progress
from bot.texts import Gettext, bold, html
from bot.texts.manage import possibly_twice


def final_report(_: Gettext, *, advisory_id: str, headline: str, progress: Progress) -> str:
    """`Broadcast finished` with sent / blocked / failed / skipped and sent by locale."""
    counts = progress.by_status
    lines = [
        bold(_("Broadcast finished")) + f" · <code>{html(advisory_id)}</code>",
        html(headline),
        html(
            _("Sent: {sent}. Blocked: {blocked}. Failed: {failed}. Skipped: {skipped}.").format(
                sent=counts.get("sent", 0),
                blocked=counts.get("blocked", 0) + counts.get("gone", 0),
                failed=counts.get("failed", 0),
                skipped=counts.get("skipped", 0),
            )
        ),
    ]
    if progress.sent_by_locale:
        lines.append(", ".join(f"{k} {v}" for k, v in sorted(progress.sent_by_locale.items())))
    if progress.possibly_twice:
        lines.append(possibly_twice(_, progress.possibly_twice))
    return "\n".join(lines)


def started(
    _: Gettext, *, advisory_id: str, country: str, audience: int, late_since: str | None
) -> str:
    """Told to every admin of the country when a broadcast starts (a hijacked account shows)."""
    lines = [
        "📣 "
        + html(
            _("Broadcast started: {id} ({country}), {audience} subscribers.").format(
                id=advisory_id, country=country, audience=audience
            )
        ),
    ]
    if late_since:
        lines.append(
            "⏰ "
            + html(
                _("It was due at {time} while the bot was not running; it is sent now.").format(
                    time=late_since
                )
            )
        )
    return "\n".join(lines)


def corrected(
    _: Gettext, *, advisory_id: str, headline: str, edited: int, gone: int, failed: int
) -> str:
    """Told to the admins of the country when a correction has gone through."""
    return "\n".join(
        [
            bold(_("Correction finished")) + f" · <code>{html(advisory_id)}</code>",
            html(headline),
            html(
                _("Edited: {edited}. Deleted by readers: {gone}. Failed: {failed}.").format(
                    edited=edited, gone=gone, failed=failed
                )
            ),
        ]
    )
