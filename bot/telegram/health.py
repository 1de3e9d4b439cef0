"""/healthz, /metrics and the public page (`bot.reach.pages`) on their own port;
`python -m bot.telegram.health check` for Docker."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import urllib.request
from collections.abc import Callable
from typing import Any

from aiohttp import web
from sqlalchemy import text

from bot.config import ConfigError
from bot.delivery.outbox import Outbox
from bot.reach.pages import Site
from bot.telegram.context import Services

# No script, no frame, no form may run or load; styles only from the page itself.
PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


class HealthServer:
    """Serves health, metrics and the public page for one bot process."""

    def __init__(
        self,
        services: Services,
        *,
        delivery: asyncio.Task[Any] | None,
        username: Callable[[], str | None] = lambda: None,
    ) -> None:
        self.services = services
        self.site = Site(
            advisories=services.advisories,
            translator=services.translator,
            sender=services.settings.cap_sender,
            username=lambda: services.settings.bot_username or username(),
        )
        self.delivery = delivery
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self, host: str, port: int) -> None:
        app = web.Application()
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/metrics", self.metrics)
        app.router.add_get("/{path:.*}", self.public)  # GET and HEAD only: nothing writable
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        try:
            await site.start()
        except OSError as error:
            await self._runner.cleanup()
            reason = os.strerror(error.errno).lower() if error.errno else "cannot bind"
            raise ConfigError(
                f"HEALTH_PORT: cannot listen on port {port} ({reason}); choose a free port, "
                "or 0 to turn health and metrics off"
            ) from None
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def public(self, request: web.Request) -> web.Response:
        """The public page: advisories, the directory, the feed and CAP; no cookies, no scripts."""
        page = await self.site.page(request.path)
        return web.Response(
            status=page.status,
            body=page.body.encode(),
            headers={
                "Content-Type": page.content_type,
                "Content-Security-Policy": PAGE_POLICY,
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",
                "Cache-Control": "public, max-age=300",
            },
        )

    async def healthz(self, _: web.Request) -> web.Response:
        """200 when the database answers and the delivery worker runs; 503 otherwise."""
        try:
            async with self.services.database.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
            database = "ok"
        except Exception as error:
            database = f"error: {type(error).__name__}"
        worker = "none" if self.delivery is None else ("stopped" if self.delivery.done() else "ok")
        since = self.services.metrics.seconds_since_update()
        body = {
            "database": database,
            "delivery_worker": worker,
            "seconds_since_last_update": None if since is None else round(since, 1),
        }
        healthy = database == "ok" and worker != "stopped"
        return web.json_response(body, status=200 if healthy else 503)

    async def metrics(self, _: web.Request) -> web.Response:
        """Prometheus text: counts only, never chat ids."""
        counts = await self.services.subscribers.count_active()
        outbox = Outbox(database=self.services.database)
        return web.Response(
            text=self.services.metrics.exposition(
                subscribers={(c.country, c.locale): c.count for c in counts},
                deliveries=await outbox.status_counts(),
                arrivals=await self.services.arrivals.counts(),
            ),
            content_type="text/plain",
        )


def check() -> int:
    """Exit 0 if this container's /healthz says healthy (Docker HEALTHCHECK)."""
    port = os.environ.get("HEALTH_PORT", "8081")
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=4) as answer:
            print(json.dumps(json.load(answer)))
            return 0
    except Exception as error:
        print(f"unhealthy: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(check() if sys.argv[1:] == ["check"] else 2)
