"""Embassy staff in Telegram, end to end: compose, preview, schedule, send, correct, cancel,
four-eyes, /halt, a restart — the real bot and its delivery worker against the sandbox."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from bot.admin.answers import USE_BUTTONS
from bot.admin.cancel import cancel_id
from bot.admin.report_actions import BY_CODE
from bot.delivery.budget import Lanes
from bot.demo.harness import Harness, running_harness
from bot.sandbox import Sandbox, SimUser
from bot.storage.outbox import Outbox
from bot.telegram import button_edits
from bot.telegram.callbacks import data, short
from bot.texts import country
from bot.texts import replies as reply_texts
from bot.texts import staff as staff_texts
from tests.e2e.helpers import (
    eventually,
    eventually_async,
    gettext_in,
    press,
    said,
    said_opening,
    say,
    tap,
)
from tests.support.clock import FakeClock

UZ_ADMIN, UZ_ADMIN_2, KG_ADMIN = 9001, 9002, 9003
ADMINS = {UZ_ADMIN: "UZ", UZ_ADMIN_2: "UZ", KG_ADMIN: "KG"}
# Broadcasts at Telegram's free rate (so that a halt or a cancel lands mid-way), while the admin's
# own chat is not paced (the compose steps come faster than a person would send them).
TELEGRAM_RATE = Lanes(per_chat=1000.0, chat_burst=100)
TEXTS = {  # headline, body, as the admin types them
    "ru": ("Вербовщики у миграционного центра", "Не подписывайте <b>никаких</b> бумаг."),
    "uz": ("Migratsiya markazi oldida yollovchilar", "Hech qanday qogʻozga imzo chekmang."),
    "ky": ("Миграция борборунун жанында жалдоочулар", "Эч кандай кагазга кол койбоңуз."),
    "tg": ("Ҷалбкунандагон назди маркази муҳоҷират", "Ягон ҳуҷҷатро имзо накунед."),
}
SUBSCRIBE = ("uz-UZ", "uz_Cyrl-UZ", "ky-UZ", "tg-UZ", "ru-UZ", "ru-KG", "tg-TJ")


@asynccontextmanager
async def staff(
    database_url: str,
    *,
    clock: FakeClock | None = None,
    sandbox: Sandbox | None = None,
    **settings: Any,
) -> AsyncIterator[Harness]:
    async with running_harness(
        database_url=database_url,
        sandbox=sandbox,
        clock=clock or FakeClock(),
        deliver=True,
        admins=ADMINS,
        **settings,
    ) as harness:
        yield harness


async def subscribers(harness: Harness) -> dict[str, SimUser]:
    """One migrant per deep link, subscribed the way people do it."""
    people = {}
    for link in SUBSCRIBE:
        person = harness.sandbox.user(language_code="ru")
        await say(harness, person, f"/start {link}")
        people[link] = person
    return people


async def many_subscribers(harness: Harness, count: int) -> None:
    """`count` Russian-reading citizens of Uzbekistan, chats 1..count (the sandbox has them)."""
    for chat_id in range(1, count + 1):
        await harness.services.stores.subscribers.subscribe(
            chat_id=chat_id, locale="ru", country="UZ"
        )


NAMES = {UZ_ADMIN: "Dilnoza", UZ_ADMIN_2: "Aziz"}  # as their Telegram accounts show them


def admin(harness: Harness, user_id: int = UZ_ADMIN) -> SimUser:
    name = NAMES.get(user_id, "Test")
    return harness.sandbox.user(user_id=user_id, language_code="ru", first_name=name)


async def compose(harness: Harness, author: SimUser, *, voice: bool = False) -> None:
    """/new in four languages, one source, 30 days, optionally a Russian voice note."""
    await say(harness, author, "/new")
    question = author.last_text().split("\n\n")[0]
    uzbekistan = country(gettext_in(harness, "ru"), "UZ")
    assert question == said(
        harness, "New advisory for {country}. What kind is it?", country=uzbekistan
    )
    await tap(harness, author, "c:*:ki:alert")
    await tap(harness, author, "c:*:se:severe")
    await tap(harness, author, "c:*:re:all")
    await tap(harness, author, "c:*:lo:all")
    for headline, body in TEXTS.values():
        await say(harness, author, headline)
        await say(harness, author, body)
        await tap(harness, author, "c:*:tx:skip")
    await say(harness, author, "https://uzembassy.ru/news/2026-12-01-warning")
    await say(harness, author, "Посольство Узбекистана: новости")
    await tap(harness, author, "c:*:so:done")
    await tap(harness, author, "c:*:ex:30")
    if voice:
        await tap(harness, author, "c:*:vo:ru")
        author.send_voice("AwACAgIAAxkBAAIBQ2Voice")
        await harness.settle()
    await tap(harness, author, "c:*:vo:done")


def got(person: SimUser, text: str) -> bool:
    return any(text in (m.text or "") for m in person.bot_messages())


async def test_a_uz_admin_composes_previews_schedules_and_only_uz_citizens_receive_it(
    database_url: str,
) -> None:
    clock = FakeClock()
    async with staff(database_url, clock=clock) as harness:
        people = await subscribers(harness)
        author, colleague = admin(harness), admin(harness, UZ_ADMIN_2)
        await compose(harness, author, voice=True)
        preview, summary = author.bot_messages()[-3], author.bot_messages()[-1]
        assert (preview.text or "").startswith("🟠 Вербовщики у миграционного центра")
        assert "никаких" in (preview.text or "")
        assert [b["text"] for b in preview.buttons()] == [  # as readers see it
            "✅ Понятно",
            "📎 Источники",
            "🏛 Контакты посольства",
            "📨 Отправить другу",
        ]
        assert "voice" in author.bot_messages()[-2].extra  # then the voice note
        lines = (summary.text or "").splitlines()
        uzbekistan = country(gettext_in(harness, "ru"), "UZ")
        audience = said(
            harness, "Audience now ({country}): {total} subscribers.", country=uzbekistan, total=5
        )
        assert lines[1] == audience
        assert "• Кыргызча (1): Миграция борборунун жанында жалдоочулар" in lines
        assert "• Ўзбекча (кирилл) (1): Миграция маркази олдида ёлловчилар" in lines
        await tap(harness, author, "v:*:tg")  # every language in full, on request
        assert author.last_text().startswith("🟠 Ҷалбкунандагон назди маркази муҳоҷират")
        await tap(harness, author, "p:*:sched")
        await tap(harness, author, "t:*:1h")
        assert author.last_text() == (
            "🕘 Запланировано на 26 ноября 2026\u202fг., 13:00 по Москве (10:00 UTC). "
            "Подписчиков сейчас: 5. Сообщение уйдёт в это время, один раз."
        )
        harness.services.bell.set()
        await harness.settle()
        assert not any(got(p, "миграционного") for p in people.values())  # not yet
        clock.advance(hours=1, minutes=1)
        harness.services.bell.set()
        expected = {
            "uz-UZ": "🟠 Migratsiya markazi oldida yollovchilar",
            "uz_Cyrl-UZ": "🟠 Миграция маркази олдида ёлловчилар",  # derived, as for files
            "ky-UZ": "🟠 Миграция борборунун жанында жалдоочулар",
            "tg-UZ": "🟠 Ҷалбкунандагон назди маркази муҳоҷират",
            "ru-UZ": "🟠 Вербовщики у миграционного центра",
        }
        await eventually(lambda: all(got(people[k], text) for k, text in expected.items()))
        await eventually(lambda: "voice" in people["ru-UZ"].bot_messages()[-1].extra)
        assert "voice" in people["ru-UZ"].bot_messages()[-1].extra  # the Russian note
        assert "voice" not in people["ky-UZ"].bot_messages()[-1].extra  # none in Kyrgyz
        for other in ("ru-KG", "tg-TJ"):  # other citizens hear nothing of it
            assert not got(people[other], "миграционного")
            assert not got(people[other], "муҳоҷират")
        # Every UZ admin heard that it started; the KG admin did not.
        await eventually(
            lambda: got(colleague, said_opening(harness, staff_texts.BROADCAST_STARTED))
        )
        kg = admin(harness, KG_ADMIN)
        assert not got(kg, "📣")


async def test_a_kg_admin_can_neither_see_nor_touch_a_uz_advisory(database_url: str) -> None:
    async with staff(database_url) as harness:
        await subscribers(harness)
        author = admin(harness)
        await compose(harness, author)
        draft_id = next(
            d.id for d in await harness.services.workflow.drafts.of_country(country="UZ")
        )
        kg = admin(harness, KG_ADMIN)
        await say(harness, kg, "/advisories")
        listing = [b["text"] for b in kg.bot_messages()[-1].buttons()]
        assert listing
        assert all("миграционного" not in label for label in listing)
        assert "📰 Что грозит гражданину Кыргызстана за участие в…" in listing
        # Pressing buttons built for the UZ draft changes nothing, is answered and audited.
        screen = kg.bot_messages()[-1]
        item = short(draft_id)
        forged = [
            data("c", item, "se", "extreme"),
            data("p", item, "send"),
            data("p", item, "drop"),
            data("v", item, "ru"),
            data("e", item, "meta"),
            data("t", item, "1h"),
            data("ap", item, "yes"),
            data("ad", item, "draft"),
            data("ad", item, "drop"),
            data("ad", short("uz-legal-warning"), "open"),  # a UZ advisory
            data("ad", short("uz-legal-warning"), "cancelyes"),
        ]
        for button in forged:
            kg.press_data(screen, button)
            await harness.settle()
        await say(harness, kg, "/audit")
        refused = [
            (e.actor, e.country, e.detail)
            for e in await harness.services.stores.admins.audit_log()
            if e.action == "refused"
        ]
        assert sorted(refused) == sorted(
            [(f"tg:{KG_ADMIN}", "UZ", f"button {b}") for b in forged]
            + [(f"tg:{KG_ADMIN}", "KG", "/audit")]
        )
        assert kg.unanswered_callbacks() == []
        assert harness.sandbox.bot.callback_answers  # every press answered …
        answers = [a for a in harness.sandbox.bot.callback_answers.values() if a and a.get("text")]
        assert answers[-1]["text"] == said(harness, staff_texts.OUT_OF_DATE)
        assert (
            await harness.services.workflow.drafts.get(draft_id=draft_id) is not None
        )  # … intact


async def test_a_non_admins_new_is_an_unknown_command_and_audited(database_url: str) -> None:
    async with staff(database_url) as harness:
        migrant = harness.sandbox.user(language_code="ru")
        await say(harness, migrant, "/start ru-UZ")
        await say(harness, migrant, "/new")
        assert migrant.last_text() == said(harness, reply_texts.UNKNOWN_COMMAND)
        migrant.press_data(migrant.bot_messages()[-1], data("p", "0123abcd", "send"))
        await harness.settle()
        assert migrant.unanswered_callbacks() == []
        log = await harness.services.stores.admins.audit_log()
        stranger = harness.services.hash_chat(migrant.id)  # not an admin: a keyed hash
        assert [(e.actor, e.action, e.detail) for e in log] == [
            (stranger, "refused", "/new"),  # the button within the hour is counted, not written
        ]
        await say(harness, migrant, "/forget")
        await tap(harness, migrant, "forget:yes")
        assert await harness.services.stores.admins.audit_log() == []  # /forget removes them
        assert await harness.services.workflow.drafts.of_country(country="UZ") == []


async def test_strangers_cannot_flood_the_audit_log(database_url: str) -> None:
    async with staff(database_url) as harness:
        strangers = [harness.sandbox.user(language_code="ru") for _ in range(4)]
        for _ in range(30):  # 120 /halt from 4 people who are not admins
            for stranger in strangers:
                stranger.send("/halt")
        await harness.settle()
        admin = harness.sandbox.user(user_id=UZ_ADMIN, language_code="ru")
        await say(harness, admin, "/halt")  # an admin's action
        await harness.services.actions.summarise_refusals()  # the hourly job
        log = await harness.services.stores.admins.audit_log()
        refused = [e for e in log if e.action == "refused"]
        assert len(refused) == 5  # each stranger once, then one summary
        assert refused[0].actor == "strangers"
        assert refused[0].detail is not None
        assert refused[0].detail.startswith("116 refused commands from 4 non-admins since ")
        admins_only = await harness.services.stores.admins.audit_log(admins_only=True)
        assert [(e.actor, e.action) for e in admins_only] == [(f"tg:{UZ_ADMIN}", "halt")]


async def test_a_correction_edits_every_delivered_message_and_can_tell_readers(
    database_url: str,
) -> None:
    async with staff(database_url) as harness:
        people = await subscribers(harness)
        author = admin(harness)
        await compose(harness, author)
        await tap(harness, author, "p:*:send")
        reader = people["ru-UZ"]
        await eventually(lambda: got(reader, "Вербовщики у миграционного центра"))
        delivered = next(m for m in reader.bot_messages() if "миграционного" in (m.text or ""))
        await tap(harness, reader, "ack:*")  # counted once, then the button goes
        contacts = [{"text": "🏛 Контакты посольства", "callback_data": "ask:embassy:UZ"}]
        assert [b["text"] for b in delivered.buttons()] == [
            "📎 Источники",
            "🏛 Контакты посольства",
            "📨 Отправить другу",
        ]
        assert delivered.buttons()[1:2] == contacts
        await eventually(lambda: got(author, said(harness, staff_texts.BROADCAST_FINISHED)))
        await say(harness, author, "/advisories")
        await press(harness, author, "✅ Вербовщики у миграционного центра")
        report = author.last_text()
        assert "Доставлено: 5 из 5." in report
        pressed = said(
            harness, "“I understand” pressed: {total} ({counts})", total=1, counts="Русский 1"
        )
        assert pressed in report
        await tap(harness, author, "ad:*:fix")
        await tap(harness, author, "e:*:t-ru")
        await tap(harness, author, "c:*:tx:keep")
        await say(harness, author, "Не подписывайте бумаг. Звоните в консульство.")
        await tap(harness, author, "c:*:tx:keep")
        assert "Исправление: доставленных сообщений, которые будут изменены на месте: 5." in (
            author.last_text()
        )
        await tap(harness, author, "p:*:fixn")
        # Only Russian changed: each other language is asked about, one at a time.
        for language in ("Oʻzbekcha (lotin)", "Кыргызча", "Тоҷикӣ"):
            assert author.last_text() == (
                "Вы изменили текст на языках: Русский.\n\n"
                f"Текст на языке «{language}» не изменён. Он по-прежнему говорит то же самое? "
                "Если перевода пока нет, читатели тем временем увидят русский текст."
            )
            await tap(harness, author, "cl:*:*:ok")  # the last one: it goes out as pressed
        await eventually(lambda: got(author, said(harness, staff_texts.CORRECTION_FINISHED)))
        assert delivered.edited
        assert "Звоните в консульство." in (delivered.text or "")
        assert delivered.buttons()[1:2] == contacts  # it was pressed: not offered again
        assert reader.last_text() == (
            "✏️ Посольство исправило это сообщение: в сообщении выше теперь новый текст."
        )
        kyrgyz = next(m for m in people["ky-UZ"].bot_messages() if "жалдоочулар" in (m.text or ""))
        assert not kyrgyz.edited  # only the Russian text changed; other texts are the same
        actions = [e.action for e in await harness.services.stores.admins.audit_log()]
        assert actions[:2] == ["correct", "edit"]
        [entry] = [
            e for e in await harness.services.stores.admins.audit_log() if e.action == "correct"
        ]
        assert entry.advisory_id is not None
        stored = await harness.services.stores.advisories.get(advisory_id=entry.advisory_id)
        assert stored is not None
        assert stored.revision == 1  # exported as a CAP Update of the original


async def test_cancelling_stops_pending_sends_and_tells_exactly_those_who_got_it(
    database_url: str,
) -> None:
    sandbox = await Sandbox(auto_chats=True).start()
    try:
        async with staff(database_url, sandbox=sandbox, lanes=TELEGRAM_RATE) as harness:
            await many_subscribers(harness, 120)
            author = admin(harness)
            await compose(harness, author)
            await tap(harness, author, "p:*:send")
            await eventually(lambda: len(sandbox.bot.stats.per_chat) >= 20)  # 29 a second
            await say(harness, author, "/advisories")
            await press(harness, author, "📤 Вербовщики у миграционного центра")
            await tap(harness, author, "ad:*:cancel")
            await tap(harness, author, "ad:*:cancelyes")
            assert author.last_text().startswith(
                "⛔ " + said_opening(harness, staff_texts.CANCELLED_WITH_NOTICE)
            )
            outbox = harness.services.workflow.outbox
            [entry] = [
                e for e in await harness.services.stores.admins.audit_log() if e.action == "send"
            ]
            assert entry.advisory_id is not None
            sent = await harness.services.stores.advisories.get(advisory_id=entry.advisory_id)
            assert sent is not None
            notice = cancel_id(sent.id)
            await eventually_async(lambda: _ended(outbox, notice), seconds=20)
            received = {c for c in range(1, 121) if _headline_in(sandbox, c)}
            notified = {c for c in range(1, 121) if _notice_in(sandbox, c)}
            assert 20 <= len(received) < 120  # pending sends stopped …
            assert notified == received  # … and exactly those who got it hear it is cancelled
            progress = await outbox.progress(sent.id)
            assert progress.by_status["stopped"] == 120 - len(received)
            await say(harness, author, "/stats")  # advisories by headline, never by code
            assert "• Отменено: Вербовщики у миграционного центра: доставлено" in (
                author.last_text()
            )
            assert "-cancel" not in author.last_text()
            await say(harness, author, "/advisories")
            listing = [b["text"] for b in author.bot_messages()[-1].buttons()]
            assert "⛔ Вербовщики у миграционного центра" in listing  # shown as cancelled
    finally:
        await sandbox.stop()


async def _ended(outbox: Outbox, advisory_id: str) -> bool:
    return await outbox.state(advisory_id) == "done"


def _headline_in(sandbox: Sandbox, chat_id: int) -> bool:
    chat = sandbox.world.chats.get(chat_id)
    return chat is not None and any(
        (m.text or "").startswith("🟠 Вербовщики") for m in chat.messages
    )


def _notice_in(sandbox: Sandbox, chat_id: int) -> bool:
    chat = sandbox.world.chats.get(chat_id)
    return chat is not None and any(
        (m.text or "").startswith("🟠 Отменено: Вербовщики") for m in chat.messages
    )


async def test_four_eyes_holds_a_broadcast_until_a_second_admin_approves(
    database_url: str,
) -> None:
    async with staff(database_url, approvals=2, approval_threshold=3) as harness:
        people = await subscribers(harness)  # 5 UZ citizens: more than 3
        author, colleague = admin(harness), admin(harness, UZ_ADMIN_2)
        await say(harness, colleague, "/stats")  # the colleague has opened the bot
        await compose(harness, author)
        assert "Получателей больше 3: прежде чем что-либо отправится" in author.last_text()
        await tap(harness, author, "p:*:send")
        assert author.last_text() == (
            "⏳ Ждём второго админа (🇺🇿 Узбекистан). Попросили одобрить: 1."
        )
        harness.services.bell.set()
        await harness.settle()
        assert not got(people["ru-UZ"], "миграционного")  # held
        request = colleague.bot_messages()[-1]
        assert (request.text or "").startswith(
            f"⏳ Dilnoza (tg:{UZ_ADMIN}) просит отправить «Вербовщики у миграционного центра» "
            "сейчас."
        )
        assert colleague.bot_messages()[-2].text.startswith("🟠 Вербовщики")  # type: ignore[union-attr]
        author.press_data(author.bot_messages()[-1], request.buttons()[0]["callback_data"])
        await harness.settle()  # the author cannot approve their own request
        assert not got(people["ru-UZ"], "миграционного")
        await tap(harness, colleague, "ap:*:yes")
        await eventually(lambda: got(people["ru-UZ"], "Вербовщики у миграционного центра"))
        approved = f"✅ Aziz (tg:{UZ_ADMIN_2}) одобрил(а) «Вербовщики у миграционного центра»"
        await eventually(lambda: got(author, approved))  # named as their account shows them
        actions = [e.action for e in await harness.services.stores.admins.audit_log()]
        assert actions[:3] == ["send", "approve", "ask-approval"]


async def test_halt_in_telegram_stops_a_running_broadcast_and_resume_finishes_it(
    database_url: str,
) -> None:
    sandbox = await Sandbox(auto_chats=True).start()
    try:
        async with staff(database_url, sandbox=sandbox, lanes=TELEGRAM_RATE) as harness:
            await many_subscribers(harness, 150)
            author = admin(harness)
            await compose(harness, author)
            await tap(harness, author, "p:*:send")

            def reached() -> int:
                return sum(1 for chat_id in range(1, 151) if chat_id in sandbox.bot.stats.per_chat)

            await eventually(lambda: reached() >= 15)
            await say(harness, author, "/halt")
            assert author.last_text() == said(harness, staff_texts.HALTED, count=1)
            stopped_at = reached()
            [entry] = [
                e for e in await harness.services.stores.admins.audit_log() if e.action == "send"
            ]
            assert entry.advisory_id is not None
            reports = harness.services.reports

            async def settled() -> bool:
                """Halted, and every send Telegram saw is recorded: nothing left on its way."""
                state = await reports.broadcast_state(str(entry.advisory_id))
                sent = (await reports.progress(str(entry.advisory_id))).by_status.get("sent", 0)
                return state == "halted" and sent == reached()

            await eventually_async(settled)
            halted = reached()
            assert halted <= stopped_at + 20  # what was already on its way, and no more
            await say(harness, author, "/advisories")
            await press(harness, author, "⏸ Вербовщики у миграционного центра")
            await tap(harness, author, "ad:*:resume")
            await eventually(lambda: reached() == 150, seconds=20)
            assert halted < 150
    finally:
        await sandbox.stop()


async def test_a_restart_between_scheduling_and_sending_sends_exactly_once(
    database_url: str,
) -> None:
    clock = FakeClock()
    sandbox = await Sandbox().start()
    try:
        async with staff(database_url, clock=clock, sandbox=sandbox) as harness:
            people = await subscribers(harness)
            author = admin(harness)
            await compose(harness, author)
            await tap(harness, author, "p:*:sched")
            await tap(harness, author, "t:*:3h")
        clock.advance(hours=3, minutes=1)
        for _ in range(2):  # two restarts after the time has come
            async with staff(database_url, clock=clock, sandbox=sandbox) as harness:
                harness.services.bell.set()
                await eventually(lambda: got(people["ru-UZ"], "миграционного"))
                await harness.settle()
        copies = [
            sum("миграционного" in (m.text or "") for m in people["ru-UZ"].bot_messages()),
            sum("жалдоочулар" in (m.text or "") for m in people["ky-UZ"].bot_messages()),
        ]
        assert copies == [1, 1]
    finally:
        await sandbox.stop()


@pytest.mark.parametrize(
    ("typed", "refusal"),
    [
        ("2026-11-26 10:00", "❗ 26.11.2026 10:00 уже прошло. Напишите более позднюю дату, "
         "например 03.12.2026 10:00."),
        ("31.02.2027 09:00", "❗ Не могу прочитать это время. Напишите, например, "
         "03.12.2026 10:00 (по Москве)."),
        ("01.01.2030 09:00", "❗ До 01.01.2030 09:00 больше года. Напишите дату в пределах "
         "года, например 03.12.2026 10:00."),
        ("30 декабря", "❗ Добавьте и время, например 03.12.2026 10:00."),
    ],
)  # fmt: skip
async def test_a_typed_time_is_checked_then_shown_back_to_confirm(
    database_url: str, typed: str, refusal: str
) -> None:
    async with staff(database_url, clock=FakeClock()) as harness:  # 26 Nov 2026, 12:00 MSK
        await subscribers(harness)
        author = admin(harness)
        await compose(harness, author)  # 30 days from the send: until 26 December
        await tap(harness, author, "p:*:sched")
        await tap(harness, author, "t:*:type")
        assert author.last_text() == (
            "Напишите дату и время по Москве, например 03.12.2026 10:00."  # from today
        )
        await say(harness, author, typed)
        assert author.last_text() == refusal
        await say(harness, author, "завтра в 10")  # as people write it
        assert author.last_text() == said(harness, staff_texts.SEND_ON, moment="27.11.2026 10:00")
        await tap(harness, author, "t:*:ok")
        assert author.last_text().startswith("🕘 Запланировано на 27 ноября 2026\u202fг., 10:00")


async def test_an_end_date_is_typed_confirmed_and_a_send_time_after_it_refused(
    database_url: str,
) -> None:
    async with staff(database_url, clock=FakeClock()) as harness:  # 26 Nov 2026, 12:00 MSK
        await subscribers(harness)
        author = admin(harness)
        await compose(harness, author)
        await tap(harness, author, "p:*:edit")
        await tap(harness, author, "e:*:expires")
        assert "например 26.12.2026" in author.last_text()  # computed from today
        await say(harness, author, "10.08.2022")
        assert author.last_text() == (
            "❗ 10.08.2022 уже прошло. Напишите более позднюю дату, например 26.12.2026."
        )
        await say(harness, author, "20 декабря")
        until = "It applies until {moment}, Moscow time. Is that right?"
        assert author.last_text() == said(harness, until, moment="20.12.2026 00:00")
        await tap(harness, author, "c:*:ec:yes")
        await tap(harness, author, "p:*:sched")
        await tap(harness, author, "t:*:type")
        await say(harness, author, "30 декабря 10:00")
        assert author.last_text() == (
            "❗ Оно уйдёт, когда срок его действия уже кончится (20.12.2026 00:00). Напишите "
            "более раннее время, например 03.12.2026 10:00, или измените «До какого числа»."
        )


async def test_a_wrong_answer_is_refused_in_the_admins_language_and_the_menu_still_works(
    database_url: str,
) -> None:
    async with staff(database_url) as harness:
        author = admin(harness)
        await say(harness, author, "/start ru-UZ")  # subscribed too: the menu is on screen
        await say(harness, author, "/new")
        for pattern in ("c:*:ki:alert", "c:*:se:severe", "c:*:re:all"):
            await tap(harness, author, pattern)
        await tap(harness, author, "c:*:lo:all")
        await say(harness, author, "Очень " * 40)
        assert author.last_text() == "❗ В заголовке знаков: 239; можно не больше 160."
        await press(harness, author, "❓ Помощь")  # the menu, not an answer
        assert author.last_text().startswith("Что я умею")
        await say(harness, author, "Вербовщики у миграционного центра")
        assert author.last_text().startswith("Русский: текст сообщения.")


async def test_typing_where_a_button_is_awaited_is_refused_and_the_question_shown_once_again(
    database_url: str,
) -> None:
    async with staff(database_url) as harness:
        author = admin(harness)
        await say(harness, author, "/new")
        asked = author.bot_messages()[-1]
        before = len(author.bot_messages())
        await say(harness, author, "предупреждение")  # the kind is chosen by a button
        refusal, again = author.bot_messages()[before:]  # exactly these two
        assert refusal.text == "❗ " + said(harness, USE_BUTTONS)
        assert (again.text, again.buttons()) == (asked.text, asked.buttons())


async def test_i_understand_is_counted_once_and_a_forged_press_changes_nothing(
    database_url: str,
) -> None:
    async with staff(database_url) as harness:
        people = await subscribers(harness)
        reader, other = people["ky-UZ"], people["ru-KG"]
        pack = next(m for m in reader.bot_messages() if m.buttons())  # the welcome pack
        reader.press_data(pack, "adv:uz-legal-warning")  # its button: the legal warning in full
        await harness.settle()
        standing = reader.bot_messages()[-1]
        more = {"text": "📖 Толугураак", "callback_data": "more:uz-legal-warning"}
        sources = {"text": "📎 Булактар", "callback_data": "src:uz-legal-warning"}
        contacts = {"text": "🏛 Элчиликтин байланыштары", "callback_data": "ask:embassy:UZ"}
        share = standing.buttons()[-1]
        assert share["text"] == "📨 Досуңузга жөнөтүү"
        assert standing.buttons() == [
            {"text": "✅ Түшүндүм", "callback_data": "ack:uz-legal-warning"},
            more,
            sources,
            contacts,
            share,
        ]
        reader.press_data(standing, "ack:uz-legal-warning")
        await harness.settle()
        assert standing.buttons() == [more, sources, contacts, share]  # all but "I understand"
        reader.press_data(standing, data("ack", "uz-legal-warning"))  # twice: counted once
        await harness.settle()
        screen = other.bot_messages()[-1]
        other.press_data(screen, data("ack", "uz-legal-warning"))  # a KG citizen, forged
        await harness.settle()
        assert other.unanswered_callbacks() == []
        acks = harness.services.stores.acks
        assert await acks.by_locale(advisory_id="uz-legal-warning") == {"ky": 1}


async def test_past_the_edits_that_may_wait_a_press_is_answered_and_counted_and_the_button_stays(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(button_edits, "WAITING", 0)  # as when 2,000 wait behind a flood of presses
    async with staff(database_url) as harness:
        reader = (await subscribers(harness))["ky-UZ"]
        pack = next(m for m in reader.bot_messages() if m.buttons())
        reader.press_data(pack, "adv:uz-legal-warning")
        await harness.settle()
        standing = reader.bot_messages()[-1]
        before = standing.buttons()
        reader.press_data(standing, data("ack", "uz-legal-warning"))
        await harness.settle()
        assert reader.unanswered_callbacks() == []
        assert standing.buttons() == before  # no edit: "I understand" stays
        acks = harness.services.stores.acks
        assert await acks.by_locale(advisory_id="uz-legal-warning") == {"ky": 1}


async def test_a_correction_draft_and_its_advisory_open_apart_in_the_list(
    database_url: str,
) -> None:
    async with staff(database_url) as harness:
        author = admin(harness)
        await say(harness, author, "/advisories")
        await press(harness, author, "📰 Генпрокуратура Узбекистана напомнила о наказани…")
        await tap(harness, author, "ad:*:fix")  # a correction draft, same id
        await say(harness, author, "/advisories")
        labels = [b["text"] for b in author.bot_messages()[-1].buttons()]
        assert labels[0] == "✏️ Генпрокуратура Узбекистана напомнила о наказани…"  # not sent
        await press(harness, author, "📰 Генпрокуратура Узбекистана напомнила о наказани…")
        assert "Состояние: показывается в «Последних», не рассылалось" in author.last_text()
        await tap(harness, author, "ad:*:send")  # asks first: it is scheduled
        question = BY_CODE["send"].question
        assert question is not None
        assert author.last_text() == said(harness, question)
        await tap(harness, author, "ad:*:sendyes")  # would overwrite the draft
        answers = [a for a in harness.sandbox.bot.callback_answers.values() if a and a.get("text")]
        assert answers[-1]["text"] == (
            "У этого сообщения открыт черновик: сначала завершите или удалите его."
        )
        await say(harness, author, "/advisories")
        await press(harness, author, "✏️ Генпрокуратура Узбекистана напомнила о наказани…")
        assert author.last_text().endswith(
            "Исправление ещё не отправлено. У читателей пока старый текст."
        )
