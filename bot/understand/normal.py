"""One key space for what people type in five languages and two scripts.

Text is lower-cased and folded so that the same word matches however it was typed: Cyrillic and
Latin letters to one Latin key (Russian typed in Latin letters meets Russian), the letters only
one language has to their plain neighbours (people without a Kyrgyz or Tajik keyboard type
"кумак" for "кӯмак", "чакирув" for "чақирув"), every apostrophe variant dropped (oʻ, o', o`).
Misspellings beyond that are left to fuzzy matching (`bot.understand.signals`).

Why a table and not alifbo's `fold_search_key_loose`: it folds Uzbek, leaves ң ҷ ӯ unfolded, and
costs 0.6 ms a text against a few µs for `str.translate`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Latin digraphs people type for one Cyrillic letter, folded first (longest first).
_DIGRAPHS = (("shch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("zh", "j"), ("kh", "h"))
_LETTERS = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфхцчшщыэ", "abvgdeziyklmnoprstufhccssie", strict=True)),
        "ё": "yo", "ж": "j", "ю": "yu", "я": "ya", "ъ": None, "ь": None,
        # Kyrgyz, Tajik and Uzbek letters, to their plain neighbours
        "ң": "n", "ө": "o", "ү": "u", "ӣ": "i", "ӯ": "u", "ҳ": "h", "ҷ": "j", "қ": "k", "ғ": "g",
        "ў": "o", "і": "i", "x": "h", "q": "k", "w": "v",
        # every apostrophe variant (oʻ gʻ, the ayn in даъват, Russian-keyboard typing)
        "'": None, "ʻ": None, "ʼ": None, "‘": None, "’": None, "`": None, "´": None,
        "₽": " rub ", "$": " dollar ",
    }
)  # fmt: skip
_WORD = re.compile(r"\w+", re.UNICODE)
_TYPED = re.compile(r"[\w'ʻʼ‘’`]+|[₽$]", re.UNICODE)  # the currency signs are words of offers


def fold(text: str) -> str:
    """`text` in the common key: lower case, one script, no apostrophes (length may change)."""
    text = unicodedata.normalize("NFC", text).lower().translate(_LETTERS)
    for digraph, letter in _DIGRAPHS:
        text = text.replace(digraph, letter)
    return text


@dataclass(frozen=True)
class Token:
    """One word as typed (shown back to the reader) and as folded (matched)."""

    typed: str
    key: str


def tokens(text: str) -> list[Token]:
    """The words of `text` in order; an apostrophe inside a word keeps it whole (qogʻoz)."""
    found = []
    for match in _TYPED.finditer(text):
        typed = match.group().strip("'ʻʼ‘’`")
        key = "".join(_WORD.findall(fold(typed)))
        if key:
            found.append(Token(typed=typed, key=key))
    return found


def sentence_key(text: str) -> str:
    """A sentence compared with an advisory's: its folded words, one space between them."""
    return " ".join(t.key for t in tokens(text))
