"""One delivery worker per bot token: a PostgreSQL advisory lock, or a file lock for SQLite.

The lock lives as long as its connection (or open file): when the holding process dies, the
operating system or PostgreSQL releases it and a waiting process takes over.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
from collections.abc import AsyncIterator
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.storage.db import Database


def lock_key(token_id: str) -> int:
    """A stable signed 64-bit key for pg_advisory_lock from the bot's id."""
    digest = hashlib.sha256(f"elchi-delivery:{token_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class LeaderBusy(Exception):
    """Another process (the running bot) is the delivery leader."""


@contextlib.asynccontextmanager
async def leader(
    database: Database, *, token_id: str, poll: float = 1.0, wait: bool = True
) -> AsyncIterator[None]:
    """Wait until this process is the delivery leader; hold the lock inside the block.

    With `wait=False`, raise LeaderBusy at once if another process leads (a CLI command then
    watches the running bot do the work instead of waiting for it to exit).
    """
    if database.dialect == "postgresql":
        async with database.engine.connect() as connection:
            key = lock_key(token_id)
            while not await connection.scalar(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}):
                await connection.rollback()
                if not wait:
                    raise LeaderBusy
                await asyncio.sleep(poll)
            await connection.commit()
            try:
                yield
            finally:
                await connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                await connection.commit()
        return
    database_path = make_url(str(database.engine.url)).database or "elchi"
    path = Path(f"{database_path}.delivery.lock")
    with path.open("a+") as handle:  # noqa: ASYNC230 - opening a lock file does not block
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not wait:
                    raise LeaderBusy from None
                await asyncio.sleep(poll)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
