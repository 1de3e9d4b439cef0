"""The real bot wired to a sandbox in this process: used by the demo and end-to-end tests."""

from __future__ import annotations

import asyncio
import secrets
import tempfile
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import SecretStr

from bot.clock import Clock, utcnow
from bot.config import Settings
from bot.delivery.budget import Lanes
from bot.sandbox import Sandbox
from bot.telegram.app import (
    BotApplication,
    build_application,
    deliver_for,
    open_services,
    running_bot,
)
from bot.telegram.context import Services


@dataclass
class Harness:
    """A running sandbox + bot; `settle()` waits until the bot handled everything sent."""

    sandbox: Sandbox
    application: BotApplication
    services: Services

    async def deliveries_done(self, seconds: float = 15.0) -> None:
        """Wait until the delivery worker has sent every broadcast that is due."""
        outbox = self.services.stores.outbox
        async with asyncio.timeout(seconds):
            while await outbox.active() or await outbox.due_scheduled():  # noqa: ASYNC110
                await asyncio.sleep(0.05)

    async def quiet(self, *, for_seconds: float = 0.5, seconds: float = 30.0) -> None:
        """Wait until no correction is pending and the bot has sent nothing for a while (the
        worker corrects and mirrors after a broadcast, on its own)."""
        corrections = self.services.stores.corrections
        stats = self.sandbox.bot.stats
        async with asyncio.timeout(seconds):
            while True:
                before = stats.requests
                await asyncio.sleep(for_seconds)
                if stats.requests == before and not await corrections.pending():
                    return

    async def settle(self, seconds: float = 30.0) -> None:
        """Wait until every update is fetched and processed by the bot's handlers."""
        async with asyncio.timeout(seconds):
            await self.sandbox.wait_delivered()
            await self.application.update_queue.join()


UNLIMITED = Lanes(free=10_000, paid=10_000, per_chat=10_000, chat_burst=100, per_group=10_000)


def demo_settings(*, api_url: str, token: str, database_url: str, **extra: object) -> Settings:
    """Settings for a throwaway bot: never the operator's database, a random key."""
    return Settings(
        _env_file=None,
        bot_token=SecretStr(token),
        bot_api_url=api_url,
        database_url=database_url,
        secret_key=SecretStr(secrets.token_hex(32)),
        **extra,  # type: ignore[arg-type]
    )


@asynccontextmanager
async def running_harness(
    *,
    database_url: str | None = None,
    sandbox: Sandbox | None = None,
    clock: Clock = utcnow,
    deliver: bool = False,
    lanes: Lanes | None = None,
    **settings: object,
) -> AsyncIterator[Harness]:
    """Start a sandbox (unless given), then the real bot polling it over HTTP; with `deliver`,
    also its delivery worker, as `elchi run` does."""
    async with AsyncExitStack() as stack:
        if database_url is None:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="elchi-demo-"))
            database_url = f"sqlite+aiosqlite:///{Path(folder) / 'demo.db'}"
        if sandbox is None:
            sandbox = await Sandbox().start()
            stack.push_async_callback(sandbox.stop)
        config = demo_settings(
            api_url=sandbox.url, token=sandbox.token, database_url=database_url, **settings
        )
        # The sandbox without its limits is a server that takes anything at once: the budget
        # then paces nothing (with them, it is Telegram's, and so are the bot's lanes).
        if lanes is None:
            lanes = Lanes() if sandbox.server.limits.enabled else UNLIMITED
        services = await stack.enter_async_context(open_services(config, clock=clock, lanes=lanes))
        application = build_application(settings=config, services=services)
        await stack.enter_async_context(running_bot(application))
        if deliver:
            await stack.enter_async_context(_delivering(services))
        yield Harness(sandbox=sandbox, application=application, services=services)


@asynccontextmanager
async def _delivering(services: Services) -> AsyncIterator[None]:
    stop = asyncio.Event()
    task = asyncio.create_task(deliver_for(services, stop=stop))
    try:
        yield
    finally:
        stop.set()
        await asyncio.wait({task}, timeout=10)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
