"""The built-in tour: what the demo plays without a terminal, through all five locales."""

from __future__ import annotations

# Each user: their Telegram app language (none → the picker), then what they type or press.
# Numbers press the numbered buttons the demo shows. uz_Cyrl is never guessed: it is picked.
TOUR: tuple[tuple[str | None, tuple[str, ...]], ...] = (
    ("uz", ("/start", "1", "4", "/privacy")),  # O'zbekcha: Uzbekistan, Help, privacy
    (None, ("/start", "2", "1", "3")),  # picker → Ўзбекча (кирилл), Uzbekistan, Settings
    ("ky", ("/start", "2", "1")),  # Кыргызча: Kyrgyzstan, legal warnings
    ("tg", ("/start", "3", "2")),  # Тоҷикӣ: Tajikistan, embassy contacts
    ("ru", ("/start", "1", "/stop", "/start", "/forget", "1")),  # Русский: stop, back, forget
)


def tour_lines() -> list[str]:
    """Script lines: `/user LANG` starts a new person, then their steps."""
    lines: list[str] = []
    for language, steps in TOUR:
        lines.append(f"/user {language}" if language else "/user")
        lines.extend(steps)
    return lines
