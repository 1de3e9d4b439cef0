"""A local Telegram Bot API server for the demo and the tests (see README "Sandbox")."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.sandbox.limits import Faults, Limits
from bot.sandbox.server import SandboxServer
from bot.sandbox.users import ButtonNotFound, SimUser
from bot.sandbox.world import SimBot, SimChat, SimMessage, World

DEFAULT_TOKEN = "123456789:SANDBOX-not-a-real-token-000000000000"

__all__ = [
    "DEFAULT_TOKEN",
    "ButtonNotFound",
    "Faults",
    "Limits",
    "Sandbox",
    "SimBot",
    "SimMessage",
    "SimUser",
    "World",
]


class Sandbox:
    """World + server + one bot: what the demo and the end-to-end tests start."""

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        limits: Limits | None = None,
        faults: Faults | None = None,
        auto_chats: bool = False,
        store_messages: bool = True,
    ) -> None:
        self.world = World(auto_chats=auto_chats, store_messages=store_messages)
        self.bot = self.world.add_bot(token, username="elchi_sandbox_bot", first_name="Elchi")
        self.server = SandboxServer(self.world, limits=limits, faults=faults)
        self.token = token
        self._next_user = 1000

    @property
    def url(self) -> str:
        return self.server.url

    async def start(self) -> Sandbox:
        await self.server.start()
        return self

    async def stop(self) -> None:
        await self.server.stop()

    def user(
        self,
        *,
        language_code: str | None = "ru",
        first_name: str = "Test",
        user_id: int | None = None,
    ) -> SimUser:
        """A new person with a private chat; `language_code` is their Telegram app's language."""
        if user_id is None:
            self._next_user += 1
            user_id = self._next_user
        info: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code:
            info["language_code"] = language_code
        chat = self.world.chats.get(user_id) or self.world.add_chat(info)
        return SimUser(self.world, self.bot, chat)

    def channel(self, chat_id: int, title: str) -> SimChat:
        """A public channel the bot may post in (`chat_id` negative, like -1001234567890)."""
        return self.world.add_channel(chat_id, title)

    def delivered(self) -> bool:
        """Every queued update was handed to the bot, and the bot came back for more."""
        return not self.bot.updates and self.bot.poll_after_delivery

    async def wait_delivered(self) -> None:
        """Wait until `delivered()`: the bot's updater has taken everything queued."""
        # Polling, not an Event: both getUpdates and the webhook poster move this state.
        while not self.delivered():  # noqa: ASYNC110
            await asyncio.sleep(0.005)
