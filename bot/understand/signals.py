"""The phrases of the reviewed data files (`signals/<locale>.yaml`), matched in a text.

Every file's phrases are matched in every text: people mix languages ("SVO ga olib
ketishmoqchi", "мага повестка келди"), and the folded key (`bot.understand.normal`) is the
same for all of them. A word of five letters or more also matches with one typing mistake (two
from eight letters), measured by rapidfuzz's Levenshtein distance.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.understand.normal import Token, tokens

FOLDER = Path(__file__).with_name("signals")
GROUPS = ("crisis", "military", "lure", "embassy", "announce", "claim", "junk")
GAP = 1  # one other word may stand between the words of a phrase ("повестка в районный суд")
FUZZY_FROM = 5  # shorter words must be typed exactly (after folding)
_CACHE_LIMIT = 100_000


@dataclass(frozen=True)
class Word:
    """One word of a phrase, folded; a stem matches any ending."""

    key: str
    stem: bool

    def typos(self) -> int:
        """How many typing mistakes still match."""
        return 0 if len(self.key) < FUZZY_FROM else 1 if len(self.key) < 8 else 2


@dataclass(frozen=True)
class Phrase:
    group: str
    words: tuple[Word, ...]
    weight: float
    locale: str


@dataclass(frozen=True)
class Hit:
    """A phrase found: its group and weight, and the words as the person typed them."""

    group: str
    weight: float
    typed: str
    at: int  # the index of its first word


def _phrase(text: str, group: str, weight: float, locale: str) -> Phrase:
    words = []
    for part in text.split():
        folded = tokens(part.rstrip("*"))
        if not folded:
            raise ValueError(f"signals/{locale}.yaml: {group}: {text!r} has no letters")
        words.append(Word(key=folded[0].key, stem=part.endswith("*")))
    return Phrase(group=group, words=tuple(words), weight=weight, locale=locale)


class Signals:
    """All phrases of all languages, indexed for matching."""

    def __init__(self, phrases: list[Phrase], words: dict[str, frozenset[str]]) -> None:
        self.phrases = phrases
        self.words = words  # frequent words per locale (folded), for language identification
        self._vocabulary = sorted({w for p in phrases for w in p.words}, key=lambda w: w.key)
        self._exact: dict[str, set[Word]] = defaultdict(set)
        self._stems: dict[int, dict[str, set[Word]]] = defaultdict(lambda: defaultdict(set))
        for word in self._vocabulary:
            (self._stems[len(word.key)][word.key] if word.stem else self._exact[word.key]).add(
                word
            )
        self._fuzzy_exact = [w.key for w in self._vocabulary if not w.stem and w.typos()]
        self._fuzzy_stems = {
            length: [k for k in stems if len(k) >= FUZZY_FROM]
            for length, stems in self._stems.items()
        }
        self._cache: dict[str, frozenset[Word]] = {}
        self._starting: dict[Word, list[Phrase]] = defaultdict(list)  # by their first word
        for phrase in phrases:
            self._starting[phrase.words[0]].append(phrase)

    @classmethod
    def load(cls, folder: Path = FOLDER) -> Signals:
        """Read every `<locale>.yaml` of `folder`."""
        phrases: list[Phrase] = []
        words: dict[str, frozenset[str]] = {}
        for path in sorted(folder.glob("*.yaml")):
            locale = path.stem
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            words[locale] = frozenset(t.key for w in data.get("words", []) for t in tokens(w))
            for group in GROUPS:
                for text, weight in (data.get(group) or {}).items():
                    phrases.append(_phrase(str(text), group, float(weight), locale))
        return cls(phrases, words)

    def word_matches(self, key: str, *, exact: bool = False) -> frozenset[Word]:
        """The vocabulary words a typed (folded) word is; with `exact`, without typos."""
        if exact:
            return frozenset(self._exact_matches(key))
        found = self._cache.get(key)
        if found is not None:
            return found
        matched = self._exact_matches(key)
        if len(key) >= FUZZY_FROM:
            matched |= self._fuzzy(key)
        found = frozenset(matched)
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[key] = found
        return found

    def _exact_matches(self, key: str) -> set[Word]:
        matched = set(self._exact.get(key, ()))
        for length, stems in self._stems.items():
            if len(key) >= length:
                matched |= stems.get(key[:length], set())
        return matched

    def _fuzzy(self, key: str) -> set[Word]:
        found: set[Word] = set()
        limit = 1 if len(key) < 8 else 2
        for candidate, _score, _ in process.extract(
            key, self._fuzzy_exact, scorer=Levenshtein.distance, score_cutoff=limit, limit=None
        ):
            found |= self._exact[candidate]
        for length, stems in self._fuzzy_stems.items():
            if len(key) >= length and stems:
                allowed = 1 if length < 8 else 2
                for candidate, _score, _ in process.extract(
                    key[:length], stems, scorer=Levenshtein.distance, score_cutoff=allowed,
                    limit=None,
                ):  # fmt: skip
                    found |= self._stems[length][candidate]
        return found

    def find(self, words: list[Token], *, exact: bool = False) -> list[Hit]:
        """Every phrase found in `words` (the first place it stands), in the text's order."""
        matches = [self.word_matches(t.key, exact=exact) for t in words]
        found: list[tuple[Phrase, tuple[int, int]]] = []
        firsts = set().union(*matches) if matches else set()
        for phrase in (p for first in firsts for p in self._starting[first]):
            span = _place(phrase.words, matches)
            if span is not None:
                found.append((phrase, span))
        # Where phrases of one group overlap, the longest speaks for those words ("повестка
        # дня" over "повестка", "гражданство РФ" over "гражданство"): counted once.
        found.sort(key=lambda f: (-len(f[0].words), -abs(f[0].weight)))
        taken: dict[str, set[int]] = defaultdict(set)
        hits = []
        for phrase, (start, end) in found:
            places = set(range(start, end + 1))
            if taken[phrase.group] & places:
                continue
            taken[phrase.group] |= places
            typed = " ".join(t.typed for t in words[start : end + 1])
            hits.append(Hit(group=phrase.group, weight=phrase.weight, typed=typed, at=start))
        return sorted(hits, key=lambda h: h.at)


def _place(phrase: tuple[Word, ...], matches: list[frozenset[Word]]) -> tuple[int, int] | None:
    """Where the phrase's words stand in order (at most GAP others between two), if anywhere."""
    first = phrase[0]
    for start, matched in enumerate(matches):
        if first not in matched:
            continue
        at = start
        for word in phrase[1:]:
            following = range(at + 1, min(at + 2 + GAP, len(matches)))
            at = next((i for i in following if word in matches[i]), -1)
            if at < 0:
                break
        else:
            return start, at
    return None
