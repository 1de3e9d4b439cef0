"""Uzbek Latin → Cyrillic on real word pairs; protected spans stay byte for byte."""

from __future__ import annotations

import pytest

from bot.i18n.cyrillic import latin_to_cyrillic

PAIRS = [
    ("Oʻzbekiston", "Ўзбекистон"),  # oʻ with the official okina U+02BB
    ("O'zbekiston", "Ўзбекистон"),  # a plain apostrophe, as people type it
    ("O‘zbekiston", "Ўзбекистон"),  # a typographic quote
    ("gʻalla", "ғалла"),
    ("Qirgʻiziston", "Қирғизистон"),
    ("shahar", "шаҳар"),
    ("choy", "чой"),
    ("ming", "минг"),
    ("tong", "тонг"),
    ("qoʻngʻiroq", "қўнғироқ"),  # n + gʻ, not the digraph ng
    ("eshik", "эшик"),  # word-initial e is э
    ("elchixona", "элчихона"),
    ("kecha", "кеча"),  # e inside a word is е
    ("yer", "ер"),  # ye is е
    ("yangilik", "янгилик"),
    ("yordam", "ёрдам"),
    ("maʼlumot", "маълумот"),  # tutuq belgisi is ъ
    ("Is'hoq", "Исҳоқ"),  # s'h is two letters, not ш
    ("Toshkent", "Тошкент"),
    ("SHAHAR", "ШАҲАР"),
    ("2022-yil sentabrda", "2022-йил сентябрда"),  # month names as CLDR writes them
    ("oktabr", "октябр"),
    ("noyabr", "ноябр"),
]


@pytest.mark.parametrize(("latin", "cyrillic"), PAIRS)
def test_word_pairs(latin: str, cyrillic: str) -> None:
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    "protected",
    [
        "{country}",
        '<a href="https://e-navbat.mfa.uz/x">',
        "e-navbat.mfa.uz",
        "https://uzembassy.ru/ru",
        "info@mfa.uz",
        "+998 71 233 28 28",
        "/settings",
        "Kresy.pl",
    ],
)
def test_protected_spans_are_kept(protected: str) -> None:
    assert latin_to_cyrillic(f"Salom {protected} dunyo") == f"Салом {protected} дунё"


def test_protected_terms_are_kept_as_written() -> None:
    assert latin_to_cyrillic("Men — Elchi.", protected_terms=["Elchi"]) == "Мен — Elchi."


def test_markup_and_entities_survive() -> None:
    assert latin_to_cyrillic("<b>Diqqat</b> &amp; xabar") == "<b>Диққат</b> &amp; хабар"
