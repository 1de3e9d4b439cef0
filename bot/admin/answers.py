"""Taking an answer to a draft's question: a choice, a toggle, a text, a link, a voice note.

Each answer is checked before it changes anything; a refusal says why, in a msgid the handler
translates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.admin.compose import (
    EXPIRY_DAYS,
    KINDS,
    SEVERITIES,
    answered,
    order,
    text_keys,
    voice_locales,
)
from bot.i18n.locales import LOCALES
from bot.regions import REGIONS
from bot.texts import N_

MAX_HEADLINE = 160
MAX_BODY = 3500  # characters a language: with the header and sources it fits one message
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Rejected:
    """An answer that cannot be taken: a msgid to show and its placeholder values."""

    message: str
    values: dict[str, str | int]


Answer = str | list[str] | None  # text or a button's value; a voice note as [file id]
Take = Callable[[dict[str, Any], str, Answer], "Rejected | None"]


def _done(data: dict[str, Any], key: str) -> None:
    queue = data.get("edit", [])
    if queue and queue[0] == key:
        queue.pop(0)
    while queue and queue[0] not in order(data):  # e.g. supersedes after choosing "alert"
        queue.pop(0)
    if not queue:
        data.pop("edit", None)


def keep(data: dict[str, Any], key: str) -> Rejected | None:
    """Keep the current answer of `key` (editing)."""
    if not answered(data, key) and key not in ("sources", "voice"):
        return Rejected(N_("There is no answer to keep yet."), {})
    _done(data, key)
    return None


def apply(data: dict[str, Any], key: str, answer: Answer) -> Rejected | None:
    """Take `answer` to question `key`; None if taken, else why not (nothing changes)."""
    if "." in key and not key.startswith(("source.", "voice.")):
        return _text(data, key, answer)
    handler = _HANDLERS.get(key.split(".")[0] if key.startswith("voice.") else key)
    if handler is None:
        return Rejected(N_("This button is out of date. Use /advisories."), {})
    return handler(data, key, answer)


def _choice(options: tuple[str, ...], field: str) -> Take:
    def take(data: dict[str, Any], key: str, answer: Answer) -> Rejected | None:
        if not isinstance(answer, str) or answer not in options:
            return Rejected(N_("Please use the buttons."), {})
        data[field] = answer
        if field == "kind" and answer != "update":
            data.pop("supersedes", None)
        _done(data, key)
        return None

    return take


def _supersedes(data: dict[str, Any], key: str, answer: Answer) -> Rejected | None:
    if not isinstance(answer, str) or answer not in data.get("candidates", []):
        return Rejected(N_("Please use the buttons."), {})
    data["supersedes"] = answer
    _done(data, key)
    return None


def _toggle(field: str, allowed: frozenset[str]) -> Take:
    def take(data: dict[str, Any], key: str, answer: Answer) -> Rejected | None:
        if answer == "done":
            data[f"{field}_done"] = True
            _done(data, key)
        elif answer == "all":
            data[field] = []
            data[f"{field}_done"] = True
            _done(data, key)
        elif isinstance(answer, str) and answer in allowed:
            chosen = data.setdefault(field, [])
            chosen.remove(answer) if answer in chosen else chosen.append(answer)
        else:
            return Rejected(N_("Please use the buttons."), {})
        return None

    return take


def _text(data: dict[str, Any], key: str, answer: Answer) -> Rejected | None:
    locale, name = key.split(".", 1)
    if answer == "pending" and name == "headline" and locale != "ru":
        data.setdefault("pending", []).append(locale)
        data.setdefault("text", {}).pop(locale, None)
        data.setdefault("voice", {}).pop(locale, None)
        for other in text_keys(data, locale):
            _done(data, other)
        return None
    if answer == "skip" and name == "instruction":
        value = None
    elif not isinstance(answer, str) or answer in ("pending", "skip"):
        return Rejected(N_("Please type the text, or use the buttons."), {})
    else:
        value = answer.strip()
        problem = _check_text(name, value)
        if problem is not None:
            return problem
    data["pending"] = [loc for loc in data.get("pending", []) if loc != locale]
    data.setdefault("text", {}).setdefault(locale, {})[name] = value
    if locale == "uz":
        data.setdefault("text", {}).pop("uz_Cyrl", None)  # derived again from the new Latin
    _done(data, key)
    return None


def _check_text(name: str, value: str) -> Rejected | None:
    if not value:
        return Rejected(N_("Please type the text, or use the buttons."), {})
    if name in ("headline", "claim") and "\n" in value:
        return Rejected(N_("Please write it on one line."), {})
    if name == "headline" and len(value) > MAX_HEADLINE:
        return Rejected(
            N_("The headline has {length} characters; {limit} at most."),
            {"length": len(value), "limit": MAX_HEADLINE},
        )
    if name == "body" and len(value) > MAX_BODY:
        return Rejected(
            N_(
                "The text has {length} characters; {limit} at most. Shorten it or split it "
                "into two advisories."
            ),
            {"length": len(value), "limit": MAX_BODY},
        )
    return None


def _sources(data: dict[str, Any], key: str, answer: Answer) -> Rejected | None:
    if key == "source.url":
        if not isinstance(answer, str) or not URL.match(answer.strip()):
            return Rejected(N_("This is not a link. It starts with https:// or http://"), {})
        data["source_url"] = answer.strip()
        data.pop("adding_source", None)
        return None
    if key == "source.title":
        if not isinstance(answer, str) or not answer.strip() or "\n" in answer.strip():
            return Rejected(N_("Please write the name of the source on one line."), {})
        entry = {"url": data.pop("source_url", ""), "title": answer.strip()[:200]}
        data.setdefault("sources", []).append(entry)
        return None
    if answer == "add":
        data["adding_source"] = True
        return None
    if answer == "clear":
        data["sources"] = []
        return None
    if answer == "done" and data.get("sources"):
        data["sources_done"] = True
        _done(data, key)
        return None
    return Rejected(N_("Please use the buttons."), {})


def _expires(data: dict[str, Any], key: str, answer: Answer) -> Rejected | None:
    if answer == "none" or answer in EXPIRY_DAYS:
        data["expires"] = answer
    elif isinstance(answer, str) and DATE.match(answer.strip()):
        data["expires"] = answer.strip()
    else:
        return Rejected(N_("Please use the buttons, or type a date like 2027-01-31."), {})
    _done(data, key)
    return None


def _voice(data: dict[str, Any], key: str, answer: Answer) -> Rejected | None:
    if key == "voice":
        if answer == "done":
            data["voice_done"] = True
            _done(data, key)
            return None
        if isinstance(answer, str) and answer in voice_locales(data):
            data["recording"] = answer
            return None
        if isinstance(answer, str) and answer.startswith("del-") and answer[4:] in LOCALES:
            data.setdefault("voice", {}).pop(answer[4:], None)
            return None
        return Rejected(N_("Please use the buttons."), {})
    if not isinstance(answer, list) or len(answer) != 1:
        return Rejected(N_("Please send a voice message (hold the microphone button)."), {})
    data.setdefault("voice", {})[key.split(".", 1)[1]] = answer[0]
    data.pop("recording", None)
    return None


_HANDLERS: dict[str, Take] = {
    "country": _choice(("UZ", "KG", "TJ"), "country"),
    "kind": _choice(KINDS, "kind"),
    "severity": _choice(SEVERITIES, "severity"),
    "supersedes": _supersedes,
    "regions": _toggle("regions", frozenset(REGIONS)),
    "locales": _toggle("locales", frozenset(LOCALES)),
    "source.url": _sources,
    "source.title": _sources,
    "sources": _sources,
    "expires": _expires,
    "voice": _voice,
}
