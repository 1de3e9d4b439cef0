"""Group commit (presses of "I understand" under a flood) and reads kept for a few seconds."""

from __future__ import annotations

import asyncio

import pytest

from bot.storage.recently_read import RecentlyRead
from bot.storage.together import GroupCommit


class Store:
    """Records each write; the first waits until released (a write under way)."""

    def __init__(self) -> None:
        self.writes: list[list[int]] = []
        self.release = asyncio.Event()
        self.fail = False

    async def write(self, rows: list[int]) -> None:
        self.writes.append(rows)
        if len(self.writes) == 1:
            await self.release.wait()
        if self.fail:
            raise RuntimeError("disk full")


async def test_rows_that_come_during_a_write_go_together_in_the_next() -> None:
    store = Store()
    commit: GroupCommit[int] = GroupCommit(store.write)
    first = asyncio.create_task(commit.add(1))
    await asyncio.sleep(0.01)  # the first write is under way
    others = [asyncio.create_task(commit.add(row)) for row in range(2, 12)]
    await asyncio.sleep(0.01)
    assert not any(task.done() for task in [first, *others])  # nobody returns before stored
    store.release.set()
    await asyncio.gather(first, *others)
    assert store.writes == [[1], list(range(2, 12))]


async def test_a_failed_write_reaches_every_caller_of_its_batch() -> None:
    store = Store()
    store.fail = True
    commit: GroupCommit[int] = GroupCommit(store.write)
    store.release.set()
    results = await asyncio.gather(commit.add(1), commit.add(2), return_exceptions=True)
    assert [type(r) for r in results] == [RuntimeError, RuntimeError]


async def test_a_caller_cancelled_does_not_cancel_the_others_write() -> None:
    store = Store()
    commit: GroupCommit[int] = GroupCommit(store.write)
    await asyncio.sleep(0)
    leaving, staying = asyncio.create_task(commit.add(1)), asyncio.create_task(commit.add(2))
    await asyncio.sleep(0.01)
    leaving.cancel()
    store.release.set()
    await staying
    with pytest.raises(asyncio.CancelledError):
        await leaving
    assert store.writes == [[1, 2]]


async def test_a_write_cancelled_as_the_process_stops_leaves_nobody_waiting() -> None:
    store = Store()
    commit: GroupCommit[int] = GroupCommit(store.write)
    writing = asyncio.create_task(commit.add(1))
    await asyncio.sleep(0.01)
    queued = asyncio.create_task(commit.add(2))  # waits for the next write
    await asyncio.sleep(0)
    writer = next(t for t in asyncio.all_tasks() if t.get_name() == "group-commit")
    writer.cancel()
    results = await asyncio.wait_for(asyncio.gather(writing, queued, return_exceptions=True), 1)
    assert [type(r) for r in results] == [asyncio.CancelledError, asyncio.CancelledError]


async def test_a_read_is_kept_for_its_seconds_then_read_again() -> None:
    now, reads = [0.0], []

    async def read(key: str) -> str:
        reads.append(key)
        return key.upper()

    recent = RecentlyRead(read, seconds=2, clock=lambda: now[0])
    assert [await recent.get("a"), await recent.get("a"), await recent.get("b")] == ["A", "A", "B"]
    now[0] = 2.5
    await recent.get("a")
    assert reads == ["a", "b", "a"]
