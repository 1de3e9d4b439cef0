"""A crawl of every command and button a migrant meets, in every language and country: no
answer that speaks of the embassy or a consulate leaves them without a way to reach it (a
number in the message, or a button to the contacts)."""

from __future__ import annotations

import pytest

from bot.demo.harness import Harness, running_harness
from bot.sandbox import Limits, Sandbox, SimUser
from bot.sandbox.world import SimMessage
from tests.e2e.helpers import say

MISSION_WORDS = {
    "ru": ("посольств", "консульств"),
    "uz": ("elchixona", "konsul"),
    "uz_Cyrl": ("элчихона", "консул"),
    "ky": ("элчилик", "консул"),
    "tg": ("сафорат", "консул"),
}
COMMANDS = ["/law", "/latest", "/embassy", "/callup", "/help"]


def reachable(message: SimMessage) -> bool:
    """A number to call in the text, the /embassy command to tap, or a button to the contacts."""
    if "📞 +" in (message.text or "") or "/embassy" in (message.text or ""):
        return True
    return any(
        str(b.get("callback_data", "")).startswith(("ask:embassy", "emb:"))
        for b in message.buttons()
    )


def dead_ends(user: SimUser, locale: str, since: int) -> list[str]:
    words = MISSION_WORDS[locale]
    return [
        (m.text or "")[:80]
        for m in user.bot_messages()[since:]
        if any(w in (m.text or "").lower() for w in words) and not reachable(m)
    ]


async def press_all(harness: Harness, user: SimUser, message: SimMessage, prefix: str) -> None:
    """Press every button of `message` whose data starts with `prefix`, one after another."""
    for button in [
        b for b in message.buttons() if str(b.get("callback_data", "")).startswith(prefix)
    ]:
        user.press_data(message, str(button["callback_data"]))
        await harness.settle()


@pytest.mark.parametrize("locale", list(MISSION_WORDS))
@pytest.mark.parametrize("country", ["UZ", "KG", "TJ"])
async def test_no_answer_leaves_a_migrant_without_a_way_to_reach_the_mission(
    harness: Harness, locale: str, country: str
) -> None:
    user = harness.sandbox.user(language_code=None)
    await say(harness, user, f"/start {locale}-{country}")
    since = len(user.bot_messages())
    for command in COMMANDS:
        await say(harness, user, command)
        last = user.bot_messages()[-1]
        for prefix in ("dual:", "adv:", "callup:"):
            await press_all(harness, user, last, prefix)
    await say(harness, user, "/embassy")
    await press_all(harness, user, user.bot_messages()[-1], "emb:none")
    assert dead_ends(user, locale, since) == []


async def test_a_fast_crawl_with_telegrams_limits_on_draws_no_429(database_url: str) -> None:
    """People tapping every command and answer as fast as they can, in five languages at
    once: every reply is paced within Telegram's limits (no 429), however it is counted."""
    sandbox = await Sandbox(limits=Limits(enabled=True)).start()
    try:
        async with running_harness(database_url=database_url, sandbox=sandbox) as harness:
            users = []
            for link in ("ru-UZ", "uz-UZ", "uz_Cyrl-UZ", "ky-KG", "tg-TJ"):
                user = harness.sandbox.user(language_code=None)
                user.send(f"/start {link}")
                for command in COMMANDS:
                    user.send(command)
                users.append(user)
            await harness.settle()
            for user in users:
                questions = [m for m in user.bot_messages() if m.buttons()]
                for button in questions[-1].buttons()[:3]:  # the /callup choices, at once
                    user.press_data(questions[-1], str(button["callback_data"]))
            await harness.settle()
            assert all(len(u.bot_messages()) >= 8 for u in users)  # everything answered
        flood = sandbox.server.flood
        assert sandbox.bot.stats.too_many_requests == 0
        assert flood.busiest_second(paid=False) <= 30
        assert max(flood.busiest_second(chat_id=u.id) for u in users) <= 3
    finally:
        await sandbox.stop()
