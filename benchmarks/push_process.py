"""`elchi push FILE --paid --yes` as an operator runs it, process start to exit, against the
sandbox enforcing Telegram's limits (1,000/s on the paid lane), beside a baseline process: a
python-telegram-bot `send_message` loop sending the same text with the same button to as many
chats. Figures, not asserts: CPU of each whole process divided by the messages it sent.

    python benchmarks/push_process.py [--quick] [--write benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.broadcast import ADVISORY, SandboxProcess, make_database  # noqa: E402
from benchmarks.results import compile_as_installed, print_figures  # noqa: E402

# The baseline: what a bot written with PTB alone does, the same message and button each time.
BASELINE = """
import asyncio, json, sys
from telegram import Bot, InlineKeyboardMarkup
url, token, count, payload = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
async def main():
    bot = Bot(token, base_url=url + "/bot")
    markup = InlineKeyboardMarkup.de_json(payload["reply_markup"], bot)
    async with bot:
        for chat_id in range(1, count + 1):
            await bot.send_message(chat_id, payload["text"], parse_mode="HTML",
                                   reply_markup=markup, disable_web_page_preview=True,
                                   allow_paid_broadcast=True)
asyncio.run(main())
"""


def advisory_file(folder: Path) -> Path:
    """A copy of a stored UZ advisory under a new id: what an embassy pushes."""
    source = (ROOT / "advisories" / "UZ" / "2022-09-21-prosecutor-warning.yaml").read_text("utf-8")
    path = folder / "push.yaml"
    path.write_text(source.replace(f"id: {ADVISORY}", "id: uz-bench-push"), "utf-8")
    return path


def russian_message() -> dict[str, Any]:
    """The last part of the advisory as a Russian reader gets it, with its buttons."""
    from bot.advisories.content import load_content
    from bot.advisories.render import renderer
    from bot.delivery.message import ack_markup
    from bot.i18n import Translator

    translator = Translator()
    content, _ = load_content(ROOT / "advisories", translator=translator)
    advisory = next(a for a in content.advisories if a.id == ADVISORY)
    parts = renderer(translator)(advisory, "ru")
    return {"text": parts[-1], "reply_markup": ack_markup(translator)(advisory, "ru")}


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one child process, start to exit."""
    before, start = os.times(), time.perf_counter()
    subprocess.run(command, env=env, cwd=ROOT, check=True, timeout=900, stdout=subprocess.DEVNULL)
    wall, after = time.perf_counter() - start, os.times()
    cpu = after.children_user - before.children_user
    return wall, cpu + after.children_system - before.children_system


async def run(subscribers: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url = await make_database(folder, subscribers)
        sandbox = SandboxProcess(limits=True)
        try:
            settings = {"DATABASE_URL": url, "BOT_TOKEN": sandbox.token, "APPROVALS": "1"}
            env = {**os.environ, **settings, "BOT_API_URL": sandbox.url, "LOG_LEVEL": "WARNING"}
            push = [sys.executable, "-m", "bot", "push", str(advisory_file(folder)), "--paid"]
            elchi = timed([*push, "--yes"], env)
            after_elchi = await sandbox.stats()
            payload = json.dumps(russian_message(), ensure_ascii=False)
            base_cmd = [sys.executable, "-c", BASELINE, sandbox.url, sandbox.token]
            base = timed([*base_cmd, str(subscribers), payload], env)
            after_base = await sandbox.stats()
        finally:
            sandbox.stop()
    sent, limited = after_elchi["sent"], after_elchi["too_many_requests"]
    return {
        "subscribers": subscribers,
        "elchi": {
            "wall": elchi[0],
            "cpu": elchi[1],
            "sent": sent,
            "429s": limited,
            "sending": after_elchi["sending_seconds"],
            "busiest": after_elchi["busiest_paid_second"],
        },
        "baseline": {
            "wall": base[0],
            "cpu": base[1],
            "sent": after_base["sent"] - sent,
            "429s": after_base["too_many_requests"] - limited,
        },
    }


def report(results: dict[str, Any]) -> str:
    e, b = results["elchi"], results["baseline"]
    e_ms, b_ms = 1000 * e["cpu"] / e["sent"], 1000 * b["cpu"] / b["sent"]
    rows = [
        ("subscribers (UZ, five languages, SQLite)", f"{results['subscribers']:,}"),
        ("`elchi push FILE --paid --yes`, start to exit",
         f"{e['wall']:.1f} s wall, {e['cpu']:.1f} s CPU, {e['sent']:,} sent, {e['429s']} × 429"),
        ("its rate, start to exit", f"{e['sent'] / e['wall']:.0f} msg/s"),
        ("its rate while sending (first send taken to last), busiest second",
         f"{e['sent'] / max(e['sending'], 1e-9):.0f} msg/s, {e['busiest']:,}"),
        ("baseline: PTB `send_message` loop, same text and button",
         f"{b['wall']:.1f} s wall, {b['cpu']:.1f} s CPU, {b['sent']:,} sent, {b['429s']} × 429"),
        ("CPU a message, whole process: Elchi / baseline",
         f"{e_ms:.2f} / {b_ms:.2f} ms ({b_ms / e_ms:.1f}× less)"),
    ]  # fmt: skip
    head = f"## {date.today()} — push as a process, {platform.machine()}, {os.cpu_count()} cores"
    command = "`python benchmarks/push_process.py` (`make bench-push`)"
    lines = [head, "", command, "", "| figure | value |", "|---|---|"]
    return "\n".join(lines + [f"| {k} | {v} |" for k, v in rows]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="5,000 subscribers, not 30,000")
    parser.add_argument("--write", type=Path, help="append the table to this file")
    args = parser.parse_args()
    compile_as_installed()
    table = report(asyncio.run(run(5_000 if args.quick else 30_000)))
    print_figures(table, args.write, lead="\n")


if __name__ == "__main__":
    main()
