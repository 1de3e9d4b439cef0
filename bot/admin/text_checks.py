"""Checks of a typed text at its own step: each field's limit named there, nothing empty or
invisible (once tags and zero-width characters are removed), no control characters."""

from __future__ import annotations

import html
import re
import unicodedata

from bot.admin.refusal import Rejected
from bot.advisories.model import control_character
from bot.advisories.reading import SUMMARY_LENGTH, SUMMARY_SENTENCES, sentences
from bot.world import N_

MAX_HEADLINE = 160
MAX_LINE = 300  # the instruction and a false claim: one short sentence
MAX_BODY = 3500  # characters a language: with the header and sources it fits one message
TAG = re.compile(r"<[^>]*>")
# Each field's limit, named at its own step (never blamed later on "a paragraph").
LIMITS = {
    "headline": (MAX_HEADLINE, N_("The headline has {length} characters; {limit} at most.")),
    "claim": (MAX_LINE, N_("The false claim has {length} characters; {limit} at most.")),
    "instruction": (
        MAX_LINE,
        N_("What people should do has {length} characters; {limit} at most: one short sentence."),
    ),
    "body": (
        MAX_BODY,
        N_(
            "The text has {length} characters; {limit} at most. Shorten it or split it "
            "into two advisories."
        ),
    ),
}


def visible(value: str) -> str:
    """What a reader would see: no tags, no zero-width or other format characters."""
    text = html.unescape(TAG.sub("", value))
    return "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc", "Zs")).strip()


def check_text(name: str, value: str) -> Rejected | None:
    """Why `value` cannot be the draft's `name` field, or None."""
    shown = visible(value)
    if not any(c.isalnum() for c in shown):  # empty, invisible, or only punctuation
        return Rejected(N_("Please type the text, or use the buttons."), {})
    found = control_character(value)
    if found is not None:
        return Rejected(
            N_("The text holds an invisible control character ({code}); please type it again."),
            {"code": found},
        )
    if name in ("headline", "claim", "instruction") and "\n" in value.strip():
        return Rejected(N_("Please write it on one line."), {})
    if name in LIMITS and len(value) > LIMITS[name][0]:
        limit, message = LIMITS[name]
        return Rejected(message, {"length": len(value), "limit": limit})
    if name == "summary" and (len(value) > SUMMARY_LENGTH or sentences(value) > SUMMARY_SENTENCES):
        return Rejected(
            N_("At most three short sentences and {limit} characters, please."),
            {"limit": SUMMARY_LENGTH},
        )
    return None
