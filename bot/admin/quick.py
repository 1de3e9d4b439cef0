"""The fast path of /new: start “like” an earlier advisory (its kind, severity, audience,
sources and a 30-day end, all shown in the preview and editable there), and give each language
in one message — the first line the headline, the second what people should do, the rest the
text. Every part is checked at once, as if typed at its own step.
"""

from __future__ import annotations

import html
import re

from bot.admin.refusal import Rejected
from bot.admin.text_checks import TAG, check_text
from bot.advisories.model import Advisory
from bot.storage.drafts import DraftAnswers
from bot.world import derived_locales, with_derived

LIKE_DAYS = "30"  # the end of an advisory started from another: as the usual choice
BLANK = re.compile(r"\n\s*\n")


def like(data: DraftAnswers, earlier: Advisory) -> None:
    """Take everything but the texts from `earlier` (an update of it is chosen step by step)."""
    data.kind = "rumour" if earlier.kind == "rumour_correction" else "alert"
    data.supersedes = None
    data.severity = earlier.severity
    data.regions = list(earlier.targeting.regions)
    data.locales = with_derived(list(earlier.targeting.locales))
    data.sources = [
        source.model_dump(mode="json", include={"url", "title", "found"})
        for source in earlier.sources
    ]
    data.expires = LIKE_DAYS
    data.like = earlier.id
    for key in ("regions", "locales", "sources", "voice"):
        data.mark_done(key)


def whole(data: DraftAnswers, locale: str, typed: str) -> Rejected | None:
    """One message for a language: headline, instruction, text (HTML as Telegram gives it).
    A false rumour's claim is asked on its own. Nothing changes unless every part passes."""
    lines = typed.strip().split("\n")
    headline = html.unescape(TAG.sub("", lines[0])).strip()
    rest = "\n".join(lines[1:]).strip().split("\n", 1)
    instruction = rest[0].strip()
    body = rest[1].strip() if len(rest) > 1 else ""
    parts = {"headline": headline, "instruction": instruction}
    if body:
        parts["body"] = BLANK.sub("\n\n", body)
    for name, value in parts.items():
        refused = check_text(name, value)  # each limit's message names its field
        if refused is not None:
            return refused
    data.text.setdefault(locale, {}).update(parts)
    data.pending = [loc for loc in data.pending if loc != locale]
    for derived in derived_locales(locale):  # converted again from the new text
        data.text.pop(derived, None)
    return None


def is_whole(typed: str) -> bool:
    """A headline answer with more lines is the whole text of the language."""
    return "\n" in typed.strip()
