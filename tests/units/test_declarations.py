"""Declared once, handled once: the reader's commands (bot.texts.commands) and the buttons under
an advisory's report (bot.admin.report_actions) each have one handler, and the menus, /help and
the report's buttons come from those declarations; so do /new's questions (bot.admin.questions)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.admin import compose, questions
from bot.admin.report_actions import CODES, UNSENT, offered
from bot.storage.drafts import DraftAnswers
from bot.telegram import callbacks, handlers
from bot.telegram.commands import MENU_COMMANDS
from bot.telegram.handlers.manage import ON_ADVISORY
from bot.telegram.keyboards.reader import main_menu, menu_label
from bot.texts.commands import READER_COMMANDS
from bot.texts.info import help_text


def test_every_reader_command_has_a_handler_and_every_handler_a_declaration() -> None:
    assert set(handlers.READER) == {command.name for command in READER_COMMANDS}
    assert not set(handlers.READER) & set(handlers.ADMIN)


def test_menu_help_and_keyboard_follow_the_declarations() -> None:
    declared = [c.name for c in READER_COMMANDS if c.menu is not None]
    assert [name for name, _ in MENU_COMMANDS] == declared
    shown = help_text(str)
    for command in READER_COMMANDS:
        assert (f"/{command.name} — " in shown) == (command.help is not None)
    keyboard = [button.text for row in main_menu(str).keyboard for button in row]
    buttons = [c.name for c in READER_COMMANDS if c.button is not None]
    assert keyboard == [menu_label(str, name) for name in buttons]
    assert set(handlers.MENU) == set(buttons)


def test_every_press_on_a_report_is_handled_and_shaped() -> None:
    on_drafts = {"draft", *offered(UNSENT)}
    assert set(ON_ADVISORY) == CODES - on_drafts
    for code in CODES:
        assert callbacks.parse(callbacks.data("ad", "0123abcd", code)) is not None
    assert callbacks.parse("ad:0123abcd:explode") is None  # a forged press


def test_every_question_of_new_is_declared_and_its_buttons_parse() -> None:
    data = DraftAnswers(country="UZ", kind="update", candidates=["uz-earlier"])
    keys = [*compose.order(data), "source.url", "source.title", "expires.confirm", "voice.uz"]
    codes = [q.code for q in questions.QUESTIONS.values()]
    assert len(codes) == len(set(codes))  # a press names one question
    now = datetime(2026, 12, 1, tzinfo=UTC)
    for key in keys:
        asked = questions.record(key)
        assert asked is not None, key
        assert questions.prompt(str, key, data, now=now)
        code, rows = questions.rows(str, key, data, [("0123abcd", "Earlier")])
        for label, value in (button for row in rows for button in row):
            assert label
            assert code == asked.code
            assert callbacks.parse(callbacks.data("c", "0123abcd", code, value)) is not None, key
    assert questions.record("ru.nonsense") is questions.QUESTIONS["text"]
    assert questions.record("forged") is None
    assert callbacks.parse("c:0123abcd:zz:1") is None  # no question has the code zz


def test_every_button_action_has_its_shape_and_its_handler() -> None:
    handled = {action for action, _, _ in handlers.BUTTONS}
    assert handled == callbacks.ACTIONS  # a shape without a handler, or one never parsed
