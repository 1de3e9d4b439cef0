"""In-process metrics for /metrics and /healthz (Prometheus text format, no extra library)."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field

BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


@dataclass
class Metrics:
    """Counters the bot and its delivery worker update; read when /metrics is scraped."""

    sent_total: int = 0
    too_many_requests_total: int = 0
    updates_total: int = 0
    update_seconds_sum: float = 0.0
    update_buckets: list[int] = field(default_factory=lambda: [0] * len(BUCKETS))
    last_update_at: float | None = None  # monotonic
    _recent_sends: deque[float] = field(default_factory=deque)

    def sent(self, count: int = 1) -> None:
        now = time.monotonic()
        self.sent_total += count
        self._recent_sends.extend([now] * count)
        while self._recent_sends and self._recent_sends[0] < now - 60:
            self._recent_sends.popleft()

    def send_rate(self) -> float:
        """Messages a second over the last minute."""
        now = time.monotonic()
        while self._recent_sends and self._recent_sends[0] < now - 60:
            self._recent_sends.popleft()
        return len(self._recent_sends) / 60

    def update_processed(self, seconds: float) -> None:
        self.updates_total += 1
        self.update_seconds_sum += seconds
        self.last_update_at = time.monotonic()
        for index, bound in enumerate(BUCKETS):
            if seconds <= bound:
                self.update_buckets[index] += 1

    def seconds_since_update(self) -> float | None:
        return None if self.last_update_at is None else time.monotonic() - self.last_update_at


def prometheus(
    metrics: Metrics,
    *,
    subscribers: dict[tuple[str, str], int],
    deliveries: dict[str, int],
) -> str:
    """The exposition text."""
    lines = [
        "# HELP elchi_subscribers Active subscribers by country and locale.",
        "# TYPE elchi_subscribers gauge",
    ]
    lines += [
        f'elchi_subscribers{{country="{c}",locale="{loc}"}} {n}'
        for (c, loc), n in sorted(subscribers.items())
    ]
    lines += ["# HELP elchi_deliveries Delivery rows by outcome.", "# TYPE elchi_deliveries gauge"]
    lines += [f'elchi_deliveries{{status="{s}"}} {n}' for s, n in sorted(deliveries.items())]
    lines += [
        "# HELP elchi_delivery_queue_length Rows waiting to be sent.",
        "# TYPE elchi_delivery_queue_length gauge",
        f"elchi_delivery_queue_length {deliveries.get('pending', 0)}",
        "# TYPE elchi_sent_total counter",
        f"elchi_sent_total {metrics.sent_total}",
        "# TYPE elchi_too_many_requests_total counter",
        f"elchi_too_many_requests_total {metrics.too_many_requests_total}",
        "# HELP elchi_send_rate Messages a second over the last minute.",
        "# TYPE elchi_send_rate gauge",
        f"elchi_send_rate {metrics.send_rate():.3f}",
        "# HELP elchi_update_seconds Time to process one update.",
        "# TYPE elchi_update_seconds histogram",
    ]
    for bound, count in zip(BUCKETS, metrics.update_buckets, strict=True):
        lines.append(f'elchi_update_seconds_bucket{{le="{bound}"}} {count}')
    lines += [
        f'elchi_update_seconds_bucket{{le="+Inf"}} {metrics.updates_total}',
        f"elchi_update_seconds_sum {metrics.update_seconds_sum:.6f}",
        f"elchi_update_seconds_count {metrics.updates_total}",
    ]
    return "\n".join(lines) + "\n"
