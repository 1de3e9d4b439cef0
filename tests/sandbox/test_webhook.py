"""The sandbox posts updates to a webhook with the secret header, like Telegram."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from bot.sandbox import Sandbox
from tests.sandbox.test_server import call


async def test_updates_are_posted_with_the_secret_and_polling_is_refused() -> None:
    received: list[tuple[str | None, dict[str, Any]]] = []
    arrived = asyncio.Event()

    async def receive(request: web.Request) -> web.Response:
        received.append(
            (request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json())
        )
        arrived.set()
        return web.Response()

    app = web.Application()
    app.router.add_post("/hook", receive)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    sandbox = await Sandbox().start()
    try:
        url = f"http://127.0.0.1:{port}/hook"
        assert (await call(sandbox, "setWebhook", url=url, secret_token="s3cret"))["ok"]
        polling = await call(sandbox, "getUpdates")
        assert polling["error_code"] == 409
        sandbox.user().send("/start")
        await asyncio.wait_for(arrived.wait(), 5)
        secret, update = received[0]
        assert secret == "s3cret"
        assert update["message"]["text"] == "/start"
        info = (await call(sandbox, "getWebhookInfo"))["result"]
        assert (info["url"], info["pending_update_count"]) == (url, 0)
    finally:
        await sandbox.stop()
        await runner.cleanup()
