"""Group commit: rows that arrive while a write is under way go together in the next one.

Under a flood of presses each row in its own transaction cost the bot more than anything else
it did for the press. Here the first row starts a write; rows that come meanwhile wait and are
written in one statement as soon as it is done. Each caller returns only once its row is
stored (or with the write's error), so nothing is confirmed before it is on disk.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

Row = TypeVar("Row")


class GroupCommit(Generic[Row]):
    """Collects rows; `write` stores a list of them at once."""

    def __init__(self, write: Callable[[list[Row]], Awaitable[None]]) -> None:
        self._write = write
        self._batch: tuple[list[Row], asyncio.Future[None]] | None = None
        self._writer: asyncio.Task[None] | None = None

    async def add(self, row: Row) -> None:
        """Return once `row` is stored, with the others of its moment."""
        if self._batch is None:
            self._batch = ([], asyncio.get_running_loop().create_future())
        rows, stored = self._batch
        rows.append(row)
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_all(), name="group-commit")
        # Shielded: a caller cancelled (a stopping process) must not cancel the others' write.
        await asyncio.shield(stored)

    async def _write_all(self) -> None:
        stored: asyncio.Future[None] | None = None
        try:
            while self._batch is not None:
                await asyncio.sleep(0)  # the rows of this turn of the loop join too
                rows, stored = self._batch
                self._batch = None
                try:
                    await self._write(rows)
                except Exception as error:  # every caller of the batch hears of it
                    stored.set_exception(error)
                    stored.exception()  # retrieved here too: callers that were cancelled
                else:
                    stored.set_result(None)
        except asyncio.CancelledError:  # the process stops: nobody may wait for ever
            for waiting in (stored, self._batch[1] if self._batch else None):
                if waiting is not None and not waiting.done():
                    waiting.cancel()
            self._batch = None
            raise
