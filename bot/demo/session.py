"""One person chatting with the real bot through the sandbox: input lines in, screens out."""

from __future__ import annotations

import logging
import shlex
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlparse

from bot.demo.harness import Harness
from bot.demo.render import describe, keyboard_lines
from bot.sandbox import SimMessage, SimUser
from bot.texts.telegram_html import parse_html

HELP = (
    "Type a message (`\\n` in it starts a new line), a button number, `/loc LAT LON` to share "
    "a location, `/voice` to record a voice note, `/wait` until broadcasts are sent, "
    "`/user LANG` to become a new user with that Telegram language, `/open LINK` to tap a "
    "t.me link, `/inline TEXT` to type @bot TEXT in a group, or `/quit`."
)


def _button_data(button: dict[str, Any]) -> str:
    """What pressing an inline button does: its callback data, link or inline query."""
    if "switch_inline_query" in button:
        return "inline:" + str(button["switch_inline_query"])
    return str(button.get("callback_data") or button.get("url", ""))


def opened(url: str) -> str:
    """What tapping a link button does in the app: Telegram's share screen, or a web page."""
    parsed = urlparse(url)
    if parsed.netloc == "t.me" and parsed.path == "/share/url":
        query = parse_qs(parsed.query)
        text, link = query.get("text", [""])[0], query.get("url", [""])[0]
        return (
            f"(Telegram asks whom to send it to: “{text}” {link}\n"
            f" To be that friend: /user, then /open {link})"
        )
    return f"(the app opens {url})"


class ErrorRecorder(logging.Handler):
    """Collects ERROR records so the demo can fail when the bot raised."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class DemoSession:
    """Drives one simulated user and renders what changed after each action."""

    harness: Harness
    user: SimUser
    color: bool = False
    problems: list[str] = field(default_factory=list)
    _seen: dict[int, tuple[Any, ...]] = field(default_factory=dict)
    _buttons: list[tuple[SimMessage | None, str, str]] = field(default_factory=list)
    _inline_query: str = ""
    _channel_seen: dict[tuple[int, int], tuple[Any, ...]] = field(default_factory=dict)
    _lettered: dict[str, tuple[SimMessage | None, str, str]] = field(default_factory=dict)

    async def step(self, line: str) -> list[str]:
        """Act on one input line; return the lines to print."""
        line = line.strip()
        if not line or line.startswith("#"):
            return []
        if line == "/wait":  # the delivery worker runs on its own: let it finish
            await self.harness.deliveries_done()
            await self.harness.quiet()  # the corrections and channel posts after it too
            await self.harness.settle()
            return self.screen() + self.channel_lines()
        action = self._action(line)
        if isinstance(action, str):
            return [action]
        errors_before = len(self.harness.sandbox.server.errors)
        calls_before = self.harness.sandbox.bot.stats.requests
        action()
        await self.harness.settle()
        output = self.inline_lines() + self.screen()
        for method, code, description in self.harness.sandbox.server.errors[errors_before:]:
            self.problems.append(
                f"{line!r}: the bot's {method} was refused ({code} {description})"
            )
        if self.user.unanswered_callbacks():
            self.problems.append(f"{line!r}: a button press was left unanswered")
        elif self.harness.sandbox.bot.stats.requests == calls_before:
            self.problems.append(f"{line!r}: the bot did not answer")
        return output

    def _action(self, line: str) -> Any:
        if line.isdigit() or line in self._lettered:
            if line in self._lettered:
                message, text, data = self._lettered[line]
            elif not 1 <= int(line) <= len(self._buttons):
                return f"(no button {line} on the screen)"
            else:
                message, text, data = self._buttons[int(line) - 1]
            if message is None:
                return lambda: self.user.send(text)
            if data.startswith("https://"):  # a link: the app opens it, the bot sees nothing
                return opened(data)
            if data.startswith("inline:"):  # the app asks for a chat and types @bot … there
                return self._inline(data.removeprefix("inline:"))
            return lambda: self.user.press_data(message, data)
        if line.startswith("/inline"):
            return self._inline(line.removeprefix("/inline").strip())
        if line.startswith("/open "):
            url = line.removeprefix("/open ").strip()
            return lambda: self.user.open_link(url)
        if line == "/voice":
            recorded = f"demo-voice-{len(self.user.chat.messages)}"
            return lambda: self.user.send_voice(recorded)
        if line.startswith("/loc"):
            try:
                _, lat, lon = shlex.split(line)
                latitude, longitude = float(lat), float(lon)
            except ValueError:
                return "(usage: /loc 55.75 37.61)"
            return lambda: self.user.share_location(latitude, longitude)
        text = line.replace("\\n", "\n")  # one message of several lines, typed on one
        return lambda: self.user.send(text)

    def _inline(self, query: str) -> Any:
        """`@bot query` typed in a group: show what the bot offers to paste there."""

        def ask() -> None:
            self._inline_query = self.user.inline_query(query)

        return ask

    def inline_lines(self) -> list[str]:
        """The results of the last inline query: titles, then the first one as it would read."""
        results = self.user.inline(self._inline_query) if self._inline_query else []
        self._inline_query = ""
        if not results:
            return []
        lines = [f"(@bot offers {len(results)} texts to paste:)"]
        lines += [f"   • {r['title']} — {r.get('description', '')}" for r in results]
        first = parse_html(results[0]["input_message_content"]["message_text"]).text
        return [*lines, "   pasted, the first reads:", "   " + first.replace("\n", "\n   ")]

    def channel_lines(self) -> list[str]:
        """New and edited posts in the sandbox's channels (the mirrors of CHANNELS)."""
        lines: list[str] = []
        for chat in self.harness.sandbox.world.chats.values():
            if chat.channel is None:
                continue
            for message in chat.messages:
                state = (message.text, message.edited)
                before = self._channel_seen.get((chat.id, message.message_id))
                self._channel_seen[(chat.id, message.message_id)] = state
                if before == state:
                    continue
                mark = " (edited)" if before is not None else ""
                text = describe(message, color=self.color).replace("\n", "\n   ")
                lines.append(f"📣 channel “{chat.channel}”{mark}: {text}")
        return lines

    def screen(self) -> list[str]:
        """New, edited and deleted bot messages since the last call, then the buttons."""
        lines: list[str] = []
        shown: set[int] = set()
        for message in self.user.chat.messages:
            if not message.from_bot:
                continue
            state = (message.text, str(message.inline_keyboard), message.deleted, message.extra)
            before = self._seen.get(message.message_id)
            self._seen[message.message_id] = state
            if before == state or (before is None and message.deleted):
                continue
            if message.deleted:
                lines.append("🤖 (a message was deleted)")
                continue
            shown.add(message.message_id)
            mark = " (edited)" if before is not None else ""
            text = describe(message, color=self.color)
            lines.append(f"🤖{mark} " + text.replace("\n", "\n   "))
        return lines + self._button_lines(shown)

    def _button_lines(self, shown: set[int]) -> list[str]:
        """Inline buttons of the newest message with buttons, if it was just shown; the menu."""
        self._buttons = []
        with_buttons = [m for m in self.user.bot_messages() if m.inline_keyboard]
        lines: list[str] = []
        # Buttons of messages shown above the newest one: pressed by letter (numbers stay
        # what they always were, so scripts keep working).
        self._lettered = {}
        earlier = [m for m in with_buttons[:-1] if m.message_id in shown]
        for message in earlier:
            keys = [chr(ord("a") + len(self._lettered) + i) for i in range(len(message.buttons()))]
            for key, button in zip(keys, message.buttons(), strict=True):
                self._lettered[key] = (message, button["text"], _button_data(button))
            items = "  ".join(
                f"[{k}] {b['text']}" for k, b in zip(keys, message.buttons(), strict=True)
            )
            lines.append(f"   buttons of “{(message.text or '')[:30]}…”: {items}")
        if with_buttons and with_buttons[-1].message_id in shown:
            last = with_buttons[-1]
            buttons = last.buttons()
            self._buttons += [(last, b["text"], _button_data(b)) for b in buttons]
            lines += keyboard_lines([b["text"] for b in buttons], first=1, kind="buttons")
        reply = [
            b["text"]
            for row in (self.user.chat.reply_keyboard or {}).get("keyboard", [])
            for b in row
        ]
        first = len(self._buttons) + 1
        self._buttons += [(None, text, "") for text in reply]
        lines += keyboard_lines(reply, first=first, kind="keyboard")
        return lines
