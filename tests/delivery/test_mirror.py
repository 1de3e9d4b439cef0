"""Channel mirrors: a published advisory is posted in its country's channels, in each one's
language; a correction edits the post, a cancellation marks it; Telegram's 20 a minute a
channel is kept (the sandbox enforces it)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from bot.admin.cancel import cancel
from bot.clock import utcnow
from bot.sandbox import Limits, Sandbox, SimMessage
from bot.storage.advisories import AdvisoryRepository
from bot.storage.channels import ChannelRepository
from tests.conftest import on_every_backend
from tests.delivery.conftest import ADVISORY, Setup

MakeSandbox = Callable[..., AbstractAsyncContextManager[Sandbox]]
UZ_UZ, UZ_RU, KG_KY = -1001000000001, -1001000000002, -1001000000003
CHANNELS = {str(UZ_UZ): ("UZ", "uz"), str(UZ_RU): ("UZ", "ru"), str(KG_KY): ("KG", "ky")}


def posts(sandbox: Sandbox, chat_id: int) -> list[SimMessage]:
    return [m for m in sandbox.world.chats[chat_id].messages if not m.deleted]


@on_every_backend
async def test_a_channel_gets_the_advisory_in_its_language_then_its_correction_and_its_mark(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    await setup.audience(2)
    async with make_sandbox(limits=Limits(enabled=True)) as sandbox:
        for chat_id, (_, locale) in CHANNELS.items():
            sandbox.channel(int(chat_id), f"Elchi {locale}")
        # Mirroring starts when a channel is first seen: what is published from then on.
        await ChannelRepository(database=setup.database, configured=CHANNELS).all()
        await setup.publish()
        async with setup.worker(sandbox, rate=28, channels=CHANNELS) as running:
            await running.drain()
            [uz], [ru] = posts(sandbox, UZ_UZ), posts(sandbox, UZ_RU)
            assert (uz.text or "").startswith("🟠 Oʻzbekiston Bosh prokuraturasi")
            assert (ru.text or "").startswith("🟠 Генпрокуратура Узбекистана")
            assert posts(sandbox, KG_KY) == []  # another country's channel
            [[subscribe]] = ru.inline_keyboard or []
            assert subscribe == {
                "text": "🔔 Получать эти предупреждения в Telegram",
                "url": "https://t.me/elchi_sandbox_bot?start=ru-UZ-channel",
            }
            requests = sandbox.bot.stats.requests
            await running.drain()  # nothing changed: not one request
            assert sandbox.bot.stats.requests == requests
            assert sandbox.bot.stats.sent == 2 + 2  # two readers, two channels
            # A correction of the Russian text: the Russian post is edited, the Uzbek one not.
            repository = AdvisoryRepository(database=setup.database)
            advisory = await repository.get(advisory_id=ADVISORY)
            assert advisory is not None
            ru_text = advisory.text["ru"]
            fixed = ru_text.model_copy(update={"headline": "Генпрокуратура: ИСПРАВЛЕНО"})
            await repository.save(
                advisory=advisory.model_copy(update={"text": {**advisory.text, "ru": fixed}}),
                origin="correct",
            )
            await running.drain()
            assert ru.edited
            assert (ru.text or "").startswith("🟠 Генпрокуратура: ИСПРАВЛЕНО")
            assert not uz.edited
            await cancel(
                database=setup.database,
                translator=setup.translator,
                clock=utcnow,
                advisory_id=ADVISORY,
            )
            await running.drain()  # publishes the notice to readers
            await running.drain()  # and the channels mark the post
        assert (uz.text or "").startswith("❌ Elchixona tomonidan qaytarib olindi.")
        assert (ru.text or "").startswith("❌ Отозвано посольством. Больше не действуйте по нему.")
        assert [len(posts(sandbox, c)) for c in (UZ_UZ, UZ_RU)] == [1, 1]  # marked, not added
        assert sandbox.bot.stats.too_many_requests == 0
        assert sandbox.server.errors == []


async def test_a_cancellation_reaches_a_channel_even_when_no_reader_had_it(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    async with make_sandbox() as sandbox:
        sandbox.channel(UZ_RU, "Elchi ru")
        channels = {str(UZ_RU): ("UZ", "ru")}
        await ChannelRepository(database=setup.database, configured=channels).all()
        await setup.publish()  # nobody subscribed to Uzbekistan: only the channel shows it
        async with setup.worker(sandbox, channels=channels) as running:
            await running.drain()
            [post] = posts(sandbox, UZ_RU)
            cancelled = await cancel(
                database=setup.database,
                translator=setup.translator,
                clock=utcnow,
                advisory_id=ADVISORY,
            )
            assert cancelled.notice is not None
            await running.drain()
            await running.drain()
            requests = sandbox.bot.stats.requests
            await running.drain()  # nothing left to do: not one request (no post, no edit)
            assert sandbox.bot.stats.requests == requests
    assert (post.text or "").startswith("❌ Отозвано посольством.")
    assert posts(sandbox, UZ_RU) == [post]
