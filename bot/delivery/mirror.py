"""Channel mirrors: each advisory published for a country is posted in that country's public
channels, in each channel's language; a correction edits the post, a cancellation marks it.

Everything goes through the one budget: a channel (negative id) is paced at Telegram's 20
messages a minute, and an urgent advisory goes before the rest. The state is in the database
(`channel_posts`), so a restart neither posts twice nor forgets an edit.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bot.advisories.model import Advisory
from bot.delivery.budget import Budget, Priority
from bot.delivery.message import NO_PREVIEW
from bot.delivery.sender import budgeted
from bot.delivery.telegram_api import BotApiClient
from bot.i18n import Translator
from bot.storage.advisories import AdvisoryRepository
from bot.storage.channels import Channel, ChannelRepository
from bot.storage.models import ChannelPost
from bot.world import N_
from bot.world.links import StartLink, start_url

log = logging.getLogger(__name__)
SUBSCRIBE = N_("Get these warnings in Telegram")
WITHDRAWN = N_("Withdrawn by the embassy. Do not act on it any more.")
URGENT = ("extreme", "severe")
REFUSED = ("blocked", "gone")  # 403 (not an admin there), 400 chat not found
REFUSED_WAIT, REFUSED_WAIT_MAX = 60.0, 6 * 3600.0


class ChannelMirror:
    """Brings every channel in line with what was published: posts, edits, marks."""

    def __init__(
        self,
        *,
        channels: ChannelRepository,
        advisories: AdvisoryRepository,
        translator: Translator,
        render: Callable[[Advisory, str], list[str]],
        client: BotApiClient,
        budget: Budget,
        username: str | None,
        on_refused: Callable[[Channel], Awaitable[None]] | None = None,  # its admins are told
    ) -> None:
        self.channels, self.advisories, self.translator = channels, advisories, translator
        self.render, self.client, self.budget, self.username = render, client, budget, username
        self._loaded: dict[str, Advisory | None] = {}
        self._syncing = asyncio.Lock()  # one pass at a time: a post is never made twice
        # A channel that refuses us (the bot no longer an admin there, the channel gone): how
        # often in a row, and when to try again; its country's admins are told once.
        self._refused: dict[str, tuple[int, float]] = {}
        self.on_refused = on_refused

    async def sync(self) -> int:
        """Post, edit or mark what differs; how many requests reached a channel. An advisory
        unchanged since its post was checked is not rendered again (this runs every pass)."""
        async with self._syncing:
            return await self._sync()

    async def _sync(self) -> int:
        done = 0
        self._loaded = {}  # an advisory is read once a pass, however many channels show it
        for channel in await self.channels.all():
            if time.monotonic() < self._refused.get(channel.chat, (0, 0.0))[1]:
                continue  # refused us lately: tried again after its wait
            rows = await self.channels.published(country=channel.country, since=channel.added_at)
            notices = [
                a for a in [await self._load(i) for i, _ in rows if i.endswith("-cancel")] if a
            ]
            withdrawn = {n.supersedes for n in notices if n.kind == "cancel"}
            posts = await self.channels.posts(chat=channel.chat)
            for advisory_id, changed_at in rows:
                post = posts.get(advisory_id)
                if (
                    post is not None
                    and post.updated_at > changed_at
                    and post.marked == (advisory_id in withdrawn)
                ):
                    continue  # checked since its last change: as it should be
                advisory = await self._load(advisory_id)
                if (
                    advisory is not None
                    and advisory.kind != "cancel"
                    and advisory.status == "actual"
                ):
                    done += await self._mirror(channel, advisory, post, advisory_id in withdrawn)
        return done

    async def _load(self, advisory_id: str) -> Advisory | None:
        if advisory_id not in self._loaded:
            self._loaded[advisory_id] = await self.advisories.get(advisory_id=advisory_id)
        return self._loaded[advisory_id]

    async def _mirror(
        self, channel: Channel, advisory: Advisory, post: ChannelPost | None, withdrawn: bool
    ) -> int:
        body = self._body(channel, advisory, withdrawn)
        digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]
        if post is None and withdrawn:  # withdrawn before it was ever posted here
            return 0
        if post is not None and post.digest == digest:  # changed elsewhere (another language)
            await self.channels.keep(
                advisory_id=advisory.id,
                chat=channel.chat,
                message_id=post.message_id,
                digest=digest,
                marked=withdrawn,
            )
            return 0
        priority = Priority.URGENT if advisory.severity in URGENT else Priority.NORMAL
        if post is None:
            result = await budgeted(self.budget, self.client.send_message, body, priority=priority)
        else:
            edit = {**body, "message_id": post.message_id}
            result = await budgeted(
                self.budget, self.client.edit_message_text, edit, priority=priority
            )
        if result is not None and result.kind in REFUSED:
            await self._refusing(channel, result.error)
            return 0
        if result is None or result.kind != "sent":  # a passing fault: the next pass again
            return 0
        self._refused.pop(channel.chat, None)
        message_id = post.message_id if post is not None else result.message_id
        assert message_id is not None
        await self.channels.keep(
            advisory_id=advisory.id,
            chat=channel.chat,
            message_id=message_id,
            digest=digest,
            marked=withdrawn,
        )
        return 1

    async def _refusing(self, channel: Channel, error: str | None) -> None:
        """Wait longer each time (1 minute, doubling, 6 hours at most); tell the admins of
        the channel's country the first time; one log line each time (its public id)."""
        times = self._refused.get(channel.chat, (0, 0.0))[0] + 1
        wait = min(REFUSED_WAIT_MAX, REFUSED_WAIT * 2 ** (times - 1))
        self._refused[channel.chat] = (times, time.monotonic() + wait)
        log.warning(
            "channel %s refused a post (%s); next try in %.0f s", channel.chat, error, wait
        )
        if times == 1 and self.on_refused is not None:
            await self.on_refused(channel)

    def _body(self, channel: Channel, advisory: Advisory, withdrawn: bool) -> dict[str, Any]:
        """The post: the advisory's first message in the channel's language (the action and
        the short text), marked when withdrawn, with a button that subscribes in the bot."""
        text = self.render(advisory, channel.locale)[0]
        if withdrawn:
            note = self.translator.gettext(WITHDRAWN, locale=channel.locale)
            text = f"❌ <b>{note}</b>\n\n<s>{text}</s>"
        body: dict[str, Any] = {
            "chat_id": int(channel.chat),
            "text": text,
            "parse_mode": "HTML",
            "link_preview_options": NO_PREVIEW,
        }
        if self.username:
            link = StartLink(locale=channel.locale, country=channel.country, via="channel")
            label = "🔔 " + self.translator.gettext(SUBSCRIBE, locale=channel.locale)
            button = {"text": label, "url": start_url(self.username, link)}
            body["reply_markup"] = {"inline_keyboard": [[button]]}
        return body
