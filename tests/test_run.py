"""`elchi run` as an operator starts it: polls the Bot API, answers, delivers, stops on SIGTERM."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from bot.admin.importer import import_folder
from bot.config import PROJECT_ROOT
from bot.i18n import Translator
from bot.sandbox import Sandbox
from bot.storage import Database, SubscriberRepository
from bot.storage.acks import AckRepository
from bot.storage.advisories import AdvisoryRepository
from bot.storage.outbox import Outbox
from tests.support.postgres import free_port


@pytest.fixture
async def bot_processes() -> AsyncIterator[list[asyncio.subprocess.Process]]:
    """Bot processes a test starts; whatever still runs afterwards (a failed test) is killed."""
    processes: list[asyncio.subprocess.Process] = []
    yield processes
    for process in processes:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def start_bot(
    sandbox: Sandbox, url: str, folder: Path, **settings: str
) -> asyncio.subprocess.Process:
    """`elchi run` in a child process, against the sandbox and the database at `url`."""
    env = {
        **os.environ,
        "BOT_TOKEN": sandbox.token,
        "BOT_API_URL": sandbox.url,
        "DATABASE_URL": url,
        "SECRET_KEY": "s" * 40,
        "METRICS_LISTEN": "",  # off unless a test names a port (never the fixed defaults)
        "PAGE_LISTEN": "",
        **settings,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        env=env,
        cwd=folder,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )


async def content_database(
    folder: Path, subscribers: dict[int, tuple[str, str]]
) -> tuple[str, Database, AdvisoryRepository]:
    """A migrated SQLite database with the shipped content and these (locale, country) chats."""
    url = f"sqlite+aiosqlite:///{folder}/elchi.db"
    database = Database(url)
    await database.migrate()
    repository = AdvisoryRepository(database=database)
    await import_folder(
        PROJECT_ROOT / "advisories", repository=repository, translator=Translator()
    )
    for chat_id, (locale, country) in subscribers.items():
        await SubscriberRepository(database=database).subscribe(
            chat_id=chat_id, locale=locale, country=country
        )
    return url, database, repository


async def test_run_answers_delivers_and_stops_on_sigterm(
    tmp_path: Path, bot_processes: list[asyncio.subprocess.Process]
) -> None:
    url, database, repository = await content_database(tmp_path, {77: ("ky", "KG")})
    advisory = await repository.get(advisory_id="kg-2022-09-21-embassy-warning")
    assert advisory is not None
    await Outbox(database=database).publish(advisory)
    await database.close()

    sandbox = await Sandbox().start()
    try:
        subscriber = sandbox.user(user_id=77, language_code="ky")
        newcomer = sandbox.user(language_code="tg")
        admin = sandbox.user(user_id=88, language_code="ru")
        health_port, page_port = free_port(), free_port()
        process = await start_bot(
            sandbox,
            url,
            tmp_path,
            METRICS_LISTEN=f"127.0.0.1:{health_port}",
            PAGE_LISTEN=f"127.0.0.1:{page_port}",
            LOG_FORMAT="json",
            ADMINS="88:KG",
        )
        bot_processes.append(process)
        newcomer.send("/start")
        try:
            async with asyncio.timeout(30):
                while not (
                    subscriber.bot_messages() and newcomer.bot_messages() and admin.bot_messages()
                ):
                    await asyncio.sleep(0.1)
        except TimeoutError:  # what the bot said is the only way to tell why
            process.kill()
            _, said = await process.communicate()
            got = [bool(u.bot_messages()) for u in (subscriber, newcomer, admin)]
            pytest.fail(f"subscriber, newcomer, admin answered: {got}\n{said.decode()[-4000:]}")
        async with httpx.AsyncClient() as client:
            health = await client.get(f"http://127.0.0.1:{health_port}/healthz")
            metrics = (await client.get(f"http://127.0.0.1:{health_port}/metrics")).text
            page = (await client.get(f"http://127.0.0.1:{page_port}/ky/KG/")).text
            hidden = await client.get(f"http://127.0.0.1:{page_port}/metrics")
        assert health.status_code == 200
        # The public page, in its own process, links the bot by the username Telegram gave;
        # /metrics is not on its port.
        assert 'href="https://t.me/elchi_sandbox_bot?start=ky-KG-page"' in page
        assert hidden.status_code == 404
        assert health.json()["database"] == "ok"
        assert health.json()["delivery_worker"] == "ok"
        assert 'elchi_subscribers{country="KG",locale="ky"} 1' in metrics
        assert 'elchi_deliveries{status="sent"} 1' in metrics
        assert "elchi_sent_total 1" in metrics
        assert "elchi_update_seconds_count 1" in metrics
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 10)
    finally:
        await sandbox.stop()
    assert process.returncode == 0, stderr.decode()
    assert time.monotonic() - started < 10  # graceful shutdown within 10 s
    logs = [json.loads(line) for line in stderr.decode().splitlines() if line.strip()]
    assert {"time", "level", "logger", "message"} <= set(logs[0])
    assert subscriber.last_text().startswith("🟠 Кыргызстандын элчилиги")
    assert newcomer.last_text().startswith("Салом! Ман — Elchi.")
    assert admin.last_text().startswith(  # by its headline: admins never read an id
        "Рассылка завершена\nПосольство Кыргызстана: не участвуйте в военных действиях за рубежом"
    )
    assert "Отправлено: 1. Заблокировали: 0. Ошибки: 0. Пропущено: 0." in admin.last_text()
    assert sandbox.token not in stderr.decode()  # the token never reaches a log


@pytest.mark.serial  # a stop is timed: not beside other tests on two cores
async def test_sigterm_mid_broadcast_records_every_send(
    tmp_path: Path, bot_processes: list[asyncio.subprocess.Process]
) -> None:
    audience = {chat_id: ("ru", "UZ") for chat_id in range(1, 301)}
    url, database, repository = await content_database(tmp_path, audience)
    advisory = await repository.get(advisory_id="uz-legal-warning")
    assert advisory is not None
    outbox = Outbox(database=database)
    await outbox.publish(advisory)

    sandbox = await Sandbox(auto_chats=True).start()
    try:
        process = await start_bot(sandbox, url, tmp_path)
        bot_processes.append(process)
        async with asyncio.timeout(30):
            while sandbox.bot.stats.sent < 40:  # the free lane: 29 a second
                await asyncio.sleep(0.05)
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 15)
        stopped_in = time.monotonic() - started
    finally:
        await sandbox.stop()
    assert process.returncode == 0, stderr.decode()
    assert stopped_in < 10
    progress = await outbox.progress("uz-legal-warning")
    await database.close()
    assert progress.by_status["sent"] == sandbox.bot.stats.sent  # every send is on record
    assert progress.left == 300 - sandbox.bot.stats.sent  # the rest waits for the next start


async def test_a_scheduled_advisory_missed_while_down_goes_out_and_admins_hear_it(
    tmp_path: Path, bot_processes: list[asyncio.subprocess.Process]
) -> None:
    from datetime import timedelta

    from bot.clock import utcnow

    url, database, repository = await content_database(tmp_path, {31: ("tg", "TJ")})
    advisory = await repository.get(advisory_id="tj-2022-09-embassy-warning")
    assert advisory is not None
    due = utcnow() - timedelta(hours=2)
    await repository.save(advisory=advisory.model_copy(update={"publish_at": due}), origin="t")
    await database.close()
    sandbox = await Sandbox().start()
    try:
        subscriber = sandbox.user(user_id=31, language_code="tg")
        admin = sandbox.user(user_id=32, language_code="ru")
        process = await start_bot(sandbox, url, tmp_path, ADMINS="32:TJ")
        bot_processes.append(process)
        async with asyncio.timeout(30):
            while len(admin.bot_messages()) < 2 or not subscriber.bot_messages():
                await asyncio.sleep(0.1)
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.communicate(), 15)
    finally:
        await sandbox.stop()
    announcement, report = (m.text or "" for m in admin.bot_messages())
    assert announcement.startswith(
        "📣 Рассылка началась: «Посольство Таджикистана: не участвуйте в войне за рубежом» "
        "(🇹🇯 Таджикистан). Подписчиков: 1."
    )
    assert "⏰ Её время было " in announcement
    assert " MSK (" in announcement
    assert report.startswith("Рассылка завершена")
    assert subscriber.last_text().startswith("🟠 Сафорати Тоҷикистон")


@pytest.mark.parametrize("setting", ["METRICS_LISTEN", "PAGE_LISTEN"])
async def test_a_busy_address_is_said_in_one_line(
    tmp_path: Path, bot_processes: list[asyncio.subprocess.Process], setting: str
) -> None:
    port = free_port()
    busy = await asyncio.start_server(lambda r, w: None, "127.0.0.1", port)
    sandbox = await Sandbox().start()
    try:
        url = f"sqlite+aiosqlite:///{tmp_path}/elchi.db"
        process = await start_bot(sandbox, url, tmp_path, **{setting: f"127.0.0.1:{port}"})
        bot_processes.append(process)
        _, stderr = await asyncio.wait_for(process.communicate(), 60)
        assert process.returncode == 2
        errors = [line for line in stderr.decode().splitlines() if line.startswith("elchi:")]
        what = "health and metrics" if setting == "METRICS_LISTEN" else "the public page"
        assert errors == [
            f"elchi: {setting}: cannot listen on 127.0.0.1:{port} (address already in use); "
            f"choose a free port, or leave it empty to turn {what} off"
        ]
        assert "Traceback" not in stderr.decode()
        if setting == "METRICS_LISTEN":
            assert sandbox.bot.polls == 0  # it said so before it started taking updates
    finally:
        busy.close()
        await sandbox.stop()


@pytest.mark.serial  # a stop is timed: not beside other tests on two cores
async def test_sigterm_during_a_flood_of_presses_stops_at_once_and_the_next_process_answers(
    tmp_path: Path, bot_processes: list[asyncio.subprocess.Process]
) -> None:
    readers = 200
    audience = {chat_id: ("ru", "UZ") for chat_id in range(1, readers + 1)}
    url, database, repository = await content_database(tmp_path, audience)
    advisory = await repository.get(advisory_id="uz-legal-warning")
    assert advisory is not None
    await Outbox(database=database).publish(advisory, paid=True)

    sandbox = await Sandbox(auto_chats=True).start()
    try:
        first = await start_bot(sandbox, url, tmp_path)
        bot_processes.append(first)
        async with asyncio.timeout(30):
            while sandbox.bot.stats.sent < readers:
                await asyncio.sleep(0.05)
        for chat_id in range(1, readers + 1):  # everyone presses at once: 200 edits to make
            reader = sandbox.user(user_id=chat_id)
            reader.press_data(reader.bot_messages()[-1], f"ack:{advisory.id}")
        await asyncio.sleep(0.5)
        started = time.monotonic()
        first.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(first.communicate(), 15)
        stopped_in = time.monotonic() - started
        second = await start_bot(sandbox, url, tmp_path)  # what the first left, it answers
        bot_processes.append(second)
        answers = sandbox.bot.callback_answers
        async with asyncio.timeout(60):
            while any(answer is None for answer in answers.values()):
                await asyncio.sleep(0.05)
        second.send_signal(signal.SIGTERM)
        await asyncio.wait_for(second.communicate(), 15)
    finally:
        await sandbox.stop()
    assert first.returncode == 0, stderr.decode()
    assert stopped_in < 10, stopped_in  # a stop takes seconds, whatever waits to be edited
    assert len(answers) == readers  # every press was answered, by one process or the next
    counted = await AckRepository(database=database).by_locale(advisory_id=advisory.id)
    await database.close()
    assert counted == {"ru": readers}  # and counted once
