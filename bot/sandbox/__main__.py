"""Run the sandbox on its own: `python -m bot.sandbox [--count-only] [--limits] [--port N]`.

Benchmarks start it in a separate process so that it does not share a core with the bot.
It prints `READY <url> <token>` when listening; `GET /sandbox/stats` reports its counters.
"""

from __future__ import annotations

import argparse
import asyncio
import signal

from aiohttp import web

from bot.sandbox import Limits, Sandbox


async def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.sandbox")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--count-only", action="store_true", help="count messages, store none")
    parser.add_argument("--limits", action="store_true", help="enforce Telegram's flood limits")
    args = parser.parse_args()
    sandbox = Sandbox(
        auto_chats=True,
        store_messages=not args.count_only,
        limits=Limits(enabled=args.limits),
    )

    async def stats(_: web.Request) -> web.Response:
        counts = sandbox.bot.stats
        copies = list(counts.per_chat.values())
        accepted = sandbox.server.flood.accepted  # with --limits: when each send was taken
        return web.json_response(
            {
                "sent": counts.sent,
                "too_many_requests": counts.too_many_requests,
                "chats": len(copies),
                "max_copies": max(copies, default=0),
                # Seconds from the first send taken to the last (the sending itself, without a
                # client's start-up), and the most taken in any one second on the paid lane.
                "sending_seconds": accepted[-1][0] - accepted[0][0] if accepted else 0.0,
                "busiest_paid_second": sandbox.server.flood.busiest_second(paid=True),
            }
        )

    sandbox.server.extra_routes.append(("GET", "/sandbox/stats", stats))
    await sandbox.server.start(args.port)
    print(f"READY {sandbox.url} {sandbox.token}", flush=True)
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(signum, stop.set)
    await stop.wait()
    await sandbox.stop()


if __name__ == "__main__":
    asyncio.run(main())
