"""Visitors of the public port, for `public_port.py`: BUSY connections asking for a page
again and again (keep-alive), IDLE ones that connect and say nothing, for SECONDS; then
prints how many pages were served and how many requests were refused (503 or closed).

    python benchmarks/load_page.py HOST PORT BUSY IDLE SECONDS
"""

from __future__ import annotations

import asyncio
import sys
import time

REQUEST = b"GET /ru/UZ/ HTTP/1.1\r\nHost: elchi\r\n\r\n"
counts = {"served": 0, "refused": 0}


async def busy(host: str, port: int, end: float) -> None:
    """Ask for the page on one connection until it is refused or closed, then reconnect."""
    while time.monotonic() < end:
        try:
            reader, writer = await asyncio.open_connection(host, port)
            while time.monotonic() < end:
                writer.write(REQUEST)
                await writer.drain()
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                await reader.readexactly(length)
                if b" 200 " not in head.split(b"\r\n")[0]:
                    counts["refused"] += 1
                    break
                counts["served"] += 1
            writer.close()
        except (OSError, asyncio.IncompleteReadError, ValueError):
            counts["refused"] += 1
            await asyncio.sleep(0.05)


async def idle(host: str, port: int, end: float) -> None:
    """Connect and say nothing; connect again when closed."""
    while time.monotonic() < end:
        try:
            reader, writer = await asyncio.open_connection(host, port)
            await asyncio.wait_for(reader.read(), timeout=max(0.1, end - time.monotonic()))
            writer.close()
        except (OSError, TimeoutError):
            await asyncio.sleep(0.1)


async def main(host: str, port: int, busy_count: int, idle_count: int, seconds: float) -> None:
    end = time.monotonic() + seconds
    await asyncio.gather(
        *(busy(host, port, end) for _ in range(busy_count)),
        *(idle(host, port, end) for _ in range(idle_count)),
    )
    print(counts["served"], counts["refused"], flush=True)


if __name__ == "__main__":
    host, port, busy_n, idle_n, seconds = sys.argv[1:6]
    asyncio.run(main(host, int(port), int(busy_n), int(idle_n), float(seconds)))
