"""The built-in tour: what the demo plays without a terminal, through every locale."""

from __future__ import annotations

from collections.abc import Iterator

# Telegram app language of each tour user; uz_Cyrl is never guessed, the user picks it.
TOUR_USERS = ("uz", "uz", "ky", "tg", "ru")


def tour_lines() -> Iterator[str]:
    """Script lines: a new user per locale, each starting the bot."""
    for language in TOUR_USERS:
        yield f"/user {language}"
        yield "/start"
