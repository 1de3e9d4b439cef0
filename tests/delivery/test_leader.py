"""One delivery worker per token: two workers never both send; a dead leader hands over."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import pytest

from bot.sandbox import Faults, Sandbox
from bot.storage import Database
from bot.storage.lock import leader
from tests.conftest import on_every_backend
from tests.delivery.conftest import Setup

MakeSandbox = Callable[..., AbstractAsyncContextManager[Sandbox]]


async def run_worker(setup: Setup, sandbox: Sandbox, url: str, started: asyncio.Event) -> None:
    database = Database(url)
    try:
        async with leader(database, token_id="123456789", poll=0.05):
            started.set()
            async with setup.worker(sandbox, rate=500, max_in_flight=10) as worker:
                await worker.drain()
    finally:
        await database.close()


@on_every_backend
async def test_two_workers_send_each_message_once(
    setup: Setup, make_sandbox: MakeSandbox, database_url: str
) -> None:
    chats = await setup.audience(200)
    await setup.publish()
    async with make_sandbox() as sandbox:
        events = [asyncio.Event(), asyncio.Event()]
        await asyncio.gather(
            *(run_worker(setup, sandbox, database_url, event) for event in events)
        )
    assert all(event.is_set() for event in events)  # both ran, one after the other
    assert sandbox.bot.stats.per_chat == dict.fromkeys(chats, 1)


# PostgreSQL, as the issue asks: the dead leader's connection goes and the lock with it. (On
# SQLite a process that dies loses its file lock too; tests/delivery/test_crash.py kills one.)
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_dead_leader_hands_over(
    setup: Setup, make_sandbox: MakeSandbox, database_url: str
) -> None:
    chats = await setup.audience(300)
    await setup.publish()
    first_started, second_started = asyncio.Event(), asyncio.Event()
    async with make_sandbox(faults=Faults(latency=0.01)) as sandbox:
        first = asyncio.create_task(run_worker(setup, sandbox, database_url, first_started))
        await first_started.wait()
        second = asyncio.create_task(run_worker(setup, sandbox, database_url, second_started))
        while sandbox.bot.stats.sent < 50:
            await asyncio.sleep(0.01)
        assert not second_started.is_set()  # it waits while the leader lives
        first.cancel()  # the leader dies: its lock goes with its connection
        await asyncio.gather(first, return_exceptions=True)
        await asyncio.wait_for(second, 60)
    copies = sandbox.bot.stats.per_chat
    assert set(copies) == set(chats)
    assert sum(copies.values()) - len(chats) <= 10  # at most the in-flight bound again
