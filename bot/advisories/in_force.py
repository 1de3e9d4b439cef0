"""Which advisories are news, which are earlier warnings, and which are no longer shown.

The rule, the same for /latest, the welcome pack and the Atom feed:
- **In force** (news): actual, effective, not expired, not a cancellation notice, not replaced
  by an update, and either with an end date or published less than a year ago.
- **Earlier warnings**: the same, but without an end date and published more than a year ago:
  still true as far as the sources say, so still shown, always with their date, never as news.
- Never shown: cancelled or expired advisories, those an update replaced, cancellation notices
  (they reached the people who had the original), tests and drafts.
Standing legal warnings are neither: they are /law's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.advisories.model import Advisory

NEWS_FOR = timedelta(days=365)  # without an end date, an advisory is news for a year


@dataclass(frozen=True)
class Listing:
    """A country's advisories as readers see them, each list newest first."""

    in_force: list[Advisory]
    earlier: list[Advisory]


def listing(advisories: list[Advisory], *, now: datetime) -> Listing:
    """Split `advisories` (all of one country, newest first) by the rule above."""
    replaced = {a.supersedes for a in advisories if a.supersedes and a.kind != "cancel"}
    shown = [
        a
        for a in advisories
        if a.in_force(now) and not a.standing and a.kind != "cancel" and a.id not in replaced
    ]
    news = [a for a in shown if a.expires is not None or now - a.effective <= NEWS_FOR]
    return Listing(in_force=news, earlier=[a for a in shown if a not in news])
