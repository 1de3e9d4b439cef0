"""Uzbek Latin → Cyrillic for text nodes only: placeholders, markup, links and names stay."""

from __future__ import annotations

import re
from collections.abc import Iterable

from alifbo import to_cyrillic

# What must never be transliterated: {placeholders}, HTML tags and entities, URLs,
# domains, e-mail addresses and phone numbers.
_PROTECTED = re.compile(
    r"""
    \{[^{}]*\}                                   # {placeholder}
  | <[^<>]+>                                     # <tag attr="…">
  | &\#?\w+;                                      # &amp; &#39;
  | https?://[^\s<>"]+                           # URL
  | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                 # e-mail
  | (?<![\w.])(?:[\w-]+\.)+(?:uz|ru|kg|tj|kz|ua|pl|com|org|net|info|gov|news|media)\b
    (?:/[^\s<>"]*)?                              # domain, with an optional path
  | \+?\d[\d\s()\-]{5,}\d                        # phone number
  | /[a-z_]+                                     # /command
    """,
    re.VERBOSE,
)
# alifbo reads the boundary sign in s'h (Is'hoq) as a tutuq belgisi; Uzbek Cyrillic has сҳ.
_SH_BOUNDARY = re.compile("(с|С)(ъ)(ҳ|Ҳ)")
# Latin "sentabr", "oktabr" are Cyrillic "сентябр", "октябр" (as in CLDR's uz_Cyrl months).
_MONTHS = re.compile("(сент|окт|СЕНТ|ОКТ|Сент|Окт)(а|А)(бр|БР)")


def latin_to_cyrillic(text: str, *, protected_terms: Iterable[str] = ()) -> str:
    """Transliterate the Uzbek words of `text`, leaving protected spans byte for byte."""
    terms = sorted(set(protected_terms), key=len, reverse=True)
    pattern = _PROTECTED
    if terms:
        names = "|".join(re.escape(term) for term in terms)
        pattern = re.compile(rf"{_PROTECTED.pattern}|(?<!\w)(?:{names})(?!\w)", re.VERBOSE)
    pieces: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(_words(text[position : match.start()]))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(_words(text[position:]))
    return "".join(pieces)


def _words(chunk: str) -> str:
    if not chunk.strip():
        return chunk
    # ng_as_digraph=False: "ngʻ" is n + gʻ (qoʻngʻiroq → қўнғироқ), not a digraph plus a sign.
    converted = to_cyrillic(chunk, protect_spans=False, ng_as_digraph=False).text
    converted = _MONTHS.sub(lambda m: m[1] + ("я" if m[2] == "а" else "Я") + m[3], converted)
    return _SH_BOUNDARY.sub(r"\1\3", converted)
