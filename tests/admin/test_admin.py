"""Admins: roles from ADMINS and the database, audit, halt, stats, scheduling — end to end."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.demo.harness import Harness, running_harness
from bot.sandbox import Sandbox
from bot.storage.outbox import Outbox
from tests.e2e.helpers import say
from tests.support.cli import elchi
from tests.support.clock import FakeClock

UZ_ADMIN, KG_ADMIN = 9001, 9002


@pytest.fixture
async def admin_harness(database_url: str) -> AsyncIterator[Harness]:
    async with running_harness(
        database_url=database_url, admins={UZ_ADMIN: "UZ", KG_ADMIN: "KG"}
    ) as running:
        yield running


async def test_a_non_admin_gets_the_unknown_command_answer_and_an_audit_row(
    admin_harness: Harness,
) -> None:
    user = admin_harness.sandbox.user(language_code="ru")
    await say(admin_harness, user, "/start ru-UZ")
    await say(admin_harness, user, "/halt")
    assert user.last_text() == "Я не знаю такой команды. Смотрите /help."
    [entry] = await admin_harness.services.stores.admins.audit_log()
    stranger = admin_harness.services.hash_chat(user.id)  # never a raw id of a non-admin
    assert (entry.actor, entry.action, entry.detail) == (stranger, "refused", "/halt")


async def test_halt_stops_only_the_admins_country(admin_harness: Harness) -> None:
    services = admin_harness.services
    for chat_id, country in ((1, "UZ"), (2, "KG")):
        await services.stores.subscribers.subscribe(chat_id=chat_id, locale="ru", country=country)
    outbox = Outbox(database=services.stores.database)
    for advisory_id in ("uz-2022-09-21-prosecutor-warning", "kg-2022-09-21-embassy-warning"):
        advisory = await services.stores.advisories.get(advisory_id=advisory_id)
        assert advisory is not None
        await outbox.publish(advisory)
    admin = admin_harness.sandbox.user(user_id=UZ_ADMIN, language_code="ru")
    await say(admin_harness, admin, "/halt")
    assert admin.last_text() == "Отправка остановлена. Остановлено рассылок: 1."
    assert await outbox.state("uz-2022-09-21-prosecutor-warning") == "halted"
    assert await outbox.state("kg-2022-09-21-embassy-warning") == "sending"
    actions = [e.action for e in await services.stores.admins.audit_log()]
    assert actions == ["halt"]


async def test_stats_are_counts_of_the_admins_country_only(admin_harness: Harness) -> None:
    for chat_id, locale, country in ((1, "ky", "KG"), (2, "ru", "KG"), (3, "uz", "UZ")):
        await admin_harness.services.stores.subscribers.subscribe(
            chat_id=chat_id, locale=locale, country=country
        )
    admin = admin_harness.sandbox.user(user_id=KG_ADMIN, language_code="ky")
    await say(admin_harness, admin, "/stats")
    assert admin.last_text() == (  # languages by name, not codes
        "Жазылуучулар\n🇰🇬 Кыргызстан: 2 (Кыргызча 1, Русский 1)\n  Аймактар: көрсөтүлгөн эмес 2"
    )


async def test_a_scheduled_advisory_goes_out_once_even_across_a_restart(
    database_url: str,
) -> None:
    clock = FakeClock()
    sandbox = await Sandbox().start()
    try:
        async with running_harness(database_url=database_url, sandbox=sandbox, clock=clock) as h:
            await h.services.stores.subscribers.subscribe(chat_id=5, locale="tg", country="TJ")
            advisory = await h.services.stores.advisories.get(
                advisory_id="tj-2022-09-embassy-warning"
            )
            assert advisory is not None
            at = clock.now + timedelta(hours=1)
            await h.services.stores.advisories.save(
                advisory=advisory.model_copy(update={"publish_at": at}), origin="test"
            )
            outbox = Outbox(database=h.services.stores.database, clock=clock)
            assert await outbox.due_scheduled() == []
            clock.advance(hours=2)  # the bot was down when it was due
            assert [a.id for a in await outbox.due_scheduled()] == [advisory.id]
            await outbox.publish(advisory)
        async with running_harness(database_url=database_url, sandbox=sandbox, clock=clock) as h:
            outbox = Outbox(database=h.services.stores.database, clock=clock)
            assert await outbox.due_scheduled() == []  # restarted: not published again
            assert (await outbox.progress(advisory.id)).total == 1
    finally:
        await sandbox.stop()


def test_cli_admins_halt_push_and_audit(tmp_path: Path) -> None:
    import os

    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/elchi.db",
        "ADMINS": "111:UZ",
    }
    added = elchi("admins", "add", "222", "KG", cwd=tmp_path, env=env)
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines() == ["111\tUZ\tADMINS", "222\tKG\tdatabase"]
    assert elchi("import", cwd=tmp_path, env=env).returncode == 0
    shipped = Path(__file__).resolve().parents[2] / "advisories" / "KG" / "legal-warning.yaml"
    unasked = elchi("push", str(shipped), "--at", "2027-01-10T09:00+03:00", cwd=tmp_path, env=env)
    assert (unasked.returncode, unasked.stdout.splitlines()[-1]) == (1, "nothing changed")
    scheduled = elchi(
        "push", str(shipped), "--at", "2027-01-10T09:00+03:00", "--yes", cwd=tmp_path, env=env
    )
    assert scheduled.returncode == 0, scheduled.stderr
    lines = scheduled.stdout.splitlines()
    assert lines[0] == "kg-legal-warning: 0 subscribers of KG (nobody)"
    assert lines[1].startswith("  | 🟠 Что грозит гражданину Кыргызстана")  # the preview
    assert lines[-1].startswith("kg-legal-warning: scheduled for 2027-01-10T09:00:00+03:00")
    naive = elchi("push", "kg-legal-warning", "--at", "2027-01-10T09:00", cwd=tmp_path, env=env)
    assert (naive.returncode, naive.stderr) == (
        2,
        "elchi: --at: give the offset too, e.g. 2026-12-01T09:00+03:00\n",
    )
    past = elchi(
        "push", "kg-legal-warning", "--at", "2020-01-10T09:00+03:00", cwd=tmp_path, env=env
    )
    assert (past.returncode, past.stderr.splitlines()[-1]) == (
        2,
        "elchi: --at: 2020-01-10T09:00:00+03:00 has already passed; give a later time, or "
        "leave --at out to send now",
    )
    far = elchi(
        "push", "kg-legal-warning", "--at", "2029-12-01T09:00+03:00", cwd=tmp_path, env=env
    )
    assert far.returncode == 2
    assert "is more than a year away" in far.stderr.splitlines()[-1]
    before = elchi("advisories", "KG", cwd=tmp_path, env=env).stdout
    tokenless = elchi("push", str(shipped), "--yes", cwd=tmp_path, env=env)  # send now: no token
    assert (tokenless.returncode, tokenless.stderr.splitlines()[-1]) == (
        2,
        "elchi: BOT_TOKEN: missing; get one from @BotFather (or try `make demo`)",
    )
    assert elchi("advisories", "KG", cwd=tmp_path, env=env).stdout == before  # nothing changed
    mismatch = elchi(
        "correct", "kg-2022-09-21-embassy-warning", str(shipped), "--yes", cwd=tmp_path, env=env
    )
    assert mismatch.returncode == 1
    assert mismatch.stderr.endswith(  # after the migration log lines
        f"{shipped}: no advisory with id 'kg-2022-09-21-embassy-warning' in this file\n"
    )
    missing = elchi("push", "nowhere/x.yaml", cwd=tmp_path, env=env)
    assert missing.returncode == 1
    assert missing.stderr.endswith("nowhere/x.yaml: no such file\n")
    halted = elchi("halt", "KG", cwd=tmp_path, env=env)
    assert halted.stdout == "halted 0 broadcast(s) of KG: none\n"
    log = elchi("audit", cwd=tmp_path, env=env).stdout.splitlines()
    assert [line.split("\t")[2] for line in log] == ["halt", "schedule", "admin-add"]
    assert elchi("admins", "remove", "111", cwd=tmp_path, env=env).returncode == 1  # the setting's


async def test_advisories_and_audit_for_admins(database_url: str) -> None:
    async with running_harness(
        database_url=database_url, admins={UZ_ADMIN: "UZ", 1: "*"}
    ) as harness:
        admin = harness.sandbox.user(user_id=UZ_ADMIN, language_code="ru")
        await say(harness, admin, "/advisories")
        listing = [b["text"] for b in admin.bot_messages()[-1].buttons()]
        assert "📰 Что грозит гражданину Узбекистана за участие в…" in listing
        assert len(listing) == 3  # the three advisories of Uzbekistan, none of KG or TJ
        await say(harness, admin, "/audit")
        assert admin.last_text() == "Журнал аудита могут читать только суперадмины."
        root = harness.sandbox.user(user_id=1, language_code="ru")
        await say(harness, root, "/audit")
        assert admin.last_text() != root.last_text()
        # The refused attempt is the only entry (the admin is named, with their country).
        assert root.last_text().endswith(f"tg:{UZ_ADMIN} refused UZ")


def test_cli_test_send_reaches_only_the_countrys_admins(tmp_path: Path) -> None:
    import asyncio
    import os

    async def scenario() -> None:
        sandbox = await Sandbox(auto_chats=True).start()
        try:
            env = {
                **os.environ,
                "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/e.db",
                "ADMINS": "501:UZ,502:KG",
                "BOT_TOKEN": sandbox.token,
                "BOT_API_URL": sandbox.url,
            }
            assert (
                await asyncio.to_thread(elchi, "import", cwd=tmp_path, env=env)
            ).returncode == 0
            result = await asyncio.to_thread(
                elchi, "push", "uz-legal-warning", "--test", cwd=tmp_path, env=env
            )
            assert result.returncode == 0, result.stderr
            assert result.stdout == "uz-legal-warning: test sent to 1 admin(s) of UZ\n"
            texts = [m.text or "" for m in sandbox.world.chats[501].messages]
            assert len(texts) >= 4  # uz, ky, tg, ru
            assert all(
                "ТЕСТ" in t or "SINOV" in t or "СЫНОО" in t or "САНҶИШ" in t
                for t in texts
                if t.startswith("🟠")
            )
            assert 502 not in sandbox.world.chats
        finally:
            await sandbox.stop()

    asyncio.run(scenario())
