"""CAP 1.2 export validates against the OASIS schema; the Atom feed is well formed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xmlschema

from bot.advisories.cap import export_cap
from bot.advisories.content import load_content
from bot.advisories.feed import export_feed
from bot.advisories.model import Advisory
from bot.i18n import Translator
from tests.advisories.conftest import SHIPPED

SCHEMA = Path(__file__).parent.parent / "data" / "cap" / "CAP-v1.2.xsd"
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"


@pytest.fixture(scope="module")
def shipped() -> list[Advisory]:
    content, problems = load_content(SHIPPED, translator=Translator())
    assert problems == []
    return content.advisories


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA))


def test_every_shipped_advisory_is_valid_cap(
    shipped: list[Advisory], schema: xmlschema.XMLSchema
) -> None:
    assert len(shipped) >= 7  # the 2022 warnings and a standing warning per country
    for advisory in shipped:
        schema.validate(export_cap(advisory, sender="elchi.example"))


def test_cap_has_one_info_per_locale_with_the_notes_language_codes(
    shipped: list[Advisory],
) -> None:
    advisory = next(a for a in shipped if a.id == "uz-legal-warning")
    root = ET.fromstring(export_cap(advisory, sender="elchi.example"))
    languages = [info.findtext(f"{CAP}language") for info in root.iter(f"{CAP}info")]
    assert sorted(languages) == ["ky", "ru", "tg", "uz-Cyrl", "uz-Latn"]
    assert root.findtext(f"{CAP}identifier") == "elchi.example.uz-legal-warning"
    assert root.findtext(f"{CAP}msgType") == "Alert"


def test_update_with_references_is_valid(
    shipped: list[Advisory], schema: xmlschema.XMLSchema
) -> None:
    base = shipped[0]
    update = base.model_copy(update={"id": "x-update", "kind": "update", "supersedes": base.id})
    xml = export_cap(
        update,
        sender="elchi.example",
        references=f"elchi.example,elchi.example.{base.id},2022-08-10T00:00:00+03:00",
    )
    schema.validate(xml)
    assert ET.fromstring(xml).findtext(f"{CAP}msgType") == "Update"


def test_a_corrected_advisory_is_a_cap_update_of_the_original(
    shipped: list[Advisory], schema: xmlschema.XMLSchema
) -> None:
    base = next(a for a in shipped if a.id == "kg-2022-09-21-embassy-warning")
    fixed_at = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    corrected = base.model_copy(update={"revision": 2, "corrected_at": fixed_at})
    xml = export_cap(corrected, sender="elchi.example")
    schema.validate(xml)
    root = ET.fromstring(xml)
    assert root.findtext(f"{CAP}identifier") == "elchi.example.kg-2022-09-21-embassy-warning.r2"
    assert root.findtext(f"{CAP}msgType") == "Update"
    assert root.findtext(f"{CAP}sent") == "2026-12-01T09:30:00+00:00"
    assert root.findtext(f"{CAP}references") == (
        "elchi.example,elchi.example.kg-2022-09-21-embassy-warning,2022-09-21T00:00:00+03:00"
    )


def test_atom_feed_lists_advisories_in_force(shipped: list[Advisory]) -> None:
    now = datetime(2026, 11, 26, tzinfo=UTC)
    in_force = [a for a in shipped if a.country == "KG" and a.in_force(now)]
    feed = ET.fromstring(export_feed(in_force, country="KG", locale="ky", sender="elchi.example"))
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")]
    assert len(titles) == 2
    assert "Кыргызстандын элчилиги: чет өлкөдөгү согуштук аракеттерге катышпаңыз" in titles
    assert feed.findtext(f"{atom}id") == "urn:elchi:elchi.example:KG:ky"


def test_a_stored_text_with_control_characters_still_makes_well_formed_xml(
    shipped: list[Advisory],
) -> None:
    """Validation refuses them now; a document stored before that must not break the feed."""
    advisory = next(a for a in shipped if not a.standing)
    text = advisory.text["ru"].model_copy(update={"headline": "Посольство\x1b\x0b сообщает"})
    legacy = advisory.model_copy(update={"text": {**advisory.text, "ru": text}})
    for document in (
        export_feed([legacy], country=legacy.country, locale="ru", sender="elchi"),
        export_cap(legacy, sender="elchi"),
    ):
        root = ET.fromstring(document)  # raises on a document that is not well-formed
        assert "Посольство сообщает" in "".join(root.itertext())
