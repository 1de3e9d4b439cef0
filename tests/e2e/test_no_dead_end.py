"""A migrant in trouble never meets a dead end: typed cries for help and voice notes lead to
/callup, and /law, /embassy, /callup answer before subscribing."""

from __future__ import annotations

import pytest

from bot.demo.harness import Harness
from tests.e2e.helpers import gettext_in, press, say, tap

CRIES = [
    ("ru", "ru-UZ", "мне пришла повестка что делать"),
    ("ru", "ru-TJ", "Mne prishla povestka, chto delat?"),  # Russian typed in Latin letters
    ("ru", "ru-KG", "павеска из ваенкомата памагите"),  # as phones get it
    ("uz", "uz-UZ", "Menga chaqiruv qog'ozi keldi, nima qilay?"),  # the ASCII apostrophe
    ("uz_Cyrl", "uz_Cyrl-UZ", "Менга чақирув қоғози келди"),
    ("ky", "ky-KG", "мага аскерге чакыруу келди, жардам бериңиз"),
    ("tg", "tg-TJ", "ба ман даъватнома омад, ёрӣ диҳед"),
]


@pytest.mark.parametrize(("locale", "link", "text"), CRIES)
async def test_a_typed_cry_for_help_gets_the_callup_choices(
    harness: Harness, locale: str, link: str, text: str
) -> None:
    user = harness.sandbox.user(language_code=None)
    await say(harness, user, f"/start {link}")
    await say(harness, user, text)
    _ = gettext_in(harness, locale)
    answer = user.bot_messages()[-1]
    assert (answer.text or "").startswith(_("What happened?"))
    assert next(b["text"] for b in answer.buttons()) == "📄 " + _("I received a call-up paper")
    row = await harness.services.stores.subscribers.get(chat_id=user.id)
    assert row is not None
    assert row.locale == locale


async def test_a_voice_note_gets_the_callup_choices(harness: Harness) -> None:
    user = harness.sandbox.user(language_code=None)
    await say(harness, user, "/start ky-KG")
    user.send_voice("AwACAgIAAxkBAAIC")
    await harness.settle()
    assert user.last_text().startswith(gettext_in(harness, "ky")("What happened?"))


async def test_a_newcomers_other_text_gets_the_subscription_buttons_in_the_answer(
    harness: Harness,
) -> None:
    user = harness.sandbox.user(language_code="ru")
    await say(harness, user, "салам, как дела")
    answer = user.bot_messages()[-1]
    assert (answer.text or "").startswith("Я не нашёл здесь повестки")
    assert [b["callback_data"] for b in answer.buttons()][:3] == [
        "sub:ru:UZ",
        "sub:ru:KG",
        "sub:ru:TJ",
    ]


async def test_callup_before_subscribing_asks_the_citizenship_then_answers(
    harness: Harness,
) -> None:
    user = harness.sandbox.user(language_code="ru")
    await say(harness, user, "/callup")
    assert user.last_text() == "Гражданином какой страны вы являетесь?"
    await tap(harness, user, "ask:callup:TJ")
    assert user.last_text().startswith("Что случилось?")
    await tap(harness, user, "callup:paper")
    texts = [m.text or "" for m in user.bot_messages()]
    assert any("Посольство · Москва (Таджикистан)" in t for t in texts)
    advice = next(t for t in texts if "Посольство · Москва (Таджикистан)" in t)
    # The message to copy comes before the sources' footnotes, which come last.
    assert advice.index("(нажмите, чтобы скопировать)") < advice.index("📎") == advice.rindex("📎")
    assert advice.split("\n\n")[-1].startswith("📎")
    assert texts[-1].startswith("Получать предупреждения вашего посольства здесь")
    assert await harness.services.stores.subscribers.get(chat_id=user.id) is None  # nothing stored
    await tap(harness, user, "sub:ru:TJ")
    row = await harness.services.stores.subscribers.get(chat_id=user.id)
    assert row is not None
    assert (row.country, row.subscribed) == ("TJ", True)


@pytest.mark.parametrize("command", ["/law", "/embassy", "/callup"])
@pytest.mark.parametrize("locale", ["uz", "ky", "tg", "ru"])  # uz_Cyrl is never guessed
async def test_law_embassy_callup_answer_before_subscribing(
    harness: Harness, command: str, locale: str
) -> None:
    _ = gettext_in(harness, locale)
    user = harness.sandbox.user(language_code=locale)
    await say(harness, user, command)
    assert user.last_text() == _("Which country are you a citizen of?")
    await press(harness, user, "🇰🇬 " + _("Kyrgyzstan"))
    texts = [m.text or "" for m in user.bot_messages()]
    assert len(texts) >= 2  # the answer itself, not a request to subscribe first
    assert _("Press /start to subscribe first.") not in texts
    assert await harness.services.stores.subscribers.get(chat_id=user.id) is None


@pytest.mark.parametrize(
    ("link", "label"),
    [
        ("ru-KG", "Что говорит ваше посольство:"),  # the KG embassy's own request
        ("ru-UZ", "Совет Elchi:"),  # Elchi's advice from the sources, not the embassy's words
        ("ru-TJ", "Совет Elchi:"),
    ],
)
async def test_the_embassys_words_are_told_apart_from_elchis_advice(
    harness: Harness, link: str, label: str
) -> None:
    user = harness.sandbox.user(language_code="ru")
    await say(harness, user, f"/start {link}")
    await say(harness, user, "/callup")
    await tap(harness, user, "callup:paper")
    advice = user.bot_messages()[-1].text or ""
    if "Совет Elchi:" not in advice and "Что говорит" not in advice:  # the offer came after
        advice = user.bot_messages()[-2].text or ""
    assert label in advice
    other = "Совет Elchi:" if label != "Совет Elchi:" else "Что говорит ваше посольство:"
    assert other not in advice


async def test_back_to_the_menu_before_subscribing_is_no_loop(harness: Harness) -> None:
    user = harness.sandbox.user(language_code="ru")
    await say(harness, user, "/embassy")
    await tap(harness, user, "ask:embassy:UZ")  # the citizenship, then "where are you?"
    assert user.chat.reply_keyboard is not None  # share a location, or go back
    await say(harness, user, "« Назад в меню")
    assert user.chat.reply_keyboard is None  # that keyboard is gone, not shown again
    answer = user.bot_messages()[-1]
    assert [b["callback_data"] for b in answer.buttons()] == [
        "ask:law:UZ",
        "ask:embassy:UZ",
        "ask:callup:UZ",
    ]  # the menu's choices inside the answer
