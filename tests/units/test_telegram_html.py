"""Telegram's HTML mode as the validator and the sandbox read it: entities and refusals."""

from __future__ import annotations

import pytest

from bot.texts.telegram_html import HtmlError, parse_html, utf16_len


def test_tags_become_entities_with_utf16_offsets() -> None:
    parsed = parse_html('🇺🇿 <b>Diqqat</b> &amp; <a href="https://uzembassy.ru/">elchixona</a>')
    assert parsed.text == "🇺🇿 Diqqat & elchixona"
    assert parsed.entities == [
        {"type": "bold", "offset": 5, "length": 6},
        {"type": "text_link", "offset": 14, "length": 9, "url": "https://uzembassy.ru/"},
    ]


def test_utf16_length_counts_a_flag_as_four_units() -> None:
    assert utf16_len("🇰🇬") == 4
    assert utf16_len("Кыргызча") == 8


@pytest.mark.parametrize(
    ("markup", "reason"),
    [
        ("<b>unclosed", 'Can\'t find end tag corresponding to start tag "b"'),
        ("a < b", "Unexpected '<'"),
        ("<div>block</div>", "Unsupported start tag"),
        ("<b>x</i>", ""),  # mismatched: refused, whatever the wording
    ],
)
def test_what_telegram_refuses_is_refused(markup: str, reason: str) -> None:
    with pytest.raises(HtmlError, match="can't parse entities") as error:
        parse_html(markup)
    assert reason in str(error.value)
