"""The bot's one sending budget at Telegram, shared by everything it sends.

Telegram allows a bot about 30 messages a second in all (1,000 on the paid lane) and about one a
second to one chat, with short bursts; a 429 pauses a chat or the whole bot for `retry_after`
seconds, and a send during the pause prolongs it. So every send, a reply as much as a broadcast,
first asks this budget for a slot: the global lane's rate, the chat's pacing, no pause.

Who goes first: the lowest priority number (someone waiting for an answer, then extreme and
severe advisories, then the rest, then tidying up buttons). Between queues of one priority (two
countries' broadcasts, a correction and a notice), turns alternate: each queue's n-th send waits
for every other queue's n-th send, so they progress together. A queue that starts late starts at
the current turn.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum

from bot.delivery.in_flight import InFlight

PRUNE_EVERY = 1000  # grants between forgetting idle chats
SHORT_WAIT = 0.05  # seconds: waits this short are slept through
# The dispatcher wakes at most this often for a lane's next slot and grants every slot saved
# up meanwhile at once: at 950/s a wake per message cost more CPU than the sending itself.
GRANT_EVERY = 0.01
FREE_CATCH_UP = 0.02  # seconds of its rate a lane may catch up after a late wake-up
PAID_CATCH_UP = 0.1  # the paid lane's (see Budget.__init__)


class Priority(IntEnum):
    """Lower goes first."""

    REPLY = 0  # someone is waiting for the bot's answer
    URGENT = 1  # extreme and severe advisories
    NORMAL = 2  # other advisories, corrections, cancellation notices, reports
    TIDY = 3  # a pressed button taken away: seen on screen, but nobody waits for it


TELEGRAM_FREE_RATE = 30.0  # messages a second Telegram allows a bot without paying
TELEGRAM_PAID_RATE = 1000.0  # with allow_paid_broadcast


@dataclass(frozen=True)
class Lanes:
    """Rates with a margin under Telegram's, so that our own pacing never draws a 429.

    Each lane is also held to its rate in any one second (a sliding window), not only on
    average: evenly spaced grants can still reach the server bunched (a request that waited for
    its connection goes out with the next), so the windows keep a margin for that too.
    """

    free: float = 28.0  # Telegram: about 30 a second to all chats
    paid: float = 990.0  # allow_paid_broadcast: up to 1,000 a second
    per_chat: float = 0.9  # Telegram: about one a second to one chat...
    chat_burst: int = 3  # ...with short bursts (at most 3 in any second)
    per_group: float = 19 / 60  # Telegram: 20 a minute to one group or channel; no burst
    # Paid sends granted and not yet answered: at least Telegram's 1,000 less `paid` (never
    # more than 1,000 in a second however bunched), more as the answers' latency asks
    # (`bot.delivery.in_flight`), at most this many.
    paid_in_flight: int = 100


@dataclass(order=True)
class _Waiter:
    priority: int
    turn: int
    seq: int
    chat_id: int = field(compare=False)
    paid: bool = field(compare=False)
    granted: asyncio.Future[None] = field(compare=False)


class _Bucket:
    """`rate` tokens a second, at most `burst` saved up; and, with `most`, at most that many
    takes in any `seconds` (the edges of a second are where a bucket alone lets more through)."""

    def __init__(
        self, rate: float, burst: float, now: float, *, most: int = 0, seconds: float = 1.0
    ) -> None:
        self.rate, self.burst, self.tokens, self.stamp = rate, burst, burst, now
        self.most, self.seconds = most, seconds
        self.taken: deque[float] = deque()

    def wait(self, now: float) -> float:
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        wait = 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate
        if self.most:
            while self.taken and now - self.taken[0] >= self.seconds:
                self.taken.popleft()
            if len(self.taken) >= self.most:
                wait = max(wait, self.taken[0] + self.seconds - now)
        return wait

    def take(self, now: float) -> None:
        self.tokens -= 1
        if self.most:
            self.taken.append(now)


def _lane(rate: float, now: float, *, catch_up: float = FREE_CATCH_UP) -> _Bucket:
    """A lane's bucket: `rate` a second, `catch_up` seconds of it saved up, the window's cap."""
    return _Bucket(rate, max(1, rate * catch_up), now, most=int(rate))


class Budget:
    """Slots for sends, in priority order, within every limit and outside every pause."""

    SCOPE_WINDOW = 1.0  # 429s of two chats this close together: the whole bot is limited
    IDLE_FOR = 2.0  # a chat that had nothing for this long cannot be over its own limit

    def __init__(
        self,
        lanes: Lanes | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        transient_pause: float = 1.0,
    ):
        self.lanes = lanes = lanes or Lanes()
        # Seconds before a request that met a 5xx or a dropped connection is tried again in
        # place (doubled for the next try); tests that inject such faults shorten it.
        self.transient_pause = transient_pause
        self._clock = clock
        now = clock()
        # Never more than the rate in any second (the window). Each lane may catch up after a
        # late wake-up: a slot a millisecond apart cannot be slept to exactly (without it,
        # 950/s fell to 770/s), and one slot a wake (at most every GRANT_EVERY) capped a faster
        # lane at 100/s. The free lane by a fiftieth of a second (at 28/s no slot saved up at
        # all: who goes next is decided slot by slot); the paid lane by a tenth, so that a
        # pause of the process (a busy moment under a flood of presses) is made up within the
        # second instead of lost (the flood's broadcast: 925-943 msg/s before; 877-967, median
        # 951, after). The window and the bound on sends under way still keep any second
        # under 1,000.
        self._free = _lane(lanes.free, now)
        self._paid = _lane(lanes.paid, now, catch_up=PAID_CATCH_UP)
        self._chats: dict[int, _Bucket] = {}
        self._last_sent: dict[int, float] = {}
        self._chat_paused: dict[int, float] = {}
        self._paused_until = 0.0
        self._recent_429: list[tuple[float, int]] = []
        # One queue a lane (False: free, True: paid): a lane that must wait never makes the
        # other look through its waiters (thousands of edits queued behind a flood of presses
        # cost the paid broadcast most of its CPU when both shared one queue).
        self._waiting: dict[bool, list[_Waiter]] = {False: [], True: []}
        self._turns: dict[tuple[int, str], int] = {}
        self._served: dict[int, int] = {}
        self._seq = itertools.count()
        self._wake = asyncio.Event()
        self._wake_at = 0.0  # when the dispatcher means to wake by itself (0: it is not waiting)
        self._dispatcher: asyncio.Task[None] | None = None
        self.granted = 0
        self.paid_in_flight = InFlight(
            rate=lanes.paid,
            floor=int(TELEGRAM_PAID_RATE - lanes.paid) - 1,
            ceiling=lanes.paid_in_flight,
            on_limit=self._paid_under_way,
            clock=clock,
        )

    def unanswered(self, *, paid: bool) -> contextlib.AbstractAsyncContextManager[None]:
        """Held from asking for a slot until the answer is in (the paid lane's bound)."""
        return self.paid_in_flight.held_for() if paid else contextlib.nullcontext()

    @property
    def paid_rate(self) -> float:
        """The paid lane's rate now (lower while many paid sends are under way)."""
        return self._paid.rate

    def _paid_under_way(self, limit: int) -> None:
        """More paid sends may be under way: the lane slows by as many, so that a second's
        grants and the pile a stalled server handles at once stay under Telegram's 1,000 (a
        lane set above Telegram's cap, as tests do, is left alone)."""
        if self.lanes.paid >= TELEGRAM_PAID_RATE:
            return
        rate = max(1.0, min(self.lanes.paid, TELEGRAM_PAID_RATE - 1 - limit))
        self._paid.rate, self._paid.burst, self._paid.most = (
            rate,
            max(1, rate * PAID_CATCH_UP),
            int(rate),
        )

    def answered(self, seconds: float, *, paid: bool) -> None:
        """A send's answer came `seconds` after its slot was granted."""
        if paid:
            self.paid_in_flight.answered(seconds)

    async def acquire(
        self, chat_id: int, *, priority: int = Priority.REPLY, queue: str = "", paid: bool = False
    ) -> None:
        """Wait for a slot to send one message to `chat_id`."""
        key = (priority, queue)
        turn = max(self._turns.get(key, 0), self._served.get(priority, 0)) + 1
        self._turns[key] = turn
        now = self._clock()
        lane = self._paid if paid else self._free
        free = not self._waiting[paid] and now >= self._paused_until  # nobody waits, no pause
        if free and self._chat_wait(chat_id, now) <= 0 and lane.wait(now) <= 0:
            self._take(lane, chat_id, priority, turn, now)  # every limit allows it: go now
            return
        granted = asyncio.get_running_loop().create_future()
        waiter = _Waiter(priority, turn, next(self._seq), chat_id, paid, granted)
        waiting = self._waiting[paid]
        heapq.heappush(waiting, waiter)
        # The dispatcher is woken for a newcomer that may change its plan: the first of its lane
        # (the dispatcher may sleep for the other lane's next slot), a new most urgent one, or
        # any while it sleeps long (a pause, a chat's pacing). Not for each of a broadcast's
        # sends queued behind the lane's next slot: a wake each cost more than the sends.
        if len(waiting) == 1 or waiting[0] is waiter or self._wake_at - now > GRANT_EVERY:
            self._wake.set()
        if self._dispatcher is None or self._dispatcher.done():
            self._dispatcher = asyncio.create_task(self._dispatch())
        await waiter.granted

    def retry_after(self, chat_id: int, seconds: float) -> None:
        """Telegram answered 429: pause that chat, or the whole bot when the chat cannot be
        the cause (it had nothing recently) or several chats were refused at once."""
        now = self._clock()
        self._recent_429 = [(t, c) for t, c in self._recent_429 if now - t < self.SCOPE_WINDOW]
        self._recent_429.append((now, chat_id))
        others = {c for _, c in self._recent_429} - {chat_id}
        quiet = now - self._last_sent.get(chat_id, -1e9) > self.IDLE_FOR
        if others or quiet:
            self._paused_until = max(self._paused_until, now + seconds)
        self._chat_paused[chat_id] = max(self._chat_paused.get(chat_id, 0.0), now + seconds)
        self._wake.set()

    def hold(self, seconds: float) -> None:
        """Send nothing for `seconds`: a process taking over from one that died cannot know
        what that one sent in the last window, so it lets the whole window pass."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)
        self._wake.set()

    def takeover_hold(self) -> float:
        """How long a process taking over waits before its first send: until every window the
        dead one may have filled is empty again (a chat's burst refills in burst / rate seconds,
        the lanes' windows in one)."""
        return max(1.0, self.lanes.chat_burst / self.lanes.per_chat)

    @property
    def paused(self) -> bool:
        """The whole bot is paused by a 429."""
        return self._clock() < self._paused_until

    def _chat_wait(self, chat_id: int, now: float) -> float:
        paused = self._chat_paused.get(chat_id, 0.0) - now
        bucket = self._chats.get(chat_id)
        pacing = 0.0 if bucket is None else bucket.wait(now)
        return max(paused, pacing)

    async def _dispatch(self) -> None:
        """Grant slots one at a time: the best waiter whose chat may receive now."""
        while self._waiting[False] or self._waiting[True]:
            self._wake.clear()
            now = self._clock()
            delay = self._paused_until - now
            if delay <= 0:
                delay = self._grant_one(now)
            if 0 < delay <= SHORT_WAIT:  # the lane's next slot: whoever is best then goes
                delay = max(delay, GRANT_EVERY)
            if delay > 0:  # a newcomer may go earlier (see `acquire`): with a plain sleep, a
                # paid send waited for the free lane's next slot, 36 ms, nine at most a wake
                self._wake_at = now + delay
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=delay)
                self._wake_at = 0.0

    def _grant_one(self, now: float) -> float:
        """Grant the most urgent waiter that may send now, of either lane (one lane's wait never
        holds up the other: replies vs a paid send); else how long until one might."""
        best: _Waiter | None = None
        soonest = float("inf")
        for paid, queue in self._waiting.items():
            while queue and queue[0].granted.done():  # cancelled meanwhile
                heapq.heappop(queue)
            if not queue:
                continue
            lane_wait = (self._paid if paid else self._free).wait(now)
            if lane_wait > 0:
                soonest = min(soonest, lane_wait)
                continue
            waiter, wait = self._first_ready(queue, now)
            if waiter is None:
                soonest = min(soonest, wait)
            elif best is None or waiter < best:
                best = waiter
        if best is None:
            return 0.0 if soonest == float("inf") else soonest
        queue = self._waiting[best.paid]
        if queue[0] is best:
            heapq.heappop(queue)
        else:
            queue.remove(best)
            heapq.heapify(queue)
        self._take(
            self._paid if best.paid else self._free, best.chat_id, best.priority, best.turn, now
        )
        best.granted.set_result(None)
        return 0.0

    def _first_ready(self, queue: list[_Waiter], now: float) -> tuple[_Waiter | None, float]:
        """The lane's most urgent waiter whose chat may receive now (the top one, unless its
        chat must wait); else None and how long until one of them may."""
        soonest = self._chat_wait(queue[0].chat_id, now)
        if soonest <= 0:
            return queue[0], 0.0
        for waiter in sorted(queue):
            wait = self._chat_wait(waiter.chat_id, now)
            if wait <= 0 and not waiter.granted.done():
                return waiter, 0.0
            soonest = min(soonest, wait)
        return None, soonest

    def _take(self, lane: _Bucket, chat_id: int, priority: int, turn: int, now: float) -> None:
        """Spend one slot of `lane` and of the chat's pacing."""
        lane.take(now)
        bucket = self._chats.get(chat_id)
        if bucket is None:  # groups and channels (negative ids) have their own, slower pace
            lanes = self.lanes
            if chat_id < 0:  # at most 19 in any minute
                bucket = _Bucket(lanes.per_group, 1, now, most=19, seconds=60.0)
            else:  # at most the burst in any second
                bucket = _Bucket(lanes.per_chat, lanes.chat_burst, now, most=lanes.chat_burst)
            self._chats[chat_id] = bucket
        bucket.take(now)
        self._last_sent[chat_id] = now
        self._served[priority] = max(self._served.get(priority, 0), turn)
        self.granted += 1
        if self.granted % PRUNE_EVERY == 0:
            self._prune(now)

    def _prune(self, now: float) -> None:
        """Forget chats that are idle again (a broadcast to a million must not keep a million
        buckets): their bucket is full and any pause is over."""
        idle = max(self.IDLE_FOR, self.lanes.chat_burst / self.lanes.per_chat)
        group_idle = 1 / self.lanes.per_group
        stale = [
            c for c, at in self._last_sent.items() if now - at > (group_idle if c < 0 else idle)
        ]
        for chat_id in stale:
            if self._chat_paused.get(chat_id, 0.0) <= now:
                self._chat_paused.pop(chat_id, None)
                self._chats.pop(chat_id, None)
                del self._last_sent[chat_id]
