"""The broadcast client against the sandbox: what it sends is what was asked, whatever it
keeps encoded between sends, and the answer's message id is read right."""

from __future__ import annotations

from bot.delivery.message import payload
from bot.delivery.telegram_api import BotApiClient
from bot.sandbox import Sandbox


async def test_each_chat_gets_its_own_text_and_buttons_from_the_kept_encoding() -> None:
    sandbox = await Sandbox(auto_chats=True).start()
    try:
        buttons = {"inline_keyboard": [[{"text": "✅ Тушундим", "callback_data": "ack:x"}]]}
        other = {"inline_keyboard": [[{"text": "🏛 Элчихона", "callback_data": "ask:y"}]]}
        async with BotApiClient(api_url=sandbox.url, token=sandbox.token) as api:
            answers = []
            for chat_id, text, markup in [
                (1, "Огоҳлантириш «бир»", buttons),
                (2, "Огоҳлантириш «бир»", buttons),  # the same body: encoded once
                (3, "Огоҳлантириш «бир»", other),  # other buttons: encoded anew
                (4, "Иккинчи", buttons),
            ]:
                body = payload(chat_id, text, quiet=chat_id == 2, paid=False)
                answers.append(await api.send_message({**body, "reply_markup": markup}))
            done = await api.delete_message({"chat_id": 4, "message_id": answers[3].message_id})
        chats = sandbox.world.chats
        assert [chats[c].messages[0].text for c in (1, 2, 3, 4)] == [
            "Огоҳлантириш «бир»",
            "Огоҳлантириш «бир»",
            "Огоҳлантириш «бир»",
            "Иккинчи",
        ]
        assert chats[3].messages[0].inline_keyboard == other["inline_keyboard"]
        assert chats[1].messages[0].inline_keyboard == buttons["inline_keyboard"]
        assert [chats[c].messages[0].silent for c in (1, 2, 3)] == [False, True, False]
        assert [a.kind for a in answers] == ["sent"] * 4
        shown = [chats[c].messages[0].message_id for c in (1, 2, 3, 4)]
        assert [a.message_id for a in answers] == shown
        assert done.kind == "sent"
        assert chats[4].messages[0].deleted
    finally:
        await sandbox.stop()
