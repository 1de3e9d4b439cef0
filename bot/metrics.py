"""In-process metrics for /metrics and /healthz, with the Prometheus client library.

Each `Metrics` has its own registry (no module-level state: tests and the demo run several bots
in one process). Counts only: never a chat id, never a text.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
RATE_WINDOW = 60.0  # seconds over which elchi_send_rate is averaged


class _Snapshot(Collector):
    """Gauges read from the database at scrape time (set by `Metrics.exposition`)."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self.subscribers: dict[tuple[str, str], int] = {}
        self.deliveries: dict[str, int] = {}
        self.arrivals: dict[tuple[str, str, str], int] = {}

    def collect(self) -> Iterator[GaugeMetricFamily]:
        subscribers = GaugeMetricFamily(
            "elchi_subscribers",
            "Active subscribers by country and locale.",
            labels=["country", "locale"],
        )
        for (country, locale), count in sorted(self.subscribers.items()):
            subscribers.add_metric([country, locale], count)
        yield subscribers
        deliveries = GaugeMetricFamily(
            "elchi_deliveries", "Delivery rows by outcome.", labels=["status"]
        )
        arrivals = GaugeMetricFamily(
            "elchi_arrivals",
            "Subscriptions by the way they came (a friend's share, the poster …); never who.",
            labels=["country", "locale", "via"],
        )
        for key, count in sorted(self.arrivals.items()):
            arrivals.add_metric(list(key), count)
        yield arrivals
        for status, count in sorted(self.deliveries.items()):
            deliveries.add_metric([status], count)
        yield deliveries
        yield GaugeMetricFamily(
            "elchi_delivery_queue_length",
            "Rows waiting to be sent.",
            value=self.deliveries.get("pending", 0),
        )
        yield GaugeMetricFamily(
            "elchi_send_rate",
            "Messages a second over the last minute.",
            value=self._metrics.send_rate(),
        )


class Metrics:
    """What the bot and its delivery worker count; read when /metrics is scraped."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self._sent = Counter("elchi_sent", "Messages Telegram accepted.", registry=self.registry)
        self._throttled = Counter(
            "elchi_too_many_requests",
            "429 answers from Telegram.",
            registry=self.registry,
        )
        self._understood = Counter(
            "elchi_texts_understood",
            "Typed or forwarded texts by what they were read as (never their words).",
            ["intent", "country"],
            registry=self.registry,
        )
        self._updates = Histogram(
            "elchi_update_seconds",
            "Time to process one update.",
            buckets=BUCKETS,
            registry=self.registry,
        )
        self._recent_sends: deque[float] = deque()
        self._understood_counts: dict[tuple[str, str], int] = {}
        self._last_update_at: float | None = None  # monotonic
        self._snapshot = _Snapshot(self)
        self.registry.register(self._snapshot)

    def sent(self, count: int = 1) -> None:
        """`count` messages went out."""
        now = time.monotonic()
        self._sent.inc(count)
        self._recent_sends.extend([now] * count)
        self._forget_old(now)

    def understood(self, intent: str, country: str | None) -> None:
        """A text was read as `intent`, from a citizen of `country` (or an unknown one)."""
        self._understood.labels(intent=intent, country=country or "unknown").inc()
        key = (intent, country or "unknown")
        self._understood_counts[key] = self._understood_counts.get(key, 0) + 1

    def understood_counts(self, country: str) -> dict[str, int]:
        """Texts read as each intent since start, from citizens of `country` (for /stats)."""
        return {i: n for (i, c), n in sorted(self._understood_counts.items()) if c == country}

    def throttled(self) -> None:
        """Telegram answered 429."""
        self._throttled.inc()

    def send_rate(self) -> float:
        """Messages a second over the last minute."""
        self._forget_old(time.monotonic())
        return len(self._recent_sends) / RATE_WINDOW

    def update_processed(self, seconds: float) -> None:
        """One update took `seconds` to answer."""
        self._updates.observe(seconds)
        self._last_update_at = time.monotonic()

    def seconds_since_update(self) -> float | None:
        """Since the last update was answered; None before the first."""
        if self._last_update_at is None:
            return None
        return time.monotonic() - self._last_update_at

    def exposition(
        self,
        *,
        subscribers: dict[tuple[str, str], int],
        deliveries: dict[str, int],
        arrivals: dict[tuple[str, str, str], int] | None = None,
    ) -> str:
        """The Prometheus text, with the database's counts of this scrape."""
        self._snapshot.subscribers, self._snapshot.deliveries = subscribers, deliveries
        self._snapshot.arrivals = arrivals or {}
        return generate_latest(self.registry).decode()

    def _forget_old(self, now: float) -> None:
        while self._recent_sends and self._recent_sends[0] < now - RATE_WINDOW:
            self._recent_sends.popleft()
