"""Callback data: what the bot builds parses back; anything else is a stale or forged button."""

from __future__ import annotations

import pytest

from bot.advisories.content import load_content
from bot.config import PROJECT_ROOT
from bot.delivery.message import ack_data, ack_markup, contacts_data
from bot.i18n import Translator
from bot.telegram.callbacks import Callback, data, matches, parse, short
from bot.world import LOCALE_CODES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lang:uz_Cyrl", Callback("lang", ("uz_Cyrl",))),
        ("sub:ky:KG", Callback("sub", ("ky", "KG"))),
        ("set:region:RU-TA", Callback("set:region", ("RU-TA",))),
        ("set:region:none", Callback("set:region", ("none",))),
        (
            "ack:uz-2022-09-21-prosecutor-warning",
            Callback("ack", ("uz-2022-09-21-prosecutor-warning",)),
        ),
        ("ad:0123abcd:cancelyes", Callback("ad", ("0123abcd", "cancelyes"))),
    ],
)
def test_what_the_bot_builds_parses_back(text: str, expected: Callback) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "lang",  # no argument
        "lang:de",  # not one of our locales
        "sub:ky:RU",  # not one of our countries
        "sub:ky:KG:extra",  # too many arguments
        "set:region:RU-XX",  # a region nobody can save
        "ad:XYZ:open",  # not a short id
        "ad:0123abcd:delete",  # no such admin action
        "unknown:1",
        "ack:../../etc",
    ],
)
def test_anything_else_is_refused(text: str | None) -> None:
    assert parse(text) is None


def test_data_refuses_to_build_what_would_not_parse_back() -> None:
    assert data("forget", "yes") == "forget:yes"
    with pytest.raises(ValueError, match="does not match its shape"):
        data("forget", "maybe")


def test_the_ack_button_of_the_worker_is_understood_by_the_bot() -> None:
    assert parse(ack_data("kg-2022-09-21-embassy-warning")) == Callback(
        "ack", ("kg-2022-09-21-embassy-warning",)
    )


def test_every_button_the_worker_puts_under_an_advisory_is_understood_by_the_bot() -> None:
    """The delivery builds its buttons' data without the Telegram layer (the domain never
    imports it); here every one of them, for every shipped advisory and language, parses."""
    translator = Translator()
    content, _ = load_content(PROJECT_ROOT / "advisories", translator=translator)
    markup = ack_markup(translator, username="elchi_bot")
    pressed = [
        button["callback_data"]
        for advisory in content.advisories
        for locale in LOCALE_CODES
        for row in markup(advisory, locale)["inline_keyboard"]  # type: ignore[index]
        for button in row
        if "callback_data" in button
    ]
    assert len(pressed) >= 3 * len(content.advisories) * len(LOCALE_CODES)
    assert [text for text in pressed if parse(text) is None] == []


def test_a_pattern_matches_its_action_and_only_the_first_arguments_given() -> None:
    leave = matches("menu", "stop", "forget")
    settings = matches("menu")
    assert leave("menu:stop")
    assert not leave("menu:lang")
    assert settings("menu:lang")
    assert settings("menu:stop")
    assert not settings("menux:lang")
    assert not settings(42)


def test_short_ids_are_eight_hex_characters_and_stable() -> None:
    assert short("uz-legal-warning") == short("uz-legal-warning")
    assert len(short("uz-legal-warning")) == 8
    assert short("uz-legal-warning") != short("kg-legal-warning")


def test_the_contacts_button_of_the_worker_is_understood_by_the_bot() -> None:
    assert parse(contacts_data("TJ")) == Callback("ask", ("embassy", "TJ"))
