"""Builds a Worker from settings: for `elchi deliver`, `elchi broadcast` and the bot process."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.advisories.model import Advisory
from bot.advisories.render import renderer
from bot.clock import Clock
from bot.delivery.announce import AdminTeller
from bot.delivery.budget import Budget
from bot.delivery.corrector import Corrector
from bot.delivery.message import ack_markup, corrected_notice
from bot.delivery.mirror import ChannelMirror
from bot.delivery.telegram_api import BotApiClient
from bot.delivery.worker import Reports, Worker, WorkerConfig, paced_text
from bot.i18n import Translator
from bot.metrics import Metrics
from bot.storage.acks import AckRepository
from bot.storage.admin_profiles import AdminProfiles
from bot.storage.admins import AdminRepository
from bot.storage.advisories import AdvisoryRepository
from bot.storage.channels import ChannelRepository
from bot.storage.corrections import Corrections
from bot.storage.db import Database
from bot.storage.lock import leader
from bot.storage.outbox import Outbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reporting:
    """The bot process tells each country's admins what happened to their advisories (the
    CLI's `elchi deliver` and tests do not)."""

    locale: str = "ru"  # for admins the bot has not seen yet
    admins: dict[int, str] | None = None  # ADMINS from the settings, beside those in storage


@asynccontextmanager
async def worker(
    *,
    database: Database,
    translator: Translator,
    api_url: str,
    token: str,
    clock: Clock,
    budget: Budget | None = None,
    config: WorkerConfig | None = None,
    username: str | None = None,
    channels: dict[str, tuple[str, str]] | None = None,
    metrics: Metrics | None = None,
    reporting: Reporting | None = None,
) -> AsyncIterator[Worker]:
    """A worker with its own HTTP client (closed on exit), sending within `budget` (the bot
    process passes the one its replies use; a separate `elchi deliver` has its own)."""
    config = config or WorkerConfig()
    budget = budget or Budget()
    advisories = AdvisoryRepository(database=database, clock=clock)

    async def load(advisory_id: str) -> Advisory | None:
        return await advisories.get(advisory_id=advisory_id)

    async with BotApiClient(api_url=api_url, token=token, connections=config.max_in_flight) as api:
        username = username or await api.username()  # for "Send to a friend"
        render, markup = renderer(translator), ack_markup(translator, username)
        send_text = paced_text(budget, api.send_message)
        stop = asyncio.Event()  # set by `worker.stopping = True`; the corrector reads it too
        outbox = Outbox(database=database, clock=clock)
        corrections = Corrections(database=database, clock=clock)
        reports, refused = None, None
        if reporting is not None:  # the bot process: its country's admins are told
            teller = AdminTeller(
                admins=AdminRepository(
                    database=database, configured=reporting.admins or {}, clock=clock
                ),
                profiles=AdminProfiles(database=database, clock=clock),
                outbox=outbox,
                corrections=corrections,
                translator=translator,
                send_text=send_text,
                clock=clock,
                locale=reporting.locale,
            )
            reports = Reports(
                published=teller.published, finished=teller.finished, corrected=teller.corrected
            )
            refused = teller.channel_refused
        yield Worker(
            outbox=outbox,
            load=load,
            send=api.send_message,
            render=render,
            budget=budget,
            clock=clock,
            config=config,
            markup=markup,
            send_voice=api.send_voice,
            corrector=Corrector(
                corrections=corrections,
                acks=AckRepository(database=database, clock=clock),
                load=load,
                client=api,
                budget=budget,
                render=render,
                markup=markup,
                notice=corrected_notice(translator),
                stopping=stop.is_set,
            ),
            mirror=ChannelMirror(
                channels=ChannelRepository(database=database, configured=channels, clock=clock),
                advisories=advisories,
                translator=translator,
                render=render,
                client=api,
                budget=budget,
                username=username,
                on_refused=refused,
            ),
            reports=reports,
            metrics=metrics,
            stop=stop,
        )


async def run_forever(
    *,
    database: Database,
    translator: Translator,
    api_url: str,
    token: str,
    clock: Clock,
    paid: bool = False,
    idle: float = 5.0,
    metrics: Metrics | None = None,
    stop: asyncio.Event | None = None,
    bell: asyncio.Event | None = None,
    budget: Budget | None = None,
    admins: dict[int, str] | None = None,
    report_locale: str = "ru",
    username: str | None = None,
    channels: dict[str, tuple[str, str]] | None = None,
) -> None:
    """The bot process's delivery loop: lead (or wait to), then drain every `idle` seconds."""
    async with leader(database, token_id=token.split(":")[0]):
        log.info("delivery worker is the leader")
        async with worker(
            database=database,
            translator=translator,
            api_url=api_url,
            token=token,
            clock=clock,
            budget=budget,
            config=WorkerConfig(paid=paid),
            username=username,
            channels=channels,
            metrics=metrics,
            reporting=Reporting(locale=report_locale, admins=admins),
        ) as running:
            stop = stop or asyncio.Event()
            while not stop.is_set():
                drain = asyncio.create_task(running.drain())
                stopper = asyncio.create_task(stop.wait())
                await asyncio.wait({drain, stopper}, return_when=asyncio.FIRST_COMPLETED)
                stopper.cancel()
                if stop.is_set():
                    # SIGTERM: no new sends; in-flight ones finish and their outcomes are stored.
                    running.stopping = True
                    await drain
                    return
                drain.result()  # a failed drain ends the loop (and /healthz says so)
                await _idle(stop, bell, idle)


async def _idle(stop: asyncio.Event, bell: asyncio.Event | None, seconds: float) -> None:
    """Wait `seconds`, or less when stopping or when the bell rings (an admin just sent)."""
    waits = [asyncio.create_task(stop.wait())]
    if bell is not None:
        waits.append(asyncio.create_task(bell.wait()))
    _, pending = await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    if bell is not None:
        bell.clear()
