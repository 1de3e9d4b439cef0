"""The paid lane's sends under way: few against a server nearby (so a stalled server that
answers them all at once still sees under 1,000 in a second), more as answers take longer."""

from __future__ import annotations

import asyncio

from bot.delivery.budget import Budget, Lanes
from bot.delivery.in_flight import InFlight


async def test_never_more_under_way_than_the_floor_while_answers_are_quick() -> None:
    bound = InFlight(rate=990, floor=9, ceiling=100)
    most, release = 0, asyncio.Event()

    async def send() -> None:
        nonlocal most
        async with bound.held_for():
            most = max(most, bound.held)
            await release.wait()
        bound.answered(0.001)

    sends = [asyncio.create_task(send()) for _ in range(50)]
    await asyncio.sleep(0.01)
    assert (bound.held, most) == (9, 9)  # the others wait their turn
    release.set()
    await asyncio.gather(*sends)
    assert bound.held == 0


def test_slow_answers_let_more_under_way_up_to_the_ceiling() -> None:
    bound = InFlight(rate=990, floor=9, ceiling=100)
    for _ in range(200):
        bound.answered(0.05)  # 50 ms away: 990 a second needs about 50 under way
    assert 50 <= bound.limit <= 70
    for _ in range(200):
        bound.answered(1.0)
    assert bound.limit == 100


def test_a_stall_of_our_own_leaves_the_bound_alone() -> None:
    bound = InFlight(rate=990, floor=9, ceiling=100)
    for _ in range(100):
        bound.answered(0.003)  # a server nearby
    for _ in range(9):
        bound.answered(0.075)  # the nine under way while the process stood still 70 ms
    assert bound.limit == 9  # not more under way for it (nor a slower lane)


def test_the_floor_keeps_a_second_under_telegrams_1000() -> None:
    budget = Budget(Lanes(paid=990))
    assert budget.paid_in_flight.floor == 9  # 990 granted + 9 bunched = 999
    assert budget.paid_rate == 990


def test_more_under_way_slows_the_lane_by_as_many() -> None:
    now = [100.0]
    budget = Budget(Lanes(paid=990), clock=lambda: now[0])
    for _ in range(200):
        budget.answered(0.05, paid=True)  # far away: about 60 under way
    under_way = budget.paid_in_flight.limit
    assert under_way > 40
    assert budget.paid_rate + under_way == 999  # still under 1,000 in any second
    for _ in range(400):
        budget.answered(0.001, paid=True)  # near again...
    assert budget.paid_rate + under_way == 999  # ...but this second began with that many out
    now[0] += 1.0
    budget.answered(0.001, paid=True)
    assert budget.paid_rate == 990  # a second later


def test_a_lane_set_above_telegrams_cap_is_left_alone() -> None:
    budget = Budget(Lanes(paid=2000))  # tests' own lanes, no Telegram behind them
    for _ in range(200):
        budget.answered(0.05, paid=True)
    assert budget.paid_rate == 2000


async def test_a_send_cancelled_as_its_turn_comes_passes_the_turn_on() -> None:
    bound = InFlight(rate=2000, floor=1, ceiling=1)
    order: list[str] = []

    async def send(name: str) -> None:
        async with bound.held_for():
            order.append(name)

    first = bound.held_for()
    await first.__aenter__()
    stopped, last = asyncio.create_task(send("stopped")), asyncio.create_task(send("last"))
    await asyncio.sleep(0)  # both wait for the one room
    await first.__aexit__(None, None, None)  # the room goes to "stopped"...
    stopped.cancel()  # ...which a shutdown cancels before it runs
    await asyncio.wait_for(last, 1)  # the room is passed on, not lost
    assert order == ["last"]


async def test_the_lane_speeds_up_only_a_second_after_the_sends_of_a_higher_limit() -> None:
    now = [100.0]
    budget = Budget(Lanes(paid=990), clock=lambda: now[0])
    bound = budget.paid_in_flight
    for _ in range(200):
        budget.answered(0.03, paid=True)  # far away: about 37 may be under way
    out = [bound.held_for() for _ in range(bound.limit)]
    for send in out:
        await send.__aenter__()
    slowed = budget.paid_rate
    for _ in range(400):
        budget.answered(0.001, paid=True)  # near again: the limit falls back to 9...
    assert bound.limit == 9
    assert budget.paid_rate == slowed  # ...but the 37 sent meanwhile are still out
    now[0] += 0.5
    for send in out:
        await send.__aexit__(None, None, None)
    assert budget.paid_rate == slowed  # all answered, but this second began with them out
    now[0] += 0.6
    budget.answered(0.001, paid=True)
    assert budget.paid_rate == slowed  # they were out 0.6 s ago
    now[0] += 0.5
    budget.answered(0.001, paid=True)
    assert budget.paid_rate == 990  # a second after the last of them: full speed again
