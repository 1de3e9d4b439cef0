"""What readers see as news, as earlier warnings, and never (the rule of /latest, the welcome
pack and the feed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.advisories.content import load_content
from bot.advisories.in_force import listing
from bot.advisories.model import Advisory
from bot.i18n import Translator
from tests.advisories.conftest import SHIPPED

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def kg(translator: Translator) -> list[Advisory]:
    content, _problems = load_content(SHIPPED, translator=translator)
    return [a for a in content.advisories if a.country == "KG"]


def copy(advisory: Advisory, **changes: object) -> Advisory:
    return advisory.model_copy(update=changes)


def test_the_2022_warnings_are_earlier_warnings_not_news(translator: Translator) -> None:
    shown = listing(kg(translator), now=NOW)
    assert [a.id for a in shown.in_force] == []
    assert [a.id for a in shown.earlier] == ["kg-2022-09-21-embassy-warning"]


def test_a_recent_advisory_is_news_and_an_old_one_with_an_end_date_too(
    translator: Translator,
) -> None:
    base = next(a for a in kg(translator) if not a.standing)
    recent = copy(base, id="kg-recent", effective=NOW - timedelta(days=30))
    ending = copy(base, id="kg-ending", expires=NOW + timedelta(days=30))
    shown = listing([recent, ending, base], now=NOW)
    assert [a.id for a in shown.in_force] == ["kg-recent", "kg-ending"]


def test_cancelled_notices_and_replaced_advisories_are_never_listed(
    translator: Translator,
) -> None:
    base = next(a for a in kg(translator) if not a.standing)
    original = copy(base, id="kg-original", effective=NOW - timedelta(days=3))
    update = copy(
        base,
        id="kg-update",
        effective=NOW - timedelta(days=1),
        kind="update",
        supersedes="kg-original",
    )
    notice = copy(
        base,
        id="kg-x-cancel",
        effective=NOW - timedelta(hours=1),
        kind="cancel",
        supersedes="kg-other",
        expires=NOW + timedelta(days=30),
    )
    shown = listing([notice, update, original], now=NOW)
    assert [a.id for a in shown.in_force] == ["kg-update"]
    assert shown.earlier == []


def test_an_advisory_scheduled_for_later_is_not_listed_before_its_send_time(
    translator: Translator,
) -> None:
    base = next(a for a in kg(translator) if not a.standing)
    dated_today = copy(
        base,
        id="kg-embargoed",
        effective=NOW - timedelta(hours=1),
        publish_at=NOW + timedelta(days=1),
    )
    assert listing([dated_today], now=NOW).in_force == []
    later = NOW + timedelta(days=1)
    assert [a.id for a in listing([dated_today], now=later).in_force] == ["kg-embargoed"]
