"""Taking an answer to a draft's question: a choice, a toggle, a text, a link, a voice note.

Each answer is checked before it changes anything; a refusal says why, in a msgid the handler
translates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.admin.compose import (
    EXPIRY_DAYS,
    answered,
    order,
    text_keys,
    voice_locales,
)
from bot.admin.quick import is_whole, whole
from bot.admin.refusal import Rejected
from bot.admin.text_checks import check_text
from bot.admin.time_checks import end_date_refusal
from bot.admin.typed_times import understand
from bot.advisories.model import control_character
from bot.advisories.reading import an_article
from bot.storage.drafts import DraftAnswers
from bot.world import N_, derived_locales, one_choice

USE_BUTTONS = N_("Please use the buttons.")  # typed where only a button answers
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
DOMAIN = re.compile(r"^(?!https?://)[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Press:
    """A button's value: never mistaken for the same word typed as a text."""

    value: str


@dataclass(frozen=True)
class Voice:
    """A recorded voice note, by its Telegram file id."""

    file_id: str


@dataclass(frozen=True)
class Reading:
    """How a typed date is read: against today, in the admin's language."""

    now: datetime
    locale: str = "ru"


Answer = str | Press | Voice | None  # typed text (None: a message without text)
Take = Callable[[DraftAnswers, str, Answer, Reading], "Rejected | None"]


def pressed(answer: Answer) -> str | None:
    """The button's value, or None for anything typed or recorded."""
    return answer.value if isinstance(answer, Press) else None


def _done(data: DraftAnswers, key: str) -> None:
    queue = data.edit
    if queue and queue[0] == key:
        queue.pop(0)
    while queue and queue[0] not in order(data):  # e.g. supersedes after choosing "alert"
        queue.pop(0)


def keep(data: DraftAnswers, key: str) -> Rejected | None:
    """Keep the current answer of `key` (editing)."""
    if not answered(data, key) and key not in ("sources", "voice"):
        return Rejected(N_("There is no answer to keep yet."), {})
    _done(data, key)
    return None


def choice(options: tuple[str, ...], field: Literal["country", "kind", "severity"]) -> Take:
    def take(data: DraftAnswers, key: str, answer: Answer, reading: Reading) -> Rejected | None:
        value = pressed(answer)
        if value not in options:
            return Rejected(USE_BUTTONS, {})
        setattr(data, field, value)
        if field == "kind" and value != "update":
            data.supersedes = None
        _done(data, key)
        return None

    return take


def supersedes(data: DraftAnswers, key: str, answer: Answer, reading: Reading) -> Rejected | None:
    value = pressed(answer)
    if value is None or value not in data.candidates:
        return Rejected(USE_BUTTONS, {})
    data.supersedes = value
    _done(data, key)
    return None


def toggle(field: Literal["regions", "locales"], allowed: frozenset[str]) -> Take:
    def take(data: DraftAnswers, key: str, answer: Answer, reading: Reading) -> Rejected | None:
        value = pressed(answer)
        chosen = data.regions if field == "regions" else data.locales
        if value == "done":
            data.mark_done(field)
            _done(data, key)
        elif value == "all":
            chosen.clear()
            data.mark_done(field)
            _done(data, key)
        elif value is not None and value in allowed:
            pair = [value]
            if field == "locales":  # a derived locale goes with the one it is derived from
                pair = list(one_choice(value))
            if value in chosen:
                chosen[:] = [v for v in chosen if v not in pair]
            else:
                chosen.extend(v for v in pair if v not in chosen)
        else:
            return Rejected(USE_BUTTONS, {})
        return None

    return take


def text(data: DraftAnswers, key: str, answer: Answer, reading: Reading) -> Rejected | None:
    locale, name = key.split(".", 1)
    button = pressed(answer)
    if button == "keep":
        return keep(data, key)
    if button == "pending" and name == "headline" and locale != "ru":
        data.pending.append(locale)
        data.text.pop(locale, None)
        data.voice.pop(locale, None)
        for other in text_keys(data, locale):
            _done(data, other)
        return None
    if button == "skip" and name == "instruction":
        value = None
    elif not isinstance(answer, str):
        return Rejected(N_("Please type the text, or use the buttons."), {})
    elif name == "headline" and is_whole(answer):  # the whole language in one message
        refused = whole(data, locale, answer)
        if refused is None:
            for other in text_keys(data, locale):
                if answered(data, other):
                    _done(data, other)
        return refused
    else:
        value = answer.strip()
        problem = check_text(name, value)
        if problem is not None:
            return problem
    data.pending = [loc for loc in data.pending if loc != locale]
    data.text.setdefault(locale, {})[name] = value
    for derived in derived_locales(locale):  # converted again from the new text
        data.text.pop(derived, None)
    _done(data, key)
    return None


def sources(data: DraftAnswers, key: str, answer: Answer, reading: Reading) -> Rejected | None:
    if key == "source.url":
        link = answer.strip() if isinstance(answer, str) else ""
        if DOMAIN.match(
            link
        ):  # "uzembassy.ru/news/2026-12-01-warning", as people copy it: https:// is added
            link = "https://" + link
        if not URL.match(link):
            return Rejected(N_("This is not a link. It starts with https:// or http://"), {})
        if not an_article(link):  # the rule `elchi validate` applies to files
            return Rejected(
                N_(
                    "This is a home page or a section. Give the link of the page that says it "
                    "(the article itself)."
                ),
                {},
            )
        data.source_url = link
        data.adding_source = False
        return None
    if key == "source.title":
        if not isinstance(answer, str) or not answer.strip() or "\n" in answer.strip():
            return Rejected(N_("Please write the name of the source on one line."), {})
        found = control_character(answer)
        if found is not None:
            return Rejected(
                N_(
                    "The text holds an invisible control character ({code}); please type it again."
                ),
                {"code": found},
            )
        entry = {"url": data.source_url or "", "title": answer.strip()[:200]}
        data.source_url = None
        data.sources.append(entry)
        return None
    button = pressed(answer)
    if button == "add":
        data.adding_source = True
        return None
    if button == "clear":
        data.sources = []
        return None
    if button == "done" and data.sources:
        data.mark_done("sources")
        _done(data, key)
        return None
    return Rejected(USE_BUTTONS, {})


def expiry(data: DraftAnswers, key: str, answer: Answer, reading: Reading) -> Rejected | None:
    """A button, or a typed date read as people write it, shown back to be confirmed."""
    button = pressed(answer)
    if key == "expires.confirm":
        if button not in ("yes", "no"):
            return Rejected(USE_BUTTONS, {})
        if button == "yes":
            data.expires = data.understood
            _done(data, "expires")
        data.understood = None
        return None
    if button == "none" or button in EXPIRY_DAYS:
        data.expires, data.understood = button, None
        _done(data, key)
        return None
    now = reading.now
    read = understand(answer, now=now, locale=reading.locale) if isinstance(answer, str) else None
    refused = end_date_refusal(read, now=now)
    if refused is not None or read is None:
        return refused
    data.understood = read.moment.isoformat()
    return None


def voice(data: DraftAnswers, key: str, answer: Answer, reading: Reading) -> Rejected | None:
    button = pressed(answer)
    if key == "voice":
        if button == "done":
            data.mark_done("voice")
            _done(data, key)
            return None
        if button is not None and button in voice_locales(data):
            data.recording = button
            return None
        return Rejected(USE_BUTTONS, {})
    if button == "back":  # not recording after all
        data.recording = None
        return None
    if not isinstance(answer, Voice):
        return Rejected(N_("Please send a voice message (hold the microphone button)."), {})
    data.voice[key.split(".", 1)[1]] = answer.file_id
    data.recording = None
    return None
