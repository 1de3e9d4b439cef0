"""What a visitor of the public port cannot do: hold it, flood it, crash it, read /metrics,
or learn what runs it."""

from __future__ import annotations

import asyncio
import errno
import logging
import socket
from collections.abc import AsyncIterator

import aiohttp
import pytest
import uvloop

from bot.demo.harness import Harness, running_harness
from bot.reach.guard import SECURITY_HEADERS, listening_port
from bot.reach.server import PageServer
from tests.reach.test_pages import page_server

MALFORMED = {
    "a path over 8 KB": b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    "300 headers": b"GET / HTTP/1.1\r\nHost: x\r\n"
    + b"".join(b"X-H%d: v\r\n" % i for i in range(300))
    + b"\r\n",
    "an unknown method": b"BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n",
    "no HTTP at all": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 secret-bytes\r\n\r\n",
}


@pytest.fixture
async def guarded(database_url: str) -> AsyncIterator[tuple[Harness, PageServer]]:
    async with running_harness(database_url=database_url) as harness:
        server = page_server(harness, max_connections=20, header_timeout=0.5)
        await server.start("127.0.0.1", 0)
        try:
            yield harness, server
        finally:
            await server.stop()


async def raw(port: int, request: bytes) -> bytes:
    """Send bytes as they are; what comes back before the server closes."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request)
    await writer.drain()
    async with asyncio.timeout(5):
        answer = await reader.read()
    writer.close()
    return answer


@pytest.mark.parametrize("kind", list(MALFORMED))
async def test_a_malformed_request_gets_a_bare_answer_and_one_warning_line(
    guarded: tuple[Harness, PageServer], kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    _, server = guarded
    caplog.set_level(logging.DEBUG)
    answer = await raw(server.port, MALFORMED[kind])
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split()[1])
    assert status in (400, 405, 501)
    assert b"aiohttp" not in answer.lower()  # no version banner
    assert b"Server: elchi" in head
    assert b"nosniff" in head
    assert b"Content-Security-Policy" in head
    assert b"secret-bytes" not in body
    assert b"aaaa" not in body  # the visitor's bytes are not echoed
    for record in caplog.records:
        assert record.exc_info is None, record.getMessage()  # never a traceback
        assert "secret-bytes" not in record.getMessage()
        assert "aaaa" not in record.getMessage()


async def test_every_answer_carries_the_security_headers(
    guarded: tuple[Harness, PageServer],
) -> None:
    _, server = guarded
    async with aiohttp.ClientSession() as client:
        for method, path in (("GET", "/"), ("GET", "/nowhere"), ("POST", "/"), ("GET", "/ru/UZ/")):
            async with client.request(method, f"http://127.0.0.1:{server.port}{path}") as answer:
                for name, value in SECURITY_HEADERS.items():
                    assert answer.headers[name] == value, (method, path, name)


async def test_connections_over_the_limit_are_refused_and_silent_ones_closed(
    guarded: tuple[Harness, PageServer],
) -> None:
    _, server = guarded
    idle = [await asyncio.open_connection("127.0.0.1", server.port) for _ in range(20)]
    await asyncio.sleep(0.05)
    refused = await raw(server.port, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert refused.startswith(b"HTTP/1.1 503")
    async with asyncio.timeout(5):  # the silent ones are closed after the header timeout
        for reader, _ in idle:
            assert await reader.read() == b""
    answer = await raw(server.port, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200")  # room again
    for _, writer in idle:
        writer.close()


async def test_a_page_is_rendered_once_until_an_advisory_changes(
    guarded: tuple[Harness, PageServer],
) -> None:
    harness, server = guarded
    url = f"http://127.0.0.1:{server.port}/ru/UZ/"
    async with aiohttp.ClientSession() as client:
        for _ in range(30):
            async with client.get(url) as answer:
                assert answer.status == 200
        assert server.pages.rendered == 1
        known = await harness.services.stores.advisories.get(
            advisory_id="uz-2022-08-10-embassy-warning"
        )
        assert known is not None
        changed = known.model_copy(update={"revision": known.revision + 1})
        await harness.services.stores.advisories.save(advisory=changed, origin="test")
        async with client.get(url) as answer:
            assert answer.status == 200
        assert server.pages.rendered == 2


async def test_requests_over_the_limit_get_503_at_once(
    guarded: tuple[Harness, PageServer],
) -> None:
    _, server = guarded
    server.in_flight = 64  # as if 64 requests were being answered
    url = f"http://127.0.0.1:{server.port}/"
    async with aiohttp.ClientSession() as client, client.get(url) as answer:
        assert answer.status == 503
        assert answer.headers["Server"] == "elchi"


def test_a_port_taken_between_bind_and_listen_is_a_taken_port_not_a_crash() -> None:
    """uvloop, as the bot runs: another process listens on the port after our bind, before our
    listen (here: a socket of ours, bound first, handed to the loop after the other listens)."""

    async def scenario() -> None:
        ours = socket.socket()
        ours.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ours.bind(("127.0.0.1", 0))
        with socket.socket() as other:
            other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            other.bind(ours.getsockname())
            other.listen()
            server = await asyncio.get_running_loop().create_server(asyncio.Protocol, sock=ours)
            with pytest.raises(OSError, match="already in use") as taken:
                listening_port(server)
            server.close()
        assert taken.value.errno == errno.EADDRINUSE
        free = await asyncio.get_running_loop().create_server(asyncio.Protocol, "127.0.0.1", 0)
        assert listening_port(free) == free.sockets[0].getsockname()[1]
        free.close()

    uvloop.run(scenario())
