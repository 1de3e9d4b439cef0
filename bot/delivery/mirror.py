"""Channel mirrors: each advisory published for a country is posted in that country's public
channels, in each channel's language; a correction edits the post, a cancellation marks it.

Everything goes through the one budget: a channel (negative id) is paced at Telegram's 20
messages a minute, and an urgent advisory goes before the rest. The state is in the database
(`channel_posts`), so a restart neither posts twice nor forgets an edit.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
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
    ) -> None:
        self.channels, self.advisories, self.translator = channels, advisories, translator
        self.render, self.client, self.budget, self.username = render, client, budget, username
        self._loaded: dict[str, Advisory | None] = {}

    async def sync(self) -> int:
        """Post, edit or mark what differs; how many requests reached a channel. An advisory
        unchanged since its post was checked is not rendered again (this runs every pass)."""
        done = 0
        self._loaded = {}  # an advisory is read once a pass, however many channels show it
        for channel in await self.channels.all():
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
        if result is None or result.kind != "sent":
            # Not an admin there any more, or the channel is gone: said once a pass, by the
            # channel's public id (never a person's); tried again on the next pass.
            log.warning("channel %s: %s", channel.chat, result.error if result else "not sent")
            return 0
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
