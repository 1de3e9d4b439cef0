"""`elchi run` as an operator starts it: polls the Bot API, answers, delivers, stops on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from bot.advisories.importer import import_folder
from bot.config import PROJECT_ROOT
from bot.delivery.outbox import Outbox
from bot.i18n import Translator
from bot.sandbox import Sandbox
from bot.storage import Database, SubscriberRepository
from bot.storage.advisories import AdvisoryRepository


async def test_run_answers_delivers_and_stops_on_sigterm(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/elchi.db"
    database = Database(url)
    await database.migrate()
    repository = AdvisoryRepository(database=database)
    await import_folder(
        PROJECT_ROOT / "advisories", repository=repository, translator=Translator()
    )
    await SubscriberRepository(database=database).subscribe(chat_id=77, locale="ky", country="KG")
    advisory = await repository.get(advisory_id="kg-2022-09-21-embassy-warning")
    assert advisory is not None
    await Outbox(database=database).publish(advisory)
    await database.close()

    sandbox = await Sandbox().start()
    try:
        subscriber = sandbox.user(user_id=77, language_code="ky")
        newcomer = sandbox.user(language_code="tg")
        env = {
            **os.environ,
            "BOT_TOKEN": sandbox.token,
            "BOT_API_URL": sandbox.url,
            "DATABASE_URL": url,
            "SECRET_KEY": "s" * 40,
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            env=env,
            cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        newcomer.send("/start")
        async with asyncio.timeout(30):
            while not (subscriber.bot_messages() and newcomer.bot_messages()):
                await asyncio.sleep(0.1)
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 10)
    finally:
        await sandbox.stop()
    assert process.returncode == 0, stderr.decode()
    assert subscriber.last_text().startswith("🟠 Кыргызстандын элчилиги")
    assert newcomer.last_text().startswith("Салом! Ман — Elchi.")
    assert sandbox.token not in stderr.decode()  # the token never reaches a log
