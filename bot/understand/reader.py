"""`Reader.read(text)`: what a typed or forwarded text is — its language, what it is about, the
advisory it copies, and why. The one function the bot and `elchi understand` use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.understand.copies import LINK, Copies, Reference
from bot.understand.language import LanguageGuesser
from bot.understand.normal import tokens
from bot.understand.signals import Hit, Signals

Intent = Literal["crisis", "military_offer", "embassy_genuine", "embassy_unverified", "other"]
INTENTS: tuple[Intent, ...] = (
    "crisis", "military_offer", "embassy_genuine", "embassy_unverified", "other",
)  # fmt: skip
# How much evidence each answer needs (sums of the data files' weights; tuned on the corpus
# in tests/understand/corpus, and re-checked there on every change of a data file).
CRISIS = 3.0  # one strong sign (повестка, кӯмак, SOS) or two weaker ones
MILITARY = 2.0  # with LURE: a job offer whose work is military service
LURE = 3.0
EMBASSY = 2.0  # with OFFICIAL: a text speaking in an embassy's or ministry's name
OFFICIAL = 2.0
JUNK_WORDS = 6  # a channel's "subscribe to our channel" line is short
STRONG = 2.0  # a lure this strong is quoted to the reader ("выплаты"; not "работа", "руб")
READ_AT_MOST = 8000  # characters: longer texts are read from their start


@dataclass(frozen=True)
class Understanding:
    """What a text is; `reasons` are its own words that decided it (shown to the reader)."""

    language: str
    intent: Intent
    advisory: str | None = None
    reasons: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        """The interface of `elchi understand --json`."""
        return {
            "language": self.language,
            "intent": self.intent,
            "advisory": self.advisory,
            "reasons": self.reasons,
        }


class Reader:
    """Built once with the data files and the published advisories; reads any number of texts."""

    def __init__(self, *, signals: Signals, references: list[Reference]) -> None:
        self.signals = signals
        self.languages = LanguageGuesser(signals.words)
        self.copies = Copies(references)

    def read(self, text: str) -> Understanding:
        """Language, intent, copied advisory and reasons of `text`."""
        text = text[:READ_AT_MOST]
        words = tokens(text)
        language = self.languages.guess(text, words)
        hits = self.signals.find(words)
        score = {g: sum(h.weight for h in hits if h.group == g) for g in _GROUPS}
        named = score["embassy"] >= EMBASSY
        verdict = self.copies.compare(text, junk=self._junk(text), look_closer=named)
        if verdict is not None and verdict.genuine:
            return Understanding(language, "embassy_genuine", verdict.advisory_id)
        if verdict is not None:
            return Understanding(language, "embassy_unverified", None, verdict.changed[:3])
        if named and score["announce"] + score["claim"] >= OFFICIAL:
            return Understanding(
                language, "embassy_unverified", None, _reasons(hits, "embassy", "claim")
            )
        offer = score["military"] >= MILITARY and score["lure"] >= LURE
        if offer and score["lure"] > score["crisis"]:  # "военкомат вызывает" is not a vacancy
            signs = [h for h in hits if h.group == "military" or h.weight >= STRONG]
            return Understanding(
                language, "military_offer", None, _reasons(signs, "military", "lure")
            )
        if score["crisis"] >= CRISIS:
            return Understanding(language, "crisis", None, _reasons(hits, "crisis"))
        return Understanding(language, "other")

    def _junk(self, text: str) -> set[int]:
        """Lines around a forwarded copy that are not its own: a channel's call to subscribe
        or its link, in a few words, typed exactly, saying nothing else we recognise. (A
        longer line, or one with a claim in it, is the message's: it cannot hide an added
        sentence from the comparison.)"""
        junk = set()
        for i, line in enumerate(text.splitlines()):
            words = tokens(LINK.sub(" ", line))
            if len(words) > JUNK_WORDS:
                continue
            groups = {h.group for h in self.signals.find(words, exact=True) if h.weight > 0}
            if ("junk" in groups and not groups & SAYS_SOMETHING) or (
                not words and LINK.search(line)
            ):
                junk.add(i)
        return junk


_GROUPS = ("crisis", "military", "lure", "embassy", "announce", "claim")
SAYS_SOMETHING = {"crisis", "embassy", "announce", "claim"}  # never in a channel's junk line


def _reasons(hits: list[Hit], *groups: str) -> list[str]:
    """The words that decided, as typed: the first group's first, each group in the text's
    order; none repeated inside another, none without a letter ("000" says nothing)."""
    found = [h.typed for g in groups for h in hits if h.group == g and h.weight > 0]
    kept: list[str] = []
    for typed in found:
        inside = any(typed.lower() in other.lower() for other in found if other != typed)
        if not inside and typed not in kept and any(c.isalpha() for c in typed):
            kept.append(typed)
    return kept[:6]
