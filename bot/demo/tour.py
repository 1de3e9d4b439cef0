"""The built-in tour: what the demo plays without a terminal, through all five locales."""

from __future__ import annotations

# Each user: their Telegram app language (none → the picker), then what they type or press.
# Numbers press the numbered buttons the demo shows. uz_Cyrl is never guessed: it is picked.
TOUR: tuple[tuple[str | None, tuple[str, ...]], ...] = (
    # O'zbekcha: Uzbekistan, Help, privacy, latest advisories (open the first)
    ("uz", ("/start", "1", "6", "/privacy", "4", "1")),
    # picker → Ўзбекча (кирилл), Uzbekistan, Settings
    (None, ("/start", "2", "1", "5")),
    # Кыргызча: Kyrgyzstan, legal warnings, "also a Russian citizen?" yes, call-up: recruiter
    ("ky", ("/start", "2", "1", "1", "3", "2")),
    # Тоҷикӣ: Tajikistan, embassy contacts, a location in Kazan
    ("tg", ("/start", "3", "2", "/loc 55.79 49.12")),
    # Русский: Uzbekistan, stop, back, forget
    ("ru", ("/start", "1", "/stop", "/start", "/forget", "1")),
    # Before subscribing, a cry for help typed in Russian: citizenship (Kyrgyzstan), "I got a
    # call-up paper" (numbers to call first), then subscribing is offered: subscribe
    ("ru", ("мне пришла повестка что делать", "2", "1", "1")),
    # Before subscribing, a voice note (Tajik app): citizenship (Tajikistan), "a recruiter"
    ("tg", ("/voice", "3", "2")),
)


def tour_lines() -> list[str]:
    """Script lines: `/user LANG` starts a new person, then their steps."""
    lines: list[str] = []
    for language, steps in TOUR:
        lines.append(f"/user {language}" if language else "/user")
        lines.extend(steps)
    return lines
