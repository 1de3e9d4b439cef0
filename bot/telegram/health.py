"""/healthz and /metrics on their own listener (METRICS_LISTEN, loopback by default: never the
public port); `python -m bot.telegram.health check` for Docker."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
import urllib.request
from typing import Any

from aiohttp import web

from bot.config import cannot_listen
from bot.reach.guard import GuardedListener
from bot.telegram.context import Services

COUNTS_FOR = 15.0  # seconds the database's counts are reused: a scrape flood costs one query


class HealthServer:
    """Serves /healthz and /metrics for one bot process (the public page has its own)."""

    def __init__(self, services: Services, *, delivery: asyncio.Task[Any] | None) -> None:
        self.services = services
        self.delivery = delivery
        self._listener: GuardedListener | None = None
        self._counts: tuple[float, dict[str, Any]] | None = None
        self._outbox = services.stores.outbox
        self.role = "starting"  # "active", or "standby" while another process is active
        self.port = 0

    async def start(self, host: str, port: int) -> None:
        app = web.Application()
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/metrics", self.metrics)
        self._listener = GuardedListener(app, max_connections=64, header_timeout=10.0)
        try:
            self.port = await self._listener.start(host, port)
        except OSError as error:
            where, off = f"{host}:{port}", "health and metrics"
            raise cannot_listen("METRICS_LISTEN", where, error, turns_off=off) from None

    async def stop(self) -> None:
        if self._listener is not None:
            await self._listener.stop()

    async def healthz(self, _: web.Request) -> web.Response:
        """200 when this process is active, the database answers and the delivery worker runs;
        503 otherwise (a standby process says "standby": a load balancer sends nothing here)."""
        try:
            await self.services.stores.database.ping()
            database = "ok"
        except Exception as error:
            database = f"error: {type(error).__name__}"
        worker = "none" if self.delivery is None else ("stopped" if self.delivery.done() else "ok")
        since = self.services.metrics.seconds_since_update()
        body = {
            "role": self.role,
            "database": database,
            "delivery_worker": worker,
            "seconds_since_last_update": None if since is None else round(since, 1),
        }
        healthy = database == "ok" and worker != "stopped" and self.role == "active"
        return web.json_response(body, status=200 if healthy else 503)

    async def metrics(self, _: web.Request) -> web.Response:
        """Prometheus text: counts only, never chat ids; the database's counts at most every
        15 s (with 500,000 delivery rows a count is not free)."""
        if self._counts is None or time.monotonic() - self._counts[0] > COUNTS_FOR:
            counts = await self.services.stores.subscribers.count_active()
            self._counts = (
                time.monotonic(),
                {
                    "subscribers": {(c.country, c.locale): c.count for c in counts},
                    "deliveries": await self._outbox.status_counts(),
                    "arrivals": await self.services.stores.arrivals.counts(),
                },
            )
        return web.Response(
            text=self.services.metrics.exposition(**self._counts[1]), content_type="text/plain"
        )


def check() -> int:
    """Exit 0 if this container's /healthz says healthy (Docker HEALTHCHECK)."""
    listen = os.environ.get("METRICS_LISTEN", "127.0.0.1:8081")
    host, _, port = listen.rpartition(":")
    host = "127.0.0.1" if host in ("0.0.0.0", "", "[::]") else host.strip("[]")
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/healthz", timeout=4) as answer:
            print(json.dumps(json.load(answer)))
            return 0
    except Exception as error:
        print(f"unhealthy: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(check() if sys.argv[1:] == ["check"] else 2)
