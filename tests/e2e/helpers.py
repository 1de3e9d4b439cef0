"""Acting as a user in end-to-end tests: each step waits until the bot has handled it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

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


async def tap(harness: Harness, user: SimUser, pattern: str) -> None:
    """Press the button that does `pattern` (its callback data, "p:*:send"), whatever its label
    says: for tests whose subject is what a press does, not how the button reads."""
    user.press_matching(pattern)
    await harness.settle()
    assert user.unanswered_callbacks() == []


def said(harness: Harness, msgid: str, locale: str = "ru", **values: object) -> str:
    """What the bot says for `msgid` in `locale`, as its catalog has it (placeholders filled)."""
    text = harness.services.translator.gettext(msgid, locale=locale)
    return text.format(**values) if values else text


def said_opening(harness: Harness, msgid: str, locale: str = "ru") -> str:
    """The words of `msgid` in `locale` before its first placeholder."""
    return said(harness, msgid, locale).split("{", 1)[0]


def gettext_in(harness: Harness, locale: str) -> Gettext:
    return harness.services.translator.bound(locale)


async def eventually(check: Callable[[], bool], *, seconds: float = 15.0) -> None:
    """Wait until `check()` holds (the delivery worker runs on its own)."""
    async with asyncio.timeout(seconds):
        while not check():
            await asyncio.sleep(0.02)


async def eventually_async(check: Callable[[], Awaitable[bool]], *, seconds: float = 15.0) -> None:
    """Wait until the awaitable `check()` holds (state in the database, say)."""
    async with asyncio.timeout(seconds):
        while not await check():
            await asyncio.sleep(0.05)
