"""Subscriber repository contract, run on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import event

from bot.storage import Database, SubscriberRepository
from bot.storage.subscribers import AudienceCount
from tests.conftest import on_every_backend
from tests.support.clock import FakeClock


@on_every_backend
async def test_subscribe_then_read_back(database: Database) -> None:
    clock = FakeClock()
    repo = SubscriberRepository(database=database, clock=clock)
    await repo.subscribe(chat_id=10**12, locale="ky", country="KG")
    row = await repo.get(chat_id=10**12)
    assert row is not None
    assert (row.locale, row.country, row.region) == ("ky", "KG", None)
    assert (row.subscribed, row.blocked, row.discreet) == (True, False, False)
    assert row.created_at == clock.now


@on_every_backend
async def test_changes_keep_created_and_move_updated(database: Database) -> None:
    clock = FakeClock()
    repo = SubscriberRepository(database=database, clock=clock)
    await repo.subscribe(chat_id=1, locale="ru", country="TJ")
    created = clock.now
    clock.now += timedelta(hours=1)
    assert await repo.set_locale(chat_id=1, locale="tg")
    assert await repo.set_country(chat_id=1, country="UZ")
    assert await repo.set_region(chat_id=1, region="RU-TA")
    assert await repo.set_discreet(chat_id=1, discreet=True)
    row = await repo.get(chat_id=1)
    assert row is not None
    assert (row.locale, row.country, row.region, row.discreet) == ("tg", "UZ", "RU-TA", True)
    assert (row.created_at, row.updated_at) == (created, clock.now)


@on_every_backend
async def test_changes_to_an_unknown_chat_report_false(database: Database) -> None:
    repo = SubscriberRepository(database=database)
    assert not await repo.set_locale(chat_id=404, locale="uz")
    assert not await repo.unsubscribe(chat_id=404)
    assert not await repo.forget(chat_id=404)
    assert await repo.get(chat_id=404) is None


@on_every_backend
async def test_stop_and_come_back_keeps_settings(database: Database) -> None:
    repo = SubscriberRepository(database=database)
    await repo.subscribe(chat_id=7, locale="uz_Cyrl", country="UZ")
    await repo.set_region(chat_id=7, region="RU-MOW")
    assert await repo.unsubscribe(chat_id=7)
    assert await repo.count_active() == []
    await repo.subscribe(chat_id=7, locale="uz_Cyrl", country="UZ")
    row = await repo.get(chat_id=7)
    assert row is not None
    assert (row.subscribed, row.region) == (True, "RU-MOW")


@on_every_backend
async def test_blocked_chats_leave_the_audience_until_they_return(database: Database) -> None:
    repo = SubscriberRepository(database=database)
    await repo.subscribe(chat_id=1, locale="ru", country="KG")
    await repo.subscribe(chat_id=2, locale="ky", country="KG")
    assert await repo.mark_blocked(chat_id=1)
    assert await repo.count_active() == [AudienceCount("KG", "ky", 1)]
    await repo.subscribe(chat_id=1, locale="ru", country="KG")
    assert await repo.count_active() == [
        AudienceCount("KG", "ky", 1),
        AudienceCount("KG", "ru", 1),
    ]


@on_every_backend
async def test_forget_deletes_the_row(database: Database) -> None:
    repo = SubscriberRepository(database=database)
    await repo.subscribe(chat_id=5, locale="tg", country="TJ")
    assert await repo.forget(chat_id=5)
    assert await repo.get(chat_id=5) is None
    assert await repo.count_active() == []


@on_every_backend
async def test_counts_by_country_and_locale(database: Database) -> None:
    repo = SubscriberRepository(database=database)
    for chat_id, locale, country in [
        (1, "uz", "UZ"),
        (2, "uz", "UZ"),
        (3, "ru", "UZ"),
        (4, "ky", "KG"),
        (5, "tg", "TJ"),
    ]:
        await repo.subscribe(chat_id=chat_id, locale=locale, country=country)
    await repo.unsubscribe(chat_id=5)
    assert await repo.count_active() == [
        AudienceCount("KG", "ky", 1),
        AudienceCount("UZ", "ru", 1),
        AudienceCount("UZ", "uz", 2),
    ]


async def test_a_database_in_memory_works_too() -> None:
    database = Database("sqlite+aiosqlite://")  # one shared connection: no pool to size
    await database.migrate()
    repo = SubscriberRepository(database=database)
    await repo.subscribe(chat_id=5, locale="tg", country="TJ")
    row = await repo.get(chat_id=5)
    await database.close()
    assert row is not None
    assert row.country == "TJ"


@on_every_backend
async def test_lookups_of_one_moment_are_read_in_one_query(database: Database) -> None:
    repo = SubscriberRepository(database=database)
    for chat_id in range(1, 31):
        await repo.subscribe(chat_id=chat_id, locale="ky", country="KG")
    queries: list[str] = []
    listen = database.engine.sync_engine
    record = lambda *args: queries.append(args[2])  # noqa: E731 (statement text)
    event.listen(listen, "before_cursor_execute", record)
    try:
        found = await asyncio.gather(*(repo.lookup(chat_id=c) for c in [*range(1, 31), 404]))
    finally:
        event.remove(listen, "before_cursor_execute", record)
    assert [row.chat_id if row else None for row in found] == [*range(1, 31), None]
    assert sum("FROM subscribers" in q for q in queries) == 1
    await repo.forget(chat_id=3)
    assert await repo.lookup(chat_id=3) is None  # nothing kept: read again
