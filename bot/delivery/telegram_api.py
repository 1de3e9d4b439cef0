"""A lean Bot API client for broadcasts: keep-alive connections, JSON in, outcomes out.

PTB's httpx transport reaches a few hundred requests a second here; broadcasts need more, and
they only ever call sendMessage, so they talk to the Bot API directly (`keep_alive`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from bot.delivery.keep_alive import Broken, KeepAlivePool, Unreached
from bot.storage.models import AMBIGUOUS

Kind = Literal["sent", "retry_after", "blocked", "gone", "transient"]
# Telegram's answer to a send starts with the new message's id: read it without parsing the
# whole echo of the message (a third of the CPU a send cost); anything else is parsed in full.
SENT = re.compile(
    rb'\{\s*"ok"\s*:\s*true\s*,\s*"result"\s*:\s*\{\s*"message_id"\s*:\s*(\d+)\s*[,}]'
)
ENCODED_KEPT = 64  # request bodies kept encoded (every part of every locale of a broadcast)


@dataclass(frozen=True)
class SendResult:
    """What Telegram answered to one sendMessage."""

    kind: Kind
    message_id: int | None = None
    retry_after: float = 0.0
    error: str | None = None
    # The connection failed after the request was written: it may have taken effect (a send
    # tried again may then arrive twice; Telegram cannot deduplicate).
    ambiguous: bool = False


def classify(status: int, body: dict[str, Any]) -> SendResult:
    """Telegram's answer → what the worker does with the row."""
    if body.get("ok"):
        result = body.get("result")
        message_id = result.get("message_id") if isinstance(result, dict) else None
        return SendResult("sent", message_id=None if message_id is None else int(message_id))
    description = str(body.get("description", ""))[:120]
    if status == 429:
        retry = float((body.get("parameters") or {}).get("retry_after", 1))
        return SendResult("retry_after", retry_after=retry, error=description)
    if status == 403:
        return SendResult("blocked", error=description)
    if status == 400 and "chat not found" in description:
        return SendResult("gone", error=description)
    return SendResult("transient", error=f"{status} {description}")


def _reason(error: Exception) -> str:
    """What went wrong, as stored with the row: the pool's own reason (ServerDisconnected,
    TimeoutError, …), else the error's type (never its text: it may quote the answer)."""
    return str(error) if isinstance(error, Unreached | Broken) else type(error).__name__


class BotApiClient:
    """Sending methods over a shared keep-alive connection pool."""

    def __init__(self, *, api_url: str, token: str, connections: int = 100, timeout: float = 15):
        self._pool = KeepAlivePool(
            f"{api_url}/bot{token}", connections=connections, timeout=timeout
        )
        # Everything but the chat id, encoded once: a broadcast sends the same text to everyone.
        self._encoded: dict[tuple[object, ...], tuple[bytes, dict[str, Any]]] = {}

    async def __aenter__(self) -> BotApiClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._pool.close()

    async def _post(self, method: str, payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """POST one method; raises Unreached, Broken or a JSON error for the caller to classify."""
        status, raw = await self._pool.post(method, self._encode(payload))
        sent = SENT.match(raw) if status == 200 else None
        if sent is not None:
            return 200, {"ok": True, "result": {"message_id": int(sent[1])}}
        body = json.loads(raw)
        return status, body if isinstance(body, dict) else {}

    def _encode(self, payload: dict[str, Any]) -> bytes:
        """The JSON body; the part after the chat id comes from the cache when the rest of the
        request (the same objects: texts, buttons) was encoded before."""
        # The standard library's json: orjson was tried and cost 130 MiB more at the peak of a
        # broadcast for no CPU gained (benchmarks/RESULTS.md, 2026-12-02).
        chat_id = payload.get("chat_id")
        if not isinstance(chat_id, int) or next(iter(payload)) != "chat_id":
            return json.dumps(payload, ensure_ascii=False).encode()
        # By identity for containers (the cache holds them, so an id is never reused meanwhile).
        key = tuple(
            (name, id(value) if isinstance(value, dict | list) else value)
            for name, value in payload.items()
            if name != "chat_id"
        )
        kept = self._encoded.get(key)
        if kept is None:
            rest = {name: value for name, value in payload.items() if name != "chat_id"}
            if len(self._encoded) >= ENCODED_KEPT:
                self._encoded.clear()
            tail = json.dumps(rest, ensure_ascii=False).encode()[1:]
            kept = self._encoded[key] = (b"," + tail if tail != b"}" else tail, rest)
        return b'{"chat_id":%d%s' % (chat_id, kept[0])

    async def call(self, method: str, payload: dict[str, Any]) -> SendResult:
        """Any sending method; network trouble is a transient failure, never an exception."""
        try:
            status, body = await self._post(method, payload)
        except Unreached as error:  # never reached the server
            return SendResult("transient", error=_reason(error))
        except (Broken, ValueError) as error:
            return SendResult("transient", error=f"{AMBIGUOUS}{_reason(error)}", ambiguous=True)
        return classify(status, body)

    async def username(self) -> str | None:
        """The bot's @username (getMe), for the links it puts under advisories; None when the
        server cannot be asked now (the links then wait for the next start)."""
        try:
            status, body = await self._post("getMe", {})
        except (Unreached, Broken, ValueError):
            return None
        result = body.get("result") if status == 200 else None
        return (
            str(result["username"]) if isinstance(result, dict) and "username" in result else None
        )

    async def send_message(self, payload: dict[str, Any]) -> SendResult:
        """POST sendMessage."""
        return await self.call("sendMessage", payload)

    async def send_voice(self, payload: dict[str, Any]) -> SendResult:
        """POST sendVoice (a voice note by its file id)."""
        return await self.call("sendVoice", payload)

    async def edit_message_text(self, payload: dict[str, Any]) -> SendResult:
        """editMessageText; "not modified" counts as done, a deleted message as gone."""
        try:
            status, body = await self._post("editMessageText", payload)
        except (Unreached, Broken, ValueError) as error:
            return SendResult("transient", error=_reason(error))
        description = str(body.get("description", ""))
        if "message is not modified" in description:
            return SendResult("sent", message_id=payload.get("message_id"))
        if status == 400 and "not found" in description:
            return SendResult("gone", error=description[:120])
        return classify(status, body)

    async def delete_message(self, payload: dict[str, Any]) -> SendResult:
        """deleteMessage; a message already gone counts as deleted."""
        result = await self.call("deleteMessage", payload)
        if result.kind == "transient" and "not found" in (result.error or ""):
            return SendResult("sent")
        return result
