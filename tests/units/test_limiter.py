"""The send-rate limiter, on a clock the test moves: slots are spaced, a pause holds everyone."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from bot.delivery.limiter import RateLimiter


class FakeTime:
    """A monotonic clock that only moves when asyncio.sleep is awaited (patched below)."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def fake_time(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    clock = FakeTime()
    real_sleep = asyncio.sleep

    async def sleep(seconds: float) -> None:
        clock.now += seconds
        await real_sleep(0)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    return clock


async def test_slots_are_evenly_spaced_at_the_rate(fake_time: FakeTime) -> None:
    limiter = RateLimiter(10, clock=fake_time)
    times = []
    for _ in range(5):
        await limiter.acquire()
        times.append(fake_time.now)
    assert [round(b - a, 6) for a, b in itertools.pairwise(times)] == [0.1] * 4


async def test_a_pause_holds_every_sender_until_it_ends(fake_time: FakeTime) -> None:
    limiter = RateLimiter(10, clock=fake_time)
    await limiter.acquire()
    limiter.pause(3.0)
    assert limiter.paused
    await limiter.acquire()
    assert fake_time.now >= 103.0
    assert not limiter.paused


async def test_a_shorter_pause_never_shortens_a_longer_one(fake_time: FakeTime) -> None:
    limiter = RateLimiter(10, clock=fake_time)
    limiter.pause(5.0)
    limiter.pause(1.0)
    await limiter.acquire()
    assert fake_time.now >= 105.0


def test_a_rate_of_zero_is_refused() -> None:
    with pytest.raises(ValueError, match="rate must be positive"):
        RateLimiter(0)
