"""Logs: chat ids only as keyed hashes; the token never appears."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import IntegrityError

from bot.logs import ChatHasher, configure_logging
from bot.storage import Database, SubscriberRepository
from bot.storage.models import Subscriber
from tests.conftest import on_every_backend


def test_hash_is_keyed_and_stable() -> None:
    first, other_key = ChatHasher(b"k" * 32), ChatHasher(b"x" * 32)
    assert first(12345) == first(12345)
    assert first(12345) != other_key(12345)
    assert "12345" not in first(12345)


def test_token_is_scrubbed_from_messages_and_tracebacks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    token = "123456:AAF-secret-token"
    configure_logging(level="INFO", secrets=[token])
    log = logging.getLogger("elchi.test")
    log.info("POST https://api.telegram.org/bot%s/getMe", token)
    try:
        raise RuntimeError(f"failed at /bot{token}/sendMessage")
    except RuntimeError:
        log.exception("request failed")
    err = capsys.readouterr().err
    assert token not in err
    assert err.count("[secret]") == 2
    logging.getLogger().handlers.clear()


def test_library_request_logs_stay_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(level="DEBUG", secrets=[])
    logging.getLogger("httpx").info("HTTP Request: POST https://api.telegram.org/bot1:x/getMe")
    assert "getMe" not in capsys.readouterr().err
    logging.getLogger().handlers.clear()


@on_every_backend
async def test_debug_logging_never_prints_a_chat_id_from_sql(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(level="DEBUG", secrets=[])
    try:
        subscribers = SubscriberRepository(database=database)
        await subscribers.subscribe(chat_id=987654321012, locale="ky", country="KG")
        assert await subscribers.get(chat_id=987654321012) is not None
        with pytest.raises(IntegrityError) as raised:  # an error's message names no value
            async with database.transaction() as session:
                session.add(Subscriber(chat_id=987654321012, locale="ky", country="KG"))
        assert "987654321012" not in str(raised.value)
        assert "987654321012" not in capsys.readouterr().err
    finally:
        logging.getLogger().handlers.clear()
