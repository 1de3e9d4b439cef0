"""An embassy's embargo holds everywhere: an advisory scheduled for tomorrow, though dated today,
is on no surface a reader or a stranger can reach until its send time has come."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest

from bot.advisories.model import Advisory
from bot.demo.harness import Harness, running_harness
from tests.e2e.helpers import say
from tests.reach.test_pages import page_server
from tests.support.clock import FakeClock

EMBARGOED = "uz-embargoed-decree"


@pytest.fixture
async def embargo(database_url: str) -> AsyncIterator[tuple[Harness, FakeClock, str]]:
    """The bot and its public page, with an advisory dated an hour ago and scheduled for
    tomorrow (as `elchi push FILE --at <tomorrow>` leaves a file dated today)."""
    clock = FakeClock(datetime.now(UTC).replace(microsecond=0))
    async with running_harness(database_url=database_url, clock=clock) as harness:
        known = await harness.services.stores.advisories.get(
            advisory_id="uz-2022-08-10-embassy-warning"
        )
        assert known is not None
        document = known.model_dump()
        for text in document["text"].values():  # the id in every headline: found wherever shown
            text["headline"] = f"{EMBARGOED}: {text['headline']}"
        await harness.services.stores.advisories.save(
            advisory=Advisory.model_validate(
                {
                    **document,
                    "id": EMBARGOED,
                    "effective": clock.now - timedelta(hours=1),
                    "publish_at": clock.now + timedelta(days=1),
                }
            ),
            origin="cli",
        )
        server = page_server(harness)
        await server.start("127.0.0.1", 0)
        try:
            yield harness, clock, f"http://127.0.0.1:{server.port}"
        finally:
            await server.stop()


async def public_surfaces(root: str) -> dict[str, tuple[int, bool]]:
    """Each public path → (status, whether the embargoed id appears in it)."""
    seen: dict[str, tuple[int, bool]] = {}
    async with aiohttp.ClientSession() as client:
        for path in (
            "/ru/UZ/",
            "/uz/UZ/",
            "/ru/UZ/feed.atom",
            f"/ru/advisory/{EMBARGOED}",
            f"/cap/{EMBARGOED}.xml",
        ):
            async with client.get(root + path) as answer:
                seen[path] = (answer.status, EMBARGOED in await answer.text())
    return seen


async def reader_surfaces(harness: Harness) -> dict[str, bool]:
    """Each surface of the bot → whether it offers the embargoed advisory to a new reader."""
    reader = harness.sandbox.user(language_code="ru")
    await say(harness, reader, "/start ru-UZ")
    pack = next(m for m in reader.bot_messages() if m.buttons())
    before = len(reader.bot_messages())
    await say(harness, reader, "/latest")  # news, then earlier warnings
    latest = [b for m in reader.bot_messages()[before:] for b in m.buttons()]
    query_id = reader.inline_query("uz", chat_type="group")
    await harness.settle()
    inline = reader.inline(query_id)
    return {
        "welcome pack": any(EMBARGOED in str(b) for b in pack.buttons()),
        "/latest": any(EMBARGOED in str(b) for b in latest),
        "inline": any(EMBARGOED in str(result) for result in inline),
    }


async def test_an_embargoed_advisory_is_on_no_surface_until_its_send_time(
    embargo: tuple[Harness, FakeClock, str],
) -> None:
    harness, clock, root = embargo
    assert await public_surfaces(root) == {
        "/ru/UZ/": (200, False),
        "/uz/UZ/": (200, False),
        "/ru/UZ/feed.atom": (200, False),
        f"/ru/advisory/{EMBARGOED}": (404, False),
        f"/cap/{EMBARGOED}.xml": (404, False),
    }
    assert await reader_surfaces(harness) == {
        "welcome pack": False,
        "/latest": False,
        "inline": False,
    }
    clock.advance(days=1)  # the send time has come: the embassy's advisory is public
    assert await public_surfaces(root) == {
        "/ru/UZ/": (200, True),
        "/uz/UZ/": (200, True),
        "/ru/UZ/feed.atom": (200, True),
        f"/ru/advisory/{EMBARGOED}": (200, True),
        f"/cap/{EMBARGOED}.xml": (200, True),
    }
    assert await reader_surfaces(harness) == {
        "welcome pack": True,
        "/latest": True,
        "inline": True,
    }


async def test_a_button_to_an_embargoed_advisory_opens_nothing(
    embargo: tuple[Harness, FakeClock, str],
) -> None:
    harness, _clock, _root = embargo
    reader = harness.sandbox.user(language_code="ru")
    await say(harness, reader, "/start ru-UZ")
    await say(harness, reader, "/latest")
    reader.press_data(reader.bot_messages()[-1], f"adv:{EMBARGOED}")  # a forged button
    await harness.settle()
    assert reader.last_text() == "Это сообщение больше не действует."
    assert await harness.services.stores.advisories.get(advisory_id=EMBARGOED) is not None
