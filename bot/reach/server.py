"""The public page's HTTP server: pages rendered once per change and served from memory,
behind the guard of `bot.reach.guard`. Run in its own process (`elchi page`, started by
`elchi run`), so that no load on the public port takes CPU, descriptors or the event loop from
the bot's replies and broadcasts."""

from __future__ import annotations

import logging
import resource
import time
from collections.abc import Awaitable, Callable
from datetime import datetime

from aiohttp import web

from bot.clock import Clock
from bot.reach.guard import GuardedListener
from bot.reach.pages import Page, Site
from bot.storage.advisories import AdvisoryRepository

log = logging.getLogger("bot.reach.page")
LOOK_EVERY = 1.0  # seconds between looks at whether the advisories changed
KEPT_AT_MOST = 300.0  # seconds a page is served before it is rendered again regardless
MAX_CONNECTIONS = 256
MAX_IN_FLIGHT = 64  # requests being answered at once; more: 503 at once
HEADER_TIMEOUT = 10.0
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Pages:
    """Every page rendered once and kept until an advisory or directory changes, or one of
    their times comes (a scheduled one's send time, an end date): never shown early."""

    def __init__(
        self,
        site: Site,
        advisories: AdvisoryRepository,
        clock: Clock,
        *,
        look_every: float = LOOK_EVERY,
    ) -> None:
        self.site, self.advisories, self.clock = site, advisories, clock
        self.look_every = look_every
        self._pages: dict[str, Page] = {}
        self._version: object = None
        self._until: datetime | None = None
        self._kept_since: datetime | None = None
        self._looked_at = 0.0
        self.rendered = 0  # how many pages were rendered (tests read it)

    async def get(self, path: str) -> Page:
        """The page at `path`, from memory when nothing changed since it was rendered."""
        await self._look()
        page = self._pages.get(path)
        if page is None:
            page = await self.site.page(path)
            self.rendered += 1
            if page.status == 200:  # a missing page is not kept: random paths cost no memory
                self._pages[path] = page
        return page

    async def _look(self) -> None:
        if time.monotonic() - self._looked_at < self.look_every:
            return
        self._looked_at = time.monotonic()
        now = self.clock()
        timeline = await self.advisories.timeline(now=now)
        stale = (
            timeline.version != self._version
            or (self._until is not None and now >= self._until)
            or self._kept_since is None
            or (now - self._kept_since).total_seconds() > KEPT_AT_MOST
        )
        if stale:
            self._pages.clear()
            self._version, self._until, self._kept_since = (
                timeline.version,
                timeline.next_change,
                now,
            )


class PageServer:
    """The public page on one address, guarded."""

    def __init__(
        self,
        pages: Pages,
        *,
        max_connections: int = MAX_CONNECTIONS,
        header_timeout: float = HEADER_TIMEOUT,
    ) -> None:
        self.pages = pages
        self.max_connections = _within_descriptors(max_connections)
        self.header_timeout = header_timeout
        self.in_flight = 0
        self._listener: GuardedListener | None = None
        self.port = 0

    async def start(self, host: str, port: int) -> None:
        """Listen on host:port (0: any free port, read back from `port`)."""
        app = web.Application(middlewares=[self._bounded])
        app.router.add_get("/{path:.*}", self.public)  # GET and HEAD only: nothing writable
        self._listener = GuardedListener(
            app, max_connections=self.max_connections, header_timeout=self.header_timeout
        )
        self.port = await self._listener.start(host, port)

    async def stop(self) -> None:
        if self._listener is not None:
            await self._listener.stop()

    @web.middleware
    async def _bounded(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if self.in_flight >= MAX_IN_FLIGHT:
            return web.Response(status=503, text="503\n", headers={"Retry-After": "5"})
        self.in_flight += 1
        try:
            return await handler(request)
        finally:
            self.in_flight -= 1

    async def public(self, request: web.Request) -> web.Response:
        """The page; proxies may keep it a minute (an admin's cancellation shows soon)."""
        page = await self.pages.get(request.path)
        headers = {"Content-Type": page.content_type, "Cache-Control": "public, max-age=60"}
        if page.location is not None:
            headers["Location"] = page.location
        return web.Response(status=page.status, body=page.body.encode(), headers=headers)


def _within_descriptors(wanted: int) -> int:
    """Never more connections than the process may open descriptors (less a margin for the
    database, logs and the listening socket)."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return max(8, min(wanted, soft - 64)) if soft > 0 else wanted
