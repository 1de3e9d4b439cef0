"""Backup on SQLite, restore on PostgreSQL: everything an operator moving up needs survives."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.admin.cancel import cancel
from bot.admin.importer import import_folder
from bot.clock import utcnow
from bot.config import PROJECT_ROOT
from bot.delivery.budget import Budget, Lanes
from bot.delivery.service import worker
from bot.delivery.worker import WorkerConfig
from bot.i18n import Translator
from bot.sandbox import Sandbox
from bot.storage import Database, SubscriberRepository
from bot.storage.admins import AdminRepository
from bot.storage.advisories import AdvisoryRepository
from bot.storage.arrivals import ArrivalRepository
from bot.storage.backup import TABLES, BackupError, backup, restore
from bot.storage.channels import ChannelRepository
from bot.storage.models import Base
from bot.storage.outbox import Outbox
from bot.storage.stores import Stores


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


async def delivered_everywhere(database: Database) -> None:
    """`fill`, then its broadcast delivered for real (the worker and the sandbox)."""
    await fill(database)
    sandbox = await Sandbox(auto_chats=True).start()
    try:
        async with worker(
            stores=Stores.over(database, clock=utcnow),
            translator=Translator(),
            api_url=sandbox.url,
            token=sandbox.token,
            budget=Budget(Lanes(free=1000, paid=1000)),
            config=WorkerConfig(backoff=0.01),  # type: ignore[arg-type]
        ) as running:
            await running.drain()
    finally:
        await sandbox.stop()


async def every_row(database: Database) -> dict[str, list[tuple[object, ...]]]:
    """Each table's rows in key order, times in UTC (what "the same database" means)."""
    tables: dict[str, list[tuple[object, ...]]] = {}
    async with database.sessions() as session:
        for name in TABLES:
            table = Base.metadata.tables[name]
            rows = (await session.execute(select(table).order_by(*table.primary_key))).all()
            tables[name] = [
                tuple(v.astimezone(UTC) if isinstance(v, datetime) else v for v in row)
                for row in rows
            ]
    return tables


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_round_trip_keeps_every_row_and_a_cancellation_reaches_every_reader(
    tmp_path: Path, database_url: str
) -> None:
    source = Database(f"sqlite+aiosqlite:///{tmp_path}/old.db")
    await source.migrate()
    await delivered_everywhere(source)
    archive = tmp_path / "a.gz"
    await backup(source, archive)
    original = await every_row(source)
    await source.close()
    assert [r[2] for r in original["deliveries"]] == ["sent"]  # a finished broadcast
    target = Database(database_url)
    try:
        await target.migrate()
        await restore(target, archive)
        assert await every_row(target) == original  # SQLite → PostgreSQL, row by row
        again = tmp_path / "b.gz"
        await backup(target, again)  # and back
        back = Database(f"sqlite+aiosqlite:///{tmp_path}/back.db")
        await back.migrate()
        await restore(back, again)
        assert await every_row(back) == original
        await back.close()
        progress = await Outbox(database=target).progress("kg-legal-warning")
        assert (progress.by_status, progress.total) == ({"sent": 1}, 1)  # "sent 1/1", not 0/1
        done = await cancel(
            stores=Stores.over(target, clock=utcnow),
            translator=Translator(),
            advisory_id="kg-legal-warning",
        )
        assert done.audience == 1  # the reader who had it is told
    finally:
        await target.close()


def rewrite(archive: Path, edit: Callable[[list[str]], list[str]], *, sign: bool) -> None:
    """Change an archive's lines; with `sign`, the closing line is made to match again (as a
    careful forger would), so only the rows' own checks can refuse it."""
    with gzip.open(archive, "rt", encoding="utf-8") as old:
        lines = old.read().splitlines(keepends=True)
    lines = edit(lines)
    if sign:
        rows = lines[1:-1]
        counts = dict.fromkeys(TABLES, 0)
        for line in rows:
            counts[json.loads(line)["table"]] += 1
        digest = hashlib.sha256("".join(rows).encode()).hexdigest()
        lines[-1] = json.dumps({"end": counts, "sha256": digest}) + "\n"
    with gzip.open(archive, "wt", encoding="utf-8") as new:
        new.write("".join(lines))


def row_changed(table: str, **values: object) -> Callable[[list[str]], list[str]]:
    def edit(lines: list[str]) -> list[str]:
        for index, line in enumerate(lines):
            item = json.loads(line)
            if item.get("table") == table:
                item["row"].update(values)
                lines[index] = json.dumps(item, ensure_ascii=False) + "\n"
                break
        return lines

    return edit


def first_row_twice(lines: list[str]) -> list[str]:
    return [lines[0], lines[1], *lines[1:]]


TAMPERED = [
    ("cut short", lambda lines: lines[: len(lines) // 2], False, "ends early"),
    ("a row changed, unsigned", row_changed("subscribers", locale="tg"), False, "rows differ"),
    ("country XX", row_changed("subscribers", country="XX"), True, "subscribers.country: 'XX'"),
    ("locale xx", row_changed("subscribers", locale="xx"), True, "subscribers.locale: 'xx'"),
    ("chat id abc", row_changed("subscribers", chat_id="abc"), True, "subscribers.chat_id"),
    ("a NULL", row_changed("subscribers", country=None), True, "country: empty"),
    ("a list row", row_changed("subscribers", region=["RU-TA"]), True, "subscribers.region"),
    ("a broken advisory", row_changed("advisories", document='{"id": 1}'), True, "document"),
    ("a row twice", first_row_twice, True, "is there twice"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("edit", "sign", "said"), [t[1:] for t in TAMPERED], ids=[t[0] for t in TAMPERED]
)
async def test_a_tampered_or_cut_archive_is_refused_and_nothing_written(
    tmp_path: Path, edit: Callable[[list[str]], list[str]], sign: bool, said: str
) -> None:
    source = Database(f"sqlite+aiosqlite:///{tmp_path}/old.db")
    await source.migrate()
    await fill(source)
    archive = tmp_path / "a.gz"
    await backup(source, archive)
    await source.close()
    rewrite(archive, edit, sign=sign)
    target = Database(f"sqlite+aiosqlite:///{tmp_path}/new.db")
    await target.migrate()
    try:
        with pytest.raises(BackupError, match=re.escape(said)):
            await restore(target, archive)
        assert all(rows == [] for rows in (await every_row(target)).values())
    finally:
        await target.close()


async def test_a_restore_keeps_the_admins_and_channels_configured_in_the_target(
    tmp_path: Path,
) -> None:
    source = Database(f"sqlite+aiosqlite:///{tmp_path}/old.db")
    await source.migrate()
    await fill(source)
    await AdminRepository(database=source, configured={}).add(user_id=5, country="KG")
    archive = tmp_path / "a.gz"
    await backup(source, archive)
    await source.close()
    target = Database(f"sqlite+aiosqlite:///{tmp_path}/new.db")
    await target.migrate()
    try:
        admins = AdminRepository(database=target, configured={})
        await admins.add(user_id=5, country="UZ")  # `elchi admins add` before the restore
        await ChannelRepository(database=target).add(
            chat="-1001234567890", country="KG", locale="ru"
        )
        await restore(target, archive)
        assert (await admins.all())[5] == "UZ"  # the target's own setting stays
        [channel] = await ChannelRepository(database=target).all()
        assert channel.locale == "ru"
        assert await SubscriberRepository(database=target).get(chat_id=1) is not None
    finally:
        await target.close()
