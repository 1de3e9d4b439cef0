"""The broadcasts' connection pool against real HTTP servers on port 0: answers come back to
whoever asked, the bound on connections holds, and every way a request can fail is told apart
(never sent vs sent and unanswered) without costing the pool a connection."""

from __future__ import annotations

import asyncio
import re
import socket
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
import trustme
from aiohttp import web

from bot.delivery.keep_alive import Broken, KeepAlivePool, Unreached

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Server:
    """An aiohttp server on port 0 that records which connection each request came on."""

    def __init__(self, handler: Handler, tls: ssl.SSLContext | None = None) -> None:
        self.handler, self.tls = handler, tls
        self.peers: list[int] = []  # the client's port of each request: one a connection
        self.url = ""

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        assert request.transport is not None
        self.peers.append(request.transport.get_extra_info("peername")[1])
        return await self.handler(request)

    async def __aenter__(self) -> Server:
        app = web.Application()
        app.router.add_post("/bot123:abc/{method}", self._answer)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0, ssl_context=self.tls)
        await site.start()
        port = self.runner.addresses[0][1]
        self.url = f"{'https' if self.tls else 'http'}://localhost:{port}/bot123:abc"
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.runner.cleanup()


async def echo(request: web.Request) -> web.Response:
    """The method and body back, after a moment (so that requests overlap)."""
    await asyncio.sleep(0.01)
    body = await request.read()
    return web.Response(body=request.match_info["method"].encode() + b" " + body)


def slow_first() -> Handler:
    """Answers "ok", the first request only after 2 s."""
    calls = 0

    async def answer(request: web.Request) -> web.Response:
        nonlocal calls
        calls += 1
        if calls == 1:
            await asyncio.sleep(2)
        return web.Response(text="ok")

    return answer


@pytest.fixture
async def pool() -> AsyncIterator[Callable[..., KeepAlivePool]]:
    made: list[KeepAlivePool] = []

    def make(
        url: str,
        connections: int = 3,
        timeout: float = 5.0,
        tls: ssl.SSLContext | None = None,
        idle: float = 15.0,
    ) -> KeepAlivePool:
        made.append(
            KeepAlivePool(url, connections=connections, timeout=timeout, tls=tls, idle=idle)
        )
        return made[-1]

    yield make
    for each in made:
        each.close()


async def test_each_answer_goes_to_its_request_over_at_most_the_bound_of_connections(
    pool: Callable[..., KeepAlivePool],
) -> None:
    async with Server(echo) as server:
        client = pool(server.url)
        answers = await asyncio.gather(
            *(client.post("sendMessage", b'{"chat_id":%d}' % n) for n in range(60))
        )
        again = await client.post("getMe", b"{}")
    assert answers == [(200, b'sendMessage {"chat_id":%d}' % n) for n in range(60)]
    assert again == (200, b"getMe {}")
    assert 1 < len(set(server.peers)) <= 3  # connections kept and reused, never more than 3


async def test_a_server_that_closes_after_each_answer_gets_a_new_connection_each_time(
    pool: Callable[..., KeepAlivePool],
) -> None:
    async def closing(request: web.Request) -> web.Response:
        return web.Response(text="ok", headers={"Connection": "close"})

    async with Server(closing) as server:
        client = pool(server.url, connections=1)
        answers = [await client.post("sendMessage", b"{}") for _ in range(4)]
    assert answers == [(200, b"ok")] * 4
    assert len(set(server.peers)) == 4


async def test_a_connection_idle_too_long_is_not_used_again(
    pool: Callable[..., KeepAlivePool],
) -> None:
    async with Server(echo) as server:
        client = pool(server.url, connections=1, idle=0.2)
        await client.post("getMe", b"{}")
        await client.post("getMe", b"{}")  # straight after: the same connection
        await asyncio.sleep(0.3)
        assert await client.post("getMe", b"{}") == (200, b"getMe {}")
    assert len(server.peers) == 3
    assert server.peers[0] == server.peers[1] != server.peers[2]


async def test_no_server_listening_is_unreached_and_frees_its_slot(
    pool: Callable[..., KeepAlivePool],
) -> None:
    with socket.socket() as taken:  # a port of ours that nobody listens on
        taken.bind(("127.0.0.1", 0))
        client = pool(f"http://127.0.0.1:{taken.getsockname()[1]}/bot123:abc", connections=1)
        for _ in range(3):  # the slot of a failed connect is given back: each fails alike
            with pytest.raises(Unreached, match="ConnectionRefusedError"):
                await client.post("sendMessage", b"{}")


async def test_a_dropped_connection_is_broken_and_the_next_request_is_answered(
    pool: Callable[..., KeepAlivePool],
) -> None:
    calls = 0

    async def drops_first(request: web.Request) -> web.StreamResponse:
        nonlocal calls
        calls += 1
        if calls == 1:
            assert request.transport is not None
            request.transport.close()  # the request arrived; its answer never leaves
            await asyncio.sleep(0.1)
        return web.Response(text="ok")

    async with Server(drops_first) as server:
        client = pool(server.url, connections=1)
        with pytest.raises(Broken, match="ServerDisconnected"):
            await client.post("sendMessage", b"{}")
        assert await client.post("sendMessage", b"{}") == (200, b"ok")


async def test_an_answer_that_does_not_come_in_time_is_broken_and_frees_the_connection(
    pool: Callable[..., KeepAlivePool],
) -> None:
    async with Server(slow_first()) as server:
        client = pool(server.url, connections=1, timeout=0.3)
        with pytest.raises(Broken, match="TimeoutError"):
            await client.post("sendMessage", b"{}")
        assert await client.post("sendMessage", b"{}") == (200, b"ok")
    assert len(set(server.peers)) == 2  # the late answer's connection was not used again


async def test_a_request_given_up_on_leaves_no_slot_taken(
    pool: Callable[..., KeepAlivePool],
) -> None:
    async with Server(slow_first()) as server:
        client = pool(server.url, connections=1)
        first = asyncio.create_task(client.post("sendMessage", b"{}"))
        queued = asyncio.create_task(client.post("sendMessage", b"{}"))  # waits for the slot
        await asyncio.sleep(0.1)
        queued.cancel()
        first.cancel()
        await asyncio.gather(first, queued, return_exceptions=True)
        assert await asyncio.wait_for(client.post("getMe", b"{}"), 1) == (200, b"ok")


async def test_https_with_a_trusted_authority_and_refused_without(
    pool: Callable[..., KeepAlivePool],
) -> None:
    authority = trustme.CA()
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("localhost").configure_cert(server_tls)
    client_tls = ssl.create_default_context()
    authority.configure_trust(client_tls)
    async with Server(echo, tls=server_tls) as server:
        assert server.url.startswith("https://")
        trusting = pool(server.url, tls=client_tls)
        assert await trusting.post("getMe", b"{}") == (200, b"getMe {}")
        with pytest.raises(Unreached, match="SSLCertVerificationError"):
            await pool(server.url).post("getMe", b"{}")


def test_a_url_that_is_not_http_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=re.escape("ftp://example.org")):
        KeepAlivePool("ftp://example.org/bot1", connections=1, timeout=1)
