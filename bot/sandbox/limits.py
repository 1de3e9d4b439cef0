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


class FloodControl:
    """Checks one send against the global (or paid) and per-chat buckets; 429 when over.

    As at Telegram, a 429 starts a pause (of the chat, or of the whole bot when the global lane
    was over): a send during it is refused again and counted in `into_pause`.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._global = _Bucket(limits.global_per_second, limits.global_per_second)
        self._paid = _Bucket(limits.paid_per_second, limits.paid_per_second)
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


def maybe_server_error(faults: Faults) -> None:
    """Raise a 502 for the configured share of requests."""
    if faults.server_error_share and faults.rng.random() < faults.server_error_share:
        raise ApiError(502, "Bad Gateway")
