"""Whether a text is a copy of one of the embassy's advisories, and a faithful one.

A genuine copy is one whose every sentence is a sentence of one advisory as Elchi shows it, in
any language (Cyrillic Uzbek included), word for word after folding: a changed word, however
small ("do not sign" → "sign"), makes a sentence different. Lines that are not sentences of
the message (a channel's name, a link, "Forwarded from …", "subscribe") are left out first.
A text most of whose sentences come from one advisory but with one changed or added is
doctored: never reported genuine.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.understand.normal import sentence_key

MIN_WORDS = 3  # a sentence shorter than this proves nothing ("Посольство Узбекистана")
NEAR = 75  # rapidfuzz ratio from which a sentence is taken for an edited one of an advisory
NEAR_WORDS = 6  # a shorter sentence resembling a headline proves no copy ("X's embassy says:")
_TAGS = re.compile(r"<[^>]+>")
_SENTENCES = re.compile(r"(?<=[.!?…;:])\s+|\n+")
# A forward's header names a channel in a few words; a longer line is read as the message's.
_FORWARD = re.compile(
    r"^\s*(forwarded from|переслано (от|из)|пересланное сообщение)\b\W*(\w+\W*){0,5}$", re.I
)
LINK = re.compile(r"(https?://|t\.me/|www\.)\S*|@\w{4,}|#\w+", re.I)


@dataclass(frozen=True)
class Reference:
    """One advisory's text as Elchi shows it in one language (HTML allowed)."""

    advisory_id: str
    text: str


@dataclass(frozen=True)
class Verdict:
    """The advisory a text copies; `changed` holds its sentences not found in it."""

    advisory_id: str
    changed: list[str]

    @property
    def genuine(self) -> bool:
        return not self.changed


def sentences(text: str) -> list[str]:
    """The sentences of a plain or HTML text, in order."""
    plain = html.unescape(_TAGS.sub(" ", text))
    return [s.strip() for s in _SENTENCES.split(plain) if s and s.strip()]


class Copies:
    """Every sentence of every reference, by its folded key."""

    def __init__(self, references: list[Reference]) -> None:
        self._owners: dict[str, set[str]] = defaultdict(set)
        for reference in references:
            for sentence in sentences(reference.text):
                key = sentence_key(sentence)
                if key.count(" ") + 1 >= MIN_WORDS:
                    self._owners[key].add(reference.advisory_id)
        self._keys = list(self._owners)

    def compare(self, text: str, *, junk: set[int], look_closer: bool) -> Verdict | None:
        """The advisory `text` copies, if it copies one. `junk` holds the indexes of lines
        that are not the message's; with `look_closer`, edited sentences are searched too
        (a text that names an embassy), else only word-for-word ones (fast)."""
        lines = [line for i, line in enumerate(text.splitlines()) if i not in junk]
        content = [
            (sentence, key)
            for line in lines
            if not _FORWARD.match(line)
            for sentence in sentences(LINK.sub(" ", line))
            if (key := sentence_key(sentence)).count(" ") + 1 >= MIN_WORDS
        ]
        if not content:
            return None
        exact = [self._owners.get(key, set()) for _, key in content]
        if not any(exact) and not look_closer:
            return None
        near = [
            owners or (self._near(key) if key.count(" ") + 1 >= NEAR_WORDS else set())
            for (_, key), owners in zip(content, exact, strict=True)
        ]
        votes = Counter(owner for owners in near for owner in owners)
        if not votes:
            return None
        advisory_id, found = votes.most_common(1)[0]
        if found * 2 < len(content) and not (found >= 2 and any(exact)):
            return None  # it quotes a sentence among its own: not a copy
        changed = [
            s for (s, _), owners in zip(content, exact, strict=True) if advisory_id not in owners
        ]
        return Verdict(advisory_id=advisory_id, changed=changed)

    def _near(self, key: str) -> set[str]:
        best = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=NEAR)
        return set() if best is None else set(self._owners[best[0]])
