"""An Uzbek clerk whose Telegram is in Uzbek, end to end: a two-language advisory sent in at
most 8 inputs by the fast path; then approval, delivery, the report, a correction and a
cancellation — and in the whole session not one sentence of the bot's in Russian, and no
account code without a name."""

from __future__ import annotations

import re
from functools import cache

from babel.messages.pofile import read_po

from bot.config import PROJECT_ROOT
from bot.sandbox import SimUser
from tests.e2e.helpers import eventually, gettext_in, press, say
from tests.e2e.test_admin_workflow import UZ_ADMIN, UZ_ADMIN_2, got, staff, subscribers

RUSSIAN = (
    "Вербовщики у миграционного центра\n"
    "Не подписывайте никаких бумаг.\n"
    "Если вас зовут подписать контракт, звоните в посольство."
)
UZBEK = (
    "Migratsiya markazi oldida yollovchilar\n"
    "Hech qanday qogʻozga imzo chekmang.\n"
    "Sizni shartnoma imzolashga chaqirishsa, elchixonaga qoʻngʻiroq qiling."
)
BARE_ACCOUNT = re.compile(r"(?<!\()tg:\d+")  # an account code not after a name


@cache
def russian_sentences() -> frozenset[str]:
    """The fixed parts (12 characters or more) of every Russian text of the bot."""
    with (PROJECT_ROOT / "locales/ru/LC_MESSAGES/messages.po").open("rb") as handle:
        catalog = read_po(handle)
    parts = set()
    for message in catalog:
        if message.id and isinstance(message.string, str):
            parts |= {p.strip() for p in re.split(r"\{[^}]*\}", message.string)}
    return frozenset(p for p in parts if len(p) >= 12)


def shown(user: SimUser) -> list[str]:
    """Every text and button label the bot showed this user."""
    seen = []
    for message in user.bot_messages():
        seen.append(message.text or "")
        seen += [button["text"] for button in message.buttons()]
    return seen


async def test_an_uzbek_clerk_sends_in_eight_inputs_and_reads_only_uzbek(
    database_url: str,
) -> None:
    async with staff(database_url, approvals=2, approval_threshold=3) as harness:
        people = await subscribers(harness)  # 5 citizens of Uzbekistan: approval needed
        clerk = harness.sandbox.user(user_id=UZ_ADMIN, language_code="uz", first_name="Dilnoza")
        colleague = harness.sandbox.user(user_id=UZ_ADMIN_2, language_code="uz", first_name="Aziz")
        await say(harness, colleague, "/stats")  # the colleague has opened the bot
        _ = gettext_in(harness, "uz")
        inputs = []

        async def tap(label: str) -> None:
            inputs.append(label)
            await press(harness, clerk, label)

        async def write(text: str) -> None:
            inputs.append(text)
            await say(harness, clerk, text)

        await write("/new")
        [like] = [
            b["text"] for b in clerk.bot_messages()[-1].buttons() if b["text"].startswith("📋")
        ][:1]
        await tap(like)  # severity, audience, sources and end date from the newest advisory
        await write(RUSSIAN)  # each language in one message
        await write(UZBEK)
        await tap("⏳ " + _("To follow (Russian meanwhile)"))  # Kyrgyz
        await tap("⏳ " + _("To follow (Russian meanwhile)"))  # Tajik
        assert _("Preview: this is how subscribers will see it.") in clerk.last_text()
        await tap("🚀 " + _("Send now"))
        assert len(inputs) <= 8, inputs
        request = colleague.bot_messages()[-1].text or ""
        assert request.startswith(f"⏳ Dilnoza (tg:{UZ_ADMIN})")  # who asked, by name
        await press(harness, colleague, "✅ " + _("Approve"))
        await eventually(lambda: got(people["uz-UZ"], "Migratsiya markazi oldida yollovchilar"))
        await eventually(lambda: got(people["uz_Cyrl-UZ"], "Миграция маркази олдида ёлловчилар"))
        await eventually(lambda: got(people["ky-UZ"], "Вербовщики у миграционного центра"))
        await eventually(lambda: got(clerk, "yollovchilar"))  # the notices, in Uzbek
        await eventually(lambda: got(clerk, _("Broadcast finished")))  # then it is ✅ sent

        await say(harness, clerk, "/advisories")
        await press(harness, clerk, "✅ Migratsiya markazi oldida yollovchilar")
        assert _("“I understand” pressed: nobody yet.") in clerk.last_text()
        await press(harness, clerk, "✏️ " + _("Correct"))  # a correction of the Uzbek text
        await press(harness, clerk, "✍️ Oʻzbekcha (lotin)")
        await say(harness, clerk, UZBEK.replace("qiling.", "qiling: +7 495 000-00-00."))
        await press(harness, clerk, "✅ " + _("Correct them and tell readers"))
        await press(harness, clerk, "✅ " + _("Still right"))  # Russian: it goes out as pressed
        await press(harness, colleague, "✅ " + _("Approve"))
        await eventually(lambda: got(people["uz-UZ"], "+7 495 000-00-00"))
        await eventually(lambda: any(_("Correction finished") in s for s in shown(clerk)))
        await say(harness, clerk, "/advisories")
        await press(harness, clerk, "✅ Migratsiya markazi oldida yollovchilar")
        await press(harness, clerk, "⛔ " + _("Cancel it"))
        await press(harness, clerk, "⛔ " + _("Yes, cancel it"))
        await eventually(lambda: got(people["uz-UZ"], "bekor"))
        await say(harness, clerk, "/advisories")
        heading = _("Advisories: open one for its report.")
        listing = [m for m in clerk.bot_messages() if m.text == heading][-1]  # notices may follow
        labels = [b["text"] for b in listing.buttons()]
        assert any(label.startswith("⛔") for label in labels)  # the notice, as a notice

        session = shown(clerk)
        russian = [s for s in session for part in russian_sentences() if part in s]
        assert russian == []
        assert [s for s in session if BARE_ACCOUNT.search(s)] == []
