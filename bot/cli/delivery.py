"""`elchi broadcast ID` (publish and send with a progress bar) and `elchi deliver`."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable

from bot.cli.prompt import confirm
from bot.config import Settings
from bot.delivery.budget import TELEGRAM_FREE_RATE
from bot.delivery.service import worker
from bot.delivery.worker import WorkerConfig
from bot.i18n import Translator
from bot.storage.broadcasts import Progress
from bot.storage.lock import LeaderBusy, leader
from bot.storage.stores import Stores, opened

STARS_PER_PAID_MESSAGE = 0.1  # Telegram's price beyond the free rate
WATCH_EVERY = 0.5  # seconds between looks while the running bot does the sending
LOG_EVERY = 5.0  # seconds between progress lines when the output is not a terminal


def bar(progress: Progress, *, started: float, sent_before: int = 0, width: int = 30) -> str:
    """`[#####-----] 120/300 sent 118 blocked 2 failed 0 left 180 · 29.8/s · ETA 6s`; the rate
    counts only what this run sent (`sent_before`: sent before it, by an earlier run)."""
    done = progress.total - progress.left
    filled = int(width * done / progress.total) if progress.total else width
    elapsed = max(time.monotonic() - started, 1e-6)
    rate = max(0, progress.by_status.get("sent", 0) - sent_before) / elapsed
    eta = f"{progress.left / rate:.0f}s" if rate > 0 else "?"
    counts = " ".join(f"{k} {progress.by_status.get(k, 0)}" for k in ("sent", "blocked", "failed"))
    return (
        f"[{'#' * filled}{'-' * (width - filled)}] {done}/{progress.total} {counts} "
        f"left {progress.left} · {rate:.1f}/s · ETA {eta}"
    )


async def deliver_command(
    settings: Settings, *, paid: bool, in_flight: int, wait: bool = True
) -> int:
    """Run the delivery worker until every active broadcast is sent (as the leader)."""
    async with (
        opened(settings) as stores,
        leader(stores.database, token_id=settings.token().split(":")[0], wait=wait),
        worker(
            stores=stores,
            translator=Translator(),
            api_url=settings.bot_api_url,
            token=settings.token(),
            config=WorkerConfig(max_in_flight=in_flight, paid=paid),
            username=settings.bot_username or None,
        ) as running,
    ):
        await running.drain()
    return 0


async def broadcast_command(settings: Settings, advisory_id: str, *, paid: bool, yes: bool) -> int:
    """Show the audience (and the Stars cost of a paid broadcast), confirm, publish, send."""
    async with opened(settings) as stores:
        advisory = await stores.advisories.get(advisory_id=advisory_id)
        if advisory is None:
            print(f"elchi: no advisory with id {advisory_id!r}", file=sys.stderr)
            return 1
        outbox = stores.outbox
        audience = await outbox.audience_size(advisory)
        print(f"{advisory.id}: {audience} subscribers of {advisory.country}")
        if paid:
            print(
                f"paid broadcast: up to {audience * STARS_PER_PAID_MESSAGE:.0f} Stars "
                f"(0.1 Star a message beyond Telegram's free {TELEGRAM_FREE_RATE:.0f}/s)"
            )
        if not await confirm("send?", yes=yes):
            print("nothing sent")
            return 1
        await outbox.publish(advisory, paid=paid)
    task = asyncio.create_task(
        deliver_or_watch(settings, done=_broadcast_ended(advisory_id), paid=paid)
    )
    await _show_progress(settings, advisory_id, task)
    if task.result() != 0:
        return task.result()
    return await _ended_as(settings, advisory_id)


async def _ended_as(settings: Settings, advisory_id: str) -> int:
    """0 when the broadcast is done; a halted or cancelled one is said, and is not success."""
    async with opened(settings, migrate=False) as stores:
        state = await stores.outbox.state(advisory_id)
        left = (await stores.outbox.progress(advisory_id)).left
    if state == "halted":
        print(
            f"{advisory_id}: halted with {left} left; resume it in /advisories or with "
            "`elchi deliver`",
            file=sys.stderr,
        )
        return 1
    if state == "cancelled":
        print(f"{advisory_id}: cancelled; {left} were not sent", file=sys.stderr)
        return 1
    return 0


Finished = Callable[[Stores], Awaitable[bool]]


def _broadcast_ended(advisory_id: str) -> Finished:
    async def ended(stores: Stores) -> bool:
        return await stores.outbox.state(advisory_id) in ENDED

    return ended


ENDED = ("done", "halted", "cancelled")


async def deliver_or_watch(settings: Settings, *, done: Finished, paid: bool = False) -> int:
    """Send as the delivery leader; when the running bot leads, watch it until `done`."""
    try:
        return await deliver_command(settings, paid=paid, in_flight=100, wait=False)
    except LeaderBusy:
        pass
    async with opened(settings, migrate=False) as stores:
        while not await done(stores):  # noqa: ASYNC110 - another process moves this state
            await asyncio.sleep(WATCH_EVERY)
    return 0


async def _show_progress(settings: Settings, advisory_id: str, task: asyncio.Task[int]) -> None:
    started = time.monotonic()
    terminal = sys.stdout.isatty()  # a log gets a line every few seconds, not a \r each 0.5 s
    async with opened(settings, migrate=False) as stores:
        outbox = stores.outbox
        sent_before = (await outbox.progress(advisory_id)).by_status.get("sent", 0)
        printed = 0.0
        while True:
            progress = await outbox.progress(advisory_id)
            line = bar(progress, started=started, sent_before=sent_before)
            now = time.monotonic()
            if terminal:
                print("\r" + line, end="", flush=True)
            elif task.done() or now - printed >= LOG_EVERY:
                print(line, flush=True)
                printed = now
            if task.done():
                break
            await asyncio.sleep(0.5)
        progress = await outbox.progress(advisory_id)
        locales = ", ".join(f"{k} {v}" for k, v in sorted(progress.sent_by_locale.items()))
        print(("\n" if terminal else "") + f"sent by locale: {locales or 'none'}")
