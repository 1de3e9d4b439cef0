"""The public port's guard: what no visitor may do to the bot (#25).

aiohttp serves the pages; around it, per connection and per process:
- at most `max_connections` open connections: one more is answered 503 and closed at once
  (descriptors never run out: 600 idle connections cost 600 × nothing);
- a request's headers must arrive within `header_timeout` seconds of the connection or of the
  previous request (a slow or silent client is closed: "slowloris");
- a malformed request (a path over 4 KB, 50+ headers, an unknown method, no Host) is answered
  with a bare status line, logged as one WARNING with the error's kind — never a traceback,
  never the request's bytes, which are the visitor's;
- every answer, errors included, carries the security headers and no version banner.
aiohttp offers no header timeout and no connection limit, hence this subclass of its
RequestHandler (its constructor and the four methods overridden are its documented hooks).
"""

from __future__ import annotations

import asyncio
import errno
import logging
import os
from typing import Any

from aiohttp import web
from aiohttp.web_protocol import RequestHandler

log = logging.getLogger("bot.reach.page")

# No script, no frame, no form may run or load; styles only from the page itself.
PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
SECURITY_HEADERS = {
    "Content-Security-Policy": PAGE_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Server": "elchi",  # no version: a banner only helps whoever looks for a known hole
}
PARSER_LIMITS = {"max_line_size": 4096, "max_field_size": 4096, "max_headers": 50}
KEEPALIVE = 5.0  # seconds an idle keep-alive connection is kept
BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n"
    b"Server: elchi\r\nRetry-After: 5\r\n\r\n"
)


class Busy(asyncio.Protocol):
    """A connection over the limit: 503 and closed, before anything is read."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        transport.write(BUSY)
        transport.close()


class GuardedHandler(RequestHandler):
    """aiohttp's handler with a deadline for each request's headers and quiet errors."""

    def __init__(self, *args: Any, header_timeout: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timeout = header_timeout
        self._deadline: asyncio.TimerHandle | None = None
        self._tail = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        seen = self._tail + data
        if b"\r\n\r\n" in seen:  # a whole request's headers: the next one gets a new deadline
            self._arm()
        self._tail = seen[-3:]
        super().data_received(data)

    def connection_lost(self, exc: BaseException | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = self._loop.call_later(self._header_timeout, self._too_slow)

    def _too_slow(self) -> None:
        if self.transport is not None:
            self.transport.close()

    def log_exception(self, *_args: Any, **kwargs: Any) -> None:
        error = kwargs.get("exc_info")
        kind = type(error).__name__ if isinstance(error, BaseException) else "error"
        log.warning("public page: refused a malformed request (%s)", kind)

    def handle_error(
        self,
        request: Any,
        status: int = 500,
        exc: BaseException | None = None,
        message: str | None = None,
    ) -> web.StreamResponse:
        self.log_exception(exc_info=exc)
        answer = web.Response(status=status, text=f"{status}\n", headers=SECURITY_HEADERS)
        answer.force_close()
        return answer


class Limiter:
    """Makes a protocol for each new connection: guarded, or Busy over the limit."""

    def __init__(
        self, server: web.Server, *, max_connections: int, header_timeout: float, **kwargs: Any
    ) -> None:
        self.server, self.max_connections = server, max_connections
        self.header_timeout, self.kwargs = header_timeout, kwargs

    def __call__(self) -> asyncio.Protocol:
        if len(self.server.connections) >= self.max_connections:
            return Busy()
        return GuardedHandler(
            self.server,
            loop=asyncio.get_running_loop(),
            header_timeout=self.header_timeout,
            **self.kwargs,
        )


async def add_security_headers(_request: web.Request, response: web.StreamResponse) -> None:
    """aiohttp's `on_response_prepare`: every answer of the app, its own 404/405 included."""
    response.headers.update(SECURITY_HEADERS)


def listening_port(server: asyncio.Server) -> int:
    """The port `server` listens on. uvloop does not raise when listen() fails after the bind
    (another process took the port in between): it closes the socket, and `sockets` holds None.
    That is the port taken, as asyncio would have said (a traceback before)."""
    sockets = [each for each in server.sockets if each is not None]
    if not sockets:
        raise OSError(errno.EADDRINUSE, os.strerror(errno.EADDRINUSE))
    return int(sockets[0].getsockname()[1])


class GuardedListener:
    """An aiohttp app on one address behind the guard; `start` raises OSError when the address
    is taken (each server says so in its own setting's name)."""

    def __init__(
        self, app: web.Application, *, max_connections: int, header_timeout: float
    ) -> None:
        app.on_response_prepare.append(add_security_headers)
        self.runner = web.AppRunner(app, access_log=None, handle_signals=False)
        self.max_connections, self.header_timeout = max_connections, header_timeout
        self._server: asyncio.Server | None = None

    async def start(self, host: str, port: int) -> int:
        """Listen; the port listened on (0 asks for any free one)."""
        await self.runner.setup()
        assert self.runner.server is not None
        limiter = Limiter(
            self.runner.server,
            max_connections=self.max_connections,
            header_timeout=self.header_timeout,
            keepalive_timeout=KEEPALIVE,
            access_log=None,
            **PARSER_LIMITS,
        )
        try:
            loop = asyncio.get_running_loop()
            self._server = await loop.create_server(limiter, host, port, reuse_address=True)
            return listening_port(self._server)
        except OSError:
            if self._server is not None:
                self._server.close()
                self._server = None
            await self.runner.cleanup()
            raise

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        await self.runner.cleanup()
