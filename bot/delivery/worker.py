"""The delivery worker: streams every active broadcast's outbox at once, sends within the one
budget, records every outcome.

Broadcasts run side by side: urgent ones (extreme, severe) are served first by the budget, and
broadcasts of one kind take turns. A new broadcast starts while others are sending (the worker
looks every LOOK_EVERY seconds), and sending starts while its outbox is still being filled.

A row stays `pending` until its outcome is committed, and a send slot (the in-flight bound, per
broadcast) is only released after that commit: after a crash, at most `max_in_flight` chats of
each broadcast get a second copy.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bot.advisories.model import Advisory
from bot.clock import Clock
from bot.delivery.budget import Budget, Priority
from bot.delivery.corrector import Corrector
from bot.delivery.message import Delivered, Markup, Send, payload, send_parts
from bot.delivery.mirror import ChannelMirror
from bot.delivery.quiet import silent
from bot.delivery.sender import budgeted
from bot.delivery.telegram_api import SendResult
from bot.metrics import Metrics
from bot.storage.models import AMBIGUOUS
from bot.storage.outbox import Outbox, Pending, SendOutcome

log = logging.getLogger(__name__)
Render = Callable[[Advisory, str], list[str]]
FETCH = 500
HALT_CHECK = 0.5  # seconds between looks at the broadcast's state (an admin's /halt)
# Kept as the error of a sent row that may have arrived twice (the admin's report counts them).
POSSIBLY_TWICE = AMBIGUOUS + "possibly sent twice"
LOOK_EVERY = 0.5  # seconds between looks for new broadcasts while others are sending


@dataclass(frozen=True)
class Prepared:
    """One locale's messages and button, rendered once a pass."""

    parts: list[str]
    markup: dict[str, Any] | None


@dataclass(frozen=True)
class WorkerConfig:
    """Limits of one worker."""

    max_in_flight: int = 100
    max_attempts: int = 5
    backoff: float = 2.0  # seconds before the first retry; doubles each time
    paid: bool = False
    flush_every: float = 0.05  # seconds of outcomes gathered into one transaction


class _Run:
    """One broadcast being sent: its lane, its priority and its uncommitted outcomes."""

    def __init__(self, advisory: Advisory, *, paid: bool, in_flight: int) -> None:
        self.advisory, self.paid = advisory, paid
        urgent = advisory.severity in ("extreme", "severe")
        self.priority = Priority.URGENT if urgent else Priority.NORMAL
        self.slots = asyncio.Semaphore(in_flight)
        self.results: list[SendOutcome] = []
        self.held = 0  # slots held by results not yet committed
        self.stopped = False  # halted or cancelled
        self.checked = 0.0
        self.cache: dict[str, Prepared] = {}
        self.committing = False  # one task commits this broadcast's outcomes at a time
        self.half_held = asyncio.Event()  # half the slots wait for a commit: commit now


Hook = Callable[[Advisory], Awaitable[None]]
SendText = Callable[[int, str], Awaitable[SendResult]]


def paced_text(budget: Budget, send: Send) -> SendText:
    """One HTML message outside any broadcast (reports to admins), within the budget."""

    async def send_text(chat_id: int, text: str) -> SendResult:
        body = payload(chat_id, text, quiet=False, paid=False)
        result = await budgeted(budget, send, body, priority=Priority.NORMAL)
        return result or SendResult("transient", error="not sent")

    return send_text


async def _nobody(advisory: Advisory) -> None:
    """Nobody is told (a worker without admins to report to: tests, benchmarks)."""


@dataclass(frozen=True)
class Reports:
    """Whom a worker tells what happened to an advisory (its country's admins, in the bot)."""

    published: Hook = _nobody  # a scheduled one went out
    finished: Hook = _nobody  # its broadcast reached everyone it could
    corrected: Hook = _nobody  # its correction reached everyone who had it


class Worker:
    """Sends every pending row of every active broadcast, then returns."""

    def __init__(
        self,
        *,
        outbox: Outbox,
        load: Callable[[str], Awaitable[Advisory | None]],
        send: Send,
        render: Render,
        budget: Budget,
        clock: Clock,
        corrector: Corrector,
        mirror: ChannelMirror,
        config: WorkerConfig | None = None,
        markup: Markup | None = None,
        send_voice: Send | None = None,
        reports: Reports | None = None,
        metrics: Metrics | None = None,  # None: nothing counted (the CLI's own worker)
        stop: asyncio.Event | None = None,
    ) -> None:
        self._outbox, self._load, self._send, self._render = outbox, load, send, render
        self._markup, self._send_voice = markup, send_voice
        self.budget, self._now = budget, clock
        self.config = config or WorkerConfig()
        self._writing = asyncio.Lock()  # one writer: SQLite's busy waits would stall everyone
        self._stop = stop or asyncio.Event()
        self.corrector, self.mirror = corrector, mirror
        self.reports, self.metrics = reports or Reports(), metrics

    @property
    def stopping(self) -> bool:
        """Shutting down: no new sends; those in flight finish and are stored."""
        return self._stop.is_set()

    @stopping.setter
    def stopping(self, value: bool) -> None:
        if value:
            self._stop.set()
        else:
            self._stop.clear()

    async def publish_due(self, *, sending: frozenset[str] = frozenset()) -> list[Advisory]:
        """Publish scheduled advisories whose time has come (a restart never does it twice);
        only the first batch of the outbox is filled here: sending starts at once.

        One that supersedes a broadcast still `sending` here waits for it: a cancellation
        notice goes to everyone who got the original, the sends still in flight included."""
        due = [a for a in await self._outbox.due_scheduled() if a.supersedes not in sending]
        for advisory in due:
            await self._outbox.start(advisory, paid=self.config.paid)
            await self.reports.published(advisory)
        return due

    async def drain(self) -> None:
        """Deliver until no active broadcast has a row due (postponed rows wait their turn),
        then run pending corrections."""
        await self.publish_due()
        running: dict[str, asyncio.Task[None]] = {}
        # Channels get a new advisory beside its broadcast (not after an hour of it), within
        # the same budget; corrections and cancellations reach them on the next pass.
        mirroring = [asyncio.create_task(self.mirror.sync())]
        try:
            while not self.stopping:
                for advisory_id in await self._outbox.active():
                    if advisory_id not in running:
                        running[advisory_id] = asyncio.create_task(self._broadcast(advisory_id))
                if not running:
                    break
                await asyncio.wait(
                    running.values(), timeout=LOOK_EVERY, return_when=asyncio.FIRST_COMPLETED
                )
                for advisory_id, task in list(running.items()):
                    if task.done():
                        del running[advisory_id]
                        task.result()  # a failed broadcast ends the drain (and /healthz says so)
                # An urgent advisory starts beside a long broadcast, and so does its post in
                # the channels (not when the long broadcast ends, an hour later).
                fresh = await self.publish_due(sending=frozenset(running))
                if fresh:
                    mirroring.append(asyncio.create_task(self.mirror.sync()))
            await asyncio.gather(*running.values())
        finally:
            for task in running.values():  # cancelled: stop what is in flight
                task.cancel()
            if self.stopping or sys.exc_info()[0] is not None:
                for pass_ in mirroring:
                    pass_.cancel()  # shutting down, or the drain failed
        if mirroring and not self.stopping:
            await asyncio.gather(*mirroring)
        if not self.stopping:
            corrected = await self.corrector.run()
            for advisory in corrected:
                await self.reports.corrected(advisory)
            if corrected:  # the channels' posts too, at once
                await self.mirror.sync()

    async def _broadcast(self, advisory_id: str) -> None:
        """One pass over the broadcast's due rows (while its outbox is still being filled)."""
        advisory = await self._load(advisory_id)
        if advisory is None:
            return
        # Its own lane, kept through every resume; `elchi deliver --paid` sends all on paid.
        paid = await self._outbox.lane(advisory_id) or self.config.paid
        run = _Run(advisory, paid=paid, in_flight=self.config.max_in_flight)
        filling = asyncio.create_task(self._outbox.fill(advisory))  # resumes after a crash
        await self._outbox.skip_unreachable(advisory_id)
        after, sent_any = 0, False
        tasks: set[asyncio.Task[None]] = set()
        try:
            while not self.stopping and not run.stopped:
                rows = await self._outbox.pending(advisory_id, after=after, limit=FETCH)
                if not rows:
                    if filling.done():
                        break
                    await asyncio.wait({filling}, timeout=0.05)  # more rows are coming
                    continue
                for row in rows:
                    if self.stopping or await self._halted(run):
                        break
                    await run.slots.acquire()
                    task = asyncio.create_task(self._deliver(run, row))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                    sent_any = True
                after = rows[-1].chat_id
            await asyncio.gather(*tasks)
            await filling
        finally:
            filling.cancel()  # cancelled (shutdown, lost leadership): stop what is in flight
            for task in tasks:
                task.cancel()
        await self._flush(run)
        await self._outbox.skip_unreachable(advisory_id)  # /stop or a block during the pass
        finished = await self._outbox.finish_if_done(advisory_id)
        if finished is not None:
            if finished == "finished":
                await self.reports.finished(advisory)
            return
        due = await self._outbox.next_retry(advisory_id)
        if due is not None and due > self._now() and not sent_any:
            await asyncio.sleep(min(5.0, (due - self._now()).total_seconds()))

    async def _halted(self, run: _Run) -> bool:
        """Looks at the broadcast's state at most every HALT_CHECK seconds; remembers it."""
        now = time.monotonic()
        if now - run.checked >= HALT_CHECK:
            run.checked = now
            state = await self._outbox.state(run.advisory.id)
            run.stopped |= state in ("halted", "cancelled")
        return run.stopped

    async def _may_send(self, run: _Run) -> bool:
        """Asked by each send after its wait for the budget: a halt, a cancel or a shutdown
        stops the sends already queued, not only the ones not yet started."""
        return not self.stopping and not await self._halted(run)

    async def _deliver(self, run: _Run, row: Pending) -> None:
        advisory = run.advisory
        try:
            prepared = run.cache.get(row.locale)
            if prepared is None:  # once a locale a pass: rendering is the costly part
                markup = None if self._markup is None else self._markup(advisory, row.locale)
                prepared = Prepared(self._render(advisory, row.locale), markup)
                run.cache[row.locale] = prepared
            quiet = silent(severity=advisory.severity, region=row.region, now=self._now())
            delivered = await send_parts(
                send=self._send,
                send_voice=self._send_voice,
                budget=self.budget,
                chat_id=row.chat_id,
                parts=prepared.parts,
                markup=prepared.markup,
                voice=advisory.voice_for(row.locale),
                quiet=quiet,
                paid=run.paid,
                priority=run.priority,
                queue=advisory.id,
                delivered=list(row.delivered),
                proceed=lambda: self._may_send(run),
                on_part=lambda ids: self._keep_parts(run, row.chat_id, ids),
            )
            if delivered is None:  # stopped before anything went out: the row stays pending
                run.slots.release()
                return
            run.results.append(self._outcome(row, delivered))
            run.held += 1
            if run.held >= self.config.max_in_flight // 2:
                run.half_held.set()
            await self._commit(run)
        except Exception as error:
            # A bug must not leave the row pending forever (the worker would loop on it):
            # it is recorded as failed, with the error's type, and the traceback is logged.
            log.exception("delivery task failed")
            reason, tries = f"internal: {type(error).__name__}", row.attempts + 1
            run.results.append(
                SendOutcome(row.chat_id, "failed", self._now(), attempts=tries, error=reason)
            )
            run.held += 1

    def _outcome(self, row: Pending, delivered: Delivered) -> SendOutcome:
        now, result = self._now(), delivered.result
        if self.metrics is not None:
            if result.kind == "sent":
                self.metrics.sent()
            elif result.kind == "retry_after":
                self.metrics.throttled()
        if result.kind == "sent":
            twice = delivered.ambiguous or row.ambiguous  # this try or an earlier one
            return SendOutcome(
                row.chat_id,
                "sent",
                now,
                attempts=row.attempts + 1,
                message_id=delivered.first_id,
                more_ids=delivered.more,
                locale=row.locale,
                discreet=row.discreet,
                error=POSSIBLY_TWICE if twice else None,
            )
        # A try that may have arrived keeps saying so through every later retry: the error
        # stored for the next try starts with AMBIGUOUS, so a later success counts it as
        # possibly sent twice (a plain "502" stored over it made the report miss duplicates).
        maybe = delivered.ambiguous or row.ambiguous
        error = _suspect(result.error) if maybe else result.error
        if result.kind == "retry_after":  # still limited after every wait: later
            later = now + timedelta(seconds=result.retry_after)
            return SendOutcome(
                row.chat_id,
                "pending",
                now,
                next_attempt_at=later,
                attempts=row.attempts,
                message_id=delivered.first_id,
                more_ids=delivered.more,
                error=error,
            )
        if result.kind in ("blocked", "gone"):
            return SendOutcome(
                row.chat_id, result.kind, now, attempts=row.attempts + 1, error=result.error
            )
        attempts = row.attempts + 1
        if attempts >= self.config.max_attempts:
            return SendOutcome(row.chat_id, "failed", now, attempts=attempts, error=error)
        delay = timedelta(seconds=self.config.backoff * 2 ** (attempts - 1))
        return SendOutcome(  # the parts that got through are kept: the next try goes on
            row.chat_id,
            "pending",
            now,
            next_attempt_at=now + delay,
            attempts=attempts,
            message_id=delivered.first_id,
            more_ids=delivered.more,
            error=error,
        )

    async def _keep_parts(self, run: _Run, chat_id: int, ids: list[int]) -> None:
        """A multi-part advisory between two parts: what arrived is stored at once."""
        async with self._writing:
            await self._outbox.keep_parts(run.advisory.id, chat_id, ids)

    async def _commit(self, run: _Run) -> None:
        """Commit outcomes until none is left, in one task at a time: the others return at once.
        (Each waiting for its own turn at the writer let tens of thousands of finished tasks
        queue up behind the lock, their slots already released: memory and CPU grew with the
        audience.) Each round first lets `flush_every` pass, so that the outcomes of that moment
        share one transaction: committed as they came, a paid push of 30,000 made 6,000
        transactions of one to three rows, and they cost more CPU than the sends. A round
        starts early once half the slots wait for it: under a flood of presses a commit could
        take 50 ms more, and the slots ran out (the broadcast stood still meanwhile)."""
        if run.committing:
            return  # the task committing takes this outcome in its next round
        run.committing = True
        try:
            while run.results:
                if run.held < self.config.max_in_flight // 2:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(run.half_held.wait(), self.config.flush_every)
                run.half_held.clear()
                await self._flush(run)
        finally:
            run.committing = False

    async def _flush(self, run: _Run) -> None:
        async with self._writing:
            results, held = run.results, run.held
            run.results, run.held = [], 0
            if results:
                await self._outbox.record(run.advisory.id, results)
            for _ in range(held):
                run.slots.release()


def _suspect(error: str | None) -> str:
    """`error`, marked as following a try that may have arrived."""
    text = error or "transient"
    return text if text.startswith(AMBIGUOUS) else AMBIGUOUS + text
