"""The typed per-update context: handlers read services through it, never from globals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.clock import Clock
from bot.config import Settings
from bot.logs import ChatHasher
from bot.storage import Database, SubscriberRepository


@dataclass(frozen=True)
class Services:
    """Everything a handler may use, built once in `bot.app`."""

    settings: Settings
    database: Database
    subscribers: SubscriberRepository
    hash_chat: ChatHasher
    clock: Clock


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """CallbackContext with typed access to the services (PTB examples/contexttypesbot.py)."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def services(self) -> Services:
        """The services stored in bot_data by `bot.app.build_application`."""
        services = self.application.bot_data["services"]
        assert isinstance(services, Services)
        return services

    @property
    def subscribers(self) -> SubscriberRepository:
        """The subscriber repository."""
        return self.services.subscribers
