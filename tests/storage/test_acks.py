"""“I understand” presses on SQLite and on a real PostgreSQL server: one a chat, counted by
the reader's language."""

from __future__ import annotations

import asyncio

from bot.storage import Database, SubscriberRepository
from bot.storage.acks import AckRepository
from tests.conftest import on_every_backend


@on_every_backend
async def test_a_press_counts_once_however_often_it_comes(database: Database) -> None:
    subscribers = SubscriberRepository(database=database)
    await subscribers.subscribe(chat_id=7, locale="ky", country="KG")
    await subscribers.subscribe(chat_id=8, locale="ru", country="KG")
    acks = AckRepository(database=database)
    first = await acks.acknowledge(advisory_id="kg-legal-warning", chat_id=7)
    again = await acks.acknowledge(advisory_id="kg-legal-warning", chat_id=7)
    other = await acks.acknowledge(advisory_id="kg-legal-warning", chat_id=8)
    assert (first, again, other) == (True, False, True)
    assert await acks.by_locale(advisory_id="kg-legal-warning") == {"ky": 1, "ru": 1}
    assert await acks.by_locale(advisory_id="kg-other") == {}


@on_every_backend
async def test_presses_of_one_moment_are_counted_together_even_with_a_chat_gone(
    database: Database,
) -> None:
    subscribers = SubscriberRepository(database=database)
    for chat_id in (7, 8, 9):
        await subscribers.subscribe(chat_id=chat_id, locale="ky", country="KG")
    acks = AckRepository(database=database)
    presses = [(7, "kg-legal-warning"), (7, "kg-legal-warning"), (8, "kg-legal-warning")]
    presses.append((404, "kg-legal-warning"))  # a chat gone meanwhile (/forget)
    presses.append((9, "kg-other"))
    await asyncio.gather(*(acks.count(advisory_id=a, chat_id=c) for c, a in presses))
    assert await acks.by_locale(advisory_id="kg-legal-warning") == {"ky": 2}
    assert await acks.by_locale(advisory_id="kg-other") == {"ky": 1}
