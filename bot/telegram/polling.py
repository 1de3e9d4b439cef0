"""Polling that loses nothing: Telegram forgets an update only once this process handled it.

PTB's Updater confirms every update it fetched with its next getUpdates, before they are
handled: a process killed then (kill -9, a crash, the OOM killer) loses them, and the process
taking over never sees them. Telegram keeps an update until a getUpdates names a higher offset,
so here the offset moves only past updates that were handled, and the updates Telegram hands
out again meanwhile are recognised by their id and skipped. (PTB's Updater has no hook between
fetching and confirming, and no library offers one: hence this small loop.)
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import warnings
from collections.abc import Sequence
from typing import Any

from telegram import Bot, Update
from telegram.error import EndPointNotFound, InvalidToken, RetryAfter, TelegramError
from telegram.warnings import PTBUserWarning

log = logging.getLogger(__name__)

LONG_POLL = 10  # seconds Telegram may hold a getUpdates open when nothing is waiting
REPOLL = 0.25  # while updates are being handled: look for new ones at least this often
REFETCH = 0.05  # ...and at most this often (a flood of presses polled 300 times a second)
HOLD_AT_MOST = 120.0  # an update still unhandled after this stops holding the offset back
RETRY_MAX = 30.0  # longest wait between getUpdates after network errors
FETCH_LIMIT = 100  # getUpdates hands out at most this many updates (Telegram's default)


class Ledger:
    """Update ids fetched and not yet handled; the offset that confirms the handled ones."""

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._clock = clock
        self._pending: dict[int, float] = {}  # update id → when it was fetched
        self._highest = 0
        self.changed = asyncio.Event()  # set when an update was handled

    def fetched(self, update_id: int) -> bool:
        """Note a fetched update; False when it was fetched before (Telegram's second copy)."""
        if update_id <= self._highest:
            return False
        self._highest = update_id
        self._pending[update_id] = self._clock()
        return True

    def handled(self, update_id: int) -> None:
        """The update's handlers have finished (or failed): Telegram may forget it."""
        if self._pending.pop(update_id, None) is not None:
            self.changed.set()

    def crowded(self, limit: int = FETCH_LIMIT) -> bool:
        """Of the `limit` updates a getUpdates would hand out from the offset, fewer than a
        quarter could be new: the rest were fetched already and are still being handled.
        (Telegram numbers updates one after another; were there a gap, the poller still looks
        again after REPOLL.)"""
        return self._highest - self.offset() + 1 > limit - limit // 4

    @property
    def waiting(self) -> bool:
        """Some fetched update is still being handled."""
        return bool(self._pending)

    def offset(self) -> int:
        """getUpdates' offset: the oldest update still being handled, else the next one."""
        stale = self._clock() - HOLD_AT_MOST
        holding = [uid for uid, fetched in self._pending.items() if fetched > stale]
        return min(holding) if holding else self._highest + 1


class Poller:
    """Fetch updates into the application's queue; confirm them once handled."""

    def __init__(
        self, bot: Bot, queue: asyncio.Queue[object], ledger: Ledger, allowed: Sequence[str]
    ) -> None:
        self._bot, self._queue, self.ledger, self._allowed = bot, queue, ledger, list(allowed)
        self._task: asyncio.Task[None] | None = None
        # PTB advises `get_updates` over `do_api_request("getUpdates")`: not here (`_fetch`).
        warnings.filterwarnings("ignore", "Please use 'Bot.getUpdates'", PTBUserWarning)

    async def start(self) -> None:
        """Leave webhook mode if it was on (as PTB's start_polling does), then poll."""
        await self._bot.delete_webhook(drop_pending_updates=False)
        self._task = asyncio.create_task(self._poll(), name="elchi-polling")

    async def stop(self) -> None:
        """Stop fetching; what was fetched is still handled by the application."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def confirm(self) -> None:
        """Tell Telegram what was handled (after the application has stopped)."""
        with contextlib.suppress(TelegramError):
            await self._bot.get_updates(
                offset=self.ledger.offset(), limit=1, timeout=0, allowed_updates=self._allowed
            )

    async def _poll(self) -> None:
        failures = 0
        while True:
            self.ledger.changed.clear()
            timeout = 0 if self.ledger.waiting else LONG_POLL
            try:
                updates = await self._fetch(timeout)
            except (InvalidToken, EndPointNotFound):
                log.error("polling stopped: the Bot API server rejected BOT_TOKEN")
                return
            except RetryAfter as error:
                await asyncio.sleep(_seconds(error.retry_after))
                continue
            except TelegramError as error:  # a network error, a 5xx, a 409 Conflict
                failures += 1
                wait = min(RETRY_MAX, 2.0 ** min(failures, 5))
                log.warning(  # the class only: a message might carry the URL, and so the token
                    "getUpdates failed (%s); trying again in %.0f s", type(error).__name__, wait
                )
                await asyncio.sleep(wait)
                continue
            failures = 0
            # Only the new ones are read into objects: while presses pour in, every getUpdates
            # hands out again the ones still being handled, and reading all of them each time
            # took most of the bot's CPU (benchmarks/ack_flood.py).
            fresh = [item for item in updates if self.ledger.fetched(int(item["update_id"]))]
            for item in fresh:
                await self._queue.put(Update.de_json(item, self._bot))
            if self.ledger.waiting:
                # Every getUpdates hands out again the updates still being handled, and reading
                # them costs CPU: look again only after REFETCH (a new update waits that long at
                # most); with nothing new, once one more was handled, or after REPOLL. While the
                # FETCH_LIMIT updates from the offset are mostly ones being handled, a look would
                # bring few new ones: wait for room (under a flood of presses, reading the same
                # hundred again and again took a sixth of the bot's CPU).
                await asyncio.sleep(REFETCH)
                if not fresh or self.ledger.crowded():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._room(), REPOLL)

    async def _room(self) -> None:
        """Return once an update was handled and a getUpdates would bring enough new ones."""
        await self.ledger.changed.wait()
        while self.ledger.crowded():
            self.ledger.changed.clear()
            await self.ledger.changed.wait()

    async def _fetch(self, long_poll: int) -> list[dict[str, Any]]:
        """getUpdates as JSON (PTB's public `do_api_request`; its `get_updates` would read every
        update into objects, the copies handed out again too)."""
        result = await self._bot.do_api_request(
            "getUpdates",
            api_kwargs={
                "offset": self.ledger.offset(),
                "timeout": long_poll,
                "allowed_updates": self._allowed,
            },
            read_timeout=long_poll + 10,
        )
        return [u for u in result if isinstance(u, dict)] if isinstance(result, list) else []


def _seconds(value: object) -> float:
    return value.total_seconds() if hasattr(value, "total_seconds") else float(str(value))
