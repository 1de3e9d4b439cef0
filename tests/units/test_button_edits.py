"""The queue of buttons taken away after presses: bounded, in press order, and a failed edit
never stops the ones after it."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.telegram import button_edits
from bot.telegram.button_edits import ButtonEdits


class _Bot:
    """Stands in for PTB's bot: notes each edit; the first one fails as a bug would."""

    def __init__(self) -> None:
        self.edited: list[tuple[int, int]] = []

    async def edit_message_reply_markup(self, **kwargs: Any) -> None:
        if not self.edited and kwargs["chat_id"] == 1:
            self.edited.append((0, 0))
            raise RuntimeError("a fault of ours")
        self.edited.append((kwargs["chat_id"], kwargs["message_id"]))


def rows() -> list[list[dict[str, str]]]:
    return [[{"text": "📎", "callback_data": "src:a"}]]


async def test_edits_go_in_press_order_and_a_failed_one_does_not_stop_the_rest(
    monkeypatch: Any,
) -> None:
    monkeypatch.setattr(button_edits, "WORKERS", 1)  # the one that met the fault goes on
    bot = _Bot()
    edits = ButtonEdits(bot)  # type: ignore[arg-type]
    for chat_id in (1, 2, 3):
        assert edits.offer(chat_id, 10 + chat_id, ("a", "uz"), rows)
    for _ in range(50):
        await asyncio.sleep(0)
    assert bot.edited == [(0, 0), (2, 12), (3, 13)]  # 1 failed; 2 and 3 still went
    assert len(edits) == 0
    edits.drop()


async def test_past_the_bound_the_button_stays(monkeypatch: Any) -> None:
    monkeypatch.setattr(button_edits, "WAITING", 2)
    edits = ButtonEdits(_Bot())  # type: ignore[arg-type]
    assert [edits.offer(c, c, ("a", "uz"), rows) for c in (1, 2, 3)] == [True, True, False]
    edits.drop()
    assert len(edits) == 0
