"""Posts queued updates to a bot's webhook, with its secret header, one at a time in order."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import aiohttp

from bot.sandbox.world import World

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookPoster:
    """A background task: for every bot with a webhook, deliver pending updates."""

    def __init__(self, world: World) -> None:
        self.world = world
        self._task: asyncio.Task[None] | None = None
        self.wake = asyncio.Event()
        self.refused = 0  # answers other than 200 (e.g. a wrong secret)

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _loop(self) -> None:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
            while True:
                self.world.webhook_wake.clear()  # before scanning, so no push is missed
                delivered = failed = False
                for bot in list(self.world.bots.values()):
                    if bot.webhook is None or not bot.updates:
                        continue
                    update = bot.updates[0]
                    headers = {}
                    if bot.webhook.get("secret_token"):
                        headers[SECRET_HEADER] = str(bot.webhook["secret_token"])
                    try:
                        async with session.post(
                            bot.webhook["url"], json=update, headers=headers
                        ) as answer:
                            ok = answer.status == 200
                    except (aiohttp.ClientError, TimeoutError):
                        ok = False
                    if ok:
                        bot.updates.pop(0)
                        bot.delivered_up_to = update["update_id"]
                        bot.poll_after_delivery = True
                        delivered = True
                    else:
                        self.refused += 1
                        failed = True
                if failed:
                    await asyncio.sleep(0.5)  # Telegram, too, backs off a failing webhook
                elif not delivered:
                    await self._idle()

    async def _idle(self) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.world.webhook_wake.wait(), 1.0)
