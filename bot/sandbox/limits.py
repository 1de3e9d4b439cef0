"""Telegram's flood limits and injected faults, both off unless a test or benchmark asks."""

from __future__ import annotations

import math
import random
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.sandbox.errors import ApiError, too_many_requests


@dataclass
class Limits:
    """Rates Telegram enforces per bot; `enabled=False` lets everything through."""

    enabled: bool = False
    global_per_second: float = 30.0
    per_chat_per_second: float = 1.0
    per_chat_burst: int = 3
    per_group_per_minute: float = 20.0  # groups and channels (negative chat ids)
    paid_per_second: float = 1000.0


@dataclass
class Faults:
    """Failures to inject: a share of 5xx answers, added latency, a crash after N sends."""

    server_error_share: float = 0.0
    # A share of sends that take effect, after which the connection drops before the answer
    # (what a client cannot tell from a send that never arrived).
    drop_after_send_share: float = 0.0
    latency: float = 0.0
    crash_after_sends: int | None = None
    on_crash: Callable[[], None] | None = None
    seed: int = 0
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)


RECORDED = 200_000  # accepted sends remembered for `busiest_second`


class _Bucket:
    """A token bucket: `rate` tokens a second, at most `burst` saved up."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self.tokens, self.stamp = burst, time.monotonic()

    def wait_time(self) -> float:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def take(self) -> None:
        self.tokens -= 1


class _Window:
    """At most `count` sends in any `seconds` (a group's or channel's limit)."""

    def __init__(self, count: float, seconds: float) -> None:
        self.count, self.seconds = int(count), seconds
        self.sent: deque[float] = deque()

    def wait_time(self) -> float:
        now = time.monotonic()
        while self.sent and now - self.sent[0] >= self.seconds:
            self.sent.popleft()
        return 0.0 if len(self.sent) < self.count else self.sent[0] + self.seconds - now

    def take(self) -> None:
        self.sent.append(time.monotonic())


class _Lane:
    """A lane's bucket and, stricter at its edges, at most `rate` sends in any one second."""

    def __init__(self, rate: float) -> None:
        self.bucket, self.window = _Bucket(rate, rate), _Window(rate, 1.0)

    def wait_time(self) -> float:
        return max(self.bucket.wait_time(), self.window.wait_time())

    def take(self) -> None:
        self.bucket.take()
        self.window.take()


class FloodControl:
    """Checks one send against the global (or paid) lane and the chat's; 429 when over. A lane
    takes at most its rate in any one second however the sends are spaced (never 31 free or
    1,001 paid in a second); a chat its burst, then one a second.

    As at Telegram, a 429 starts a pause (of the chat, or of the whole bot when the global lane
    was over): a send during it is refused again and counted in `into_pause`. Every accepted
    send's time is recorded (`busiest_second`), so tests count sends per sliding second.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._global = _Lane(limits.global_per_second)
        self._paid = _Lane(limits.paid_per_second)
        self.accepted: deque[tuple[float, int, bool]] = deque(maxlen=RECORDED)
        self._chats: dict[int, _Bucket | _Window] = {}
        self._bot_paused_until = 0.0
        self._chat_paused_until: dict[int, float] = {}
        self.into_pause = 0

    def check(self, chat_id: int, *, paid: bool) -> None:
        if not self.limits.enabled:
            return
        now = time.monotonic()
        paused = max(self._bot_paused_until, self._chat_paused_until.get(chat_id, 0.0)) - now
        if paused > 0:
            self.into_pause += 1
            raise too_many_requests(max(1, math.ceil(paused)))
        lane = self._paid if paid else self._global
        chat = self._chats.get(chat_id)
        if chat is None:
            chat = self._chats[chat_id] = (
                _Window(self.limits.per_group_per_minute, 60.0)
                if chat_id < 0  # groups and channels: at most 20 in any minute
                else _Bucket(self.limits.per_chat_per_second, self.limits.per_chat_burst)
            )
        lane_wait, chat_wait = lane.wait_time(), chat.wait_time()
        if lane_wait > 0 or chat_wait > 0:
            retry_after = max(1, math.ceil(max(lane_wait, chat_wait)))
            if lane_wait > 0:
                self._bot_paused_until = now + retry_after
            else:
                self._chat_paused_until[chat_id] = now + retry_after
            raise too_many_requests(retry_after)
        lane.take()
        chat.take()
        self.accepted.append((now, chat_id, paid))

    def busiest_second(self, *, paid: bool | None = None, chat_id: int | None = None) -> int:
        """The most sends accepted in any one second (sliding): of a lane (`paid`: True,
        False, or None for both) or of one chat."""
        times = [
            t
            for t, chat, was_paid in self.accepted
            if (paid is None or was_paid == paid) and (chat_id is None or chat == chat_id)
        ]
        most, start = 0, 0
        for end, at in enumerate(times):
            while at - times[start] >= 1.0:
                start += 1
            most = max(most, end - start + 1)
        return most


def maybe_server_error(faults: Faults) -> None:
    """Raise a 502 for the configured share of requests."""
    if faults.server_error_share and faults.rng.random() < faults.server_error_share:
        raise ApiError(502, "Bad Gateway")
