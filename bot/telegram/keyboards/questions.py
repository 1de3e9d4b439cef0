"""The buttons of /new's questions as Telegram's: the rows `bot.admin.questions` declares,
each button carrying its question's code and its value."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.admin import questions
from bot.admin.question_buttons import Candidates
from bot.storage.drafts import DraftAnswers
from bot.telegram.callbacks import data
from bot.texts import Gettext


def question(
    _: Gettext, key: str, answers: DraftAnswers, draft: str, offered: Candidates
) -> InlineKeyboardMarkup | None:
    """The buttons of one question (None: the answer is typed)."""
    code, rows = questions.rows(_, key, answers, offered)
    if not rows:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(label, callback_data=data("c", draft, code, value))
                for label, value in row
            ]
            for row in rows
        ]
    )
