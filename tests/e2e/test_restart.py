"""The subscription lives in the database, not in the process."""

from __future__ import annotations

from bot.demo.harness import running_harness
from bot.sandbox import Sandbox
from tests.conftest import on_every_backend
from tests.e2e.helpers import say


@on_every_backend
async def test_subscription_survives_a_restart(database_url: str) -> None:
    sandbox = await Sandbox().start()
    try:
        user = sandbox.user(language_code="tg")
        async with running_harness(database_url=database_url, sandbox=sandbox) as first:
            await say(first, user, "/start tg-TJ")
        async with running_harness(database_url=database_url, sandbox=sandbox) as second:
            await say(second, user, "/start")
            assert user.last_text().startswith("Шумо обуна ҳастед. Шаҳрвандии шумо: Тоҷикистон.")
    finally:
        await sandbox.stop()
