"""One delivery worker per bot token, and one active bot process (it alone polls, owns the
webhook and sends; others stand by): a PostgreSQL advisory lock, or a file lock for SQLite.

The lock lives as long as its connection (or open file): when the holding process dies, the
operating system or PostgreSQL releases it and a waiting process takes over.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.storage.db import Database


def lock_key(token_id: str, role: str = "delivery") -> int:
    """A stable signed 64-bit key for pg_advisory_lock from the bot's id and the role."""
    digest = hashlib.sha256(f"elchi-{role}:{token_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class LeaderBusy(Exception):
    """Another process (the running bot) is the delivery leader."""


@contextlib.asynccontextmanager
async def leader(
    database: Database,
    *,
    token_id: str,
    poll: float = 1.0,
    wait: bool = True,
    role: str = "delivery",
    give_up: asyncio.Event | None = None,
    waiting: Callable[[], None] = lambda: None,
) -> AsyncIterator[None]:
    """Wait until this process holds the `role` lock (the delivery leader, or the active bot
    process); hold it inside the block.

    With `wait=False`, raise LeaderBusy at once if another process leads (a CLI command then
    watches the running bot do the work instead of waiting for it to exit); with `give_up`,
    raise it when that event is set while waiting (a standby process asked to stop).
    `waiting` is called once, when the lock is first found held by another process.
    """
    told: list[bool] = []

    def busy() -> bool:
        if not told:
            told.append(True)
            waiting()
        return not wait or (give_up is not None and give_up.is_set())

    if database.dialect == "postgresql":
        async with database.engine.connect() as connection:
            key = lock_key(token_id, role)
            while not await connection.scalar(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}):
                await connection.rollback()
                if busy():
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
    path = Path(f"{database_path}.{role}.lock")
    with path.open("a+") as handle:  # noqa: ASYNC230 - opening a lock file does not block
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if busy():
                    raise LeaderBusy from None
                await asyncio.sleep(poll)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
