"""SIGKILL the delivery process mid-broadcast, restart it: nobody skipped, few extras."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import pytest
from sqlalchemy import func, select

from bot.sandbox import Faults, Sandbox
from bot.storage.models import Delivery
from tests.delivery.conftest import ADVISORY, Setup
from tests.delivery.test_worker import long_advisory

IN_FLIGHT = 20


async def deliver_process(sandbox: Sandbox, database_url: str) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "BOT_TOKEN": sandbox.token,
        "BOT_API_URL": sandbox.url,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "k" * 40,
        "LOG_LEVEL": "WARNING",
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "deliver",
        "--paid",  # the sandbox charges nothing; 1000/s keeps the test short
        "--in-flight",
        str(IN_FLIGHT),
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )


@pytest.mark.parametrize("crash_after", [1, 150, 399])
async def test_killed_and_restarted_delivers_everyone(
    setup: Setup,
    database_url: str,
    make_sandbox: Callable[..., AbstractAsyncContextManager[Sandbox]],
    crash_after: int,
) -> None:
    chats = await setup.audience(400)
    await setup.publish()
    processes: list[asyncio.subprocess.Process] = []
    faults = Faults(
        crash_after_sends=crash_after, on_crash=lambda: os.kill(processes[0].pid, signal.SIGKILL)
    )
    async with make_sandbox(faults=faults) as sandbox:
        try:
            processes.append(await deliver_process(sandbox, database_url))
            assert await asyncio.wait_for(processes[0].wait(), 60) == -signal.SIGKILL
            killed_at = sandbox.bot.stats.sent
            second = await deliver_process(sandbox, database_url)
            processes.append(second)
            _, stderr = await asyncio.wait_for(second.communicate(), 60)
            assert second.returncode == 0, stderr.decode()
        finally:  # a failing run must not leave a worker spinning behind it
            for process in processes:
                if process.returncode is None:
                    process.kill()
                    await process.wait()
    copies = sandbox.bot.stats.per_chat
    assert set(copies) == set(chats)  # nobody skipped
    extras = sum(copies.values()) - len(chats)
    assert 0 <= extras <= IN_FLIGHT, f"{extras} extra copies after a kill at {killed_at}"
    async with setup.database.sessions() as session:
        statuses = dict(
            (
                await session.execute(
                    select(Delivery.status, func.count())
                    .where(Delivery.advisory_id == ADVISORY)
                    .group_by(Delivery.status)
                )
            ).all()
        )
    assert statuses == {"sent": 400}


async def test_killed_between_the_parts_of_a_long_advisory_resumes_after_them(
    setup: Setup,
    database_url: str,
    make_sandbox: Callable[..., AbstractAsyncContextManager[Sandbox]],
) -> None:
    chats = await setup.audience(200)
    for chat_id in chats:
        await setup.subscribers.set_locale(chat_id=chat_id, locale="ru")
    advisory_id, parts = await long_advisory(setup)
    await setup.publish(advisory_id)
    processes: list[asyncio.subprocess.Process] = []
    faults = Faults(  # mid-way, when many chats have part 1 or 2 and not the rest
        crash_after_sends=301, on_crash=lambda: os.kill(processes[0].pid, signal.SIGKILL)
    )
    async with make_sandbox(faults=faults) as sandbox:
        try:
            processes.append(await deliver_process(sandbox, database_url))
            assert await asyncio.wait_for(processes[0].wait(), 60) == -signal.SIGKILL
            second = await deliver_process(sandbox, database_url)
            processes.append(second)
            _, stderr = await asyncio.wait_for(second.communicate(), 60)
            assert second.returncode == 0, stderr.decode()
        finally:
            for process in processes:
                if process.returncode is None:
                    process.kill()
                    await process.wait()
    copies = sandbox.bot.stats.per_chat
    assert set(copies) == set(chats)
    assert all(count >= parts for count in copies.values())  # every part reached everyone
    # Only what was on the wire at the kill may come twice, one part a chat at the most:
    # the parts that had arrived were stored as they arrived, and the restart went on after.
    extras = sum(copies.values()) - parts * len(chats)
    assert 0 <= extras <= IN_FLIGHT
    assert all(count <= parts + 1 for count in copies.values())
