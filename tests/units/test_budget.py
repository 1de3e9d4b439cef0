"""The one sending budget: who goes first, turns between broadcasts, per-chat pacing, pauses.

Real time on fast lanes (tens of milliseconds a slot), so that the order is what is tested.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bot.delivery.budget import Budget, Lanes, Priority

FAST = Lanes(free=50.0, paid=50.0, per_chat=50.0, chat_burst=1)


async def grant_order(budget: Budget, requests: list[tuple[int, Priority, str]]) -> list[int]:
    """Chat ids in the order their slots were granted (all asked at once, in list order)."""
    order: list[int] = []

    async def ask(chat_id: int, priority: Priority, queue: str) -> None:
        await budget.acquire(chat_id, priority=priority, queue=queue)
        order.append(chat_id)

    tasks = [asyncio.create_task(ask(*request)) for request in requests]
    await asyncio.gather(*tasks)
    return order


async def test_a_reply_goes_before_a_waiting_broadcast() -> None:
    budget = Budget(FAST)
    broadcast = [(chat, Priority.NORMAL, "uz") for chat in range(1, 11)]
    order = await grant_order(budget, [*broadcast, (99, Priority.REPLY, "")])
    assert order.index(99) <= 1  # at most the slot already being handed out goes first


async def test_buttons_taken_away_after_presses_wait_for_everything_else() -> None:
    budget = Budget(FAST)
    tidying = [(chat, Priority.TIDY, "") for chat in range(1, 21)]  # a flood of presses' edits
    later = [(98, Priority.NORMAL, "uz"), (99, Priority.REPLY, "")]
    order = await grant_order(budget, [*tidying, *later])
    assert {98, 99} <= set(order[:3])  # at most the slot already being handed out goes first


async def test_an_urgent_advisory_overtakes_a_moderate_one() -> None:
    budget = Budget(FAST)
    moderate = [(chat, Priority.NORMAL, "uz-moderate") for chat in range(1, 21)]
    urgent = [(chat, Priority.URGENT, "kg-extreme") for chat in range(101, 106)]
    order = await grant_order(budget, [*moderate, *urgent])
    assert set(range(101, 106)) <= set(order[:6])  # at most one moderate slot was under way


async def test_two_broadcasts_of_one_kind_take_turns() -> None:
    budget = Budget(FAST)
    uz = [(chat, Priority.NORMAL, "uz") for chat in range(1, 11)]
    kg = [(chat, Priority.NORMAL, "kg") for chat in range(101, 111)]
    order = await grant_order(budget, [*uz, *kg])
    first_ten = order[:10]
    assert 4 <= sum(1 for c in first_ten if c < 100) <= 6  # about half each, not one by one


async def test_one_chat_is_paced_while_others_go_on() -> None:
    budget = Budget(Lanes(free=200.0, paid=200.0, per_chat=10.0, chat_burst=2))
    started = time.monotonic()
    same_chat = [(7, Priority.REPLY, "") for _ in range(4)]
    others = [(chat, Priority.NORMAL, "uz") for chat in range(10, 20)]
    order = await grant_order(budget, [*same_chat, *others])
    elapsed = time.monotonic() - started
    assert order[:2] == [7, 7]  # the burst
    assert order[-1] == 7  # the rest of chat 7 waits for its pacing; the others did not
    assert elapsed >= 0.15  # two more messages to chat 7 at 10 a second


async def test_a_429_of_a_busy_chat_pauses_that_chat_only() -> None:
    budget = Budget(FAST)
    await budget.acquire(5)  # chat 5 just got a message: the limit may be its own
    budget.retry_after(5, 0.3)
    assert not budget.paused
    started = time.monotonic()
    await budget.acquire(6)
    assert time.monotonic() - started < 0.1  # another chat goes on
    await budget.acquire(5)
    assert time.monotonic() - started >= 0.28  # chat 5 waited its pause out


async def test_a_429_of_a_quiet_chat_pauses_the_whole_bot() -> None:
    budget = Budget(FAST)
    budget.retry_after(8, 0.3)  # nothing was sent to chat 8: the bot as a whole is limited
    assert budget.paused
    started = time.monotonic()
    await budget.acquire(9)
    assert time.monotonic() - started >= 0.28


async def test_a_hold_on_taking_over_sends_nothing_until_it_ends() -> None:
    budget = Budget(FAST)
    budget.hold(0.3)  # a process taking over lets the dead one's last window pass
    assert budget.paused
    started = time.monotonic()
    await budget.acquire(9, priority=Priority.REPLY)  # not even a reply
    assert time.monotonic() - started >= 0.28
    assert not budget.paused


async def test_429s_of_two_chats_at_once_pause_the_whole_bot() -> None:
    budget = Budget(FAST)
    await budget.acquire(1)
    await budget.acquire(2)
    budget.retry_after(1, 0.3)
    assert not budget.paused
    budget.retry_after(2, 0.3)
    assert budget.paused


async def test_a_cancelled_wait_does_not_block_the_others() -> None:
    budget = Budget(Lanes(free=5.0, paid=5.0, per_chat=50.0, chat_burst=1))
    await budget.acquire(1)
    doomed = asyncio.create_task(budget.acquire(2))
    await asyncio.sleep(0)
    doomed.cancel()
    await asyncio.wait_for(budget.acquire(3), timeout=1.0)


async def test_a_channel_is_paced_at_its_own_slower_rate_and_private_chats_go_on() -> None:
    budget = Budget(Lanes(free=200.0, paid=200.0, per_chat=200.0, per_group=10.0))
    started = time.monotonic()
    channel = [(-1001, Priority.NORMAL, "uz") for _ in range(3)]
    people = [(chat, Priority.NORMAL, "kg") for chat in range(10, 20)]
    order = await grant_order(budget, [*channel, *people])
    elapsed = time.monotonic() - started
    assert order[-1] == -1001  # the channel's later posts waited; people did not
    assert order.count(-1001) == 3
    assert elapsed >= 0.18  # three posts at 10 a second, no burst: 0.2 s apart


def busiest_second(times: list[float]) -> int:
    """The most grants in any one second (sliding)."""
    ordered, most, start = sorted(times), 0, 0
    for end, at in enumerate(ordered):
        while at - ordered[start] >= 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


class _Recording(Budget):
    """A budget that notes the instant of each grant on each lane (the waiting task runs a
    moment later, later still on a busy machine: its own clock would blur the second)."""

    def __init__(self, lanes: Lanes) -> None:
        super().__init__(lanes)
        self.at: dict[bool, list[float]] = {False: [], True: []}

    def _take(self, lane: Any, chat_id: int, priority: int, turn: int, now: float) -> None:
        super()._take(lane, chat_id, priority, turn, now)
        self.at[lane is self._paid].append(now)


async def test_a_lane_never_grants_more_than_its_rate_in_any_second() -> None:
    budget = _Recording(Lanes(free=20.0, paid=40.0, per_chat=100.0, chat_burst=100))

    async def ask(chat_id: int, *, on_paid: bool) -> None:
        await budget.acquire(chat_id, priority=Priority.NORMAL, paid=on_paid)

    await asyncio.gather(
        *(ask(c, on_paid=False) for c in range(1, 51)),
        *(ask(c, on_paid=True) for c in range(1001, 1101)),
    )
    assert (len(budget.at[False]), len(budget.at[True])) == (50, 100)
    assert busiest_second(budget.at[False]) <= 20
    assert busiest_second(budget.at[True]) <= 40


async def test_a_lane_faster_than_the_dispatchers_wakes_still_reaches_its_rate() -> None:
    """The dispatcher wakes at most every GRANT_EVERY seconds; a lane it woke for once per slot
    could never pass 100 a second, whatever its rate (a local Bot API server, the tests)."""
    budget = Budget(Lanes(free=1000.0, per_chat=100.0, chat_burst=100))
    times: list[float] = []

    async def ask(chat_id: int) -> None:
        await budget.acquire(chat_id, priority=Priority.NORMAL)
        times.append(time.monotonic())

    await asyncio.gather(*(ask(c) for c in range(1, 401)))
    assert 100 < busiest_second(times) <= 1000


async def test_one_chat_gets_at_most_its_burst_in_any_second() -> None:
    budget = _Recording(Lanes(free=1000.0, paid=1000.0, per_chat=2.0, chat_burst=3))
    for _ in range(9):  # someone pressing buttons as fast as they can
        await budget.acquire(7, priority=Priority.REPLY)
    assert len(budget.at[False]) == 9
    assert busiest_second(budget.at[False]) <= 3


async def test_a_reply_waiting_for_the_free_lane_does_not_hold_up_a_paid_broadcast() -> None:
    budget = Budget(Lanes(free=2.0, paid=100.0, per_chat=100.0, chat_burst=10))
    await budget.acquire(1)
    await budget.acquire(2)  # the free lane is spent for this second
    order = await grant_order_mixed(
        budget, [(3, Priority.REPLY, False), *[(c, Priority.NORMAL, True) for c in range(10, 15)]]
    )
    assert order[:5] == [10, 11, 12, 13, 14]  # the paid sends went on meanwhile
    assert order[-1] == 3


async def grant_order_mixed(
    budget: Budget, requests: list[tuple[int, Priority, bool]]
) -> list[int]:
    """Chat ids in grant order; each request (chat, priority, paid lane)."""
    order: list[int] = []

    async def ask(chat_id: int, priority: Priority, paid: bool) -> None:
        await budget.acquire(chat_id, priority=priority, paid=paid, queue="b")
        order.append(chat_id)

    await asyncio.gather(*(ask(*request) for request in requests))
    return order
