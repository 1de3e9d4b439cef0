"""The public port under load cannot slow the bot (#25): the real `elchi run` (with its page
process) broadcasts on the free lane to the sandbox with Telegram's limits on, while newcomers
send /start; once quietly, once with 400 busy and 600 idle connections on the public port (a
load process of its own). Figures, not asserts; both runs side by side.

    python benchmarks/public_port.py [--quick] [--write benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.results import compile_as_installed, print_figures  # noqa: E402
from bot.admin.importer import import_folder  # noqa: E402
from bot.clock import utcnow  # noqa: E402
from bot.i18n import Translator  # noqa: E402
from bot.sandbox import Limits, Sandbox  # noqa: E402
from bot.storage import Database  # noqa: E402
from bot.storage.advisories import AdvisoryRepository  # noqa: E402
from bot.storage.outbox import Outbox  # noqa: E402

ADVISORY = "uz-2022-09-21-prosecutor-warning"
LOCALES = ("uz", "uz_Cyrl", "ky", "tg", "ru")
LOAD = Path(__file__).with_name("load_page.py")  # the visitors, in a process of their own


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def make_database(folder: Path, subscribers: int, *, paid: bool = False) -> str:
    url = f"sqlite+aiosqlite:///{folder}/bench.db"
    database = Database(url)
    await database.migrate()
    repository = AdvisoryRepository(database=database)
    await import_folder(ROOT / "advisories", repository=repository, translator=Translator())
    await database.close()
    with sqlite3.connect(folder / "bench.db") as connection:  # bulk load, not the code under test
        now = utcnow().isoformat()
        connection.executemany(
            "INSERT INTO subscribers VALUES (?, ?, 'UZ', NULL, 1, 0, 0, ?, ?)",
            ((i, LOCALES[i % 5], now, now) for i in range(1, subscribers + 1)),
        )
    database = Database(url)
    advisory = await AdvisoryRepository(database=database).get(advisory_id=ADVISORY)
    assert advisory is not None
    await Outbox(database=database).publish(advisory, paid=paid)  # the bot sends it at start
    await database.close()
    return url


async def one_run(subscribers: int, *, loaded: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        url = await make_database(Path(folder), subscribers)
        sandbox = await Sandbox(auto_chats=True, limits=Limits(enabled=True)).start()
        page, metrics = free_port(), free_port()
        env = {
            **os.environ,
            "BOT_TOKEN": sandbox.token,
            "BOT_API_URL": sandbox.url,
            "DATABASE_URL": url,
            "SECRET_KEY": "s" * 40,
            "LOG_LEVEL": "WARNING",
            "PAGE_LISTEN": f"127.0.0.1:{page}",
            "METRICS_LISTEN": f"127.0.0.1:{metrics}",
            "PYTHONPATH": str(ROOT),  # this tree's bot, not the installed one
        }
        bot = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", env=env, cwd=folder,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        try:
            while sandbox.bot.stats.sent == 0:  # the broadcast has started
                await asyncio.sleep(0.05)
            started, sent_at_start = time.perf_counter(), sandbox.bot.stats.sent
            seconds = (subscribers - sent_at_start) / 28 * 0.8
            load = None
            if loaded:
                load = await asyncio.create_subprocess_exec(
                    sys.executable, str(LOAD), "127.0.0.1", str(page), "400", "600",
                    str(seconds), stdout=asyncio.subprocess.PIPE,
                )  # fmt: skip
            replies = []
            index = 0
            while time.perf_counter() - started < seconds:
                index += 1
                user = sandbox.user(user_id=50_000_000 + index, language_code="ru")
                sent = time.perf_counter()
                user.send("/start")
                while not user.bot_messages():
                    await asyncio.sleep(0.002)
                replies.append(time.perf_counter() - sent)
                await asyncio.sleep(1.0)  # a newcomer a second
            elapsed = time.perf_counter() - started
            rate = (sandbox.bot.stats.sent - sent_at_start - len(replies)) / elapsed
            served = refused = 0.0
            if load is not None:
                out, _ = await load.communicate()
                served, refused = (float(x) for x in out.split())
        finally:
            bot.terminate()
            _, stderr = await bot.communicate()
            await sandbox.stop()
    replies.sort()
    return {
        "broadcast_rate": rate,
        "start_p50_ms": 1000 * statistics.median(replies),
        "start_p99_ms": 1000 * replies[min(len(replies) - 1, int(len(replies) * 0.99))],
        "too_many_requests": float(sandbox.bot.stats.too_many_requests),
        "tracebacks": float(stderr.decode().count("Traceback")),
        "pages_served": served,
        "pages_refused": refused,
    }


async def run(quick: bool) -> dict[str, dict[str, float]]:
    subscribers = 800 if quick else 2500
    return {
        "quiet": await one_run(subscribers, loaded=False),
        "loaded": await one_run(subscribers, loaded=True),
    }


def report(results: dict[str, dict[str, float]], quick: bool) -> str:
    quiet, loaded = results["quiet"], results["loaded"]
    rows = [
        ("broadcast, free lane (msg/s)", f"{quiet['broadcast_rate']:.1f}",
         f"{loaded['broadcast_rate']:.1f}"),
        ("/start reply p50 (ms)", f"{quiet['start_p50_ms']:.0f}", f"{loaded['start_p50_ms']:.0f}"),
        ("/start reply p99 (ms)", f"{quiet['start_p99_ms']:.0f}", f"{loaded['start_p99_ms']:.0f}"),
        ("429s drawn", f"{quiet['too_many_requests']:.0f}", f"{loaded['too_many_requests']:.0f}"),
        ("tracebacks in the logs", f"{quiet['tracebacks']:.0f}", f"{loaded['tracebacks']:.0f}"),
        ("pages served / refused (503 or closed)", "-",
         f"{loaded['pages_served']:.0f} / {loaded['pages_refused']:.0f}"),
    ]  # fmt: skip
    table = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    mode = "quick" if quick else "full"
    return (
        f"\n## {date.today()} — public port under load ({mode}), {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}\n\n"
        "`benchmarks/public_port.py`: `elchi run` and its page process, the sandbox with "
        "Telegram's limits on; loaded = 400 busy and 600 idle connections on the public port "
        "from a process of their own.\n\n"
        f"| figure | quiet | loaded |\n|---|---|---|\n{table}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="800 subscribers, not 2,500")
    parser.add_argument("--write", type=Path, help="append the table to this file")
    args = parser.parse_args()
    compile_as_installed()
    text = report(asyncio.run(run(args.quick)), args.quick)
    print_figures(text, args.write)


if __name__ == "__main__":
    main()
