"""A crawl of every command and button a migrant meets, in every language and country: no
answer that speaks of the embassy or a consulate leaves them without a way to reach it (a
number in the message, or a button to the contacts)."""

from __future__ import annotations

import pytest

from bot.demo.harness import Harness
from bot.sandbox import SimUser
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
