"""The sandbox HTTP server: `/bot{token}/{method}` on 127.0.0.1, answering like Telegram."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from aiohttp import web

from bot.sandbox.errors import ApiError
from bot.sandbox.limits import Faults, FloodControl, Limits, maybe_server_error
from bot.sandbox.methods import METHODS, SENDING
from bot.sandbox.spec import BotApiSpec, load_spec
from bot.sandbox.webhook import WebhookPoster
from bot.sandbox.world import SimBot, World

log = logging.getLogger(__name__)


class SandboxServer:
    """Serves the Bot API for every bot in `world`; start() binds a free loopback port."""

    def __init__(
        self,
        world: World,
        *,
        limits: Limits | None = None,
        faults: Faults | None = None,
        spec: BotApiSpec | None = None,
    ) -> None:
        self.world = world
        self.spec = spec or load_spec()
        self.limits = limits or Limits()
        self.faults = faults or Faults()
        self.flood = FloodControl(self.limits)
        self.dropped = 0  # sends that took effect while the connection dropped
        self.webhooks = WebhookPoster(world)
        self.errors: list[tuple[str, int, str]] = []  # (method, code, description) answered
        self.sends: list[tuple[float, int]] = []  # (monotonic time, status) of each send request
        self._runner: web.AppRunner | None = None
        self.extra_routes: list[tuple[str, str, Any]] = []  # (method, path, handler) to add
        self.port = 0

    @property
    def url(self) -> str:
        """The server root, as BOT_API_URL."""
        return f"http://127.0.0.1:{self.port}"

    async def start(self, port: int = 0) -> None:
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("GET", "/file/bot{token}/{path:.*}", self._file)
        for method, path, handler in self.extra_routes:
            app.router.add_route(method, path, handler)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.webhooks.start()

    async def stop(self) -> None:
        await self.webhooks.stop()
        self.world.closing = True
        for bot in self.world.bots.values():
            bot.changed.set()  # release long polls
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        try:
            bot = self.world.bots.get(request.match_info["token"])
            if bot is None:
                raise ApiError(401, "Unauthorized")
            name = self.spec.method_name(method)
            raw, from_form = await _read_params(request)
            params = self.spec.validate(name, raw, from_form=from_form)
            result = await self._call(bot, name, params)
        except ApiError as error:
            self.errors.append((method, error.code, error.description))
            self._log_send(method, error.code)
            return web.json_response(error.payload(), status=error.code)
        self._log_send(method, 200)
        share = self.faults.drop_after_send_share
        if share and name in SENDING and self.faults.rng.random() < share:
            self.dropped += 1
            if request.transport is not None:
                request.transport.close()  # it took effect; the answer never arrives
            raise web.HTTPServiceUnavailable  # not written: the connection is gone
        return web.json_response({"ok": True, "result": result})

    def _log_send(self, method: str, status: int) -> None:
        if method.lower().startswith("send") and self.world.store_messages:
            self.sends.append((time.monotonic(), status))

    async def _call(self, bot: SimBot, name: str, params: dict[str, Any]) -> Any:
        if name != "getUpdates":
            bot.stats.requests += 1
        implementation = METHODS.get(name)
        if implementation is None:
            raise ApiError(400, f"Bad Request: method {name} is not implemented by the sandbox")
        if name in SENDING:
            if self.faults.latency:
                await asyncio.sleep(self.faults.latency)
            try:
                maybe_server_error(self.faults)
                self.flood.check(
                    int(params["chat_id"]), paid=bool(params.get("allow_paid_broadcast"))
                )
            except ApiError as error:
                counter = "too_many_requests" if error.code == 429 else "server_errors"
                setattr(bot.stats, counter, getattr(bot.stats, counter) + 1)
                raise
        result = await implementation(self.world, bot, params)
        if name in SENDING:
            self._after_send(bot)
        return result

    def _after_send(self, bot: SimBot) -> None:
        crash = self.faults.crash_after_sends
        if crash is not None and bot.stats.sent >= crash and self.faults.on_crash is not None:
            self.faults.crash_after_sends = None
            self.faults.on_crash()

    async def _file(self, request: web.Request) -> web.Response:
        return web.json_response(ApiError(404, "Not Found").payload(), status=404)


async def _read_params(request: web.Request) -> tuple[dict[str, Any], bool]:
    """Parameters from the query string and a JSON, urlencoded or multipart body."""
    params: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json" and request.can_read_body:
        try:
            body = await request.json()
        except json.JSONDecodeError:
            raise ApiError(400, "Bad Request: can't parse JSON body") from None
        if not isinstance(body, dict):
            raise ApiError(400, "Bad Request: the JSON body must be an object")
        return {**params, **body}, bool(params)
    if request.can_read_body:
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                params[key] = value.file.read()
            else:
                params[key] = value if isinstance(value, str) else bytes(value).decode()
    return params, True
