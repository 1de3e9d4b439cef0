"""Bot messages as a person reads them in a terminal: formatting, links, numbered buttons."""

from __future__ import annotations

from typing import Any

from bot.sandbox import SimMessage

_ANSI = {
    "bold": ("\033[1m", "\033[22m"),
    "italic": ("\033[3m", "\033[23m"),
    "underline": ("\033[4m", "\033[24m"),
    "code": ("\033[2m", "\033[22m"),
}
_PLAIN = {"bold": ("*", "*"), "italic": ("_", "_")}


def _utf16_to_index(text: str) -> list[int]:
    """Map every UTF-16 offset to a Python string index (emoji take two units)."""
    positions, unit = [], 0
    for index, char in enumerate(text):
        positions.append(index)
        if ord(char) > 0xFFFF:
            positions.append(index)
            unit += 1
        unit += 1
    positions.append(len(text))
    return positions


def format_text(text: str, entities: list[dict[str, Any]], *, color: bool) -> str:
    """Apply bold, italic and links: ANSI codes on a terminal, light markup elsewhere."""
    index = _utf16_to_index(text)
    inserts: list[tuple[int, int, str]] = []  # (position, order, marker): closers first
    for entity in entities:
        start = index[entity["offset"]]
        end = index[entity["offset"] + entity["length"]]
        kind = entity["type"]
        if kind == "text_link":
            inserts.append((end, 0, f" ({entity['url']})"))
            continue
        markers = (_ANSI if color else _PLAIN).get(kind)
        if markers:
            inserts.append((start, 1, markers[0]))
            inserts.append((end, 0, markers[1]))
    for position, _, marker in sorted(inserts, key=lambda i: (-i[0], i[1])):
        text = text[:position] + marker + text[position:]
    return text


def describe(message: SimMessage, *, color: bool) -> str:
    """One bot message: text, or location / venue / voice in words."""
    if message.text is not None:
        return format_text(message.text, message.entities, color=color)
    if "venue" in message.extra:
        venue = message.extra["venue"]
        where = venue["location"]
        return (
            f"📍 {venue['title']}\n{venue['address']} ({where['latitude']}, {where['longitude']})"
        )
    if "location" in message.extra:
        where = message.extra["location"]
        return f"📍 {where['latitude']}, {where['longitude']}"
    if "voice" in message.extra:
        return "🔊 (voice message)"
    return "(message)"


def keyboard_lines(labels: list[str], *, first: int, kind: str) -> list[str]:
    """Buttons as `[n] label`, numbered so a person can press one by typing n."""
    if not labels:
        return []
    items = "  ".join(f"[{first + i}] {label}" for i, label in enumerate(labels))
    return [f"   {kind}: {items}"]
