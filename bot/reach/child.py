"""`elchi run` keeps the public page running in a child process (`elchi page`): started
before polling (a busy address is said at once), started again if it dies, stopped with the
bot. The child has its own event loop and descriptors: a flood of visitors cannot reach the
bot's replies."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys

from bot.config import ConfigError

log = logging.getLogger(__name__)
READY = "page: listening on"  # the line `elchi page` says when it listens
START_TIMEOUT = 60.0
RESTART_AFTER = (1.0, 5.0, 30.0)  # seconds before a restart, growing while it keeps dying


class PageProcess:
    """The child process and its keeper."""

    def __init__(self, *, username: str | None) -> None:
        self.env = {**os.environ, **({"BOT_USERNAME": username} if username else {})}
        self.process: asyncio.subprocess.Process | None = None
        self._keeper: asyncio.Task[None] | None = None
        self._relay: asyncio.Task[None] | None = None
        self.address = ""

    async def start(self) -> None:
        """Start the child and wait until it listens; its one-line error otherwise."""
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "page",
            env=self.env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert self.process.stdout is not None and self.process.stderr is not None
        try:
            line = await asyncio.wait_for(self.process.stdout.readline(), START_TIMEOUT)
        except TimeoutError:
            line = b""
        if not line.decode().startswith(READY):
            error = (await self.process.stderr.read()).decode().strip().splitlines()
            await self.stop()
            raise ConfigError(
                error[-1].removeprefix("elchi: ")
                if error
                else "PAGE_LISTEN: the page did not start"
            )
        self.address = line.decode().removeprefix(READY).strip()
        self._relay = asyncio.create_task(self._pass_on(self.process.stderr))
        log.info("public page listening on %s", self.address)

    @staticmethod
    async def _pass_on(stream: asyncio.StreamReader) -> None:
        """The child's log lines go where the bot's go (and its pipe never fills up)."""
        async for line in stream:
            sys.stderr.buffer.write(line)
            sys.stderr.flush()

    def keep(self) -> None:
        """From now on, start it again whenever it exits."""
        self._keeper = asyncio.create_task(self._keep())

    async def _keep(self) -> None:
        tries = 0
        while True:
            assert self.process is not None
            await self.process.wait()
            log.warning(
                "public page process exited (%s); starting it again", self.process.returncode
            )
            await asyncio.sleep(RESTART_AFTER[min(tries, len(RESTART_AFTER) - 1)])
            tries += 1
            with contextlib.suppress(ConfigError):
                await self.start()
                tries = 0

    async def stop(self) -> None:
        """Stop keeping it and end it (SIGTERM, then SIGKILL after 5 s)."""
        if self._keeper is not None:
            self._keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._keeper
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), 5.0)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
