"""Channel mirrors: a published advisory is posted in its country's channels, in each one's
language; a correction edits the post, a cancellation marks it; Telegram's 20 a minute a
channel is kept (the sandbox enforces it)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from bot.admin.cancel import cancel
from bot.clock import utcnow
from bot.delivery.service import Reporting
from bot.sandbox import Limits, Sandbox, SimMessage
from bot.storage.admins import AdminRepository
from bot.storage.advisories import AdvisoryRepository
from bot.storage.channels import ChannelRepository
from bot.storage.stores import Stores
from tests.conftest import on_every_backend
from tests.delivery.conftest import ADVISORY, Setup
from tests.support.clock import FakeClock

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
                stores=Stores.over(setup.database, clock=utcnow),
                translator=setup.translator,
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
                stores=Stores.over(setup.database, clock=utcnow),
                translator=setup.translator,
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


async def test_an_urgent_advisory_reaches_its_channel_while_a_long_broadcast_runs(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    await setup.audience(200)  # at 28 a second: about seven seconds of broadcast
    channel = {str(UZ_RU): ("UZ", "ru")}
    async with make_sandbox(limits=Limits(enabled=True)) as sandbox:
        sandbox.channel(UZ_RU, "Elchi ru")
        await ChannelRepository(database=setup.database, configured=channel).all()
        long = await setup.outbox_advisory()
        await setup.outbox.publish(long)
        async with setup.worker(sandbox, rate=28, channels=channel) as running:
            draining = asyncio.create_task(running.drain())
            await asyncio.sleep(1.0)
            urgent = long.model_copy(
                update={"id": "uz-urgent-decree", "severity": "extreme", "publish_at": utcnow()}
            )
            await AdvisoryRepository(database=setup.database).save(advisory=urgent, origin="admin")
            async with asyncio.timeout(5):  # long before the 200 readers are done
                while len(posts(sandbox, UZ_RU)) < 2:  # the long one's post, then the urgent
                    await asyncio.sleep(0.05)
            assert sandbox.bot.stats.sent < 200  # the long broadcast is still going
            draining.cancel()  # its remaining readers are not this test's subject
            with contextlib.suppress(asyncio.CancelledError):
                await draining
        assert sandbox.bot.stats.too_many_requests == 0


async def test_a_channel_that_refuses_is_paused_and_its_admins_told_once(
    setup: Setup, make_sandbox: MakeSandbox
) -> None:
    gone = {"-1009999999999": ("UZ", "ru")}  # the bot is not there (the sandbox: not found)
    await ChannelRepository(database=setup.database, configured=gone).all()
    await setup.audience(1)
    await AdminRepository(database=setup.database, configured={}).add(user_id=77, country="UZ")
    async with make_sandbox() as sandbox:
        await setup.publish()
        async with setup.worker(sandbox, channels=gone, reporting=Reporting()) as running:
            await running.drain()
            requests = sandbox.bot.stats.requests
            for _ in range(3):  # passes within the wait: the channel is not asked again
                await running.drain()
            assert sandbox.bot.stats.requests == requests
        told = [m.text or "" for m in sandbox.world.chats[77].messages]
        assert [t for t in told if "-1009999999999" in t] == [
            "Канал -1009999999999 (Узбекистан, Русский) не принимает сообщения Elchi. Сделайте "
            "бота администратором канала с правом публикации; Elchi попробует снова позже."
        ]


async def test_channels_follow_their_configuration_as_it_is_now(setup: Setup) -> None:
    clock = FakeClock()
    first = {"-1001000000009": ("UZ", "ru")}
    await ChannelRepository(database=setup.database, configured=first, clock=clock).all()
    clock.advance(hours=1)
    moved = {"-1001000000009": ("KG", "ky")}
    [channel] = await ChannelRepository(
        database=setup.database, configured=moved, clock=clock
    ).all()
    assert (channel.country, channel.locale, channel.added_at) == ("KG", "ky", clock.now)
    assert await ChannelRepository(database=setup.database, configured={}, clock=clock).all() == []
