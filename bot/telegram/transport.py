"""PTB's requests over aiohttp (PTB's public `BaseRequest` extension point), as the broadcasts'
own client already does: under a flood of presses, httpx's request machinery was the larger part
of what each press cost the bot (benchmarks/ack_flood.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import orjson
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.request import BaseRequest, RequestData


class AiohttpRequest(BaseRequest):
    """One aiohttp session with a bounded connection pool; parameters sent as a form, files as
    multipart, like PTB's own HTTPXRequest."""

    def __init__(self, *, connections: int = 64, read_timeout: float = 5.0) -> None:
        self._connections, self._read_timeout = connections, read_timeout
        self._session: aiohttp.ClientSession | None = None

    @staticmethod
    def parse_json_payload(payload: bytes) -> dict[str, Any]:
        """Telegram's answer, parsed by orjson (PTB's documented override): under a flood of
        presses, the standard library's parsing of each getUpdates batch was a tenth of the
        bot's CPU. Unlike PTB's own, a failure never logs the payload: it may hold what people
        wrote."""
        try:
            parsed = orjson.loads(payload)
        except orjson.JSONDecodeError:
            try:  # a byte that is not UTF-8: replaced, as PTB does
                parsed = orjson.loads(payload.decode("utf-8", "replace"))
            except orjson.JSONDecodeError as error:
                raise TelegramError("Invalid server response") from error
        if not isinstance(parsed, dict):
            raise TelegramError("Invalid server response")
        return parsed

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout, in seconds."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session (again, after a shutdown)."""
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._connections)
            self._session = aiohttp.ClientSession(connector=connector)

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """One request; a timeout is TimedOut and any connection trouble NetworkError, as PTB
        expects of a transport."""
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        timeout = aiohttp.ClientTimeout(
            sock_read=_seconds(read_timeout, self._read_timeout),
            sock_connect=_seconds(connect_timeout, 5.0),
            connect=_seconds(pool_timeout, 1.0),  # waiting for a free connection, too
        )
        headers = {"User-Agent": self.USER_AGENT}
        try:
            async with self._session.request(
                method, url, data=_body(request_data), headers=headers, timeout=timeout
            ) as answer:
                return answer.status, await answer.read()
        except TimeoutError as error:
            raise TimedOut from error
        except (aiohttp.ClientError, asyncio.IncompleteReadError) as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error


def _seconds(value: object, default: float) -> float | None:
    """A PTB timeout argument: seconds, None for no limit, else (PTB's "not given") `default`."""
    if value is None or isinstance(value, int | float):
        return value
    return default


def _body(request_data: RequestData | None) -> aiohttp.FormData | dict[str, str] | None:
    """The parameters as a form; with files, a multipart form."""
    if request_data is None:
        return None
    fields = request_data.json_parameters
    files = request_data.multipart_data
    if not files:
        return fields
    form = aiohttp.FormData()
    for name, value in fields.items():
        form.add_field(name, value)
    for name, upload in files.items():
        filename, content, *kind = upload
        form.add_field(name, content, filename=filename, content_type=kind[0] if kind else None)
    return form
