"""Build the python-telegram-bot Application and run it (polling) with the services."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlparse

from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, ExtBot

from bot.admin.actions import AdminActions
from bot.admin.importer import ContentError, import_folder
from bot.admin.reports import AdminReports
from bot.admin.workflow import AdminWorkflow, FourEyes
from bot.clock import Clock, utcnow
from bot.config import ConfigError, Settings
from bot.delivery.budget import Budget, Lanes
from bot.delivery.discreet import DiscreetMode
from bot.delivery.service import run_forever
from bot.i18n import Translator
from bot.logs import ChatHasher
from bot.metrics import Metrics
from bot.reach.child import PageProcess
from bot.storage.lock import LeaderBusy, leader
from bot.storage.stores import opened
from bot.telegram import button_edits, handlers, jobs
from bot.telegram.commands import publish_commands
from bot.telegram.context import BotContext, Services
from bot.telegram.health import HealthServer
from bot.telegram.polling import Poller
from bot.telegram.rate_limiter import BudgetRateLimiter
from bot.telegram.transport import AiohttpRequest
from bot.telegram.understanding import Understanding
from bot.telegram.updates import ChatOrderedUpdates

log = logging.getLogger(__name__)

BotApplication = Application[Any, BotContext, Any, Any, Any, Any]
SWEEP_EVERY = 300  # seconds between discreet-mode sweeps
ALLOWED_UPDATES = ["message", "callback_query", "inline_query"]
STANDBY_POLL = 1.0  # seconds between a standby process's looks: takeover within ~1 s of a death
SHUTDOWN_GRACE = 6.0  # seconds for in-flight sends at SIGTERM (the whole stop stays under 10 s)


def build_application(*, settings: Settings, services: Services) -> BotApplication:
    """The Application talking to `settings.bot_api_url`, with every handler registered."""
    root = settings.bot_api_url

    async def sent(chat_id: int, message_id: int) -> None:  # discreet mode deletes it later
        await services.discreet.sent(chat_id=chat_id, message_id=message_id)

    bot: ExtBot[int] = ExtBot(
        settings.token(),
        base_url=f"{root}/bot",
        base_file_url=f"{root}/file/bot",
        request=AiohttpRequest(connections=64),
        get_updates_request=AiohttpRequest(connections=1),
        rate_limiter=BudgetRateLimiter(services.budget, on_message=sent),
    )
    application: BotApplication = (
        ApplicationBuilder()
        .bot(bot)
        .context_types(ContextTypes(context=BotContext))
        .concurrent_updates(ChatOrderedUpdates(services.metrics))
        .build()
    )
    application.bot_data["services"] = services
    application.bot_data[button_edits.KEY] = button_edits.ButtonEdits(application.bot)
    handlers.register(application, services.translator)
    assert application.job_queue is not None
    application.job_queue.run_repeating(jobs.discreet_sweep, interval=SWEEP_EVERY, first=10)
    application.job_queue.run_repeating(jobs.offers_sweep, interval=3600, first=60)
    application.job_queue.run_repeating(jobs.audit_summary, interval=3600, first=3600)
    application.job_queue.run_repeating(jobs.correction_reminders, interval=300, first=300)
    return application


@asynccontextmanager
async def open_services(
    settings: Settings, *, clock: Clock = utcnow, lanes: Lanes | None = None
) -> AsyncIterator[Services]:
    """Connect and migrate the database; always dispose it again. `lanes`: Telegram's limits
    (with margins) unless a local server without limits is talked to (the demo, tests)."""
    translator = Translator()  # fails fast on a missing or stale catalog
    async with opened(settings, clock=clock) as stores:
        report = await import_folder(
            settings.advisories_dir, repository=stores.advisories, translator=translator
        )
        if report.problems:
            raise ContentError("\n".join(report.lines()))
        log.info("content: %s", report.lines()[-1])
        hash_chat = ChatHasher(settings.key())
        discreet = DiscreetMode(deletions=stores.deletions, clock=clock, hash_chat=hash_chat)
        bell = asyncio.Event()  # rung by an admin action: the worker looks now, not in 5 s
        yield Services(
            settings=settings,
            stores=stores,
            translator=translator,
            discreet=discreet,
            metrics=Metrics(),
            hash_chat=hash_chat,
            clock=clock,
            understanding=Understanding(
                advisories=stores.advisories, translator=translator, clock=clock
            ),
            workflow=AdminWorkflow(
                stores=stores,
                translator=translator,
                four_eyes=FourEyes(settings.approvals, settings.approval_threshold),
                wake=bell.set,
            ),
            actions=AdminActions(stores=stores, translator=translator, wake=bell.set),
            reports=AdminReports(stores=stores),
            bell=bell,
            budget=Budget(lanes),
        )


def _username(application: BotApplication) -> str | None:
    """The bot's @username once PTB has asked Telegram (getMe at start), else None."""
    try:
        username: str = application.bot.username
    except RuntimeError:  # not initialised yet
        return None
    return username


async def deliver_for(services: Services, *, stop: asyncio.Event) -> None:
    """The delivery worker of this process, woken by `services.bell` (an admin's send)."""
    settings = services.settings
    await run_forever(
        stores=services.stores,
        translator=services.translator,
        api_url=settings.bot_api_url,
        token=settings.token(),
        metrics=services.metrics,
        stop=stop,
        bell=services.bell,
        budget=services.budget,
        report_locale=settings.default_locale,
        username=settings.bot_username or None,
    )


@asynccontextmanager
async def running_bot(application: BotApplication) -> AsyncIterator[BotApplication]:
    """Start polling; stop cleanly on exit. Token and server problems become ConfigError."""
    # The messages name the variable, never its value: PTB's own would print the token.
    host = urlparse(application.bot.base_url).netloc
    try:
        await application.initialize()
    except InvalidToken:
        raise ConfigError(
            "BOT_TOKEN: the Bot API server rejected it; copy the token from @BotFather again"
        ) from None
    except NetworkError:
        raise ConfigError(f"BOT_API_URL: cannot reach the Bot API server at {host}") from None
    except (TelegramError, ValueError):
        raise ConfigError(
            f"BOT_API_URL: the server at {host} does not answer as a Bot API server does"
        ) from None
    poller: Poller | None = None
    try:
        await application.start()
        services: Services = application.bot_data["services"]
        await publish_commands(
            application.bot,
            services.translator,
            default_locale=services.settings.default_locale,
        )
        assert application.updater is not None
        settings = services.settings
        if settings.webhook_url:
            host, _, port = settings.webhook_listen.rpartition(":")
            await application.updater.start_webhook(
                listen=host,
                port=int(port),
                url_path=urlparse(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret_value(),
                allowed_updates=ALLOWED_UPDATES,
            )
            log.info("webhook set; listening on %s", settings.webhook_listen)
        else:
            processor = application.update_processor
            assert isinstance(processor, ChatOrderedUpdates)
            poller = Poller(
                application.bot, application.update_queue, processor.ledger, ALLOWED_UPDATES
            )
            await poller.start()
            log.info("polling as @%s", application.bot.username)
        yield application
    finally:
        if application.updater is not None and application.updater.running:
            await application.updater.stop()
        if poller is not None:
            await poller.stop()
            # Updates fetched but not started are left to the process that comes next (they
            # are not confirmed), and buttons' cosmetic edits still waiting for their turn are
            # dropped: after a flood of presses, handling them all took minutes, not seconds.
            _drop_backlog(application)
        if application.running:
            await application.stop()  # the updates being handled finish first
        if poller is not None:
            await poller.confirm()
        await application.shutdown()


def _drop_backlog(application: BotApplication) -> None:
    """Leave the updates not yet started to the next process (queued or waiting for a turn,
    the processor passes them by) and cancel the "I understand" edits not yet made."""
    processor = application.update_processor
    if isinstance(processor, ChatOrderedUpdates):
        processor.leave_the_rest()
    edits = button_edits.of(application.bot_data)
    if edits is not None:
        edits.drop()


async def serve(settings: Settings, *, stop: asyncio.Event) -> None:
    """Run the bot until `stop` is set (SIGINT/SIGTERM in `elchi run`)."""
    settings.token(), settings.key()  # fail on missing secrets before touching the database
    if settings.webhook_url:
        settings.webhook_secret_value()
    async with open_services(settings) as services:
        application = build_application(settings=settings, services=services)
        health = HealthServer(services, delivery=None)
        metrics_at = settings.listen("metrics")
        if metrics_at is not None:  # a busy address is said before polling starts
            await health.start(*metrics_at)
        page: PageProcess | None = None
        token_id = settings.token().split(":")[0]

        stood_by: list[bool] = []

        def standing_by() -> None:  # /healthz says so (503): a load balancer sends nothing here
            stood_by.append(True)
            health.role = "standby"
            log.info("standing by: another process is active; taking over when it stops")

        active = leader(
            services.stores.database,
            token_id=token_id,
            role="active",
            poll=STANDBY_POLL,
            give_up=stop,
            waiting=standing_by,
        )
        try:
            async with active:  # waits while another process is active (standby)
                health.role = "active"
                if stood_by:  # what the dead one sent just before still counts at Telegram
                    services.budget.hold(services.budget.takeover_hold())
                async with running_bot(application):
                    if settings.listen("page") is not None:  # links name the bot: after getMe
                        page = PageProcess(username=_username(application))
                        await page.start()
                        page.keep()
                    delivery = asyncio.create_task(deliver_for(services, stop=stop))
                    health.delivery = delivery
                    try:
                        await stop.wait()
                        # In-flight sends finish and are recorded; never past the 10 s a stop
                        # may take.
                        await asyncio.wait({delivery}, timeout=SHUTDOWN_GRACE)
                    finally:
                        delivery.cancel()
                        await asyncio.gather(delivery, return_exceptions=True)
        except LeaderBusy:
            log.info("stopped while standing by")
        finally:
            if page is not None:
                await page.stop()
            await health.stop()
