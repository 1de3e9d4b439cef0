"""/metrics text: what an operator's Prometheus scrapes (counts only, one registry a bot)."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from bot.metrics import Metrics


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_counts_reach_the_exposition() -> None:
    metrics = Metrics()
    metrics.sent(3)
    metrics.throttled()
    metrics.update_processed(0.2)
    text = metrics.exposition(subscribers={("KG", "ky"): 7}, deliveries={"pending": 4, "sent": 3})
    got = samples(text)
    assert got[("elchi_sent_total", ())] == 3
    assert got[("elchi_too_many_requests_total", ())] == 1
    assert got[("elchi_update_seconds_count", ())] == 1
    assert got[("elchi_update_seconds_bucket", (("le", "0.1"),))] == 0
    assert got[("elchi_update_seconds_bucket", (("le", "0.25"),))] == 1
    assert got[("elchi_subscribers", (("country", "KG"), ("locale", "ky")))] == 7
    assert got[("elchi_delivery_queue_length", ())] == 4
    assert got[("elchi_send_rate", ())] == 3 / 60


def test_two_bots_in_one_process_count_apart() -> None:
    one, two = Metrics(), Metrics()
    one.sent()
    text = two.exposition(subscribers={}, deliveries={})
    assert samples(text)[("elchi_sent_total", ())] == 0
    assert two.seconds_since_update() is None
