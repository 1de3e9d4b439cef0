"""The ids of a delivery's later messages, as stored in `deliveries.more_ids`: "102,103,v104"
(the second and third part, then the voice note marked `v`). One reader and one writer."""

from __future__ import annotations

WIDTH = 40  # the column's size


def join(text_ids: list[int], voice_ids: list[int]) -> str | None:
    """The stored form; an id that would not fit is left out whole, never cut."""
    stored = ""
    for item in [str(i) for i in text_ids] + [f"v{i}" for i in voice_ids]:
        candidate = f"{stored},{item}" if stored else item
        if len(candidate) > WIDTH:
            break
        stored = candidate
    return stored or None


def split(stored: str | None) -> tuple[list[int], list[int]]:
    """(later text message ids, voice note ids)."""
    texts: list[int] = []
    voices: list[int] = []
    for item in filter(None, (stored or "").split(",")):
        (voices if item.startswith("v") else texts).append(int(item.lstrip("v")))
    return texts, voices
