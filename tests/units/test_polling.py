"""The polling ledger: Telegram is told to forget an update only once it was handled."""

from __future__ import annotations

from bot.telegram.polling import HOLD_AT_MOST, Ledger


def test_the_offset_stays_at_the_oldest_update_still_being_handled() -> None:
    ledger = Ledger(clock=lambda: 0.0)
    assert [ledger.fetched(uid) for uid in (5, 6, 7)] == [True, True, True]
    ledger.handled(6)
    ledger.handled(7)
    assert ledger.offset() == 5  # 5 is still being handled: a process dying now loses nothing
    ledger.handled(5)
    assert ledger.offset() == 8
    assert not ledger.waiting


def test_copies_handed_out_again_are_skipped() -> None:
    ledger = Ledger(clock=lambda: 0.0)
    ledger.fetched(5)
    assert not ledger.fetched(5)  # unconfirmed, so Telegram sends it again: handled once
    assert ledger.fetched(6)


def test_an_update_stuck_for_minutes_stops_holding_the_others_back() -> None:
    now = [0.0]
    ledger = Ledger(clock=lambda: now[0])
    ledger.fetched(5)
    now[0] = HOLD_AT_MOST + 1
    ledger.fetched(6)
    assert ledger.offset() == 6


def test_a_look_that_would_bring_few_new_updates_waits() -> None:
    ledger = Ledger(clock=lambda: 0.0)
    for uid in range(1, 76):
        ledger.fetched(uid)
    assert not ledger.crowded()  # a getUpdates would bring a quarter of a hundred new ones
    ledger.fetched(76)
    assert ledger.crowded()  # 76 of the hundred it hands out would be these again
    ledger.handled(50)
    assert ledger.crowded()  # the offset still stands at 1
    ledger.handled(1)
    assert not ledger.crowded()
