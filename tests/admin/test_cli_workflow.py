"""The command line beside a running bot: four-eyes through Telegram, listing, correcting."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from bot.demo.harness import running_harness
from bot.sandbox import Sandbox
from tests.e2e.helpers import eventually, say, tap
from tests.support.cli import elchi_process as elchi

ADMIN = 9001
SHIPPED = Path(__file__).resolve().parents[2] / "advisories" / "UZ"
ADVISORY = "uz-2022-09-21-prosecutor-warning"


async def test_push_waits_for_approval_in_telegram_and_correct_watches_the_bot(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/elchi.db"
    sandbox = await Sandbox().start()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "BOT_TOKEN": sandbox.token,
        "BOT_API_URL": sandbox.url,
        "ADMINS": f"{ADMIN}:UZ",
        "APPROVALS": "2",
        "APPROVAL_THRESHOLD": "2",
        "LOG_LEVEL": "WARNING",
    }
    try:
        async with running_harness(
            database_url=url, sandbox=sandbox, deliver=True, admins={ADMIN: "UZ"}
        ) as harness:
            people = [harness.sandbox.user(language_code="ru") for _ in range(3)]
            for person in people:
                await say(harness, person, "/start ru-UZ")
            admin = harness.sandbox.user(user_id=ADMIN, language_code="ru")
            await say(harness, admin, "/stats")  # the admin has opened the bot
            before = [len(p.bot_messages()) for p in people]

            file = str(SHIPPED / "2022-09-21-prosecutor-warning.yaml")
            pushed = await asyncio.to_thread(elchi, "push", file, "--yes", env=env, cwd=tmp_path)
            assert pushed.returncode == 0, pushed.stderr
            lines = pushed.stdout.splitlines()
            assert lines[0] == f"{ADVISORY}: 3 subscribers of UZ (ru 3)"
            assert "more than 2: a second admin of UZ must approve it in Telegram" in lines
            assert lines[-1] == (
                f"{ADVISORY}: waiting for approval; 1 admin(s) of UZ asked in Telegram "
                "(the running bot carries it out once one approves)"
            )
            assert [len(p.bot_messages()) for p in people] == before  # held
            assert admin.last_text().startswith(
                "⏳ Оператор (командная строка) просит отправить «Генпрокуратура Узбекистана "
                "напомнила о наказании"
            )
            await tap(harness, admin, "ap:*:yes")
            await eventually(
                lambda: all(
                    len(p.bot_messages()) == n + 1 for p, n in zip(people, before, strict=True)
                )
            )
            await eventually(lambda: "Рассылка завершена" in admin.last_text())

            listed = await asyncio.to_thread(elchi, "advisories", "UZ", env=env, cwd=tmp_path)
            row = next(line for line in listed.stdout.splitlines() if line.startswith(ADVISORY))
            assert row.split("\t")[2:] == ["done", row.split("\t")[3], "sent 3/3", "understood 0"]

            fixed = tmp_path / "fixed.yaml"
            original = await asyncio.to_thread(Path(file).read_text)
            replaced = original.replace("Генпрокуратура Узбекистана", "Генпрокуратура РУз")
            await asyncio.to_thread(fixed.write_text, replaced)
            correct = await asyncio.to_thread(
                elchi,
                "correct",
                ADVISORY,
                str(fixed),
                "--yes",
                env={**env, "APPROVALS": "1"},
                cwd=tmp_path,
            )
            assert correct.returncode == 0, correct.stderr
            assert correct.stdout.splitlines()[-1] == (
                f"{ADVISORY}: corrected; 3 messages edited, 0 gone, 0 failed"
            )
            assert all("Генпрокуратура РУз" in (p.bot_messages()[-1].text or "") for p in people)
            log = await asyncio.to_thread(elchi, "audit", env=env, cwd=tmp_path)
            actions = [line.split("\t")[1:3] for line in log.stdout.splitlines()]
            assert actions[:4] == [
                ["cli", "correct"],
                ["cli", "send"],
                [f"tg:{ADMIN}", "approve"],
                ["cli", "ask-approval"],
            ]
    finally:
        await sandbox.stop()
