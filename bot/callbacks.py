"""Callback data: built and parsed in one place; anything else is a stale or forged button."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.config import COUNTRIES
from bot.i18n.locales import LOCALES
from bot.regions import REGIONS

ADVISORY_ID = re.compile(r"^[a-z0-9][a-z0-9-]{2,47}$")
Allowed = frozenset[str] | re.Pattern[str]

# Every action with the values each of its arguments may take.
_SHAPES: dict[str, tuple[Allowed, ...]] = {
    "lang": (frozenset(LOCALES),),  # onboarding: show the citizenship question in this locale
    "sub": (frozenset(LOCALES), frozenset(COUNTRIES)),  # onboarding: subscribe
    "set:lang": (frozenset(LOCALES),),
    "set:country": (frozenset(COUNTRIES),),
    "set:region": (frozenset(REGIONS) | {"none"},),
    "set:discreet": (frozenset({"on", "off"}),),
    "menu": (frozenset({"lang", "country", "region", "main", "stop", "forget"}),),
    "forget": (frozenset({"yes", "no"}),),
    "dual": (frozenset({"yes", "no"}),),  # /law: also a Russian citizen? (never stored)
    "adv": (ADVISORY_ID,),  # /latest: open one advisory
    "emb": (frozenset(REGIONS) | {"none"},),  # /embassy: the region picked from the list
    "callup": (frozenset({"paper", "offer", "pressure"}),),
    "ack": (ADVISORY_ID,),  # "I understand" under every advisory (counted once a chat)
}


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
