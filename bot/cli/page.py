"""`elchi page`: the public page in a process of its own (started by `elchi run`, or alone)."""

from __future__ import annotations

import asyncio
import signal

from bot.clock import utcnow
from bot.config import ConfigError, Settings, cannot_listen
from bot.i18n import Translator
from bot.reach.child import READY
from bot.reach.pages import Site
from bot.reach.server import Pages, PageServer
from bot.storage.stores import opened


async def page_command(settings: Settings) -> int:
    """Serve PAGE_LISTEN until SIGINT or SIGTERM; a busy address is one line and exit 2."""
    listen = settings.listen("page")
    if listen is None:
        raise ConfigError("PAGE_LISTEN: empty, the public page is off; set e.g. 0.0.0.0:8082")
    async with opened(settings, migrate=False) as stores:
        site = Site(
            advisories=stores.advisories,
            translator=Translator(),
            sender=settings.cap_sender,
            username=lambda: settings.bot_username or None,
        )
        server = PageServer(Pages(site, stores.advisories, utcnow))
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        try:
            try:
                await server.start(*listen)
            except OSError as error:
                where = settings.page_listen
                raise cannot_listen(
                    "PAGE_LISTEN", where, error, turns_off="the public page"
                ) from None
            print(f"{READY} {listen[0]}:{server.port}", flush=True)
            await stop.wait()
        finally:
            await server.stop()
    return 0
