"""Builds a Worker from settings: for `elchi deliver`, `elchi broadcast` and the bot process."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.advisories.model import Advisory
from bot.advisories.render import renderer
from bot.delivery.announce import AdminTeller
from bot.delivery.budget import Budget
from bot.delivery.corrector import Corrector
from bot.delivery.message import ack_markup, corrected_notice
from bot.delivery.mirror import ChannelMirror
from bot.delivery.telegram_api import BotApiClient
from bot.delivery.worker import Reports, Worker, WorkerConfig, paced_text
from bot.i18n import Translator
from bot.metrics import Metrics
from bot.storage.lock import leader
from bot.storage.stores import Stores

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reporting:
    """The bot process tells each country's admins what happened to their advisories (the
    CLI's `elchi deliver` and tests do not)."""

    locale: str = "ru"  # for admins the bot has not seen yet


@asynccontextmanager
async def worker(
    *,
    stores: Stores,
    translator: Translator,
    api_url: str,
    token: str,
    budget: Budget | None = None,
    config: WorkerConfig | None = None,
    username: str | None = None,
    metrics: Metrics | None = None,
    reporting: Reporting | None = None,
    client: BotApiClient | None = None,
) -> AsyncIterator[Worker]:
    """A worker with its own HTTP client (closed on exit) unless given an open `client` (the
    benchmarks pass one that notes when it sent), sending within `budget` (the bot process
    passes the one its replies use; a separate `elchi deliver` has its own)."""
    config = config or WorkerConfig()
    budget = budget or Budget()
    advisories = stores.advisories

    async def load(advisory_id: str) -> Advisory | None:
        return await advisories.get(advisory_id=advisory_id)

    connections = config.max_in_flight
    async with (
        contextlib.nullcontext(client)
        if client
        else BotApiClient(api_url=api_url, token=token, connections=connections)
    ) as api:
        username = username or await api.username()  # for "Send to a friend"
        render, markup = renderer(translator), ack_markup(translator, username)
        send_text = paced_text(budget, api.send_message)
        stop = asyncio.Event()  # set by `worker.stopping = True`; the corrector reads it too
        outbox, corrections = stores.outbox, stores.corrections
        reports, refused = None, None
        if reporting is not None:  # the bot process: its country's admins are told
            teller = AdminTeller(
                admins=stores.admins,
                profiles=stores.profiles,
                outbox=outbox,
                corrections=corrections,
                translator=translator,
                send_text=send_text,
                clock=stores.clock,
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
            clock=stores.clock,
            config=config,
            markup=markup,
            send_voice=api.send_voice,
            corrector=Corrector(
                corrections=corrections,
                acks=stores.acks,
                load=load,
                client=api,
                budget=budget,
                render=render,
                markup=markup,
                notice=corrected_notice(translator),
                stopping=stop.is_set,
            ),
            mirror=ChannelMirror(
                channels=stores.channels,
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
    stores: Stores,
    translator: Translator,
    api_url: str,
    token: str,
    paid: bool = False,
    idle: float = 5.0,
    metrics: Metrics | None = None,
    stop: asyncio.Event | None = None,
    bell: asyncio.Event | None = None,
    budget: Budget | None = None,
    report_locale: str = "ru",
    username: str | None = None,
) -> None:
    """The bot process's delivery loop: lead (or wait to), then drain every `idle` seconds."""
    async with leader(stores.database, token_id=token.split(":")[0]):
        log.info("delivery worker is the leader")
        async with worker(
            stores=stores,
            translator=translator,
            api_url=api_url,
            token=token,
            budget=budget,
            config=WorkerConfig(paid=paid),
            username=username,
            metrics=metrics,
            reporting=Reporting(locale=report_locale),
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
