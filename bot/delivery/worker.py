"""The delivery worker: streams the outbox, sends within the rate, records every outcome.

A row stays `pending` until its outcome is committed, and a send slot (the in-flight bound) is
only released after that commit: after a crash, at most `max_in_flight` chats get a second copy.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bot.advisories.model import Advisory
from bot.clock import Clock
from bot.delivery.corrector import Corrector
from bot.delivery.limiter import RateLimiter
from bot.delivery.message import Delivered, Markup, Send, payload, send_parts
from bot.delivery.outbox import Outbox, Pending, SendOutcome
from bot.delivery.quiet import silent
from bot.delivery.telegram_api import SendResult
from bot.metrics import Metrics

log = logging.getLogger(__name__)
Render = Callable[[Advisory, str], list[str]]
FETCH = 500
HALT_CHECK = 0.5  # seconds between looks at the broadcast's state (an admin's /halt)


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
    flush_every: float = 0.05


class Worker:
    """Sends every pending row of every active broadcast, then returns."""

    def __init__(
        self,
        *,
        outbox: Outbox,
        load: Callable[[str], Awaitable[Advisory | None]],
        send: Send,
        render: Render,
        limiter: RateLimiter,
        clock: Clock,
        config: WorkerConfig | None = None,
        markup: Markup | None = None,
        send_voice: Send | None = None,
    ) -> None:
        self._outbox, self._load, self._send, self._render = outbox, load, send, render
        self._markup, self._send_voice = markup, send_voice
        self._limiter, self._now = limiter, clock
        self.config = config = config or WorkerConfig()
        self._slots = asyncio.Semaphore(config.max_in_flight)
        self._results: list[SendOutcome] = []
        self._held = 0  # slots held by results not yet committed
        self._writing = asyncio.Lock()  # one writer: SQLite's busy waits would stall everyone
        self.stopping = False
        self.stopping_broadcast = False
        self._checked = 0.0
        self.on_published: Callable[[Advisory], Awaitable[None]] | None = None
        self.metrics: Metrics | None = None
        self.on_finished: Callable[[Advisory], Awaitable[None]] | None = None
        self.corrector: Corrector | None = None
        self.on_corrected: Callable[[Advisory], Awaitable[None]] | None = None

    async def publish_due(self) -> list[Advisory]:
        """Publish scheduled advisories whose time has come (a restart never does it twice)."""
        due = await self._outbox.due_scheduled()
        for advisory in due:
            await self._outbox.publish(advisory, paid=self.config.paid)
            if self.on_published is not None:
                await self.on_published(advisory)
        return due

    async def drain(self) -> None:
        """Deliver until no active broadcast has a row due (postponed rows wait their turn),
        then run pending corrections."""
        await self.publish_due()
        while not self.stopping:
            worked = False
            for advisory_id in await self._outbox.active():
                worked |= await self._broadcast(advisory_id)
            if not worked:
                break
        if self.corrector is not None and not self.stopping:
            for advisory in await self.corrector.run():
                if self.on_corrected is not None:
                    await self.on_corrected(advisory)

    async def _broadcast(self, advisory_id: str) -> bool:
        advisory = await self._load(advisory_id)
        if advisory is None:
            return False
        await self._outbox.publish(advisory)  # resumes filling after a crash; no-op otherwise
        await self._outbox.skip_unreachable(advisory_id)
        cache: dict[str, Prepared] = {}
        after, sent_any = 0, False
        self.stopping_broadcast, self._checked = False, 0.0
        tasks: set[asyncio.Task[None]] = set()
        try:
            while not self.stopping:
                rows = await self._outbox.pending(advisory_id, after=after, limit=FETCH)
                if not rows:
                    break
                for row in rows:
                    if self.stopping:  # shutting down: finish what is in flight, send no more
                        break
                    if await self._halted(advisory_id):
                        self.stopping_broadcast = True
                        break
                    await self._slots.acquire()
                    task = asyncio.create_task(self._deliver(advisory, row, cache))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                    sent_any = True
                if self.stopping_broadcast:
                    break
                after = rows[-1].chat_id
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:  # cancelled (shutdown, lost leadership): stop what is in flight
                task.cancel()
        await self._flush(advisory_id)
        await self._outbox.skip_unreachable(advisory_id)  # /stop or a block during the pass
        finished = await self._outbox.finish_if_done(advisory_id)
        if finished is not None:
            if finished == "finished" and self.on_finished is not None:
                await self.on_finished(advisory)
            return False
        due = await self._outbox.next_retry(advisory_id)
        if due is not None and due > self._now() and not sent_any:
            await asyncio.sleep(min(5.0, (due - self._now()).total_seconds()))
        return True

    async def send_text(self, chat_id: int, text: str) -> SendResult:
        """One HTML message outside any broadcast (reports to admins), within the rate."""
        await self._limiter.acquire()
        return await self._send(payload(chat_id, text, quiet=False, paid=self.config.paid))

    async def _halted(self, advisory_id: str) -> bool:
        """Looks at the broadcast's state at most every HALT_CHECK seconds; remembers it."""
        now = time.monotonic()
        if now - self._checked >= HALT_CHECK:
            self._checked = now
            state = await self._outbox.state(advisory_id)
            self.stopping_broadcast |= state in ("halted", "cancelled")
        return self.stopping_broadcast

    async def _may_send(self, advisory_id: str) -> bool:
        """Asked by each send after its wait for the rate: a halt, a cancel or a shutdown
        stops the sends already queued, not only the ones not yet started."""
        return not self.stopping and not await self._halted(advisory_id)

    async def _deliver(self, advisory: Advisory, row: Pending, cache: dict[str, Prepared]) -> None:
        try:
            prepared = cache.get(row.locale)
            if prepared is None:  # once a locale a pass: rendering is the costly part
                markup = None if self._markup is None else self._markup(advisory, row.locale)
                prepared = Prepared(self._render(advisory, row.locale), markup)
                cache[row.locale] = prepared
            quiet = silent(severity=advisory.severity, region=row.region, now=self._now())
            delivered = await send_parts(
                send=self._send,
                send_voice=self._send_voice,
                limiter=self._limiter,
                chat_id=row.chat_id,
                parts=prepared.parts,
                markup=prepared.markup,
                voice=advisory.voice_for(row.locale),
                quiet=quiet,
                paid=self.config.paid,
                proceed=lambda: self._may_send(advisory.id),
            )
            if delivered is None:  # stopped before anything went out: the row stays pending
                self._slots.release()
                return
            self._results.append(self._outcome(row, delivered))
            self._held += 1
            if self._held >= self.config.max_in_flight // 2 or self._slots.locked():
                await self._flush(advisory.id)
        except Exception as error:
            # A bug must not leave the row pending forever (the worker would loop on it):
            # it is recorded as failed, with the error's type, and the traceback is logged.
            log.exception("delivery task failed")
            reason, tries = f"internal: {type(error).__name__}", row.attempts + 1
            self._results.append(
                SendOutcome(row.chat_id, "failed", self._now(), attempts=tries, error=reason)
            )
            self._held += 1

    def _outcome(self, row: Pending, delivered: Delivered) -> SendOutcome:
        now, result = self._now(), delivered.result
        if self.metrics is not None:
            if result.kind == "sent":
                self.metrics.sent()
            elif result.kind == "retry_after":
                self.metrics.throttled()
        if result.kind == "sent":
            return SendOutcome(
                row.chat_id,
                "sent",
                now,
                attempts=row.attempts + 1,
                message_id=delivered.first_id,
                more_ids=delivered.more,
                locale=row.locale,
                discreet=row.discreet,
            )
        if result.kind == "retry_after":
            self._limiter.pause(result.retry_after)
            later = now + timedelta(seconds=result.retry_after)
            return SendOutcome(
                row.chat_id,
                "pending",
                now,
                next_attempt_at=later,
                attempts=row.attempts,
                error=result.error,
            )
        if result.kind in ("blocked", "gone"):
            return SendOutcome(
                row.chat_id, result.kind, now, attempts=row.attempts + 1, error=result.error
            )
        attempts = row.attempts + 1
        if attempts >= self.config.max_attempts:
            return SendOutcome(row.chat_id, "failed", now, attempts=attempts, error=result.error)
        delay = timedelta(seconds=self.config.backoff * 2 ** (attempts - 1))
        return SendOutcome(
            row.chat_id,
            "pending",
            now,
            next_attempt_at=now + delay,
            attempts=attempts,
            error=result.error,
        )

    async def _flush(self, advisory_id: str) -> None:
        async with self._writing:
            results, held = self._results, self._held
            self._results, self._held = [], 0
            if results:
                await self._outbox.record(advisory_id, results)
            for _ in range(held):
                self._slots.release()
