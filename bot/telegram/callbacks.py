"""Callback data: built and parsed in one place; anything else is a stale or forged button."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.admin.compose import EDIT_GROUPS
from bot.admin.questions import BUTTON_CODES
from bot.admin.report_actions import CODES as REPORT_CODES
from bot.delivery.message import ACK_ACTION, CONTACTS_ACTION, MORE_ACTION, SOURCES_ACTION
from bot.world import COUNTRY_CODES, LOCALE_NAMES, WRITTEN_LOCALES
from bot.world.regions import REGION_NAMES

ADVISORY_ID = re.compile(r"^[a-z0-9][a-z0-9-]{2,47}$")
SHORT = re.compile(r"^[0-9a-f]{8}$")  # an advisory or draft id, hashed to fit 64 bytes
VALUE = re.compile(r"^[A-Za-z0-9_-]{1,20}$")  # a compose answer; the question checks it
Allowed = frozenset[str] | re.Pattern[str]
EDITS = frozenset({*EDIT_GROUPS, "back"})

# Every action with the values each of its arguments may take.
_SHAPES: dict[str, tuple[Allowed, ...]] = {
    "lang": (frozenset(LOCALE_NAMES),),  # onboarding: show the citizenship question in this locale
    "sub": (frozenset(LOCALE_NAMES), frozenset(COUNTRY_CODES)),  # onboarding: subscribe
    "set:lang": (frozenset(LOCALE_NAMES),),
    "set:country": (frozenset(COUNTRY_CODES),),
    "set:region": (frozenset(REGION_NAMES) | {"none"},),
    "set:discreet": (frozenset({"on", "off"}),),
    "menu": (frozenset({"lang", "country", "region", "main", "stop", "forget"}),),
    "forget": (frozenset({"yes", "no"}),),
    "dual": (frozenset({"yes", "no"}),),  # /law: also a Russian citizen? (never stored)
    "adv": (ADVISORY_ID,),  # /latest: open one advisory
    "emb": (frozenset(REGION_NAMES) | {"none"},),  # /embassy: the region picked from the list
    "callup": (frozenset({"paper", "offer", "pressure"}),),
    "offer": (frozenset({"yes", "no"}),),  # send a flagged job offer to the embassy?
    # /law, /embassy, /callup before subscribing: the citizenship, tapped (never stored).
    CONTACTS_ACTION: (frozenset({"law", "embassy", "callup"}), frozenset(COUNTRY_CODES)),
    ACK_ACTION: (ADVISORY_ID,),  # "I understand" under every advisory (counted once a chat)
    SOURCES_ACTION: (ADVISORY_ID,),  # "Sources" under every advisory
    MORE_ACTION: (ADVISORY_ID,),  # "More" under a summarised advisory
    # Admins only (checked again by the handler): compose, preview, edit, schedule, approve,
    # and /advisories. The first argument is `short(id)` of the draft or advisory.
    "c": (SHORT, BUTTON_CODES, VALUE),
    "p": (SHORT, frozenset({"send", "sched", "test", "edit", "drop", "fix", "fixn", "back"})),
    "v": (SHORT, frozenset(LOCALE_NAMES)),
    "e": (SHORT, EDITS),
    "t": (SHORT, frozenset({"1h", "3h", "9am", "type", "ok"})),
    # A correction's unchanged language: still right, to follow, or edit.
    "cl": (SHORT, frozenset(WRITTEN_LOCALES), frozenset({"ok", "wait", "edit"})),
    "ap": (SHORT, frozenset({"yes", "no"})),
    "ad": (SHORT, REPORT_CODES),  # /advisories: open an item, or act on it
    "adl": (frozenset({"all"}),),  # back to the /advisories list
}
ACTIONS = frozenset(_SHAPES)  # each has its handler in `bot.telegram.handlers.BUTTONS`


def short(ident: str) -> str:
    """The 8 hex characters standing for an id in admin buttons."""
    return hashlib.sha256(ident.encode()).hexdigest()[:8]


def _fits(value: str, allowed: Allowed) -> bool:
    return value in allowed if isinstance(allowed, frozenset) else bool(allowed.match(value))


@dataclass(frozen=True)
class Callback:
    """A parsed, allow-listed button press."""

    action: str
    args: tuple[str, ...]


def data(action: str, *args: str) -> str:
    """Callback data for a button; ValueError if it would not parse back."""
    text = ":".join((action, *args))
    if parse(text) != Callback(action, args):
        raise ValueError(f"callback data {text!r} does not match its shape")
    return text


def parse(text: str | None) -> Callback | None:
    """The Callback in `text`, or None for anything not built by `data`."""
    if not text:
        return None
    for action, shape in _SHAPES.items():
        prefix = action + ":"
        if text.startswith(prefix):
            args = tuple(text[len(prefix) :].split(":"))
            if len(args) == len(shape) and all(
                _fits(a, allowed) for a, allowed in zip(args, shape, strict=True)
            ):
                return Callback(action, args)
    return None


def matches(action: str, *first: str) -> Callable[[object], bool]:
    """A CallbackQueryHandler pattern: data built by `data(action, ...)`, optionally only with
    one of `first` as its first argument. Anything else falls through to the next handler."""

    def pattern(text: object) -> bool:
        press = parse(text) if isinstance(text, str) else None
        return (
            press is not None and press.action == action and (not first or press.args[0] in first)
        )

    return pattern
