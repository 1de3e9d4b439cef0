"""Telegram's answers as the bot parses them (orjson through PTB's override)."""

from __future__ import annotations

import logging

import pytest
from telegram.error import TelegramError

from bot.telegram.transport import AiohttpRequest


def test_an_answer_is_read_whole() -> None:
    payload = '{"ok":true,"result":[{"update_id":7,"message":{"text":"Ёрдам"}}]}'.encode()
    parsed = AiohttpRequest.parse_json_payload(payload)
    assert parsed["result"][0]["message"]["text"] == "Ёрдам"


def test_a_byte_that_is_not_utf8_is_replaced_as_ptb_does() -> None:
    parsed = AiohttpRequest.parse_json_payload(b'{"ok":true,"result":"a\xffb"}')
    assert parsed["result"] == "a\ufffdb"


def test_a_broken_answer_is_an_error_and_its_text_is_never_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    for broken in (b'{"ok":true,"result":"what someone wrote', b"[1, 2]"):
        with pytest.raises(TelegramError, match="Invalid server response"):
            AiohttpRequest.parse_json_payload(broken)
    assert "someone" not in caplog.text
