"""The questions of /new, each declared once: the code its buttons carry, its prompt, the
answer it takes and its buttons. Everything else is derived from these records: the callback
data Telegram accepts (`bot.telegram.callbacks`), the keyboards (`bot.telegram.keyboards.
questions`) and the routing of a press or a typed answer (`bot.telegram.handlers.compose`).
Which question comes next is `bot.admin.compose`'s.

A question's key names its record, except the text of a language ("uz.headline": `text`) and
the voice note being recorded ("voice.uz": `recording`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.admin import answers, prompts
from bot.admin import question_buttons as buttons
from bot.admin.compose import KINDS, SEVERITIES
from bot.admin.refusal import Rejected
from bot.clock import utcnow
from bot.storage.drafts import DraftAnswers
from bot.texts import Gettext
from bot.texts.staff import OUT_OF_DATE
from bot.world import COUNTRY_CODES, LOCALE_NAMES
from bot.world.regions import REGION_NAMES

Prompt = Callable[[Gettext, str, DraftAnswers, datetime], str]
Buttons = Callable[[Gettext, str, DraftAnswers, buttons.Candidates], buttons.Rows]


@dataclass(frozen=True)
class Question:
    """One question (64 bytes of callback data leave room for a two-letter code only)."""

    code: str
    prompt: Prompt
    take: answers.Take
    buttons: Buttons | None = None  # None: only typed (a link, a title)
    toggles: bool = False  # a press changes a choice and shows the same question again


QUESTIONS: dict[str, Question] = {
    "country": Question(
        "co", prompts.country, answers.choice(COUNTRY_CODES, "country"), buttons.countries
    ),
    "kind": Question("ki", prompts.kind, answers.choice(KINDS, "kind"), buttons.kinds),
    "supersedes": Question("su", prompts.supersedes, answers.supersedes, buttons.earlier),
    "severity": Question(
        "se", prompts.severity, answers.choice(SEVERITIES, "severity"), buttons.severities
    ),
    "regions": Question(
        "re",
        prompts.regions,
        answers.toggle("regions", frozenset(REGION_NAMES)),
        buttons.choices,
        toggles=True,
    ),
    "locales": Question(
        "lo",
        prompts.locales,
        answers.toggle("locales", frozenset(LOCALE_NAMES)),
        buttons.choices,
        toggles=True,
    ),
    "text": Question("tx", prompts.text, answers.text, buttons.text),
    "sources": Question("so", prompts.sources, answers.sources, buttons.sources),
    "source.url": Question("sl", prompts.source_url, answers.sources),
    "source.title": Question("st", prompts.source_title, answers.sources),
    "expires": Question("ex", prompts.expiry, answers.expiry, buttons.expiry),
    "expires.confirm": Question("ec", prompts.expiry, answers.expiry, buttons.confirm_expiry),
    "voice": Question("vo", prompts.voices, answers.voice, buttons.voices, toggles=True),
    "recording": Question("vr", prompts.recording, answers.voice, buttons.recording),
}
BUTTON_CODES = frozenset(q.code for q in QUESTIONS.values() if q.buttons is not None)


def record(key: str) -> Question | None:
    """The record of question `key` (None for a key no question has: a forged or old one)."""
    if key.startswith("voice."):
        return QUESTIONS["recording"]
    if "." in key and not key.startswith(("source.", "expires.")):
        return QUESTIONS["text"]
    return QUESTIONS.get(key)


def prompt(_: Gettext, key: str, data: DraftAnswers, *, now: datetime) -> str:
    """The prompt of question `key`, with the current answer when there is one."""
    asked = record(key)
    if asked is None:
        raise KeyError(key)
    return asked.prompt(_, key, data, now)


def take(
    data: DraftAnswers,
    key: str,
    answer: answers.Answer,
    *,
    now: datetime | None = None,
    locale: str = "ru",
) -> Rejected | None:
    """Take `answer` to question `key`; None if taken, else why not (nothing changes).
    `now` and `locale`: for dates typed in the admin's language, checked against today."""
    asked = record(key)
    if asked is None:
        return Rejected(OUT_OF_DATE, {})
    return asked.take(data, key, answer, answers.Reading(now or utcnow(), locale))


def rows(
    _: Gettext, key: str, data: DraftAnswers, offered: buttons.Candidates
) -> tuple[str, buttons.Rows]:
    """The code and the (label, value) rows of question `key`'s buttons (none: typed)."""
    asked = record(key)
    if asked is None or asked.buttons is None:
        return "", []
    return asked.code, asked.buttons(_, key, data, offered)
