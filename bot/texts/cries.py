"""Words people type when they got a call-up paper, met a recruiter or need help.

Typed text is otherwise ignored (the bot works with buttons), but these must never meet "I cannot
read written messages": they lead to the /callup choices. Nothing typed is stored or logged.

Each entry is the start of a word, matched after lower-casing and dropping apostrophes, so that
endings (повестку, повестки; chaqiruvni) and both Uzbek alphabets match. Russian typed in Latin
letters and the misspellings people make on phone keyboards are listed beside the right spelling.
"""

from __future__ import annotations

import re

STEMS: dict[str, tuple[str, ...]] = {
    "ru": (
        "повестк", "повеск", "павестк", "павеск", "повесток",
        "призыв", "призив", "военкомат", "военкамат", "ваенкомат",
        "контракт", "кантракт", "вербов", "мобилиз", "мобилис",
        "помогит", "помагит", "помощ", "памаги", "спасит",
        "арми", "войн", "фронт",
    ),
    "ru_latin": (
        "povestk", "poveska", "pavestk", "prizyv", "priziv", "voenkomat", "voyenkomat",
        "vaenkomat", "kontrakt", "kantrakt", "verbov", "mobiliz", "pomogit", "pomagit",
        "pomosh", "armi", "voyn", "vojn",
    ),
    "uz": (
        "chaqiruv", "chaqiriq", "chaqirish", "chakiruv", "chaqiruw", "harbiy", "xarbiy",
        "yordam", "yordm", "askar", "urush", "kontrakt", "shartnoma", "mobilizats",
    ),
    "uz_Cyrl": (
        "чақирув", "чакирув", "чақириқ", "ҳарбий", "харбий", "ёрдам", "ердам", "аскар", "уруш",
        "шартнома",
    ),
    "ky": (
        "чакыруу", "чакыр", "аскер", "аскир", "жардам", "согуш", "келишим",
        "жалданм", "мобилиз",
    ),
    "tg": (
        "даъватнома", "даватнома", "даъват", "дават", "ҳарбӣ", "харби", "ҳарби", "ёрӣ", "ёри",
        "кумак", "ҷанг", "шартнома", "аскар", "сафарбар",
    ),
}  # fmt: skip
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_APOSTROPHES = str.maketrans("", "", "'ʻʼ‘’`")
_ALL = tuple(stem for stems in STEMS.values() for stem in stems)


def cry_for_help(text: str) -> bool:
    """Whether `text` speaks of a call-up, a recruiter, the army or help (any of our languages)."""
    words = _WORDS.findall(text.lower().translate(_APOSTROPHES))
    return any(word.startswith(_ALL) for word in words)
