"""One async engine per process: SQLite (WAL, busy timeout) or PostgreSQL, same code."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.storage.migrate import upgrade

# Connections kept open, and opened beyond those at busy moments (closed when returned). SQLite:
# as many as updates handled side by side (a connection is a thread in this process). PostgreSQL:
# fewer, so that the bot, its page process and the standby stay under its default limit of 100.
POOLS = {"sqlite": (64, 16), "postgresql": (20, 20)}


class DatabaseError(Exception):
    """The database cannot be reached or used; the message is fit for an operator."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets /start read while a broadcast writes; busy_timeout waits instead of failing.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def database_file(url: str) -> Path | None:
    """The file a SQLite URL names (None for a server or a database in memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


class Database:
    """Owns the engine and hands out sessions; `close()` must run (aiosqlite hangs exit)."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        if self.dialect == "sqlite" and parsed.database not in (None, "", ":memory:"):
            folder = Path(parsed.database).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"DATABASE_URL: cannot create folder {folder}: {exc}") from exc
        # Connections kept open for the updates handled side by side: beyond the default five,
        # each was opened and closed again per query (a thread and the pragmas each time for
        # SQLite), which under a flood of presses cost more than the queries. (A database in
        # memory is one connection, shared: no pool to size.)
        in_memory = self.dialect == "sqlite" and parsed.database in (None, "", ":memory:")
        size, overflow = POOLS.get(self.dialect, POOLS["postgresql"])
        pool = {} if in_memory else {"pool_size": size, "max_overflow": overflow}
        # hide_parameters: an error's message never carries a statement's values (chat ids).
        self.engine: AsyncEngine = create_async_engine(
            url, pool_pre_ping=self.dialect != "sqlite", hide_parameters=True, **pool
        )
        if self.dialect == "sqlite":
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session inside one transaction: committed on success, rolled back on error."""
        async with self.sessions() as session, session.begin():
            yield session

    async def ping(self) -> None:
        """Raises unless the database answers a trivial query (the health check)."""
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def migrate(self) -> None:
        """Bring the schema to the newest revision; DatabaseError if unreachable."""
        try:
            async with self.engine.begin() as connection:
                await connection.run_sync(upgrade)
        except (SQLAlchemyError, OSError) as exc:
            raise DatabaseError(f"DATABASE_URL: cannot use the database: {_reason(exc)}") from exc

    async def close(self) -> None:
        """Dispose the engine (and with it aiosqlite's non-daemon worker threads)."""
        await self.engine.dispose()


def _reason(exc: BaseException) -> str:
    cause = getattr(exc, "orig", None) or exc.__cause__ or exc
    return f"{type(cause).__name__}: {cause}".splitlines()[0][:200]
