"""`elchi demo`: interactive in a terminal, a script with --script, else the built-in tour."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

from bot.demo.harness import running_harness
from bot.demo.session import HELP, DemoSession, ErrorRecorder
from bot.demo.tour import tour_lines
from bot.world import COUNTRY_CODES

DEMO_CHANNEL = -1000000000001  # the admin demo's public channel (CHANNELS)

log = logging.getLogger(__name__)


async def _stdin_lines(prompt: str) -> AsyncIterator[str]:
    """Lines typed by the person; a daemon thread reads so Ctrl-C never hangs exit.

    The thread shows the prompt only when asked for the next line, so the prompt comes after
    the bot's answer to the previous one.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str | None] = asyncio.Queue()
    wanted = threading.Event()

    def reader() -> None:
        while True:
            wanted.wait()
            wanted.clear()
            try:
                line: str | None = input(prompt)
            except (EOFError, KeyboardInterrupt):
                line = None
            loop.call_soon_threadsafe(queue.put_nowait, line)
            if line is None:
                return

    threading.Thread(target=reader, daemon=True).start()
    while True:
        wanted.set()
        line = await queue.get()
        if line is None:
            return
        yield line


async def _lines_from(source: Iterable[str]) -> AsyncIterator[str]:
    for line in source:
        yield line.rstrip("\n")


def read_script(path: str) -> list[str]:
    """The lines of a demo script (`-` is stdin); OSError if it cannot be read."""
    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    return text.splitlines()


async def run_demo(*, locale: str | None, script: list[str] | None, admin: str | None) -> int:
    """Run the demo; 0 if the bot answered everything without an error."""
    interactive = script is None and sys.stdin.isatty()
    recorder = ErrorRecorder()
    logging.getLogger().addHandler(recorder)
    extra: dict[str, object] = {"admins": {424242: admin}} if admin else {}
    if admin in COUNTRY_CODES:  # the admin's country has a public channel mirroring it
        extra["channels"] = {str(DEMO_CHANNEL): (admin, "ru")}
    # The delivery worker runs too, as in `elchi run`: an admin's advisory really goes out.
    async with running_harness(deliver=True, **extra) as harness:  # type: ignore[arg-type]
        if admin in COUNTRY_CODES:
            harness.sandbox.channel(DEMO_CHANNEL, f"Elchi · {admin} · ru")
        if script is None and not interactive:
            lines = _lines_from(tour_lines())
            print("Elchi demo: the built-in tour (run it in a terminal to chat yourself).")
        elif interactive:
            lines = _stdin_lines("you> ")
            who = f"an embassy admin of {admin}" if admin else "a migrant"
            print(f"Elchi demo — you are {who} chatting with the bot. {HELP}")
        else:
            lines = _lines_from(script or [])
        user_id = 424242 if admin else None
        problems: list[str] = []
        color = interactive and sys.stdout.isatty()
        user = harness.sandbox.user(language_code=locale, user_id=user_id)
        session = DemoSession(harness, user, color=color, problems=problems)
        async for line in lines:
            if line.strip() == "/quit":
                break
            if line.startswith("/user"):
                language = line.split()[1] if len(line.split()) > 1 else None
                user = harness.sandbox.user(language_code=language)
                session = DemoSession(harness, user, color=color, problems=problems)
                print(f"--- a new user, Telegram language {language or 'unset'} ---")
                continue
            if not interactive and line.strip() and not line.startswith("#"):
                print(f"you> {line}")
            for output in await session.step(line):
                print(output)
    logging.getLogger().removeHandler(recorder)
    problems += [f"error logged: {r.getMessage()}" for r in recorder.records]
    for problem in problems:
        print(f"demo problem: {problem}", file=sys.stderr)
    return 1 if problems else 0
