"""The contact card of /embassy and /callup: a number to call first, for every region and
country; "unverified" said once a card, not on every line."""

from __future__ import annotations

import re

import pytest

from bot.advisories.cards import contacts
from bot.advisories.content import load_content
from bot.advisories.lookup import Match, embassy, for_region
from bot.i18n import Translator
from bot.world import LOCALE_CODES
from bot.world.regions import RUSSIAN_REGIONS
from tests.advisories.conftest import SHIPPED

PHONE = re.compile(r"📞 \+\d[\d \-]{7,}")


@pytest.mark.parametrize("locale", LOCALE_CODES)
def test_every_region_of_every_country_gets_a_phone_first(
    translator: Translator, locale: str
) -> None:
    content, problems = load_content(SHIPPED, translator=translator)
    assert problems == []
    assert {d.country for d in content.directories} == {"UZ", "KG", "TJ"}
    _ = translator.bound(locale)
    for directory in content.directories:
        found = embassy(directory)
        for region in [*RUSSIAN_REGIONS, None]:
            match = for_region(directory, region) if region else Match(found, "unknown")
            card = contacts(
                _,
                match,
                directory,
                locale=locale,
                embassy=found,
                format_date=translator.date_formatter(locale),
            )
            call, *blocks = card.split("\n\n")
            assert PHONE.search(call), (directory.country, region, locale)
            notes = [
                _("unverified: only unofficial lists give this"),
                _("unverified: the page it comes from was not found"),
            ]
            for block in [call, *blocks]:
                assert all(block.count(note) <= 1 for note in notes), block
                marks = block
                for note in notes:
                    marks = marks.replace(f"⚠️ <i>{note}", "")
                if "⚠️" in marks:
                    assert any(note in block for note in notes), block  # explained in its card


@pytest.mark.parametrize(("country", "home_line"), [("KG", True), ("UZ", False), ("TJ", False)])
def test_abroad_a_line_at_home_is_named_only_where_one_is_listed(
    translator: Translator, country: str, home_line: bool
) -> None:
    content, _problems = load_content(SHIPPED, translator=translator)
    directory = next(d for d in content.directories if d.country == country)
    card = contacts(
        translator.bound("ru"),
        Match(embassy(directory), "abroad"),
        directory,
        locale="ru",
        embassy=embassy(directory),
        format_date=translator.date_formatter("ru"),
    )
    assert ("на горячую линию на родине" in card) is home_line
    assert "позвоните в посольство в Москве" in card or home_line


def test_a_number_whose_source_page_was_not_found_is_marked(translator: Translator) -> None:
    content, _problems = load_content(SHIPPED, translator=translator)
    kg = next(d for d in content.directories if d.country == "KG")
    card = contacts(
        translator.bound("ru"),
        Match(embassy(kg), "unknown"),
        kg,
        locale="ru",
        embassy=embassy(kg),
        format_date=translator.date_formatter("ru"),
    )
    line = next(line for line in card.splitlines() if "+996 999 312 002" in line)
    assert "⚠️" in line  # its source (the ministry's appeal) was not found: never unmarked
    assert "не подтверждено: страница, откуда это взято, не найдена" in card
