"""Acting as a user in end-to-end tests: each step waits until the bot has handled it."""

from __future__ import annotations

from bot.demo.harness import Harness
from bot.sandbox import SimUser
from bot.texts import Gettext


async def say(harness: Harness, user: SimUser, text: str) -> None:
    user.send(text)
    await harness.settle()


async def press(harness: Harness, user: SimUser, label: str) -> None:
    user.press(label)
    await harness.settle()
    assert user.unanswered_callbacks() == []


def gettext_in(harness: Harness, locale: str) -> Gettext:
    return harness.services.translator.bound(locale)
