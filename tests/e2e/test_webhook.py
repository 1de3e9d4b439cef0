"""Webhook mode: the sandbox posts updates with the secret; requests without it are refused."""

from __future__ import annotations

import httpx
from pydantic import SecretStr

from bot.demo.harness import running_harness
from tests.e2e.helpers import say
from tests.support.postgres import free_port

SECRET = "webhook-secret-1234567890"


async def test_updates_arrive_by_webhook_and_forged_posts_are_refused(database_url: str) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    async with running_harness(
        database_url=database_url,
        webhook_url=url,
        webhook_secret=SecretStr(SECRET),
        webhook_listen=f"127.0.0.1:{port}",
    ) as harness:
        assert harness.sandbox.bot.webhook is not None
        assert harness.sandbox.bot.webhook["secret_token"] == SECRET
        user = harness.sandbox.user(language_code="ky")
        await say(harness, user, "/start")
        assert user.last_text().startswith("Саламатсызбы! Мен — Elchi.")
        forged = {
            "update_id": 999,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": 5, "type": "private"},
                "text": "/start",
            },
        }
        async with httpx.AsyncClient() as client:
            missing = await client.post(url, json=forged)
            wrong = await client.post(
                url, json=forged, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"}
            )
        assert (missing.status_code, wrong.status_code) == (403, 403)
