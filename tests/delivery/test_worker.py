"""The worker against the sandbox: once each, 429 pauses, 5xx retries, blocked, /stop, /forget."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from urllib.parse import parse_qs, urlparse

import pytest

from bot.admin.cancel import CancelError, cancel
from bot.advisories.render import renderer
from bot.clock import utcnow
from bot.delivery.budget import Budget, Lanes
from bot.delivery.report import final_report
from bot.delivery.service import worker
from bot.delivery.worker import WorkerConfig
from bot.sandbox import Faults, Limits, Sandbox
from bot.storage import outbox as outbox_module
from bot.storage.advisories import AdvisoryRepository
from bot.storage.stores import Stores
from tests.conftest import on_every_backend
from tests.delivery.conftest import Setup

MakeSandbox = Callable[..., AbstractAsyncContextManager[Sandbox]]
# Faults without Telegram's limits: a chat's retry need not wait out the one-a-second pacing
# of a chat (the pacing has tests of its own), so these runs take a second, not ten.
RETRIES_AT_ONCE = 100.0


@on_every_backend
async def test_every_subscriber_gets_it_once_in_their_locale(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    chats = await setup.audience(300)
    await setup.audience(20, country="KG", first=1000)  # other citizens: nothing for them
    assert await setup.publish() == 300
    async with make_sandbox() as sandbox, setup.worker(sandbox) as worker:
        await worker.drain()
    assert sandbox.bot.stats.per_chat == dict.fromkeys(chats, 1)
    progress = await setup.outbox.progress("uz-2022-09-21-prosecutor-warning")
    assert progress.by_status == {"sent": 300}
    assert progress.sent_by_locale == {"uz": 60, "uz_Cyrl": 60, "ky": 60, "tg": 60, "ru": 60}
    ky = sandbox.world.chats[2].messages[0].text or ""  # chat 2 reads Kyrgyz
    assert ky.startswith("🟠 Өзбекстандын Башкы прокуратурасы")
    assert sandbox.world.chats[1].messages[0].text.startswith("🟠 Ўзбекистон Бош прокуратураси")  # type: ignore[union-attr]


async def test_publishing_twice_adds_nobody_twice(setup: Setup, make_sandbox: MakeSandbox) -> None:
    await setup.audience(50)
    assert await setup.publish() == 50
    assert await setup.publish() == 50
    async with make_sandbox() as sandbox, setup.worker(sandbox) as worker:
        await worker.drain()
        await worker.drain()
    assert sandbox.bot.stats.sent == 50


async def test_429_storm_pauses_everything_then_delivers_all(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    await setup.audience(120)
    await setup.publish()
    limits = Limits(enabled=True, global_per_second=40, per_chat_burst=3)
    async with (
        make_sandbox(limits=limits) as sandbox,
        setup.worker(sandbox, rate=400, max_in_flight=10) as worker,
    ):
        await worker.drain()
    assert sandbox.bot.stats.sent == 120
    assert sandbox.bot.stats.too_many_requests > 0
    sends = sandbox.server.sends
    for index, (moment, status) in enumerate(sends):
        if status != 429:
            continue
        # Requests already on the wire may land just after; none may start during the pause.
        quiet_until = moment + 1.0 - 0.05
        started_late = [t for t, _ in sends[index + 1 :] if moment + 0.1 < t < quiet_until]
        assert started_late == [], "a request was sent during a retry_after pause"


async def test_server_errors_are_retried_until_delivered(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    chats = await setup.audience(200)
    await setup.publish()
    async with (
        make_sandbox(faults=Faults(server_error_share=0.05, seed=7)) as sandbox,
        setup.worker(sandbox, per_chat=RETRIES_AT_ONCE) as worker,
    ):
        await worker.drain()
    assert sandbox.bot.stats.server_errors > 0
    assert sandbox.bot.stats.per_chat == dict.fromkeys(chats, 1)


async def test_blocked_users_are_marked_and_never_retried(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    await setup.audience(100)
    await setup.publish()
    async with make_sandbox() as sandbox, setup.worker(sandbox) as worker:
        for chat_id in (10, 60):
            sandbox.world.chat(chat_id).blocked = True  # type: ignore[union-attr]
        await worker.drain()
    forbidden = [e for e in sandbox.server.errors if e[1] == 403]
    assert len(forbidden) == 2  # one try each
    progress = await setup.outbox.progress("uz-2022-09-21-prosecutor-warning")
    assert progress.by_status == {"sent": 98, "blocked": 2}
    row = await setup.subscribers.get(chat_id=10)
    assert row is not None
    assert row.blocked


async def test_stop_and_forget_after_publishing(setup: Setup, make_sandbox: MakeSandbox) -> None:
    await setup.audience(40)
    await setup.publish()
    await setup.subscribers.unsubscribe(chat_id=5)
    await setup.subscribers.forget(chat_id=6)
    async with make_sandbox() as sandbox, setup.worker(sandbox) as worker:
        await worker.drain()
    assert 5 not in sandbox.bot.stats.per_chat
    assert 6 not in sandbox.bot.stats.per_chat
    progress = await setup.outbox.progress("uz-2022-09-21-prosecutor-warning")
    assert progress.by_status == {"sent": 38, "skipped": 1}  # chat 6's row is gone entirely


async def test_halt_stops_sending_at_once(setup: Setup, make_sandbox: MakeSandbox) -> None:
    import asyncio

    await setup.audience(300)
    await setup.publish()
    async with make_sandbox() as sandbox, setup.worker(sandbox, rate=100, max_in_flight=5) as w:
        task = asyncio.create_task(w.drain())
        while sandbox.bot.stats.sent < 30:
            await asyncio.sleep(0.01)
        assert await setup.outbox.halt(country="UZ") == ["uz-2022-09-21-prosecutor-warning"]
        halted_at = sandbox.bot.stats.sent
        await asyncio.wait_for(task, 10)
    # within the half-second between looks at the flag, plus what was in flight
    assert sandbox.bot.stats.sent <= halted_at + 100 * 0.5 + 5
    progress = await setup.outbox.progress("uz-2022-09-21-prosecutor-warning")
    assert progress.left > 200  # the rest waits, pending, for an admin to resume


async def test_cancel_stops_pending_and_notifies_only_those_who_received_it(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    import asyncio

    from bot.admin.cancel import cancel
    from bot.clock import utcnow

    await setup.audience(200)
    await setup.publish()
    async with make_sandbox() as sandbox, setup.worker(sandbox, rate=100, max_in_flight=5) as w:
        task = asyncio.create_task(w.drain())
        while sandbox.bot.stats.sent < 30:
            await asyncio.sleep(0.01)
        cancelled = await cancel(
            stores=Stores.over(setup.database, clock=utcnow),
            translator=setup.translator,
            advisory_id="uz-2022-09-21-prosecutor-warning",
        )
        await asyncio.wait_for(task, 10)
        notice, total = cancelled.notice, cancelled.audience
        assert notice is not None
        received = dict(sandbox.bot.stats.per_chat)
        await w.drain()  # sends the notice
    original = await setup.outbox.progress("uz-2022-09-21-prosecutor-warning")
    assert total <= len(received)  # more went out while the worker noticed (at most 0.5 s)
    assert original.by_status["sent"] == len(received)
    assert original.by_status["stopped"] == 200 - len(received)
    assert (await setup.outbox.progress(notice.id)).by_status == {"sent": len(received)}
    assert set(sandbox.bot.stats.per_chat) == set(received)  # nobody new heard of it
    assert (
        sandbox.world.chats[2]
        .messages[-1]
        .text.startswith(  # type: ignore[union-attr]
            "🟠 Жокко чыгарылды: Өзбекстандын Башкы прокуратурасы"
        )
    )


async def test_each_advisory_carries_i_understand_and_its_voice_note(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    from bot.storage.advisories import AdvisoryRepository

    repository = AdvisoryRepository(database=setup.database)
    advisory = await repository.get(advisory_id="uz-2022-09-21-prosecutor-warning")
    assert advisory is not None
    spoken = advisory.model_copy(update={"voice": {"uz": "voice-uz-1", "ru": "voice-ru-1"}})
    await repository.save(advisory=spoken, origin="test")
    await setup.audience(5)  # chats 1..5: uz_Cyrl, ky, tg, ru, uz
    await setup.publish()
    async with make_sandbox() as sandbox, setup.worker(sandbox) as worker:
        await worker.drain()
    kinds = {
        chat_id: [
            "voice" if "voice" in m.extra else "text"
            for m in sandbox.world.chats[chat_id].messages
        ]
        for chat_id in range(1, 6)
    }
    # Cyrillic Uzbek hears the Uzbek note; Kyrgyz and Tajik readers have their own text and
    # no note in their language, so they get none.
    assert kinds == {
        1: ["text", "voice"],
        2: ["text"],
        3: ["text"],
        4: ["text", "voice"],
        5: ["text", "voice"],
    }
    text = sandbox.world.chats[3].messages[0]
    assert [b["text"] for b in text.buttons()] == [
        "✅ Фаҳмидам",
        "📖 Муфассал",  # a summary: the whole text on request
        "📎 Манбаъҳо",
        "🏛 Тамос бо сафорат",
        "📨 Ба дӯст фиристодан",  # the friend's link: Tajik, Uzbekistan, "share"
    ]
    share = parse_qs(urlparse(text.buttons()[-1]["url"]).query)
    assert share["url"] == ["https://t.me/elchi_sandbox_bot?start=tg-UZ-share"]
    assert share["text"][0].endswith("Огоҳиҳои сафорати шумо ба забони худатон, ройгон:")
    assert text.buttons()[0]["callback_data"] == "ack:uz-2022-09-21-prosecutor-warning"


async def test_broadcasts_to_discreet_chats_are_deleted_after_24_hours(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    from bot.storage.deletions import DeletionRepository

    await setup.audience(4)
    await setup.subscribers.set_discreet(chat_id=2, discreet=True)
    await setup.publish()
    async with make_sandbox() as sandbox, setup.worker(sandbox) as worker:
        await worker.drain()
    from datetime import UTC, datetime, timedelta

    deletions = DeletionRepository(database=setup.database)
    later = datetime.now(UTC) + timedelta(hours=24, minutes=1)
    assert await deletions.due(now=datetime.now(UTC)) == {}
    message_id = sandbox.world.chats[2].messages[0].message_id
    assert await deletions.due(now=later) == {2: [message_id]}  # only the discreet chat


async def test_a_paid_broadcast_keeps_its_lane_when_another_worker_resumes_it(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    await setup.audience(120)
    advisory = await setup.outbox_advisory()
    await setup.outbox.publish(advisory, paid=True)  # `elchi push --paid`, then a restart
    limits = Limits(enabled=True, global_per_second=30, paid_per_second=1000)
    async with (
        make_sandbox(limits=limits) as sandbox,
        setup.worker(sandbox, rate=400, paid=False) as worker,  # the bot's own worker
    ):
        await worker.drain()
    assert sandbox.bot.stats.sent == 120
    # 400 a second is far over the free 30: only the paid lane takes it without a 429.
    assert sandbox.bot.stats.too_many_requests == 0


async def test_sending_starts_before_the_outbox_is_filled(
    setup: Setup, make_sandbox: MakeSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outbox_module, "FILL_BATCH", 40)
    chats = await setup.audience(200)
    advisory = await setup.outbox_advisory()
    scheduled = advisory.model_copy(update={"publish_at": utcnow()})
    await AdvisoryRepository(database=setup.database).save(advisory=scheduled, origin="admin")
    async with make_sandbox() as sandbox, setup.worker(sandbox) as worker:
        await worker.publish_due()  # what the bot does when an advisory is due
        progress = await setup.outbox.progress(advisory.id)
        assert progress.total == 40  # the first batch: sending may begin now
        await worker.drain()  # and the rest is filled while it sends
    assert sandbox.bot.stats.per_chat == dict.fromkeys(chats, 1)


async def long_advisory(setup: Setup) -> tuple[str, int]:
    """The UZ warning with a body long enough for three messages; its id and its parts."""
    advisory = await setup.outbox_advisory()
    paragraph = "Elchixona fuqarolarni ogohlantiradi. " * 40
    body = "\n\n".join(f"{n}. {paragraph}" for n in range(6))  # each part different
    texts = {  # no summary: the whole long text goes out
        loc: text.model_copy(update={"body": body, "summary": None})
        for loc, text in advisory.text.items()
    }
    long = advisory.model_copy(update={"id": "uz-2026-12-02-long", "text": texts})
    await AdvisoryRepository(database=setup.database).save(advisory=long, origin="admin")
    stored = await AdvisoryRepository(database=setup.database).get(advisory_id=long.id)
    assert stored is not None
    parts = len(renderer(setup.translator)(stored, "ru"))
    assert parts == 3
    return long.id, parts


async def test_a_failure_on_a_later_part_never_resends_the_first(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    chats = await setup.audience(100, first=1)
    for chat_id in chats:  # one locale, so that every chat gets the same number of parts
        await setup.subscribers.set_locale(chat_id=chat_id, locale="ru")
    advisory_id, parts = await long_advisory(setup)
    assert await setup.publish(advisory_id) == 100
    # A third of sendMessage calls fail with 502 (which never takes effect at Telegram).
    async with (
        make_sandbox(faults=Faults(server_error_share=0.3, seed=3)) as sandbox,
        setup.worker(sandbox, per_chat=RETRIES_AT_ONCE) as worker,
    ):
        await worker.drain()
        while await setup.outbox.active():  # rows that failed three times in a row wait
            await worker.drain()
    assert sandbox.bot.stats.server_errors > 100
    assert sandbox.bot.stats.per_chat == dict.fromkeys(chats, parts)  # no part twice
    for chat_id in (1, 50, 100):
        texts = [m.text or "" for m in sandbox.world.chats[chat_id].messages]
        assert len(texts) == len(set(texts)) == parts


async def test_sends_whose_connection_dropped_are_counted_as_possibly_twice(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    chats = await setup.audience(300)
    await setup.publish()
    # 3% of sends take effect, then the connection drops before Telegram's answer arrives.
    faults = Faults(drop_after_send_share=0.03, seed=11)
    async with (
        make_sandbox(faults=faults) as sandbox,
        setup.worker(sandbox, per_chat=RETRIES_AT_ONCE) as worker,
    ):
        await worker.drain()
    assert sandbox.server.dropped > 0
    twice = {chat for chat, count in sandbox.bot.stats.per_chat.items() if count > 1}
    assert twice, "some readers got a second copy: Telegram cannot deduplicate"
    assert set(sandbox.bot.stats.per_chat) == set(chats)  # and nobody was missed
    progress = await setup.outbox.progress("uz-2022-09-21-prosecutor-warning")
    assert progress.possibly_twice >= len(twice)  # every copy sent twice is in the report
    assert progress.possibly_twice <= sandbox.server.dropped
    report = final_report(setup.translator.bound("ru"), headline="h", progress=progress)
    said = "Возможно, отправлено дважды (связь оборвалась после отправки, и сообщение ушло"
    said += " ещё раз)"
    assert f"{said}: {progress.possibly_twice}." in report


async def test_a_finished_broadcast_cancelled_shows_as_cancelled_and_only_once(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    await setup.audience(10)
    await setup.publish()
    async with make_sandbox() as sandbox, setup.worker(sandbox) as w:
        await w.drain()
    advisory_id = "uz-2022-09-21-prosecutor-warning"
    assert await setup.outbox.state(advisory_id) == "done"
    cancelled = await cancel(
        stores=Stores.over(setup.database, clock=utcnow),
        translator=setup.translator,
        advisory_id=advisory_id,
    )
    assert await setup.outbox.state(advisory_id) == "cancelled"  # not "sent" with ⛔ offered
    assert cancelled.notice is not None
    body = cancelled.notice.text["ru"].body
    assert ".." not in body  # "…2022 г. Больше не следуйте ему."
    assert body.endswith("Больше не следуйте ему.")
    with pytest.raises(CancelError, match="already cancelled"):
        await cancel(
            stores=Stores.over(setup.database, clock=utcnow),
            translator=setup.translator,
            advisory_id=advisory_id,
        )


async def test_a_broadcast_keeps_no_more_sends_open_than_its_limit(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    """Memory stays flat however large the audience: finished sends do not pile up waiting
    for their turn to be recorded (they did: tens of thousands at 300,000 readers)."""
    await setup.audience(300)
    await setup.publish()
    most = 0

    def open_sends() -> int:
        return sum(t.get_coro().__qualname__ == "Worker._deliver" for t in asyncio.all_tasks())  # type: ignore[union-attr]

    async with make_sandbox() as sandbox, setup.worker(sandbox, max_in_flight=20) as worker:
        drain = asyncio.create_task(worker.drain())
        while not drain.done():
            most = max(most, open_sends())
            await asyncio.sleep(0.002)
        await drain
    assert sandbox.bot.stats.sent == 300
    assert 0 < most <= 20


async def test_the_paid_lane_never_reaches_1000_in_any_second_at_the_server(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    await setup.audience(2500)
    advisory = await setup.outbox_advisory()
    await setup.outbox.publish(advisory, paid=True)
    limits = Limits(enabled=True, global_per_second=30, paid_per_second=1000)
    async with make_sandbox(limits=limits) as sandbox:
        config = {"backoff": 0.01}
        async with worker(
            stores=Stores.over(setup.database, clock=utcnow),
            translator=setup.translator,
            api_url=sandbox.url,
            token=sandbox.token,
            budget=Budget(Lanes()),  # the bot's own lanes: 990 a second on the paid one
            config=WorkerConfig(**config),  # type: ignore[arg-type]
        ) as running:
            await running.drain()
    assert sandbox.bot.stats.sent == 2500
    assert sandbox.bot.stats.too_many_requests == 0
    assert sandbox.server.flood.busiest_second(paid=True) < 1000  # counted at the server


async def test_the_duplicate_count_is_exact_under_server_errors_and_drops(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    """A try that may have arrived keeps counting through later 5xx retries: the report's
    "possibly sent twice" covers every reader who got two copies."""
    await setup.audience(210)
    await setup.publish()
    faults = Faults(server_error_share=0.3, drop_after_send_share=0.1, seed=5)
    async with (
        make_sandbox(faults=faults) as sandbox,
        setup.worker(sandbox, per_chat=RETRIES_AT_ONCE) as worker,
    ):
        await worker.drain()
    twice = {chat for chat, count in sandbox.bot.stats.per_chat.items() if count > 1}
    assert twice
    progress = await setup.outbox.progress("uz-2022-09-21-prosecutor-warning")
    assert progress.possibly_twice >= len(twice)
    assert progress.possibly_twice <= sandbox.server.dropped
