"""Corrections run by the worker: every delivered copy edited in its locale, resumable."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from bot.advisories.model import Advisory
from bot.sandbox import Sandbox, SimMessage
from bot.storage.acks import AckRepository
from bot.storage.advisories import AdvisoryRepository
from bot.storage.corrections import Corrections
from tests.conftest import on_every_backend
from tests.delivery.conftest import ADVISORY, Setup

MakeSandbox = Callable[..., AbstractAsyncContextManager[Sandbox]]


async def stored(setup: Setup) -> Advisory:
    advisory = await AdvisoryRepository(database=setup.database).get(advisory_id=ADVISORY)
    assert advisory is not None
    return advisory


async def replace_text(setup: Setup, edit: Callable[[str], str]) -> Advisory:
    """Save the advisory with every body (and summary: what the message shows) rewritten by
    `edit` (same id: a correction)."""
    advisory = await stored(setup)
    texts = {
        loc: t.model_copy(
            update={"body": edit(t.body), "summary": edit(t.summary) if t.summary else None}
        )
        for loc, t in advisory.text.items()
    }
    changed = advisory.model_copy(update={"text": texts})
    await AdvisoryRepository(database=setup.database).save(advisory=changed, origin="correct")
    return changed


def texts_of(sandbox: Sandbox, chat_id: int) -> list[SimMessage]:
    chat = sandbox.world.chats[chat_id]
    return [m for m in chat.messages if not m.deleted]


@on_every_backend
async def test_every_delivered_copy_is_edited_in_its_locale_and_nothing_new_is_sent(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    await setup.audience(25)
    await setup.publish()
    async with make_sandbox() as sandbox, setup.worker(sandbox) as worker:
        await worker.drain()
        sandbox.world.chats[3].messages[0].deleted = True  # the reader deleted it
        await AckRepository(database=setup.database).acknowledge(advisory_id=ADVISORY, chat_id=4)
        await replace_text(setup, lambda body: body + "\n\nCORRECTED")
        assert (
            await Corrections(database=setup.database).request(advisory_id=ADVISORY, notice=False)
            == 25
        )
        await worker.drain()
    state = await Corrections(database=setup.database).get(advisory_id=ADVISORY)
    assert state is not None
    assert (state.state, state.edited, state.gone, state.failed) == ("done", 24, 1, 0)
    assert sandbox.bot.stats.sent == 25  # edited in place: not one new message
    [ky] = texts_of(sandbox, 2)  # chat 2 reads Kyrgyz
    assert ky.edited
    assert ky.text is not None
    assert ky.text.startswith("🟠 Өзбекстандын Башкы прокуратурасы")
    assert "CORRECTED" in ky.text
    assert [b["text"] for b in ky.buttons()] == [  # still there to press
        "✅ Түшүндүм",
        "📖 Толугураак",
        "📎 Булактар",
        "🏛 Элчиликтин байланыштары",
        "📨 Досуңузга жөнөтүү",
    ]
    [ru] = texts_of(sandbox, 4)  # chat 4 already pressed it: that button does not come back
    assert [b["text"] for b in ru.buttons()] == [
        "📖 Подробнее",
        "📎 Источники",
        "🏛 Контакты посольства",
        "📨 Отправить другу",
    ]


async def test_a_longer_correction_adds_a_part_and_a_shorter_one_removes_it(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    paragraph = "Подробности. " * 190  # 2,470 characters: two of them need a second message
    long_paragraph = paragraph + "\n\n" + paragraph
    await setup.audience(5)
    await setup.publish()
    corrections = Corrections(database=setup.database)
    async with make_sandbox() as sandbox, setup.worker(sandbox) as worker:
        await worker.drain()
        assert [len(texts_of(sandbox, c)) for c in range(1, 6)] == [1] * 5
        await replace_text(setup, lambda body: body + "\n\n" + long_paragraph)
        await corrections.request(advisory_id=ADVISORY, notice=False)
        await worker.drain()
        grown = texts_of(sandbox, 4)
        assert len(grown) == 2
        assert grown[0].edited
        assert not grown[1].edited
        assert (grown[1].text or "").startswith("Подробности.")
        assert grown[0].buttons() == []
        assert grown[1].buttons() != []
        await replace_text(setup, lambda body: body.split("\n\nПодробности.")[0])
        await corrections.request(advisory_id=ADVISORY, notice=False)
        await worker.drain()
        shrunk = texts_of(sandbox, 4)
    assert len(shrunk) == 1  # the extra part is deleted again
    assert shrunk[0].buttons() != []
    state = await corrections.get(advisory_id=ADVISORY)
    assert state is not None
    assert (state.edited, state.failed) == (5, 0)


async def test_the_corrected_notice_replies_once_in_each_readers_language(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    await setup.audience(10)
    await setup.publish()
    async with make_sandbox() as sandbox, setup.worker(sandbox) as worker:
        await worker.drain()
        await replace_text(setup, lambda body: body + "\n\nCORRECTED")
        await Corrections(database=setup.database).request(advisory_id=ADVISORY, notice=True)
        await worker.drain()
    assert sandbox.bot.stats.sent == 20  # the advisory, then one short notice each
    notice = texts_of(sandbox, 4)[-1]  # chat 4 reads Russian
    assert notice.text == (
        "✏️ Посольство исправило это сообщение: в сообщении выше теперь новый текст."
    )
    assert notice.silent


async def test_a_halted_correction_resumes_where_it_stopped(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    import asyncio

    await setup.audience(120)
    await setup.publish()
    corrections = Corrections(database=setup.database)
    async with make_sandbox() as sandbox, setup.worker(sandbox, rate=100) as worker:
        await worker.drain()
        await replace_text(setup, lambda body: body + "\n\nCORRECTED")
        await corrections.request(advisory_id=ADVISORY, notice=True)
        task = asyncio.create_task(worker.drain())
        while sandbox.bot.stats.sent < 120 + 60:  # halfway through the notices
            await asyncio.sleep(0.01)
        assert await setup.outbox.halt(country="UZ") == [ADVISORY]  # /halt stops it too
        await asyncio.wait_for(task, 10)
        halted = await corrections.get(advisory_id=ADVISORY)
        assert halted is not None
        assert halted.state == "halted"
        assert halted.edited < 120
        assert await corrections.resume(advisory_id=ADVISORY)
        await worker.drain()
    done = await corrections.get(advisory_id=ADVISORY)
    assert done is not None
    assert done.state == "done"
    notices = {
        chat_id: sum(1 for m in texts_of(sandbox, chat_id) if (m.text or "").startswith("✏️"))
        for chat_id in range(1, 121)
    }
    assert set(notices.values()) == {1}  # everyone once, no one twice, after the pause
    assert all("CORRECTED" in (texts_of(sandbox, c)[0].text or "") for c in range(1, 121))


def test_message_ids_are_stored_whole_or_not_at_all() -> None:
    from bot.storage import message_ids

    stored = message_ids.join([1234567890, 1234567891], [1234567892])
    assert stored == "1234567890,1234567891,v1234567892"
    assert message_ids.split(stored) == ([1234567890, 1234567891], [1234567892])
    crowded = message_ids.join([10**11, 10**11 + 1, 10**11 + 2, 10**11 + 3], [])
    assert crowded == "100000000000,100000000001,100000000002"  # the fourth is left out whole
    assert message_ids.join([], []) is None
    assert message_ids.split(None) == ([], [])
