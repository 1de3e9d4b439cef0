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

HELP = (
    "Type a message, a button number, `/loc LAT LON` to share a location, `/voice` to record "
    "a voice note, `/wait` until broadcasts are sent, `/user LANG` to become a new user with "
    "that Telegram language, `/open LINK` to tap a t.me link, `/inline TEXT` to type "
    "@bot TEXT in a group, or `/quit`."
)


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

    async def step(self, line: str) -> list[str]:
        """Act on one input line; return the lines to print."""
        line = line.strip()
        if not line or line.startswith("#"):
            return []
        if line == "/wait":  # the delivery worker runs on its own: let it finish
            await self.harness.deliveries_done()
            await self.harness.settle()
            return self.screen()
        action = self._action(line)
        if isinstance(action, str):
            return [action]
        errors_before = len(self.harness.sandbox.server.errors)
        calls_before = self.harness.sandbox.bot.stats.requests
        action()
        await self.harness.settle()
        output = self.screen()
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
        if line.isdigit():
            number = int(line)
            if not 1 <= number <= len(self._buttons):
                return f"(no button {number} on the screen)"
            message, text, data = self._buttons[number - 1]
            if message is None:
                return lambda: self.user.send(text)
            if data.startswith("https://"):  # a link: the app opens it, the bot sees nothing
                return opened(data)
            return lambda: self.user.press_data(message, data)
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
        return lambda: self.user.send(line)

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
        if with_buttons and with_buttons[-1].message_id in shown:
            last = with_buttons[-1]
            buttons = last.buttons()
            self._buttons += [
                (last, b["text"], str(b.get("callback_data") or b.get("url", ""))) for b in buttons
            ]
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
