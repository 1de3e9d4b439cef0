"""Rough edges found from outside: an unusable location, a forged "I understand"."""

from __future__ import annotations

import pytest

from bot.demo.harness import Harness
from tests.e2e.helpers import say


@pytest.mark.parametrize("where", [(0.0, 0.0), (95.0, 10.0), (55.75, 200.0), (None, None)])
async def test_an_unusable_location_gets_the_region_list(
    harness: Harness, where: tuple[float | None, float | None]
) -> None:
    user = harness.sandbox.user(language_code="ru")
    await say(harness, user, "/start ru-UZ")
    user.share_location(*where)  # type: ignore[arg-type]
    await harness.settle()
    answer = user.bot_messages()[-1]
    assert answer.text == "Это не похоже на настоящее место. Выберите регион:"
    assert "Москва" in [b["text"] for b in answer.buttons()]


async def test_a_forged_i_understand_for_no_advisory_is_out_of_date(harness: Harness) -> None:
    user = harness.sandbox.user(language_code="ru")
    await say(harness, user, "/start ru-UZ")
    user.press_data(user.bot_messages()[-1], "ack:does-not-exist")
    await harness.settle()
    answers = [a for a in harness.sandbox.bot.callback_answers.values() if a and a.get("text")]
    assert answers[-1]["text"] == "Эта кнопка устарела. Нажмите /start или /settings."
    assert await harness.services.stores.acks.by_locale(advisory_id="does-not-exist") == {}
