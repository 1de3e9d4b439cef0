"""The sandbox answers good requests and refuses bad ones the way Telegram does."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from bot.sandbox import Faults, Limits, Sandbox, SimUser


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    running = await Sandbox().start()
    yield running
    await running.stop()


async def call(sandbox: Sandbox, method: str, token: str | None = None, **params: Any) -> Any:
    """POST like PTB does: urlencoded, objects as JSON strings."""
    form = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
    async with httpx.AsyncClient() as client:
        answer = await client.post(
            f"{sandbox.url}/bot{token or sandbox.token}/{method}", data=form
        )
    body = answer.json()
    assert answer.status_code == (200 if body["ok"] else body["error_code"])
    return body


async def test_get_me_answers_with_the_bot_user(sandbox: Sandbox) -> None:
    body = await call(sandbox, "getMe")
    assert body["result"]["is_bot"] is True
    assert body["result"]["username"] == "elchi_sandbox_bot"


async def test_json_bodies_are_accepted_too(sandbox: Sandbox) -> None:
    user = sandbox.user()
    async with httpx.AsyncClient() as client:
        answer = await client.post(
            f"{sandbox.url}/bot{sandbox.token}/sendMessage",
            json={"chat_id": user.id, "text": "hi"},
        )
    assert answer.json()["result"]["text"] == "hi"


@pytest.mark.parametrize(
    ("method", "params", "code", "description"),
    [
        ("sendMesage", {}, 404, "Not Found"),
        ("sendMessage", {"text": "x"}, 400, 'Bad Request: parameter "chat_id" is required'),
        (
            "sendMessage",
            {"chat_id": 1001, "text": "x", "colour": "red"},
            400,
            'Bad Request: unknown parameter "colour" for method sendMessage',
        ),
        (
            "sendMessage",
            {"chat_id": 1001, "text": "x", "disable_notification": "maybe"},
            400,
            'Bad Request: parameter "disable_notification" must be Boolean',
        ),
        (
            "sendMessage",
            {"chat_id": 1001, "text": "x", "reply_markup": {"inline_keyboard": "no"}},
            400,
            'Bad Request: parameter "reply_markup" must be InlineKeyboardMarkup or '
            "ReplyKeyboardMarkup or ReplyKeyboardRemove or ForceReply",
        ),
        (
            "sendMessage",
            {"chat_id": 1001, "text": "x" * 4097},
            400,
            "Bad Request: message is too long",
        ),
        (
            "sendMessage",
            {"chat_id": 1001, "text": "  "},
            400,
            "Bad Request: message text is empty",
        ),
        (
            "sendMessage",
            {"chat_id": 1001, "text": "<b>bold", "parse_mode": "HTML"},
            400,
            "Bad Request: can't parse entities: "
            'Can\'t find end tag corresponding to start tag "b"',
        ),
        (
            "sendMessage",
            {"chat_id": 1001, "text": "<p>x</p>", "parse_mode": "HTML"},
            400,
            'Bad Request: can\'t parse entities: Unsupported start tag "p"',
        ),
        (
            "sendMessage",
            {
                "chat_id": 1001,
                "text": "x",
                "reply_markup": {"inline_keyboard": [[{"text": "a", "callback_data": "d" * 65}]]},
            },
            400,
            "Bad Request: BUTTON_DATA_INVALID",
        ),
        ("sendMessage", {"chat_id": 999, "text": "x"}, 400, "Bad Request: chat not found"),
        (
            "setMyCommands",
            {"commands": [{"command": "start", "description": "s"}], "language_code": "uz_Cyrl"},
            400,
            "Bad Request: invalid language code specified",
        ),
    ],
)
async def test_bad_requests_get_telegrams_error_shape(
    sandbox: Sandbox, method: str, params: dict[str, Any], code: int, description: str
) -> None:
    sandbox.user(user_id=1001)
    body = await call(sandbox, method, **params)
    assert body == {"ok": False, "error_code": code, "description": description}


async def test_unknown_token_is_unauthorized(sandbox: Sandbox) -> None:
    body = await call(sandbox, "getMe", token="1:wrong")
    assert (body["error_code"], body["description"]) == (401, "Unauthorized")


async def test_text_length_counts_after_entity_parsing(sandbox: Sandbox) -> None:
    user = sandbox.user()
    text = "<b>" + "я" * 4096 + "</b>"
    body = await call(sandbox, "sendMessage", chat_id=user.id, text=text, parse_mode="HTML")
    assert body["result"]["entities"] == [{"type": "bold", "offset": 0, "length": 4096}]


async def test_user_message_reaches_get_updates_and_offset_confirms(sandbox: Sandbox) -> None:
    user = sandbox.user(language_code="ky")
    user.send("/start ky-KG")
    first = (await call(sandbox, "getUpdates", timeout=0))["result"]
    assert len(first) == 1
    message = first[0]["message"]
    assert message["text"] == "/start ky-KG"
    assert message["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    assert message["from"]["language_code"] == "ky"
    again = await call(sandbox, "getUpdates", offset=first[0]["update_id"] + 1, timeout=0)
    assert again["result"] == []


async def test_long_poll_returns_when_an_update_arrives(sandbox: Sandbox) -> None:
    import asyncio

    user = sandbox.user()
    poll = asyncio.create_task(call(sandbox, "getUpdates", timeout=5))
    await asyncio.sleep(0.1)
    assert not poll.done()
    user.send("hello")
    body = await asyncio.wait_for(poll, 2)
    assert body["result"][0]["message"]["text"] == "hello"


async def test_pressing_a_button_sends_a_callback_that_must_be_answered(sandbox: Sandbox) -> None:
    user = sandbox.user()
    keyboard = {"inline_keyboard": [[{"text": "Кыргызча", "callback_data": "lang:ky"}]]}
    await call(sandbox, "sendMessage", chat_id=user.id, text="?", reply_markup=keyboard)
    user.press("Кыргызча")
    update = (await call(sandbox, "getUpdates", timeout=0))["result"][0]
    assert update["callback_query"]["data"] == "lang:ky"
    assert user.unanswered_callbacks() == [update["callback_query"]["id"]]
    await call(sandbox, "answerCallbackQuery", callback_query_id=update["callback_query"]["id"])
    assert user.unanswered_callbacks() == []
    twice = await call(
        sandbox, "answerCallbackQuery", callback_query_id=update["callback_query"]["id"]
    )
    assert twice["error_code"] == 400


async def test_reply_keyboard_button_sends_its_text(sandbox: Sandbox) -> None:
    user = sandbox.user()
    keyboard = {"keyboard": [[{"text": "Help"}]], "resize_keyboard": True, "is_persistent": True}
    sent = await call(sandbox, "sendMessage", chat_id=user.id, text="menu", reply_markup=keyboard)
    assert sent["ok"]
    user.press("Help")
    update = (await call(sandbox, "getUpdates", timeout=0))["result"][0]
    assert update["message"]["text"] == "Help"


async def test_edit_and_delete_change_the_transcript(sandbox: Sandbox) -> None:
    user = sandbox.user()
    sent = (await call(sandbox, "sendMessage", chat_id=user.id, text="old"))["result"]
    await call(
        sandbox, "editMessageText", chat_id=user.id, message_id=sent["message_id"], text="new"
    )
    assert user.last_text() == "new"
    same = await call(
        sandbox, "editMessageText", chat_id=user.id, message_id=sent["message_id"], text="new"
    )
    assert same["description"].startswith("Bad Request: message is not modified")
    await call(sandbox, "deleteMessage", chat_id=user.id, message_id=sent["message_id"])
    assert user.bot_messages() == []


async def test_blocked_user_answers_403(sandbox: Sandbox) -> None:
    user = sandbox.user()
    user.block()
    body = await call(sandbox, "sendMessage", chat_id=user.id, text="x")
    assert body == {
        "ok": False,
        "error_code": 403,
        "description": "Forbidden: bot was blocked by the user",
    }


async def test_commands_are_kept_per_language(sandbox: Sandbox) -> None:
    commands = [{"command": "start", "description": "Бошто"}]
    await call(sandbox, "setMyCommands", commands=commands, language_code="ky")
    assert (await call(sandbox, "getMyCommands", language_code="ky"))["result"] == commands
    assert (await call(sandbox, "getMyCommands"))["result"] == []


async def test_location_venue_and_voice_are_stored(sandbox: Sandbox) -> None:
    user: SimUser = sandbox.user()
    await call(
        sandbox,
        "sendVenue",
        chat_id=user.id,
        latitude=55.7,
        longitude=37.6,
        title="Embassy",
        address="Moscow",
    )
    await call(sandbox, "sendVoice", chat_id=user.id, voice="file-id-1")
    kinds = [sorted(m.extra) for m in user.bot_messages()]
    assert kinds == [["location", "venue"], ["voice"]]


async def test_flood_limits_answer_429_with_retry_after() -> None:
    sandbox = await Sandbox(limits=Limits(enabled=True, per_chat_burst=1)).start()
    try:
        user = sandbox.user()
        assert (await call(sandbox, "sendMessage", chat_id=user.id, text="1"))["ok"]
        body = await call(sandbox, "sendMessage", chat_id=user.id, text="2")
        assert body == {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 1",
            "parameters": {"retry_after": 1},
        }
    finally:
        await sandbox.stop()


async def test_fault_injection_5xx_and_crash_hook() -> None:
    crashed: list[int] = []
    faults = Faults(
        server_error_share=0.5, crash_after_sends=3, on_crash=lambda: crashed.append(1)
    )
    sandbox = await Sandbox(faults=faults, auto_chats=True).start()
    try:
        codes = [
            (await call(sandbox, "sendMessage", chat_id=50 + i, text="x")).get("error_code")
            for i in range(20)
        ]
        assert 502 in codes
        assert None in codes
        assert crashed == [1]
        assert sandbox.bot.stats.server_errors == codes.count(502)
    finally:
        await sandbox.stop()


async def test_counting_without_storing() -> None:
    sandbox = await Sandbox(auto_chats=True, store_messages=False).start()
    try:
        for chat_id in (7, 7, 8):
            await call(sandbox, "sendMessage", chat_id=chat_id, text="x")
        assert sandbox.bot.stats.sent == 3
        assert sandbox.bot.stats.per_chat == {7: 2, 8: 1}
        assert sandbox.world.chats[7].messages == []
    finally:
        await sandbox.stop()


async def test_a_channel_takes_20_posts_a_minute_then_answers_429() -> None:
    from bot.sandbox import Limits, Sandbox

    sandbox = await Sandbox(limits=Limits(enabled=True)).start()
    try:
        sandbox.channel(-1001000000009, "Elchi")
        async with httpx.AsyncClient() as client:
            codes = []
            for number in range(21):
                answer = await client.post(
                    f"{sandbox.url}/bot{sandbox.token}/sendMessage",
                    json={"chat_id": -1001000000009, "text": f"post {number}"},
                )
                codes.append(answer.status_code)
        assert codes == [200] * 20 + [429]
    finally:
        await sandbox.stop()
