"""The typed per-update context: handlers read services through it, never from globals."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.admin.actions import AdminActions
from bot.admin.reports import AdminReports
from bot.admin.workflow import AdminWorkflow
from bot.clock import Clock
from bot.config import Settings
from bot.delivery.budget import Budget
from bot.delivery.discreet import DiscreetMode
from bot.i18n import Translator
from bot.logs import ChatHasher
from bot.metrics import Metrics
from bot.storage import Subscriber, SubscriberRepository
from bot.storage.stores import Stores
from bot.telegram.inline_cache import InlineCache
from bot.telegram.understanding import Understanding


@dataclass(frozen=True)
class Services:
    """Everything a handler may use, built once in `bot.telegram.app`."""

    settings: Settings
    stores: Stores  # every repository, built once (`bot.storage.stores`)
    translator: Translator
    discreet: DiscreetMode
    metrics: Metrics
    hash_chat: ChatHasher
    clock: Clock
    understanding: Understanding  # reads typed and forwarded texts (`bot.understand`)
    workflow: AdminWorkflow
    actions: AdminActions
    reports: AdminReports
    # Rung by admin actions (`wake`): the delivery worker looks at once, not in 5 s.
    bell: asyncio.Event = field(default_factory=asyncio.Event)
    admin_menus: set[int] = field(default_factory=set)
    inline: InlineCache = field(default_factory=InlineCache)  # inline answers, per-person limit
    # The one sending budget: PTB's requests and the delivery worker of this process.
    budget: Budget = field(default_factory=Budget)  # admins whose menu this process set


class BotContext(CallbackContext[ExtBot[int], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """CallbackContext with typed services and the update's locale (PTB contexttypesbot.py).

    PTB builds one context per update and passes it to every handler group, so the locale
    resolved in group -2 (`handlers.locale`) is what every later handler sees.
    """

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)
        self.locale: str | None = None  # None: not known yet, show the picker
        self.subscriber: Subscriber | None = None
        self.admin_country: str | None = None  # set by admins_only: UZ, KG, TJ or *
        self.actor = "tg:?"  # who acts, for the audit: `tg:<user id>` (set by the guards)

    @property
    def services(self) -> Services:
        """The services stored in bot_data by `bot.telegram.app.build_application`."""
        services = self.application.bot_data["services"]
        assert isinstance(services, Services)
        return services

    @property
    def subscribers(self) -> SubscriberRepository:
        """The subscriber repository."""
        return self.services.stores.subscribers

    @property
    def member(self) -> Subscriber:
        """The subscriber of this update, in handlers that only subscribers reach."""
        if self.subscriber is None:
            raise LookupError("no subscriber: guard the handler with subscribers_only")
        return self.subscriber

    @property
    def lang(self) -> str:
        """The locale to answer in: the resolved one, else the operator's default."""
        return self.locale or self.services.settings.default_locale

    def _(self, message: str) -> str:
        """`message` translated into this update's locale."""
        return self.services.translator.gettext(message, locale=self.lang)

    def gettext_for(self, locale: str) -> Callable[[str], str]:
        """A one-argument gettext bound to `locale` (for texts built in `bot.texts`)."""
        return self.services.translator.bound(locale)
