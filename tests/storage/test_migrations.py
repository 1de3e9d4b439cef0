"""Alembic: one head, and every migration goes up and down cleanly (the stairway)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from bot.storage import Database
from bot.storage.migrate import downgrade, heads, revisions, upgrade
from tests.conftest import on_every_backend


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names()) - {"alembic_version"}


def test_history_has_exactly_one_head() -> None:
    assert len(heads()) == 1, f"merge the Alembic heads: {heads()}"


@on_every_backend
async def test_stairway_up_and_down_every_revision(database_url: str) -> None:
    db = Database(database_url)
    try:
        async with db.engine.begin() as conn:
            previous = "base"
            for revision in revisions():
                await conn.run_sync(upgrade, revision)
                after_up = await conn.run_sync(_tables)
                await conn.run_sync(downgrade, previous)
                await conn.run_sync(upgrade, revision)
                assert await conn.run_sync(_tables) == after_up
                previous = revision
            await conn.run_sync(downgrade, "base")
            assert await conn.run_sync(_tables) == set()
    finally:
        await db.close()


@on_every_backend
async def test_migrate_twice_is_harmless(database: Database) -> None:
    await database.migrate()
    async with database.engine.connect() as conn:
        assert "subscribers" in await conn.run_sync(_tables)


async def test_sqlite_folder_is_created(tmp_path: Path) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path}/sub/dir/elchi.db")
    try:
        await db.migrate()
    finally:
        await db.close()
    assert (tmp_path / "sub" / "dir" / "elchi.db").is_file()
