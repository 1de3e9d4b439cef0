"""Declared once, handled once: the reader's commands (bot.texts.commands) and the buttons under
an advisory's report (bot.admin.report_actions) each have one handler, and the menus, /help and
the report's buttons come from those declarations."""

from __future__ import annotations

from bot.admin.report_actions import CODES, UNSENT, offered
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
