"""One Telegram budget for everything the bot sends, tried with the sandbox's limits on
(Telegram's: 30 a second in all, about one a second per chat with bursts of 3).

The bot runs as `elchi run` does: polling, answering people, and its delivery worker sending
broadcasts, all through one budget. The sandbox counts every 429 and every send into a pause.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from bot.advisories.model import Advisory
from bot.clock import utcnow
from bot.demo.harness import Harness, running_harness
from bot.sandbox import Limits, Sandbox, SimUser
from tests.e2e.helpers import eventually, say, tap

UZ_BASE, KG_BASE = "uz-2022-09-21-prosecutor-warning", "kg-2022-09-21-embassy-warning"
UZ_READERS = range(1, 201)
KG_READERS = range(50_001, 50_011)  # sandbox users are 1001 and up


@asynccontextmanager
async def limited_bot(database_url: str) -> AsyncIterator[Harness]:
    sandbox = await Sandbox(auto_chats=True, limits=Limits(enabled=True)).start()
    try:
        async with running_harness(
            database_url=database_url, sandbox=sandbox, deliver=True
        ) as harness:
            yield harness
    finally:
        await sandbox.stop()


async def publish(harness: Harness, base_id: str, new_id: str, severity: str) -> None:
    """A copy of a shipped advisory, due now, as an admin's "Send now" stores it."""
    base = await harness.services.stores.advisories.get(advisory_id=base_id)
    assert base is not None
    now = utcnow()
    advisory = Advisory.model_validate(
        {
            **base.model_dump(),
            "id": new_id,
            "severity": severity,
            "effective": now - timedelta(seconds=1),
            "expires": None,
            "publish_at": now,
            "supersedes": None,
        }
    )
    await harness.services.stores.advisories.save(advisory=advisory, origin="admin")
    harness.services.bell.set()


def reached(harness: Harness, chats: range) -> int:
    return sum(1 for chat in chats if chat in harness.sandbox.bot.stats.per_chat)


async def subscribe_readers(harness: Harness, chats: range, country: str, locale: str) -> None:
    for chat_id in chats:
        await harness.services.stores.subscribers.subscribe(
            chat_id=chat_id, locale=locale, country=country
        )


async def uz_count_once_kg_is_done(harness: Harness) -> int:
    await eventually(lambda: reached(harness, KG_READERS) == len(KG_READERS), seconds=20)
    return reached(harness, UZ_READERS)


async def subscribe_in_kyrgyz(harness: Harness, person: SimUser) -> None:
    """/start, then the country button: two taps (they subscribe during both broadcasts)."""
    await say(harness, person, "/start")
    await tap(harness, person, "sub:*:KG")


async def test_an_extreme_advisory_overtakes_a_broadcast_and_newcomers_lose_nothing(
    database_url: str,
) -> None:
    async with limited_bot(database_url) as harness:
        await subscribe_readers(harness, UZ_READERS, "UZ", "ru")
        await subscribe_readers(harness, KG_READERS, "KG", "ky")
        await publish(harness, UZ_BASE, "uz-2026-12-02-moderate", "moderate")
        await eventually(lambda: reached(harness, UZ_READERS) >= 20)
        await publish(harness, KG_BASE, "kg-2026-12-02-extreme", "extreme")
        uz_when_kg_done = asyncio.create_task(uz_count_once_kg_is_done(harness))
        newcomers = [harness.sandbox.user(language_code="ky") for _ in range(5)]
        await asyncio.gather(*(subscribe_in_kyrgyz(harness, person) for person in newcomers))
        # Every Kyrgyz reader had the extreme advisory while the moderate one was still going.
        assert await uz_when_kg_done < len(UZ_READERS)
        for person in newcomers:
            texts = [m.text or "" for m in person.bot_messages()]
            assert texts[1].startswith("✅ Даяр! Сиз жазылдыңыз.")
            assert any(
                t.startswith("⚠️ Элчилигиңиз эскертет: өлкөңүздүн (Кыргызстан)") for t in texts
            )  # the pack
        await eventually(lambda: reached(harness, UZ_READERS) == len(UZ_READERS), seconds=30)
        assert harness.sandbox.bot.stats.too_many_requests == 0
        assert harness.sandbox.server.flood.into_pause == 0


async def test_two_countries_broadcasts_progress_together(database_url: str) -> None:
    uz_chats, kg_chats = range(1, 61), range(50_001, 50_061)
    async with limited_bot(database_url) as harness:
        await subscribe_readers(harness, uz_chats, "UZ", "ru")
        await subscribe_readers(harness, kg_chats, "KG", "ru")
        await publish(harness, UZ_BASE, "uz-2026-12-02-a", "moderate")
        await publish(harness, KG_BASE, "kg-2026-12-02-b", "moderate")
        await eventually(lambda: reached(harness, uz_chats) + reached(harness, kg_chats) >= 60)
        uz, kg = reached(harness, uz_chats), reached(harness, kg_chats)
        assert min(uz, kg) >= 20  # not one country after the other (that would be 60 and 0)
        await eventually(lambda: reached(harness, kg_chats) == 60, seconds=30)
        await eventually(lambda: reached(harness, uz_chats) == 60, seconds=30)
        assert harness.sandbox.bot.stats.too_many_requests == 0
