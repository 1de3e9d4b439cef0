"""`elchi broadcast`: a halted broadcast is said and is not success; the rate after a resume."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from bot.cli.delivery import bar
from bot.sandbox import Sandbox
from bot.storage import Database, SubscriberRepository
from bot.storage.advisories import AdvisoryRepository
from bot.storage.broadcasts import Progress
from bot.storage.outbox import Outbox
from tests.support.cli import elchi

ADVISORY = "uz-2022-09-21-prosecutor-warning"


def test_a_halted_broadcast_exits_non_zero_and_says_how_many_are_left(tmp_path: Path) -> None:
    async def scenario() -> None:
        sandbox = await Sandbox(auto_chats=True).start()
        url = f"sqlite+aiosqlite:///{tmp_path}/elchi.db"
        env = {
            "DATABASE_URL": url,
            "BOT_TOKEN": sandbox.token,
            "BOT_API_URL": sandbox.url,
            "SECRET_KEY": "s" * 40,
        }
        try:
            imported = await asyncio.to_thread(elchi, "import", env=env, cwd=tmp_path)
            assert imported.returncode == 0, imported.stderr
            database = Database(url)
            try:
                subscribers = SubscriberRepository(database=database)
                for chat_id in range(1, 6):
                    await subscribers.subscribe(chat_id=chat_id, locale="ru", country="UZ")
                advisory = await AdvisoryRepository(database=database).get(advisory_id=ADVISORY)
                assert advisory is not None
                outbox = Outbox(database=database)
                await outbox.publish(advisory)
                assert await outbox.halt(country="UZ") == [ADVISORY]  # an admin's /halt
            finally:
                await database.close()
            result = await asyncio.to_thread(
                elchi, "broadcast", ADVISORY, "--yes", env=env, cwd=tmp_path
            )
            assert result.returncode == 1
            assert f"{ADVISORY}: halted with 5 left" in result.stderr
            assert sandbox.bot.stats.sent == 0
        finally:
            await sandbox.stop()

    asyncio.run(scenario())


def test_the_rate_counts_only_what_this_run_sent() -> None:
    resumed = Progress(total=100_000, by_status={"sent": 72_420, "pending": 27_580})
    line = bar(resumed, started=time.monotonic() - 10, sent_before=72_130)
    assert " · 29.0/s · " in line  # 290 in 10 s, not 72,420 in 10 s
