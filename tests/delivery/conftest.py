"""Delivery fixtures: a database with content and subscribers, a sandbox, a worker factory."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass

import pytest
from sqlalchemy import insert

from bot.admin.importer import import_folder
from bot.advisories.model import Advisory
from bot.clock import utcnow
from bot.config import PROJECT_ROOT
from bot.delivery.budget import Budget, Lanes
from bot.delivery.service import Reporting, worker
from bot.delivery.worker import Worker, WorkerConfig
from bot.i18n import Translator
from bot.sandbox import Faults, Limits, Sandbox
from bot.storage import Database, Subscriber, SubscriberRepository
from bot.storage.advisories import AdvisoryRepository
from bot.storage.outbox import Outbox
from bot.storage.stores import Stores

LOCALES = ("uz", "uz_Cyrl", "ky", "tg", "ru")
ADVISORY = "uz-2022-09-21-prosecutor-warning"


@pytest.fixture(scope="session")
def translator() -> Translator:
    return Translator()


@dataclass
class Setup:
    database: Database
    translator: Translator
    outbox: Outbox
    subscribers: SubscriberRepository

    async def audience(self, count: int, *, country: str = "UZ", first: int = 1) -> list[int]:
        """Subscribers `first`… of `country`, languages in turn; loaded in one statement (the
        setting of these tests, not their subject: subscribing has tests of its own)."""
        chat_ids = list(range(first, first + count))
        now = utcnow()
        row: dict[str, object] = {"country": country, "region": None, "subscribed": True}
        row |= {"blocked": False, "discreet": False, "created_at": now, "updated_at": now}
        rows = [{**row, "chat_id": c, "locale": LOCALES[c % 5]} for c in chat_ids]
        async with self.database.transaction() as session:
            await session.execute(insert(Subscriber), rows)
        return chat_ids

    async def outbox_advisory(self, advisory_id: str = ADVISORY) -> Advisory:
        advisory = await AdvisoryRepository(database=self.database).get(advisory_id=advisory_id)
        assert advisory is not None
        return advisory

    async def publish(self, advisory_id: str = ADVISORY) -> int:
        advisory = await AdvisoryRepository(database=self.database).get(advisory_id=advisory_id)
        assert advisory is not None
        return await self.outbox.publish(advisory)

    def worker(
        self,
        sandbox: Sandbox,
        *,
        rate: float = 2000,
        per_chat: float = Lanes.per_chat,
        channels: dict[str, tuple[str, str]] | None = None,
        reporting: Reporting | None = None,  # as the bot process: admins are told
        **config: object,
    ) -> AbstractAsyncContextManager[Worker]:
        options = {"backoff": 0.01, **config}
        stores = Stores.over(self.database, clock=_utcnow, channels=channels)
        return worker(
            stores=stores,
            translator=self.translator,
            api_url=sandbox.url,
            token=sandbox.token,
            budget=Budget(Lanes(free=rate, paid=rate, per_chat=per_chat), transient_pause=0.01),
            config=WorkerConfig(**options),  # type: ignore[arg-type]
            reporting=reporting,
        )


def _utcnow():  # type: ignore[no-untyped-def]
    from bot.clock import utcnow

    return utcnow()


@pytest.fixture
async def setup(database: Database, translator: Translator) -> Setup:
    report = await import_folder(
        PROJECT_ROOT / "advisories",
        repository=AdvisoryRepository(database=database),
        translator=translator,
    )
    assert not report.problems
    return Setup(
        database, translator, Outbox(database=database), SubscriberRepository(database=database)
    )


@pytest.fixture
def make_sandbox() -> Callable[..., AbstractAsyncContextManager[Sandbox]]:
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def start(
        limits: Limits | None = None, faults: Faults | None = None
    ) -> AsyncIterator[Sandbox]:
        sandbox = await Sandbox(auto_chats=True, limits=limits, faults=faults).start()
        try:
            yield sandbox
        finally:
            await sandbox.stop()

    return start
