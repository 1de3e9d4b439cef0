"""The catalogs are complete, clean and consistent — checked on the real .po files."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from bot.i18n.translator import DEFAULT_DIR
from bot.world import LOCALE_NAMES, WRITTEN_LOCALES

ROOT = DEFAULT_DIR.parent
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def catalog(locale: str) -> Catalog:
    with (DEFAULT_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def template() -> Catalog:
    with (DEFAULT_DIR / "messages.pot").open("rb") as handle:
        return read_po(handle)


def strings(message: object) -> list[str]:
    value = message.string  # type: ignore[attr-defined]
    return list(value) if isinstance(value, (tuple, list)) else [value]


@pytest.mark.parametrize("locale", LOCALE_NAMES)
def test_every_message_is_translated_and_none_is_fuzzy(locale: str) -> None:
    problems = [
        m.id
        for m in catalog(locale)
        if m.id and (m.fuzzy or not all(s.strip() for s in strings(m)))
    ]
    assert problems == []


@pytest.mark.parametrize("locale", WRITTEN_LOCALES)
def test_catalog_has_every_msgid_of_the_template(locale: str) -> None:
    ids = {m.id for m in catalog(locale) if m.id}
    assert {m.id for m in template() if m.id} - ids == set()


@pytest.mark.parametrize("locale", LOCALE_NAMES)
def test_placeholders_are_the_same_as_in_the_msgid(locale: str) -> None:
    wrong = []
    for message in catalog(locale):
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        expected = sorted(PLACEHOLDER.findall(source))
        for translation in strings(message):
            if sorted(PLACEHOLDER.findall(translation)) != expected:
                wrong.append((source, translation))
    assert wrong == []


@pytest.mark.parametrize("locale", LOCALE_NAMES)
def test_msgfmt_check_passes(locale: str) -> None:
    msgfmt = shutil.which("msgfmt")
    assert msgfmt is not None, "gettext's msgfmt is needed (apt-get install gettext)"
    po = DEFAULT_DIR / locale / "LC_MESSAGES" / "messages.po"
    result = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr


def test_template_matches_the_code(tmp_path: Path) -> None:
    """Every msgid in bot/ is in messages.pot (run `make i18n-update` if this fails)."""
    out = tmp_path / "fresh.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_",
            "-o",
            str(out),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=60,
    )
    with out.open("rb") as handle:
        fresh = {m.id for m in read_po(handle) if m.id}
    assert fresh == {m.id for m in template() if m.id}


def test_derived_cyrillic_has_no_latin_words_left() -> None:
    # A link prefix stays Latin, and so do the names of two standards (CAP, Atom).
    allowed = {"Elchi", "Telegram", "UTC", "http", "https", "CAP", "Atom"}
    leftovers = []
    for message in (m for m in catalog("uz_Cyrl") if m.id):
        for text in strings(message):
            visible = PLACEHOLDER.sub("", re.sub(r"/[a-z_]+", "", text))
            words = set(re.findall(r"[A-Za-z]+", visible)) - allowed
            if words:
                leftovers.append((message.id, sorted(words)))
    assert leftovers == []
