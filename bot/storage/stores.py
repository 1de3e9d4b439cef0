"""Every repository over one database, built once per process (the bot's services, each
command of the CLI) and passed to whatever needs one.

Built in one place, each repository gets the same clock (a test's clock reaches every query,
none falls back to the wall clock unnoticed) and the state some of them keep (batched lookups
and presses, the advisory read two seconds ago) is shared by everyone who asks.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.clock import Clock, utcnow
from bot.config import Settings
from bot.storage.acks import AckRepository
from bot.storage.admin_profiles import AdminProfiles
from bot.storage.admins import AdminRepository
from bot.storage.advisories import AdvisoryRepository
from bot.storage.arrivals import ArrivalRepository
from bot.storage.channels import ChannelRepository
from bot.storage.corrections import Corrections
from bot.storage.db import Database
from bot.storage.deletions import DeletionRepository
from bot.storage.drafts import DraftRepository
from bot.storage.offers import OfferRepository
from bot.storage.outbox import Outbox
from bot.storage.subscribers import SubscriberRepository


@dataclass(frozen=True)
class Stores:
    """One database's repositories; `Stores.over` builds them."""

    database: Database
    clock: Clock
    subscribers: SubscriberRepository
    advisories: AdvisoryRepository
    drafts: DraftRepository
    outbox: Outbox
    corrections: Corrections
    acks: AckRepository
    admins: AdminRepository
    profiles: AdminProfiles
    channels: ChannelRepository
    deletions: DeletionRepository
    offers: OfferRepository
    arrivals: ArrivalRepository

    @classmethod
    def over(
        cls,
        database: Database,
        *,
        clock: Clock,
        admins: dict[int, str] | None = None,
        channels: dict[str, tuple[str, str]] | None = None,
    ) -> Stores:
        """The repositories of `database`; `admins` and `channels` as the settings configure
        them (ADMINS, CHANNELS), beside those stored."""
        return cls(
            database=database,
            clock=clock,
            subscribers=SubscriberRepository(database=database, clock=clock),
            advisories=AdvisoryRepository(database=database, clock=clock),
            drafts=DraftRepository(database=database, clock=clock),
            outbox=Outbox(database=database, clock=clock),
            corrections=Corrections(database=database, clock=clock),
            acks=AckRepository(database=database, clock=clock),
            admins=AdminRepository(database=database, configured=admins or {}, clock=clock),
            profiles=AdminProfiles(database=database, clock=clock),
            channels=ChannelRepository(database=database, configured=channels, clock=clock),
            deletions=DeletionRepository(database=database),
            offers=OfferRepository(database=database, clock=clock),
            arrivals=ArrivalRepository(database=database),
        )


@asynccontextmanager
async def opened(
    settings: Settings, *, clock: Clock = utcnow, migrate: bool = True
) -> AsyncIterator[Stores]:
    """The database at DATABASE_URL, migrated (unless another part of the same command has
    done so), and its repositories; always closed again."""
    database = Database(settings.database_url)
    try:
        if migrate:
            await database.migrate()
        yield Stores.over(
            database, clock=clock, admins=settings.admins, channels=settings.channels
        )
    finally:
        await database.close()
