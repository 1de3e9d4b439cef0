"""What the content validator says, for an admin in Telegram: a plain sentence in their language.

The validator (`bot.advisories`) speaks the file format's language ("expires: must be after
effective"), which suits `elchi validate`. An admin composing in Telegram never saw a field name;
each message they can meet is mapped here to a msgid (`tests/admin/test_problems.py` fails when
the validator gains a message this table does not explain).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.world import LOCALE_NAMES, N_


@dataclass(frozen=True)
class Explained:
    """A msgid and its values (languages by their own names, as everywhere)."""

    message: str
    values: dict[str, str]


_LOCALE = r"(?P<language>" + "|".join(sorted(LOCALE_NAMES, key=len, reverse=True)) + ")"
UNEXPLAINED = N_("Something in the draft is not right ({field}). Check the answers with ✏️.")
# (field, message) patterns, the first that matches wins; named groups fill the msgid.
TABLE: list[tuple[str, str, str]] = [
    (
        "*",
        r"an invisible control character \((?P<code>U\+[0-9A-F]{4})\)",
        N_("The text holds an invisible control character ({code}); please type it again."),
    ),
    (
        "expires",
        r"must be after effective",
        N_("The end date comes before the sending. Change “Until when”."),
    ),
    ("text", r"Russian \(ru\) is required", N_("The Russian text is missing; it is required.")),
    (
        "text",
        r"missing (?P<languages>.+) \(or list them in pending\)",
        N_("Texts are missing in: {languages}. Write them, or mark them “To follow”."),
    ),
    (
        "text",
        r"a rumour correction states the false claim in every text",
        N_("Write the false claim in every language."),
    ),
    ("if_dual", r".*", N_("The two versions for dual citizens must be given together.")),
    ("if_not_dual", r".*", N_("The two versions for dual citizens must be given together.")),
    (
        "supersedes",
        r"an? \w+ must name the advisory it changes",
        N_("Choose the advisory this one updates."),
    ),
    (
        "supersedes",
        r"no advisory with id .*",
        N_("The advisory this one updates no longer exists. Choose another."),
    ),
    ("country", r"unknown", N_("Choose the country again.")),
    ("targeting", r"no region .* in bot/world/regions.py", N_("Choose the regions again.")),
    (
        "text",
        _LOCALE + r": can't parse entities: .*",
        N_(
            "The {language} text has formatting Telegram cannot show. Remove the < and > "
            "signs, or close each tag."
        ),
    ),
    (
        "text",
        _LOCALE + r": a paragraph is (?P<length>\d+) characters; split it \(4096 at most\)",
        N_("A paragraph of the {language} text has {length} characters; split it (4096 at most)."),
    ),
    (
        "text",
        _LOCALE + r": (?P<count>\d+) messages; shorten to (?P<limit>\d+)",
        N_("The {language} text needs {count} messages; shorten it to {limit}."),
    ),
    ("*", r"not a real date.*", N_("A date is impossible. Check “Until when”.")),
    ("*", r"a time needs its offset.*", N_("A time has no time zone. Check “Until when”.")),
    (
        "*",
        r"missing; this field is required",
        N_("An answer is missing. Check the answers with ✏️."),
    ),
]
_COMPILED = [(field, re.compile(pattern), msgid) for field, pattern, msgid in TABLE]


def explain(problem: str) -> Explained:
    """`field: message` from the validator → a sentence for the admin."""
    field, _, message = problem.partition(": ")
    top = field.split(".")[0]
    for wanted, pattern, msgid in _COMPILED:
        if wanted not in ("*", top):
            continue
        found = pattern.fullmatch(message)
        if found is not None:
            values = {k: v for k, v in found.groupdict().items() if v is not None}
            if "language" in values:
                values["language"] = LOCALE_NAMES[values["language"]]
            if "languages" in values:
                codes = values["languages"].split(", ")
                values["languages"] = ", ".join(LOCALE_NAMES.get(c, c) for c in codes)
            return Explained(msgid, values)
    return Explained(UNEXPLAINED, {"field": field})
