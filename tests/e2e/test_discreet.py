"""Discreet mode: the bot's messages disappear from the chat 24 hours after sending."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.demo.harness import Harness, running_harness
from tests.e2e.helpers import press, say
from tests.support.clock import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def timed(database_url: str, clock: FakeClock) -> AsyncIterator[Harness]:
    async with running_harness(database_url=database_url, clock=clock) as running:
        yield running


async def sweep(harness: Harness) -> None:
    """Run the discreet sweep job now, as the JobQueue would."""
    assert harness.application.job_queue is not None
    [job] = harness.application.job_queue.get_jobs_by_name("discreet_sweep")
    await job.run(harness.application)


async def test_messages_are_deleted_after_24_hours(timed: Harness, clock: FakeClock) -> None:
    user = timed.sandbox.user(language_code="en")
    await say(timed, user, "/start ru-UZ")
    kept = [m.message_id for m in user.bot_messages()]  # sent before discreet mode: they stay
    await say(timed, user, "/settings")
    await press(timed, user, "🕶 Включить скрытый режим")  # edits the settings message
    await say(timed, user, "/help")
    await say(timed, user, "/law")
    later = [m.message_id for m in user.bot_messages() if m.message_id not in kept]
    assert len(later) == 5  # settings, the explanation, help, the warning, the question
    clock.advance(hours=23)
    await sweep(timed)
    assert len(user.bot_messages()) == len(kept) + len(later)
    clock.advance(hours=2)
    await sweep(timed)
    assert [m.message_id for m in user.bot_messages()] == kept


async def test_turning_it_off_keeps_what_was_queued(timed: Harness, clock: FakeClock) -> None:
    user = timed.sandbox.user(language_code="en")
    await say(timed, user, "/start ky-KG")
    await say(timed, user, "/settings")
    await press(timed, user, "🕶 Купуя режимди күйгүзүү")
    await say(timed, user, "/help")
    await say(timed, user, "/settings")
    await press(timed, user, "🕶 Купуя режимди өчүрүү")
    count = len(user.bot_messages())
    clock.advance(hours=25)
    await sweep(timed)
    assert len(user.bot_messages()) == count
