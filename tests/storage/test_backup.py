"""Backup on SQLite, restore on PostgreSQL: everything an operator moving up needs survives."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.admin.importer import import_folder
from bot.config import PROJECT_ROOT
from bot.delivery.outbox import Outbox
from bot.i18n import Translator
from bot.storage import Database, SubscriberRepository
from bot.storage.admins import AdminRepository
from bot.storage.advisories import AdvisoryRepository
from bot.storage.arrivals import ArrivalRepository
from bot.storage.backup import TABLES, BackupError, backup, restore
from bot.storage.channels import ChannelRepository
from bot.storage.models import Base


async def fill(database: Database) -> None:
    advisories = AdvisoryRepository(database=database)
    await import_folder(
        PROJECT_ROOT / "advisories", repository=advisories, translator=Translator()
    )
    subscribers = SubscriberRepository(database=database)
    for chat_id, locale, country in ((1, "ky", "KG"), (2, "uz_Cyrl", "UZ"), (3, "tg", "TJ")):
        await subscribers.subscribe(chat_id=chat_id, locale=locale, country=country)
    await subscribers.set_region(chat_id=2, region="RU-TA")
    advisory = await advisories.get(advisory_id="kg-legal-warning")
    assert advisory is not None
    await Outbox(database=database).publish(advisory)  # a broadcast in progress
    await AdminRepository(database=database, configured={}).audit(actor="cli", action="send")
    await ArrivalRepository(database=database).count(country="KG", locale="ky", via="share")
    channels = ChannelRepository(database=database)
    await channels.add(chat="-1001234567890", country="KG", locale="ky")
    await channels.keep(
        advisory_id="kg-legal-warning",
        chat="-1001234567890",
        message_id=7,
        digest="d",
        marked=False,
    )


def test_every_table_is_in_the_archive() -> None:
    """A table added later and forgotten here would be lost when an operator moves servers."""
    assert set(TABLES) == set(Base.metadata.tables)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_sqlite_to_postgresql_round_trip(tmp_path: Path, database_url: str) -> None:
    source = Database(f"sqlite+aiosqlite:///{tmp_path}/old.db")
    await source.migrate()
    await fill(source)
    archive = tmp_path / "elchi-backup.jsonl.gz"
    written = await backup(source, archive)
    await source.close()
    assert written["subscribers"] == 3
    assert written["deliveries"] == 1

    target = Database(database_url)
    try:
        await target.migrate()
        assert await restore(target, archive) == written
        row = await SubscriberRepository(database=target).get(chat_id=2)
        assert row is not None
        assert (row.locale, row.country, row.region) == ("uz_Cyrl", "UZ", "RU-TA")
        restored = await AdvisoryRepository(database=target).get(advisory_id="kg-legal-warning")
        assert restored is not None
        assert restored.text["ky"].headline.startswith("Чет өлкөнүн согушуна")
        progress = await Outbox(database=target).progress("kg-legal-warning")
        assert progress.by_status == {"pending": 1}  # the worker resumes it on the new server
        admins = AdminRepository(database=target, configured={})
        await admins.audit(actor="cli", action="halt")  # ids continue after the restored ones
        assert [e.action for e in await admins.audit_log()] == ["halt", "send"]
        assert await ArrivalRepository(database=target).counts() == {("KG", "ky", "share"): 1}
        posts = await ChannelRepository(database=target).posts(chat="-1001234567890")
        assert (
            posts["kg-legal-warning"].message_id == 7
        )  # a restored bot edits the channel's post, never posts twice
        with pytest.raises(BackupError, match="already has subscribers"):
            await restore(target, archive)
    finally:
        await target.close()


async def test_a_broken_archive_is_refused(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path}/new.db")
    await database.migrate()
    broken = tmp_path / "broken.gz"
    broken.write_bytes(b"not gzip at all")
    try:
        with pytest.raises(BackupError, match="cannot read the archive"):
            await restore(database, broken)
    finally:
        await database.close()
