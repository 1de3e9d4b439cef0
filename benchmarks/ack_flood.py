"""The replies that flood back (#30): the real `elchi run` broadcasts on the paid lane to the
sandbox with Telegram's limits on, while readers who got the advisory press "I understand" at a
steady rate. Figures, not asserts: presses answered and how fast, the broadcast's rate meanwhile,
the bot process's CPU, 429s.

    python benchmarks/ack_flood.py [--quick] [--write benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.public_port import ADVISORY, make_database  # noqa: E402
from benchmarks.results import compile_as_installed, print_figures  # noqa: E402
from bot.sandbox import Limits, Sandbox  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


async def one_run(subscribers: int, *, rate: int, seconds: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        url = await make_database(Path(folder), subscribers, paid=True)
        sandbox = await Sandbox(auto_chats=True, limits=Limits(enabled=True)).start()
        env = {**os.environ, "BOT_TOKEN": sandbox.token, "BOT_API_URL": sandbox.url,
               "DATABASE_URL": url, "SECRET_KEY": "s" * 40, "LOG_LEVEL": "WARNING",
               "PAGE_LISTEN": "", "METRICS_LISTEN": "",
               # The bot of this tree, not the one installed (a copy of older code beside it,
               # run for a before/after, would otherwise measure the installed one).
               "PYTHONPATH": str(ROOT)}  # fmt: skip
        bot = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", env=env, cwd=folder,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        try:
            while sandbox.bot.stats.sent < 2 * rate:  # readers who got it, to press
                await asyncio.sleep(0.05)
            pressed: dict[str, float] = {}  # presses not answered yet
            presses = 0
            answered: dict[str, float] = {}
            cpu, sent, started = cpu_seconds(bot.pid), sandbox.bot.stats.sent, time.perf_counter()
            own = cpu_seconds(os.getpid())
            reader = 0
            while (now := time.perf_counter()) - started < seconds:
                while presses < (now - started) * rate:  # the presses due by now
                    reader += 1
                    user = sandbox.user(user_id=reader)
                    message = user.bot_messages()[-1]
                    query = user.press_data(message, f"ack:{ADVISORY}")["callback_query"]["id"]
                    pressed[query], presses = now, presses + 1
                _note_answers(sandbox, pressed, answered)
                await asyncio.sleep(0.005)
            elapsed = time.perf_counter() - started
            cpu, sent = cpu_seconds(bot.pid) - cpu, sandbox.bot.stats.sent - sent
            own = cpu_seconds(os.getpid()) - own
            deadline = time.perf_counter() + 15  # Telegram's patience with a press
            while pressed and time.perf_counter() < deadline:
                _note_answers(sandbox, pressed, answered)
                await asyncio.sleep(0.005)
        finally:
            bot.terminate()
            stopping = time.perf_counter()
            try:
                _, stderr = await asyncio.wait_for(bot.communicate(), 30)
            except TimeoutError:  # reported: a stop must take under 10 s
                bot.kill()
                _, stderr = await bot.communicate()
            stop_seconds = time.perf_counter() - stopping
            await sandbox.stop()
    if "Traceback" in (log := stderr.decode()):  # the first, to read: a figure alone hides why
        print(log[log.index("Traceback") :][:3000], file=sys.stderr)
    waits = sorted(answered.values())
    return {
        "subscribers": subscribers, "rate": rate, "seconds": seconds,
        "pressed": presses, "answered": len(answered),
        "p50": waits[len(waits) // 2] if waits else float("nan"),
        "p99": waits[min(len(waits) - 1, int(len(waits) * 0.99))] if waits else float("nan"),
        "broadcast_rate": sent / elapsed, "cpu_share": cpu / elapsed,
        "harness_share": own / elapsed,
        "429s": sandbox.bot.stats.too_many_requests,
        "tracebacks": stderr.decode().count("Traceback"),
        "stop_seconds": stop_seconds,
    }  # fmt: skip


def _note_answers(sandbox: Sandbox, pressed: dict[str, float], answered: dict[str, float]) -> None:
    """Seconds from each press to its answer, for the ones answered since the last look (moved
    from `pressed`, which holds the presses still waiting). Only those are looked at: going
    through every answer so far, 200 times a second, was 900,000 looks a second by the end of
    a quick run, in the process that is also the sandbox the broadcast is measured against."""
    now, answers = time.perf_counter(), sandbox.bot.callback_answers
    for query in [q for q in pressed if answers.get(q) is not None]:
        answered[query] = now - pressed.pop(query)


def report(r: dict[str, Any]) -> str:
    rows = [
        ("paid broadcast from `elchi run`", f"{r['subscribers']:,} readers, limit 1,000/s"),
        ("presses of “I understand”", f"{r['rate']}/s for {r['seconds']:.0f} s, by readers"),
        ("answered", f"{r['answered']:,} of {r['pressed']:,}"),
        ("press → answer", f"p50 {1000 * r['p50']:.0f} ms, p99 {1000 * r['p99']:.0f} ms"),
        ("broadcast meanwhile (new messages, the edits not counted)",
         f"{r['broadcast_rate']:.0f} msg/s"),
        ("bot process CPU meanwhile", f"{100 * r['cpu_share']:.0f} % of a core"),
        ("the sandbox and the readers' process meanwhile",
         f"{100 * r['harness_share']:.0f} % of a core"),
        ("429s / tracebacks", f"{r['429s']} / {r['tracebacks']}"),
        ("SIGTERM → exit", f"{r['stop_seconds']:.1f} s"),
    ]  # fmt: skip
    return (
        f"\n## {date.today()} — presses during a paid broadcast, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}\n\n"
        "`python benchmarks/ack_flood.py` (`make bench-ack`): the real `elchi run`; the sandbox "
        "(Telegram's limits on) and the pressing readers in the benchmark's own process.\n\n"
        "| figure | value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="30,000 readers and 15 s, not 60")
    parser.add_argument("--write", type=Path, help="append the table to this file")
    args = parser.parse_args()
    compile_as_installed()
    figures = asyncio.run(
        one_run(30_000 if args.quick else 100_000, rate=300, seconds=15 if args.quick else 60)
    )
    text = report(figures)
    print_figures(text, args.write)


if __name__ == "__main__":
    main()
