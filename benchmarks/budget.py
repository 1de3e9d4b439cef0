"""The one budget and the sends that may arrive twice: figures, not asserts.

1. priority: a moderate UZ broadcast on the free lane with the sandbox enforcing Telegram's
   limits; an extreme KG advisory pushed during it; newcomers subscribing meanwhile. The bot
   runs as `elchi run` does (answers and its delivery worker in one process, one budget).
2. ambiguous sends: a share of sends take effect and then the connection drops; how many
   readers got two copies, and how many the admin's report calls "possibly sent twice".

`python benchmarks/budget.py [--quick] [--write benchmarks/RESULTS.md]`
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.results import print_figures  # noqa: E402

os.environ.setdefault("PTB_TIMEDELTA", "1")

from bot.admin.importer import import_folder  # noqa: E402
from bot.advisories.model import Advisory  # noqa: E402
from bot.clock import utcnow  # noqa: E402
from bot.delivery.budget import Budget  # noqa: E402
from bot.delivery.service import worker  # noqa: E402
from bot.delivery.worker import WorkerConfig  # noqa: E402
from bot.demo.harness import Harness, running_harness  # noqa: E402
from bot.i18n import Translator  # noqa: E402
from bot.sandbox import Faults, Limits, Sandbox  # noqa: E402
from bot.storage import Database, SubscriberRepository  # noqa: E402
from bot.storage.advisories import AdvisoryRepository  # noqa: E402
from bot.storage.outbox import Outbox  # noqa: E402
from bot.storage.stores import Stores  # noqa: E402

UZ_BASE, KG_BASE = "uz-2022-09-21-prosecutor-warning", "kg-2022-09-21-embassy-warning"
KG_READERS = range(5_000_001, 5_000_021)


async def publish(harness: Harness, base_id: str, new_id: str, severity: str) -> None:
    base = await harness.services.stores.advisories.get(advisory_id=base_id)
    assert base is not None
    now = utcnow()
    advisory = Advisory.model_validate(
        {
            **base.model_dump(),
            "id": new_id,
            "severity": severity,
            "effective": now - timedelta(seconds=1),
            "expires": None,
            "publish_at": now,
        }
    )
    await harness.services.stores.advisories.save(advisory=advisory, origin="admin")
    harness.services.bell.set()


def reached(sandbox: Sandbox, chats: range) -> int:
    return sum(1 for chat in chats if chat in sandbox.bot.stats.per_chat)


async def priority(uz_readers: int, newcomers: int) -> dict[str, Any]:
    """Seconds from the extreme push to its first and last reader, the moderate broadcast's
    progress then, the newcomers' welcome packs, and the sandbox's 429 counts."""
    uz = range(1, uz_readers + 1)
    sandbox = Sandbox(auto_chats=True, limits=Limits(enabled=True))
    await sandbox.start()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/budget.db"
        try:
            async with running_harness(database_url=url, sandbox=sandbox, deliver=True) as bot:
                subscribers = bot.services.stores.subscribers
                for chat_id in uz:
                    await subscribers.subscribe(chat_id=chat_id, locale="ru", country="UZ")
                for chat_id in KG_READERS:
                    await subscribers.subscribe(chat_id=chat_id, locale="ky", country="KG")
                started = time.perf_counter()
                await publish(bot, UZ_BASE, "uz-bench-moderate", "moderate")
                while reached(sandbox, uz) < min(300, uz_readers // 3):
                    await asyncio.sleep(0.05)
                pushed = time.perf_counter()
                await publish(bot, KG_BASE, "kg-bench-extreme", "extreme")
                while reached(sandbox, KG_READERS) == 0:
                    await asyncio.sleep(0.005)
                first = time.perf_counter() - pushed
                while reached(sandbox, KG_READERS) < len(KG_READERS):
                    await asyncio.sleep(0.005)
                last, uz_then = time.perf_counter() - pushed, reached(sandbox, uz)
                # Then newcomers subscribe while the moderate broadcast goes on.
                people = [  # ids beyond the UZ readers (1 … uz_readers)
                    sandbox.user(user_id=9_000_001 + n, language_code="ky")
                    for n in range(newcomers)
                ]
                for person in people:
                    person.send("/start")
                pressed: set[int] = set()
                while len(pressed) < len(people):
                    for person in people:
                        if person.id not in pressed and person.bot_messages():
                            person.press("🇰🇬 Кыргызстан")
                            pressed.add(person.id)
                    await asyncio.sleep(0.01)
                while reached(sandbox, uz) < uz_readers:
                    await asyncio.sleep(0.2)
                uz_done = time.perf_counter() - started
                await bot.settle(60)
                complete = sum(
                    1
                    for person in people
                    if any(
                        # the legal warning, under the embassy's name since 2026-12-07
                        "(Кыргызстан) мыйзамы" in (m.text or "")
                        for m in person.bot_messages()
                    )
                )
                return {
                    "uz_readers": uz_readers,
                    "first_kg_s": first,
                    "all_kg_s": last,
                    "uz_when_kg_done": uz_then,
                    "uz_done_s": uz_done,
                    "newcomers": newcomers,
                    "newcomers_complete": complete,
                    "429s": sandbox.bot.stats.too_many_requests,
                    "into_pause": sandbox.server.flood.into_pause,
                }
        finally:
            await sandbox.stop()


async def ambiguous(readers: int, share: float) -> dict[str, Any]:
    """Readers with two copies after dropped connections, and what the report says."""
    sandbox = await Sandbox(
        auto_chats=True, store_messages=False, faults=Faults(drop_after_send_share=share, seed=5)
    ).start()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/twice.db"
        database = Database(url)
        try:
            await database.migrate()
            await import_folder(
                ROOT / "advisories",
                repository=AdvisoryRepository(database=database),
                translator=Translator(),
            )
            subscribers = SubscriberRepository(database=database)
            for chat_id in range(1, readers + 1):
                await subscribers.subscribe(chat_id=chat_id, locale="ru", country="UZ")
            advisory = await _stored(database, UZ_BASE)
            outbox = Outbox(database=database)
            await outbox.publish(advisory)
            async with worker(
                stores=Stores.over(database, clock=utcnow),
                translator=Translator(),
                api_url=sandbox.url,
                token=sandbox.token,
                budget=Budget(),
                config=WorkerConfig(paid=True),
            ) as running:
                await running.drain()
            progress = await outbox.progress(advisory.id)
            per_chat = sandbox.bot.stats.per_chat
            return {
                "readers": readers,
                "share": share,
                "dropped": sandbox.server.dropped,
                "two_copies": sum(1 for count in per_chat.values() if count > 1),
                "missed": readers - len(per_chat),
                "reported": progress.possibly_twice,
            }
        finally:
            await database.close()
            await sandbox.stop()


async def _stored(database: Database, advisory_id: str) -> Advisory:
    advisory = await AdvisoryRepository(database=database).get(advisory_id=advisory_id)
    assert advisory is not None
    return advisory


def report(quick: bool, p: dict[str, Any], a: dict[str, Any]) -> str:
    return (
        "\n".join(
            [
                f"## {date.today()} — budget {'quick' if quick else 'full'} run, "
                f"{platform.machine()}, {os.cpu_count()} cores (`benchmarks/budget.py`)",
                "",
                "| figure | value |",
                "|---|---|",
                f"| extreme KG advisory (20 readers) pushed during a moderate UZ broadcast "
                f"to {p['uz_readers']:,}, free lane, sandbox enforcing Telegram's limits "
                f"| first reader {p['first_kg_s']:.2f} s, all {p['all_kg_s']:.2f} s after "
                f"the push; UZ then at {p['uz_when_kg_done']:,} of {p['uz_readers']:,} |",
                f"| the moderate UZ broadcast, to the end | all {p['uz_readers']:,} in "
                f"{p['uz_done_s'] / 60:.1f} min ({p['uz_readers'] / p['uz_done_s']:.1f} msg/s) |",
                f"| newcomers subscribing during the moderate broadcast | "
                f"{p['newcomers_complete']} of {p['newcomers']} got the whole welcome pack |",
                f"| 429s / sends into a pause, counted by the sandbox | {p['429s']} / "
                f"{p['into_pause']} |",
                f"| {a['share']:.0%} of sends take effect, then the connection drops "
                f"({a['readers']:,} readers) | {a['dropped']} dropped; {a['two_copies']} "
                f"readers got two copies, {a['missed']} missed; the report says “possibly "
                f"sent twice: {a['reported']}” |",
            ]
        )
        + "\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--write", type=Path, help="append the table to this Markdown file")
    args = parser.parse_args()
    uz, newcomers = (1_000, 20) if args.quick else (100_000, 50)
    figures = asyncio.run(priority(uz, newcomers))
    twice = asyncio.run(ambiguous(2_900, 0.02))
    table = report(args.quick, figures, twice)
    print_figures(table, args.write, lead="\n")


if __name__ == "__main__":
    main()
