"""Simulated Telegram users: they type, press buttons, share a location, block the bot."""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import Any
from urllib.parse import parse_qs, urlparse

from bot.sandbox.messages import as_message
from bot.sandbox.world import SimBot, SimChat, SimMessage, World, now


class ButtonNotFound(LookupError):
    """The user tried to press a button that is not on their screen."""


class SimUser:
    """One person in a private chat with one bot."""

    def __init__(self, world: World, bot: SimBot, chat: SimChat) -> None:
        self.world, self.bot, self.chat = world, bot, chat

    @property
    def id(self) -> int:
        return self.chat.id

    def send(self, text: str) -> dict[str, Any]:
        """Type `text`; a leading /command gets its bot_command entity, as in the app."""
        entities = []
        if text.startswith("/"):
            command = text.split()[0]
            entities.append({"type": "bot_command", "offset": 0, "length": len(command)})
        return self._post(
            SimMessage(self.chat.new_id(), self.id, False, now(), text=text, entities=entities)
        )

    def open_link(self, url: str) -> dict[str, Any]:
        """Tap a `t.me/<bot>?start=…` link: the app opens the chat and sends `/start …`."""
        parsed = urlparse(url)
        start = parse_qs(parsed.query).get("start", [""])[0]
        if parsed.netloc != "t.me" or parsed.path.strip("/") != self.bot.user["username"]:
            raise ButtonNotFound(f"{url!r} is not a link to this bot")
        return self.send(f"/start {start}" if start else "/start")

    def share_location(self, latitude: float, longitude: float) -> dict[str, Any]:
        """Share a location (the paper-clip menu or a request_location button)."""
        location = {"latitude": latitude, "longitude": longitude}
        return self._post(
            SimMessage(self.chat.new_id(), self.id, False, now(), extra={"location": location})
        )

    def send_voice(self, file_id: str, *, duration: int = 5) -> dict[str, Any]:
        """Record and send a voice note (the microphone button)."""
        voice = {"file_id": file_id, "file_unique_id": f"u-{file_id}", "duration": duration}
        return self._post(
            SimMessage(self.chat.new_id(), self.id, False, now(), extra={"voice": voice})
        )

    def press(self, label: str) -> dict[str, Any]:
        """Press the newest visible button whose text or callback data is `label`."""
        for message in reversed(self.visible()):
            for button in message.buttons():
                if label in (button.get("text"), button.get("callback_data")):
                    if "switch_inline_query" in button:  # the app: choose a chat, type @bot …
                        query_id = self.inline_query(str(button["switch_inline_query"]))
                        return {"inline_query_id": query_id}
                    return self.press_data(message, str(button.get("callback_data", "")))
        for row in (self.chat.reply_keyboard or {}).get("keyboard", []):
            for button in row:
                text = button if isinstance(button, str) else button.get("text")
                if text == label:
                    return self.send(label)
        raise ButtonNotFound(f"no button {label!r} on the screen of user {self.id}")

    def press_matching(self, pattern: str) -> dict[str, Any]:
        """Press the newest visible button whose callback data matches `pattern` ("p:*:send":
        what the button does, whatever its label says in the reader's language)."""
        for message in reversed(self.visible()):
            for button in message.buttons():
                data = button.get("callback_data")
                if isinstance(data, str) and fnmatchcase(data, pattern):
                    return self.press_data(message, data)
        raise ButtonNotFound(f"no button with data {pattern!r} on the screen of user {self.id}")

    def press_data(self, message: SimMessage, data: str) -> dict[str, Any]:
        """Send a callback query for `message` with any data (a forged button, too)."""
        query_id = self.world.next_callback_id()
        self.bot.callback_answers[query_id] = None
        query = {
            "id": query_id,
            "from": self.chat.user,
            "chat_instance": str(self.id),
            "message": as_message(message, self.chat, self.bot),
            "data": data,
        }
        return self.bot.push("callback_query", query)

    def inline_query(self, query: str, *, chat_type: str = "group") -> str:
        """Type `@bot query` in a chat of `chat_type`; the query's id (its answer: `inline`)."""
        query_id = self.world.next_callback_id()
        self.bot.inline_answers[query_id] = None
        payload = {
            "id": query_id,
            "from": self.chat.user,
            "query": query,
            "offset": "",
            "chat_type": chat_type,
        }
        self.bot.push("inline_query", payload)
        return query_id

    def inline(self, query_id: str) -> list[dict[str, Any]]:
        """The results the bot offered for an inline query (empty if not answered)."""
        answer = self.bot.inline_answers.get(query_id)
        return list(answer["results"]) if answer else []

    def block(self) -> None:
        """Block the bot: every later send answers 403."""
        self.chat.blocked = True

    def unblock(self) -> None:
        self.chat.blocked = False

    def visible(self) -> list[SimMessage]:
        """Messages still in the chat (deleted ones gone), oldest first."""
        return [m for m in self.chat.messages if not m.deleted]

    def bot_messages(self) -> list[SimMessage]:
        return [m for m in self.visible() if m.from_bot]

    def last_text(self) -> str:
        """The text of the newest message from the bot."""
        texts = [m.text for m in self.bot_messages() if m.text is not None]
        return texts[-1] if texts else ""

    def unanswered_callbacks(self) -> list[str]:
        return [q for q, answer in self.bot.callback_answers.items() if answer is None]

    def _post(self, message: SimMessage) -> dict[str, Any]:
        self.chat.add(message)
        return self.bot.push("message", as_message(message, self.chat, self.bot))
