"""Broadcast benchmarks: figures, not asserts. `make bench-quick` (< 3 min) or `make bench`.

1. throughput with limits off: Elchi's engine vs a plain `await bot.send_message` loop (PTB's
   default transport), and the sandbox's own ceiling (a raw client with many connections);
2. rate accuracy with the sandbox enforcing Telegram's limits (free 30/s, paid 1000/s);
3. memory: peak RSS of a broadcast process (full mode: 100,000 and 1,000,000 subscribers);
4. latency: publish → first delivery; /start replies while a broadcast runs (p50, p99).
The sandbox runs in its own process (`python -m bot.sandbox`), counting messages only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.results import print_figures  # noqa: E402
from bot.admin.importer import import_folder  # noqa: E402
from bot.cli.dispatch import settle_heap  # noqa: E402
from bot.clock import utcnow  # noqa: E402
from bot.delivery.budget import Budget, Lanes  # noqa: E402
from bot.delivery.service import worker  # noqa: E402
from bot.delivery.telegram_api import BotApiClient, SendResult  # noqa: E402
from bot.delivery.worker import WorkerConfig  # noqa: E402
from bot.i18n import Translator  # noqa: E402
from bot.storage import Database  # noqa: E402
from bot.storage.advisories import AdvisoryRepository  # noqa: E402
from bot.storage.stores import Stores  # noqa: E402

ADVISORY = "uz-2022-09-21-prosecutor-warning"
LOCALES = ("uz", "uz_Cyrl", "ky", "tg", "ru")


class SandboxProcess:
    """`python -m bot.sandbox` in a child process."""

    def __init__(self, *, limits: bool) -> None:
        flags = ["--count-only"] + (["--limits"] if limits else [])
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.sandbox", *flags],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        ready = self.process.stdout.readline().split()
        self.url, self.token = ready[1], ready[2]

    async def stats(self) -> dict[str, Any]:
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"{self.url}/sandbox/stats") as r,
        ):
            return dict(await r.json())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


async def make_database(folder: Path, subscribers: int) -> str:
    url = f"sqlite+aiosqlite:///{folder}/bench.db"
    database = Database(url)
    await database.migrate()
    await import_folder(
        ROOT / "advisories",
        repository=AdvisoryRepository(database=database),
        translator=Translator(),
    )
    await database.close()
    with sqlite3.connect(folder / "bench.db") as connection:  # bulk load, not the code under test
        now = utcnow().isoformat()
        connection.executemany(
            "INSERT INTO subscribers VALUES (?, ?, 'UZ', NULL, 1, 0, 0, ?, ?)",
            ((i, LOCALES[i % 5], now, now) for i in range(1, subscribers + 1)),
        )
    return url


class TimedClient(BotApiClient):
    """The product's client, noting when the first and the last send were answered."""

    first: float | None = None
    last: float | None = None

    async def send_message(self, payload: dict[str, Any]) -> SendResult:
        result = await super().send_message(payload)
        self.last = time.perf_counter()
        self.first = self.first or self.last
        return result


async def engine(
    url: str, sandbox: SandboxProcess, *, rate: float, paid: bool, in_flight: int = 200
) -> dict[str, float]:
    """The worker as the product builds it (`service.worker`), its "I understand" button too."""
    database = Database(url)
    try:
        advisory = await AdvisoryRepository(database=database).get(advisory_id=ADVISORY)
        assert advisory is not None
        stores = Stores.over(database, clock=utcnow)
        client = TimedClient(api_url=sandbox.url, token=sandbox.token, connections=in_flight)
        async with (
            client as api,
            worker(
                stores=stores,
                translator=Translator(),
                api_url=sandbox.url,
                token=sandbox.token,
                budget=Budget(Lanes(free=rate, paid=rate)),
                config=WorkerConfig(max_in_flight=in_flight, paid=paid),
                client=api,
            ) as running,
        ):
            settle_heap()  # as every `elchi` command does before it runs
            # As the bot publishes: the first batch, then sending while the rest is filled.
            started, cpu = time.perf_counter(), time.process_time()
            await stores.outbox.start(advisory, paid=paid)
            published = time.perf_counter()
            await running.drain()
            cpu = time.process_time() - cpu
            ended = time.perf_counter()
            total = (await stores.outbox.progress(advisory.id)).total
    finally:
        await database.close()
    first, last = api.first or float("nan"), api.last or float("nan")
    return {
        "messages": total,
        "publish_s": published - started,
        "first_delivery_s": first - started,
        "send_rate": total / (ended - started),
        "cpu_ms_per_message": 1000 * cpu / max(total, 1),
        # Between the first and the last send: the rate a lane sustains, without start and end.
        "sustained_rate": (total - 1) / (last - first),
    }


async def baseline(sandbox: SandboxProcess, messages: int) -> tuple[float, float]:
    """The PTB loop: messages a second, and CPU milliseconds a message."""
    from telegram import Bot

    bot = Bot(sandbox.token, base_url=f"{sandbox.url}/bot")
    async with bot:
        started, cpu = time.perf_counter(), time.process_time()
        for chat_id in range(1, messages + 1):
            await bot.send_message(chat_id, "Test advisory")
        cpu_ms = 1000 * (time.process_time() - cpu) / messages
        return messages / (time.perf_counter() - started), cpu_ms


async def ceiling(sandbox: SandboxProcess, messages: int, connections: int = 200) -> float:
    url = f"{sandbox.url}/bot{sandbox.token}/sendMessage"
    queue = iter(range(1, messages + 1))
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=connections)) as s:

        async def blast() -> None:
            for chat_id in queue:
                async with s.post(url, json={"chat_id": chat_id, "text": "x"}) as answer:
                    await answer.read()

        started = time.perf_counter()
        await asyncio.gather(*(blast() for _ in range(connections)))
        return messages / (time.perf_counter() - started)


def proc_status_mib(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def memory_child(url: str) -> None:
    """In a fresh process on a ready database: RSS when idle, then peak RSS of a broadcast."""
    sandbox = SandboxProcess(limits=False)
    try:
        database = Database(url)
        await database.migrate()
        await database.close()
        Translator()
        idle = proc_status_mib("VmRSS")
        figures = await engine(url, sandbox, rate=100_000, paid=True)
        print(json.dumps({"idle_mib": idle, "peak_mib": proc_status_mib("VmHWM"), **figures}))
    finally:
        sandbox.stop()


def memory(subscribers: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        url = asyncio.run(make_database(Path(folder), subscribers))
        out = subprocess.run(
            [sys.executable, __file__, "--memory-child", url],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
            timeout=3600,
        )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


async def rate_accuracy(folder: Path, *, paid: bool, seconds: float) -> dict[str, float]:
    rate = Lanes().paid if paid else Lanes().free  # production's margins under Telegram's
    url = await make_database(folder, int(rate * seconds))
    sandbox = SandboxProcess(limits=True)
    try:
        figures = await engine(url, sandbox, rate=rate, paid=paid, in_flight=100)
        figures["429s"] = (await sandbox.stats())["too_many_requests"]
    finally:
        sandbox.stop()
    return figures


async def start_latency(folder: Path, subscribers: int, probes: int) -> dict[str, float]:
    """/start replies through the real bot while the engine broadcasts (sandbox in-process)."""
    from bot.demo.harness import running_harness
    from bot.sandbox import Sandbox

    url = await make_database(folder, subscribers)
    sandbox = await Sandbox(auto_chats=True).start()
    times: list[float] = []
    try:
        async with running_harness(database_url=url, sandbox=sandbox) as harness:
            advisory = await harness.services.stores.advisories.get(advisory_id=ADVISORY)
            assert advisory is not None
            stores = harness.services.stores
            await stores.outbox.publish(advisory, paid=True)
            async with worker(
                stores=stores,
                translator=Translator(),
                api_url=sandbox.url,
                token=sandbox.token,
                budget=harness.services.budget,  # the one replies use too
                config=WorkerConfig(paid=True),
            ) as running:
                broadcast = asyncio.create_task(running.drain())
                for index in range(probes):
                    user = sandbox.user(user_id=10_000_000 + index, language_code="ru")
                    sent = time.perf_counter()
                    user.send("/start")
                    while not user.bot_messages():
                        await asyncio.sleep(0.001)
                    times.append(time.perf_counter() - sent)
                    await asyncio.sleep(0.05)
                running.stopping = True
                await broadcast
    finally:
        await sandbox.stop()
    times.sort()
    return {
        "p50_ms": 1000 * statistics.median(times),
        "p99_ms": 1000 * times[min(len(times) - 1, int(len(times) * 0.99))],
    }


async def run(quick: bool) -> dict[str, Any]:
    n = 20_000 if quick else 100_000
    results: dict[str, Any] = {"mode": "quick" if quick else "full", "subscribers": n}
    with tempfile.TemporaryDirectory() as folder:
        url = await make_database(Path(folder), n)
        sandbox = SandboxProcess(limits=False)
        try:
            results["ceiling"] = await ceiling(sandbox, 20_000 if quick else 50_000)
            results["baseline"], results["baseline_cpu_ms"] = await baseline(
                sandbox, 2_000 if quick else 10_000
            )
            results["engine"] = await engine(url, sandbox, rate=100_000, paid=True)
        finally:
            sandbox.stop()
    with tempfile.TemporaryDirectory() as folder:
        results["free_lane"] = await rate_accuracy(
            Path(folder), paid=False, seconds=15 if quick else 60
        )
    with tempfile.TemporaryDirectory() as folder:
        results["paid_lane"] = await rate_accuracy(
            Path(folder), paid=True, seconds=10 if quick else 30
        )
    with tempfile.TemporaryDirectory() as folder:
        results["start_latency"] = await start_latency(
            Path(folder), 5_000 if quick else 100_000, 30 if quick else 200
        )
    return results


def report(results: dict[str, Any]) -> str:
    engine_rate, base = results["engine"]["send_rate"], results["baseline"]
    lines = [
        f"## {date.today()} — {results['mode']} run, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}",
        "",
        "| figure | value |",
        "|---|---|",
        f"| sandbox ceiling (raw aiohttp, 200 connections) | {results['ceiling']:.0f} msg/s |",
        f"| baseline: `await bot.send_message` loop, PTB httpx | {base:.0f} msg/s |",
        f"| Elchi engine, {results['subscribers']:,} subscribers, limits off, SQLite "
        f"| {engine_rate:.0f} msg/s ({engine_rate / base:.1f}× baseline) |",
        f"| CPU per message in the send path: engine / baseline | "
        f"{results['engine']['cpu_ms_per_message']:.2f} / {results['baseline_cpu_ms']:.2f} ms "
        f"({results['baseline_cpu_ms'] / results['engine']['cpu_ms_per_message']:.1f}× less) |",
        f"| first outbox batch written ({results['subscribers']:,} subscribers) | "
        f"{results['engine']['publish_s'] * 1000:.0f} ms |",
        f"| publish → first delivery | {results['engine']['first_delivery_s'] * 1000:.0f} ms |",
        f"| free lane, sandbox enforcing 30/s + 1/s a chat | "
        f"{results['free_lane']['sustained_rate']:.2f} msg/s sustained, "
        f"{results['free_lane']['429s']} × 429 |",
        f"| paid lane, sandbox enforcing 1000/s | "
        f"{results['paid_lane']['sustained_rate']:.0f} msg/s sustained, "
        f"{results['paid_lane']['429s']} × 429 |",
        f"| /start reply during a broadcast | p50 {results['start_latency']['p50_ms']:.0f} ms, "
        f"p99 {results['start_latency']['p99_ms']:.0f} ms |",
    ]
    for key in ("memory_100k", "memory_1m"):
        if key in results:
            m = results[key]
            lines.append(
                f"| {key}: idle / peak RSS | {m['idle_mib']:.0f} / "
                f"{m['peak_mib']:.0f} MiB ({m['send_rate']:.0f} msg/s) |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--memory-child", help="(internal) a database URL to broadcast from")
    parser.add_argument("--memory-only", action="store_true", help="only the memory figures")
    parser.add_argument("--write", type=Path, help="append the table to this Markdown file")
    args = parser.parse_args()
    if args.memory_child:
        asyncio.run(memory_child(args.memory_child))
        return
    if args.memory_only:
        for n in (100_000, 1_000_000):
            print(f"memory {n}: {memory(n)}", flush=True)
        return
    results = asyncio.run(run(args.quick))
    if not args.quick:  # each in its own process, outside the event loop above
        results["memory_100k"] = memory(100_000)
        results["memory_1m"] = memory(1_000_000)
    table = report(results)
    print_figures(table, args.write, lead="\n")


if __name__ == "__main__":
    main()
