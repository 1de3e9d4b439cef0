"""Uzbek Latin → Cyrillic for text nodes only: placeholders, markup, links and names stay."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml
from alifbo import to_cyrillic

# What must never be transliterated: {placeholders}, HTML tags and entities, URLs,
# domains, e-mail addresses, phone numbers and @handles.
_PROTECTED = re.compile(
    r"""
    \{[^{}]*\}                                   # {placeholder}
  | <[^<>]+>                                     # <tag attr="…">
  | &\#?\w+;                                      # &amp; &#39;
  | https?://[^\s<>"]*                           # URL (or its bare start)
  | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                 # e-mail
  | (?<![\w.])(?:[\w-]+\.)+
    (?:uz|ru|kg|tj|kz|ua|pl|me|io|su|eu|de|uk|tv|app|com|org|net|info|gov|edu|int|news|media)\b
    (?:/[^\s<>"]*)?                              # domain, with an optional path
  | \+?\d[\d\s()\-]{5,}\d                        # phone number
  | (?<!\w)@\w{3,}                               # @handle (a channel, a bot)
  | /[a-z_]+                                     # /command
    """,
    re.VERBOSE,
)
# Names kept as written and loanwords corrected: reviewed data (`data/uz_Cyrl.yaml`).
_DATA = yaml.safe_load((Path(__file__).with_name("data") / "uz_Cyrl.yaml").read_text("utf-8"))
PROTECTED_TERMS: tuple[str, ...] = tuple(_DATA["kept"])
# A kept name may carry an Uzbek case ending, which is written in Cyrillic: Telegramda →
# Telegramда (a name is matched only whole or with one of these, so Imo never eats Imorat).
_NAME_ENDINGS = "da|dan|ga|ni|ning|dagi|dek"
# Overrides of alifbo's choices (upstream, these would be alifbo issues: "ts at a suffix
# boundary is тс, not ц" and "Russian loanwords whose ц/ъ the Latin spelling does not show"):
# 1. ts before a suffix (-sa, -sang, -sin, -siz…) is т + с: ketsa → кетса, otsiz → отсиз.
_SUFFIX_TS = re.compile(
    r"(?<=[^\W\d_])([цЦ])(?=(?:а(?:нг(?:из)?|м|к|лар)?|ин(?:лар|г(?:из)?)?|из(?!м)\w*)\b)",
    re.IGNORECASE,
)
# 2. ъ after a prefix before е/ё/ю/я: obyekt → объект, podyezd → подъезд (alifbo writes й).
_HARD_SIGN = re.compile(r"\b(об|суб|под|с|Об|Суб|Под|С|ОБ|СУБ|ПОД)й([еёюяЕЁЮЯ])")
# 3. Loanwords whose Latin spelling writes ц as s: the stem as alifbo gives it → as written
#    (a stem may carry a look-ahead that keeps other words out).
LOANWORDS: dict[str, str] = dict(_DATA["loanwords"])
_STEMS = {re.sub(r"\(\?[!=][^)]*\)", "", stem): right for stem, right in LOANWORDS.items()}
_LOANWORD = re.compile(r"\b(" + "|".join(LOANWORDS) + r")", re.IGNORECASE)
# alifbo reads the boundary sign in s'h (Is'hoq) as a tutuq belgisi; Uzbek Cyrillic has сҳ.
_SH_BOUNDARY = re.compile("(с|С)(ъ)(ҳ|Ҳ)")
# Latin "sentabr", "oktabr" are Cyrillic "сентябр", "октябр" (as in CLDR's uz_Cyrl months).
_MONTHS = re.compile("(сент|окт|СЕНТ|ОКТ|Сент|Окт)(а|А)(бр|БР)")


def latin_to_cyrillic(text: str, *, protected_terms: Iterable[str] = PROTECTED_TERMS) -> str:
    """Transliterate the Uzbek words of `text`, leaving protected spans byte for byte."""
    terms = sorted(set(protected_terms), key=len, reverse=True)
    pattern = _PROTECTED
    if terms:
        names = "|".join(re.escape(term) for term in terms)
        ending = rf"(?=(?:{_NAME_ENDINGS})?(?!\w))"
        pattern = re.compile(rf"{_PROTECTED.pattern}|(?<!\w)(?:{names}){ending}", re.VERBOSE)
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
    converted = _SH_BOUNDARY.sub(r"\1\3", converted)
    converted = _SUFFIX_TS.sub(
        lambda m: "тс" if m[1] == "ц" else _upper_like(m, "ТС", "Тс"), converted
    )
    converted = _HARD_SIGN.sub(lambda m: m[1] + ("Ъ" if m[2].isupper() else "ъ") + m[2], converted)
    return _LOANWORD.sub(_loanword, converted)


def _upper_like(match: re.Match[str], upper: str, title: str) -> str:
    following = match.string[match.end() : match.end() + 1]
    return upper if following.isupper() else title


def _loanword(match: re.Match[str]) -> str:
    found = match[1]
    right = _STEMS[found.lower()]
    if found.isupper() and len(found) > 1:
        return right.upper()
    return right[0].upper() + right[1:] if found[0].isupper() else right
