"""The sandbox's state: bots, private chats with simulated users, messages and update queues."""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class SimMessage:
    """One message in a chat, as the user's app would show it now."""

    message_id: int
    chat_id: int
    from_bot: bool
    date: int
    text: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    inline_keyboard: list[list[dict[str, Any]]] | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # location, venue, voice, reply_markup …
    silent: bool = False
    edited: bool = False
    deleted: bool = False

    def buttons(self) -> list[dict[str, Any]]:
        """The inline buttons of this message, row by row."""
        return [b for row in self.inline_keyboard or [] for b in row]


@dataclass
class SimChat:
    """A private chat between one simulated user and the bot."""

    user: dict[str, Any]  # a Telegram User object (id, first_name, language_code …)
    messages: list[SimMessage] = field(default_factory=list)
    reply_keyboard: dict[str, Any] | None = None
    blocked: bool = False
    next_message_id: int = 1
    # A channel: its username and whether the bot is an admin there (allowed to post).
    channel: str | None = None
    bot_is_admin: bool = True

    @property
    def id(self) -> int:
        return int(self.user["id"])

    def as_chat(self) -> dict[str, Any]:
        if self.channel is not None:
            return {"id": self.id, "type": "channel", "title": self.channel}
        return {"id": self.id, "type": "private", "first_name": self.user["first_name"]}

    def add(self, message: SimMessage) -> SimMessage:
        self.messages.append(message)
        return message

    def new_id(self) -> int:
        self.next_message_id += 1
        return self.next_message_id - 1

    def find(self, message_id: int) -> SimMessage | None:
        for message in reversed(self.messages):
            if message.message_id == message_id and not message.deleted:
                return message
        return None


@dataclass
class Stats:
    """What the bot sent, counted even when messages are not stored (benchmarks)."""

    requests: int = 0
    sent: int = 0
    too_many_requests: int = 0
    server_errors: int = 0
    per_chat: dict[int, int] = field(default_factory=dict)


@dataclass
class SimBot:
    """One bot token known to the sandbox, with its update queue and settings."""

    token: str
    user: dict[str, Any]
    updates: list[dict[str, Any]] = field(default_factory=list)
    next_update_id: int = 1
    delivered_up_to: int = 0  # highest update_id handed to the bot (getUpdates or webhook)
    polls: int = 0
    poll_after_delivery: bool = True
    webhook: dict[str, Any] | None = None
    commands: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    menu_button: dict[str, Any] = field(default_factory=lambda: {"type": "commands"})
    callback_answers: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    # Inline queries asked (id → the bot's answerInlineQuery parameters, None until answered).
    inline_answers: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    stats: Stats = field(default_factory=Stats)
    changed: asyncio.Event = field(default_factory=asyncio.Event)  # wakes this bot's long poll
    webhook_wake: asyncio.Event = field(default_factory=asyncio.Event)  # wakes the poster

    @property
    def id(self) -> int:
        return int(self.user["id"])

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue an update of `kind` (message, callback_query …) and wake long polls."""
        update = {"update_id": self.next_update_id, kind: payload}
        self.next_update_id += 1
        self.updates.append(update)
        self.changed.set()
        if self.webhook is not None:
            self.webhook_wake.set()
        return update

    def confirm(self, offset: int) -> None:
        """getUpdates with `offset` confirms (drops) every update with a smaller id."""
        self.updates = [u for u in self.updates if u["update_id"] >= offset]

    def pending(self) -> int:
        return len(self.updates)


class World:
    """All bots and chats; `auto_chats` lets any positive chat id exist (benchmarks)."""

    def __init__(self, *, auto_chats: bool = False, store_messages: bool = True) -> None:
        self.bots: dict[str, SimBot] = {}
        self.chats: dict[int, SimChat] = {}
        self.auto_chats = auto_chats
        self.store_messages = store_messages
        self.webhook_wake = asyncio.Event()
        self.closing = False  # set on shutdown: long polls return at once
        self._ids = itertools.count(1)

    def add_bot(self, token: str, *, username: str, first_name: str) -> SimBot:
        bot_id = int(token.split(":", 1)[0])
        user = {
            "id": bot_id,
            "is_bot": True,
            "first_name": first_name,
            "username": username,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,  # set with /setinline at @BotFather
        }
        self.bots[token] = SimBot(token=token, user=user, webhook_wake=self.webhook_wake)
        return self.bots[token]

    def add_chat(self, user: dict[str, Any]) -> SimChat:
        chat = SimChat(user=user)
        self.chats[chat.id] = chat
        return chat

    def add_channel(self, chat_id: int, title: str) -> SimChat:
        """A public channel (negative id) where the bot is an admin and may post."""
        chat = SimChat(user={"id": chat_id, "first_name": title}, channel=title)
        self.chats[chat_id] = chat
        return chat

    def chat(self, chat_id: int) -> SimChat | None:
        chat = self.chats.get(chat_id)
        if chat is None and self.auto_chats and chat_id > 0:
            chat = self.add_chat({"id": chat_id, "is_bot": False, "first_name": f"User {chat_id}"})
        return chat

    def next_callback_id(self) -> str:
        return str(next(self._ids))


def now() -> int:
    """Unix time, as Telegram dates messages."""
    return int(time.time())
