"""Catalog loading, explicit-locale gettext, dates, and locale guessing."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.i18n import CatalogError, Translator, guess_locale, parse_locale
from bot.i18n.translator import DEFAULT_DIR


def test_same_msgid_in_every_locale() -> None:
    translator = Translator()
    got = {
        code: translator.gettext("Settings", locale=code)
        for code in ("uz", "uz_Cyrl", "ky", "tg", "ru")
    }
    assert got == {
        "uz": "Sozlamalar",
        "uz_Cyrl": "Созламалар",
        "ky": "Жөндөөлөр",
        "tg": "Танзимот",
        "ru": "Настройки",
    }


def test_dates_follow_each_locale() -> None:
    translator = Translator()
    day = date(2026, 11, 25)
    assert (
        translator.date(day, locale="ru") == "25 ноября 2026\u202fг."
    )  # CLDR puts a narrow no-break space
    assert translator.date(day, locale="uz") == "25-noyabr, 2026"
    assert translator.date(day, locale="uz_Cyrl") == "25-ноябр, 2026"  # the Latin style
    assert translator.date(day, locale="ky") == "2026-ж., 25-ноябрь"
    assert translator.date(day, locale="tg") == "25 ноябри соли 2026"  # not “25 Ноябр 2026”
    month = translator.month_formatter
    assert [month(loc)(day) for loc in ("ru", "uz", "uz_Cyrl", "ky", "tg")] == [
        "ноябрь 2026",
        "2026-yil noyabr",
        "2026-йил ноябр",
        "2026-ж. ноябрь",
        "ноябри соли 2026",
    ]


def test_missing_catalog_fails_fast_naming_the_file(tmp_path: Path) -> None:
    shutil.copytree(DEFAULT_DIR, tmp_path / "locales")
    (tmp_path / "locales" / "tg" / "LC_MESSAGES" / "messages.mo").unlink()
    with pytest.raises(CatalogError, match=r"tg/LC_MESSAGES/messages\.mo: missing"):
        Translator(tmp_path / "locales")


def test_stale_catalog_fails_fast(tmp_path: Path) -> None:
    shutil.copytree(DEFAULT_DIR, tmp_path / "locales")
    po = tmp_path / "locales" / "ky" / "LC_MESSAGES" / "messages.po"
    mo = po.with_suffix(".mo")
    os.utime(mo, (1_000_000, 1_000_000))
    with pytest.raises(CatalogError, match=r"older than messages\.po"):
        Translator(tmp_path / "locales")


@pytest.mark.parametrize(
    ("language_code", "locale"),
    [
        ("uz", "uz"),
        ("uz-UZ", "uz"),
        ("ky", "ky"),
        ("tg", "tg"),
        ("ru-RU", "ru"),
        ("en", None),
        ("", None),
        (None, None),
        ("zz", None),
    ],
)
def test_guess_from_telegram_language(language_code: str | None, locale: str | None) -> None:
    assert guess_locale(language_code) == locale


def test_cyrillic_uzbek_is_chosen_never_guessed() -> None:
    assert parse_locale("uz_Cyrl") == "uz_Cyrl"
    assert guess_locale("uz-Cyrl") == "uz"
