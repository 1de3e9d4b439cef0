"""POSTs to one HTTP server (the Bot API) over a pool of keep-alive connections, for the sends
that go out a thousand times a second.

Why not aiohttp, which the bot's other requests use: a broadcast only ever POSTs a JSON body to
one host and reads a short JSON answer, and aiohttp's general client machinery (URL objects,
header multidicts, payload and response objects, stream readers, a timer tree) cost 0.12 ms of
CPU a request here, a third of all a message cost; this pool costs 0.03 ms, pyreqwest 0.07
(benchmarks/RESULTS.md, 2026-12-08). The hard parts stay libraries': answers are parsed by
httptools (llhttp, Node's parser), sockets and TLS are asyncio's (uvloop's).
"""

from __future__ import annotations

import asyncio
import ssl
from collections import deque
from typing import cast
from urllib.parse import urlsplit

import httptools


class Unreached(Exception):
    """The request was never written: it cannot have taken effect."""


class Broken(Exception):
    """The request was written, then no whole answer came: it may have taken effect."""


class _Connection(asyncio.Protocol):
    """One connection: one request at a time, its answer parsed as it arrives."""

    def __init__(self) -> None:
        self._parser = httptools.HttpResponseParser(self)
        self._body: list[bytes] = []
        self.transport: asyncio.Transport | None = None
        self.answer: asyncio.Future[tuple[int, bytes]] | None = None
        self.usable = True
        self.idle_since = 0.0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's are not subclasses

    def data_received(self, data: bytes) -> None:
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError as error:
            self.fail(Broken(type(error).__name__))

    def on_body(self, body: bytes) -> None:
        self._body.append(body)

    def on_message_complete(self) -> None:
        answer, self.answer = self.answer, None
        body, self._body = b"".join(self._body), []
        if answer is None:  # an answer nobody asked for: the connection is out of step
            self.fail(Broken("UnaskedAnswer"))
            return
        self.usable = self.usable and self._parser.should_keep_alive()
        if not answer.done():
            answer.set_result((self._parser.get_status_code(), body))

    def connection_lost(self, exc: Exception | None) -> None:
        self.fail(Broken("ServerDisconnected"))

    def fail(self, error: Exception) -> None:
        """No answer will come: wake whoever waits for one and close."""
        self.usable = False
        answer, self.answer = self.answer, None
        if answer is not None and not answer.done():
            answer.set_exception(error)
        if self.transport is not None:
            self.transport.close()


class KeepAlivePool:
    """At most `connections` open to the server of `url`; each POST borrows an idle one, opens a
    new one while under the bound, or waits its turn.

    A connection idle for `idle` seconds is closed rather than used: a router on the way may
    have forgotten it without a word, and a request on it would wait out its whole timeout
    (aiohttp's default is the same 15 s).
    """

    def __init__(
        self,
        url: str,
        *,
        connections: int,
        timeout: float,
        tls: ssl.SSLContext | None = None,
        idle: float = 15.0,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {url}")
        secure = parts.scheme == "https"
        self._host, self._port = parts.hostname, parts.port or (443 if secure else 80)
        # The system's trusted authorities unless told otherwise (tests bring their own).
        self._tls = (tls or ssl.create_default_context()) if secure else None
        host = parts.netloc.rpartition("@")[2].encode("idna")
        path = parts.path.rstrip("/").encode().replace(b"%", b"%%")  # a template: % doubled
        self._head = (
            b"POST " + path + b"/%s HTTP/1.1\r\nHost: " + host.replace(b"%", b"%%")
        ) + b"\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
        self._connections, self._timeout, self._idle_for = connections, timeout, idle
        self._idle: list[_Connection] = []
        self._open = 0  # connections counted against the bound: idle, lent or being opened
        self._turns: deque[asyncio.Future[_Connection | None]] = deque()
        self._closed = False

    async def post(self, method: str, body: bytes) -> tuple[int, bytes]:
        """The status and body of the answer to POST `method`; raises Unreached or Broken."""
        connection = await self._borrow()
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[tuple[int, bytes]] = loop.create_future()
        connection.answer = answer
        assert connection.transport is not None
        connection.transport.write(self._head % (method.encode(), len(body)) + body)
        timer = loop.call_later(self._timeout, connection.fail, Broken("TimeoutError"))
        try:
            return await answer
        finally:
            timer.cancel()
            if not answer.done() or answer.cancelled():  # given up on: its answer may still come
                connection.fail(Broken("Cancelled"))
            self._give_back(connection)

    async def _borrow(self) -> _Connection:
        now = asyncio.get_running_loop().time()
        while self._idle:
            connection = self._idle.pop()
            if connection.usable and now - connection.idle_since < self._idle_for:
                return connection
            connection.fail(Broken("Idle"))  # closed by the server, or idle too long
            self._open -= 1
        if self._open >= self._connections:
            turn: asyncio.Future[_Connection | None] = asyncio.get_running_loop().create_future()
            self._turns.append(turn)
            try:
                lent = await turn
            except asyncio.CancelledError:
                if turn.done() and not turn.cancelled():  # handed over as we were cancelled
                    self._hand_on(turn.result())
                raise
            if lent is not None:
                return lent
        else:
            self._open += 1
        return await self._connect()  # the slot of one closed, or a new one under the bound

    async def _connect(self) -> _Connection:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(self._timeout):
                _, connection = await loop.create_connection(
                    _Connection,
                    self._host,
                    self._port,
                    ssl=self._tls,
                    server_hostname=self._host if self._tls else None,
                )
        except OSError as error:  # refused, unresolved, TLS refused, timed out
            self._open -= 1
            self._pass_on()
            raise Unreached(type(error).__name__) from error
        except BaseException:
            self._open -= 1
            self._pass_on()
            raise
        return connection

    def _hand_on(self, lent: _Connection | None) -> None:
        """What a waiter got as it was cancelled goes to the next: the connection, or the slot."""
        if lent is not None:
            self._give_back(lent)
        else:
            self._open -= 1
            self._pass_on()

    def _give_back(self, connection: _Connection) -> None:
        if not connection.usable or self._closed:
            connection.fail(Broken("Closed"))
            self._open -= 1
            self._pass_on()
            return
        while self._turns:
            turn = self._turns.popleft()
            if not turn.done():
                turn.set_result(connection)
                return
        connection.idle_since = asyncio.get_running_loop().time()
        self._idle.append(connection)

    def _pass_on(self) -> None:
        """A slot came free: the first waiting its turn opens a connection in it."""
        while self._turns:
            turn = self._turns.popleft()
            if not turn.done():
                self._open += 1
                turn.set_result(None)
                return

    def close(self) -> None:
        """Close the idle connections now, the lent ones as they come back."""
        self._closed = True
        for connection in self._idle:
            connection.fail(Broken("Closed"))
        self._idle.clear()
