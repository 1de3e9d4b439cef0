"""Flagged job offers kept for the embassy's admins: counted once an offer, never who, gone
after 90 days. Run on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from datetime import timedelta

from bot.storage import Database
from bot.storage.offers import OfferRepository
from bot.understand.normal import sentence_key
from tests.conftest import on_every_backend
from tests.support.clock import FakeClock

OFFER = "Требуются водители в зону СВО, выплаты МО 195 000"


@on_every_backend
async def test_the_same_offer_counts_once_however_it_is_typed(database: Database) -> None:
    clock = FakeClock()
    offers = OfferRepository(database=database, clock=clock)
    assert await offers.keep(country="UZ", text=OFFER, key=sentence_key(OFFER)) == 1
    clock.advance(hours=2)
    again = "ТРЕБУЮТСЯ водители  в зону СВО! выплаты МО 195 000"
    assert await offers.keep(country="UZ", text=again, key=sentence_key(again)) == 2
    clock.advance(minutes=5)
    other = "Нужны строители на новые территории, 250 тыс"
    await offers.keep(country="UZ", text=other, key=sentence_key(other))
    await offers.keep(country="KG", text=OFFER, key=sentence_key(OFFER))  # another country's
    newest = await offers.newest(country="UZ")
    assert [(o.text, o.times) for o in newest] == [(other, 1), (OFFER, 2)]
    assert newest[1].last_at - newest[1].first_at == timedelta(hours=2)


@on_every_backend
async def test_offers_are_deleted_90_days_after_they_last_came_in(database: Database) -> None:
    clock = FakeClock()
    offers = OfferRepository(database=database, clock=clock)
    await offers.keep(country="TJ", text=OFFER, key=sentence_key(OFFER))
    clock.advance(days=89)
    assert await offers.purge() == 0
    assert len(await offers.newest(country="TJ")) == 1
    clock.advance(days=1)
    assert await offers.purge() == 1
    assert await offers.newest(country="TJ") == []
