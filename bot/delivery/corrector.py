"""Running a correction: each delivered copy edited part by part, within the send rate."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bot.advisories.model import Advisory
from bot.delivery.budget import Budget, Priority
from bot.delivery.message import Markup, payload
from bot.delivery.sender import Call, budgeted
from bot.delivery.telegram_api import BotApiClient, SendResult
from bot.storage import message_ids
from bot.storage.acks import AckRepository
from bot.storage.corrections import Copy, Corrections

log = logging.getLogger(__name__)
PAGE = 50  # chats a commit: after a crash at most this many get the "corrected" note twice
CHECK_EVERY = 10  # chats between looks at the state (an admin's /halt)
Render = Callable[[Advisory, str], list[str]]


@dataclass
class PageCounts:
    edited: int = 0
    gone: int = 0
    failed: int = 0


class Corrector:
    """Edits every delivered message of pending corrections; `run` returns finished ids."""

    def __init__(
        self,
        *,
        corrections: Corrections,
        acks: AckRepository,
        load: Callable[[str], Awaitable[Advisory | None]],
        client: BotApiClient,
        budget: Budget,
        render: Render,
        markup: Markup,
        notice: Callable[[str], str],
        stopping: Callable[[], bool] = lambda: False,
    ) -> None:
        self._corrections, self._acks, self._load = corrections, acks, load
        self._client, self._budget, self._render = client, budget, render
        self._markup, self._notice, self._stopping = markup, notice, stopping

    async def run(self) -> list[Advisory]:
        """Work through every pending correction; the finished ones, for the report."""
        finished = []
        for advisory_id in await self._corrections.pending():
            advisory = await self._load(advisory_id)
            if advisory is None or self._stopping():
                continue
            if await self._correct(advisory):
                finished.append(advisory)
        return finished

    async def _correct(self, advisory: Advisory) -> bool:
        state = await self._corrections.get(advisory_id=advisory.id)
        notice = bool(state and state.notice)
        cache: dict[str, list[str]] = {}
        while not self._stopping():
            page = await self._corrections.page(advisory_id=advisory.id, limit=PAGE)
            if not page:
                return await self._corrections.finish(advisory_id=advisory.id)
            acked = await self._acks.acknowledged(
                advisory_id=advisory.id, chat_ids=[d.chat_id for d in page]
            )
            counts, new_ids, touched, last = PageCounts(), {}, {}, 0
            for index, copy in enumerate(page):
                if index % CHECK_EVERY == 0 and await self._stopped(advisory.id):
                    break
                parts = cache.get(copy.locale) or cache.setdefault(
                    copy.locale, self._render(advisory, copy.locale)
                )
                markup = self._markup(advisory, copy.locale)
                if markup is not None and copy.chat_id in acked:  # pressed: all but that one
                    markup = {"inline_keyboard": markup["inline_keyboard"][1:]}
                outcome, ids, changed = await self._edit(copy, parts, markup, notice)
                setattr(counts, outcome, getattr(counts, outcome) + 1)
                touched[copy.chat_id] = changed
                if ids != copy.text_ids:
                    new_ids[copy.chat_id] = message_ids.join(ids[1:], copy.voice_ids)
                last = copy.chat_id
            if last:
                await self._corrections.advance(
                    advisory_id=advisory.id,
                    cursor=last,
                    edited=counts.edited,
                    gone=counts.gone,
                    failed=counts.failed,
                    new_ids=new_ids,
                    touched=touched,
                )
            if last != page[-1].chat_id:  # halted or cancelled mid-page
                return False
        return False

    async def _stopped(self, advisory_id: str) -> bool:
        return (
            self._stopping() or await self._corrections.state(advisory_id=advisory_id) != "pending"
        )

    async def _call(self, call: Call, body: dict[str, Any]) -> SendResult:
        """One request through the budget: corrections share the NORMAL class fairly."""
        result = await budgeted(
            self._budget, call, body, priority=Priority.NORMAL, queue="corrections"
        )
        return result or SendResult("transient", error="not sent")

    async def _edit(
        self, copy: Copy, parts: list[str], markup: dict[str, Any] | None, notice: bool
    ) -> tuple[str, list[int], list[int]]:
        """Edit the parts there are, send parts that are new, delete parts no longer needed."""
        ids, touched = list(copy.text_ids), []
        for index, part in enumerate(parts):
            editing = index < len(ids)
            body = payload(copy.chat_id, part, quiet=not editing, paid=False)
            if index == len(parts) - 1 and markup is not None:
                body["reply_markup"] = markup
            if editing:
                body["message_id"] = ids[index]
                result = await self._call(self._client.edit_message_text, body)
            else:  # the corrected text needs more messages than the original
                body["reply_parameters"] = _reply(ids)
                result = await self._call(self._client.send_message, body)
            if result.kind != "sent":
                return _failure(result), copy.text_ids, []
            if not editing:
                ids.append(result.message_id or 0)
            touched.append(ids[index])
        for extra in ids[len(parts) :]:
            await self._call(
                self._client.delete_message, {"chat_id": copy.chat_id, "message_id": extra}
            )
        ids = ids[: len(parts)]
        if notice:
            text = self._notice(copy.locale)
            sent = await self._call(
                self._client.send_message,
                {
                    **payload(copy.chat_id, text, quiet=True, paid=False),
                    "reply_parameters": _reply(ids),
                },
            )
            if sent.message_id:
                touched.append(sent.message_id)
        return "edited", ids, touched


def _reply(ids: list[int]) -> dict[str, Any]:
    return {"message_id": ids[0], "allow_sending_without_reply": True}


def _failure(result: SendResult) -> str:
    if result.kind in ("gone", "blocked"):
        return "gone"
    log.warning("correction edit failed: %s", result.error)
    return "failed"
