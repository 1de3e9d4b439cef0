"""One term per concept per language (`locales/glossary.yaml`): the catalogs and the content use
the term and none of the calques it replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.config import PROJECT_ROOT

GLOSSARY = yaml.safe_load((PROJECT_ROOT / "locales" / "glossary.yaml").read_text("utf-8"))
ENTRIES = [
    (concept, locale, terms) for concept, by_locale in GLOSSARY.items()
    for locale, terms in by_locale.items()
]  # fmt: skip


def texts_in(locale: str) -> dict[str, str]:
    """What readers and admins of `locale` may read: its catalog and the content files."""
    found = {f"{locale}/messages.po": _catalog(locale)}
    for path in sorted((PROJECT_ROOT / "advisories").rglob("*.yaml")):
        found[str(path.relative_to(PROJECT_ROOT))] = path.read_text("utf-8")
    return found


def _catalog(locale: str) -> str:
    path = PROJECT_ROOT / "locales" / locale / "LC_MESSAGES" / "messages.po"
    lines = Path(path).read_text("utf-8").splitlines()
    return "\n".join(line for line in lines if line.startswith("msgstr"))  # not the English


@pytest.mark.parametrize(("concept", "locale", "terms"), ENTRIES)
def test_the_term_is_used_and_its_calques_are_gone(
    concept: str, locale: str, terms: dict[str, object]
) -> None:
    texts = texts_in(locale)
    everything = "\n".join(texts.values()).lower()
    assert str(terms["use"]).lower() in everything, (concept, locale)
    for wrong in terms["not"]:  # type: ignore[attr-defined]
        where = [name for name, text in texts.items() if str(wrong).lower() in text.lower()]
        assert where == [], f"{concept} ({locale}): “{wrong}” in {where}"


def test_the_glossary_names_every_written_language() -> None:
    assert {locale for _, locale, _ in ENTRIES} == {"ru", "uz", "ky", "tg"}


@pytest.mark.parametrize(("concept", "locale", "terms"), ENTRIES)
def test_every_attestation_names_its_page_and_the_day_it_was_read(
    concept: str, locale: str, terms: dict[str, object]
) -> None:
    for seen in terms.get("seen", []):  # type: ignore[attr-defined]
        assert str(seen).startswith("https://"), (concept, locale)
        assert " read 20" in str(seen), (concept, locale)
