"""A migrant subscribes, changes settings, stops and forgets — over the sandbox, end to end."""

from __future__ import annotations

import pytest

from bot.demo.harness import Harness
from bot.sandbox import SimUser
from bot.texts import onboarding, settings
from tests.e2e.helpers import gettext_in, press, say

# Telegram app language → how the person reaches their locale (uz_Cyrl is never guessed).
FIVE = [
    ("uz", "uz", None),
    ("uz_Cyrl", None, "Ўзбекча (кирилл)"),
    ("ky", "ky", None),
    ("tg", "tg", None),
    ("ru", "ru", None),
]


async def row(harness: Harness, user: SimUser) -> tuple[str, str, bool] | None:
    sub = await harness.services.stores.subscribers.get(chat_id=user.id)
    return None if sub is None else (sub.locale, sub.country, sub.subscribed)


async def test_kyrgyz_user_subscribes_in_two_taps_and_reads_only_kyrgyz(harness: Harness) -> None:
    user = harness.sandbox.user(language_code="ky")
    _ = gettext_in(harness, "ky")
    await say(harness, user, "/start")
    assert user.last_text().startswith("Саламатсызбы! Мен — Elchi.")
    await press(harness, user, "🇰🇬 Кыргызстан")
    assert await row(harness, user) == ("ky", "KG", True)
    texts = [m.text or "" for m in user.bot_messages()]
    assert texts[0] == "✅ 🇰🇬 Кыргызстан"  # the question, edited into the answer
    assert texts[1].startswith("✅ Даяр! Сиз жазылдыңыз. Жарандыгыңыз: Кыргызстан.")
    # Then the welcome pack, one message, in Kyrgyz too: the warning and the action first; the
    # full legal warning and the embassy behind buttons. The embassy's warning of 2022 has no
    # end date and is four years old: an earlier warning, listed in /latest, not news.
    assert texts[2].splitlines()[:2] == [
        "⚠️ Элчилигиңиз эскертет: өлкөңүздүн (Кыргызстан) мыйзамы боюнча бөтөн согушка катышуу "
        "— кылмыш.",
        "👉 Чакыруу кагазын же чакыруу документтерин алдыңызбы — элчилик суранган боюнча, "
        "дароо Кыргызстандын элчилигине кабарлаңыз.",
    ]
    assert len(texts) == 3
    # Only what the buttons hold is promised: no advisory is news in Kyrgyzstan now.
    assert texts[2].splitlines()[-1] == (
        "Толук эскертүү жана анын булактары, элчиликтин байланыштары — төмөндөгү баскычтарда."
    )
    pack = user.bot_messages()[2]
    assert [b["callback_data"] for b in pack.buttons()] == [
        "adv:kg-legal-warning",
        "ask:embassy:KG",
    ]
    user.press_data(pack, "adv:kg-legal-warning")
    await harness.settle()
    opened = [m.text or "" for m in user.bot_messages()[3:]]
    assert opened[0].startswith("🟠 Чет өлкөнүн согушуна катышкан Кыргызстандын жаранын")
    assert onboarding.subscribed(_, country_code="KG", operator="x").startswith("✅ <b>Даяр!")
    menu = [b["text"] for r in user.chat.reply_keyboard["keyboard"] for b in r]  # type: ignore[index]
    assert menu == [
        "⚖️ Мыйзам боюнча эскертүүлөр",
        "🏛 Элчиликтин байланыштары",
        "🆘 Мага чакыруу келди",
        "📰 Акыркы билдирүүлөр",
        "⚙️ Жөндөөлөр",
        "❓ Жардам",
    ]


@pytest.mark.parametrize(("locale", "app_language", "picker_label"), FIVE)
async def test_each_locale_subscribes(
    harness: Harness, locale: str, app_language: str | None, picker_label: str | None
) -> None:
    user = harness.sandbox.user(language_code=app_language)
    await say(harness, user, "/start")
    if picker_label:
        assert user.last_text().splitlines() == [
            "Tilni tanlang:",
            "Тилни танланг:",  # Cyrillic Uzbek too: a line for each button
            "Тилди тандаңыз:",
            "Забонро интихоб кунед:",
            "Выберите язык:",
        ]
        await press(harness, user, picker_label)
    _ = gettext_in(harness, locale)
    await press(harness, user, "🇹🇯 " + _("Tajikistan"))
    assert await row(harness, user) == (locale, "TJ", True)
    done = _("Done! You are subscribed. Your citizenship: {country}.")
    texts = [m.text or "" for m in user.bot_messages()]
    assert any(t.startswith("✅ " + done.format(country=_("Tajikistan"))) for t in texts)
    # The welcome pack follows, in the same locale: the warning first, naming the country.
    assert any(t.startswith("⚠️ ") and _("Tajikistan") in t for t in texts)


async def test_a_wrong_guess_is_fixed_with_the_language_row(harness: Harness) -> None:
    user = harness.sandbox.user(language_code="ru")  # a Tajik whose Telegram is in Russian
    await say(harness, user, "/start")
    await press(harness, user, "Тоҷик")
    assert user.last_text().startswith("Салом! Ман — Elchi.")
    await press(harness, user, "🇹🇯 Тоҷикистон")
    assert await row(harness, user) == ("tg", "TJ", True)


@pytest.mark.parametrize(
    ("link", "expected"),
    [("ky-KG", ("ky", "KG", True)), ("uz_Cyrl-UZ", ("uz_Cyrl", "UZ", True))],
)
async def test_deep_link_with_country_subscribes_at_once(
    harness: Harness, link: str, expected: tuple[str, str, bool]
) -> None:
    user = harness.sandbox.user(language_code="en")
    await say(harness, user, f"/start {link}")
    assert await row(harness, user) == expected


async def test_deep_link_with_language_only_asks_the_country_in_it(harness: Harness) -> None:
    user = harness.sandbox.user(language_code="ky")
    await say(harness, user, "/start ru")
    assert "Гражданином какой страны вы являетесь?" in user.last_text()
    assert await row(harness, user) is None


async def test_forged_deep_link_is_an_ordinary_start(harness: Harness) -> None:
    user = harness.sandbox.user(language_code=None)
    await say(harness, user, "/start xx-RU")
    assert user.last_text().startswith("Tilni tanlang:")
    assert await row(harness, user) is None


async def subscribed_user(harness: Harness, locale: str = "ru", country: str = "UZ") -> SimUser:
    user = harness.sandbox.user(language_code="en")
    await say(harness, user, f"/start {locale}-{country}")
    return user


async def test_switching_language_relabels_everything(harness: Harness) -> None:
    user = await subscribed_user(harness)
    await say(harness, user, "/settings")
    await press(harness, user, "🌐 Язык")
    await press(harness, user, "Тоҷикӣ")
    assert await row(harness, user) == ("tg", "UZ", True)
    assert user.bot_messages()[-2].text is not None
    assert user.bot_messages()[-2].text.startswith("Танзимоти шумо\nЗабон: Тоҷикӣ")
    assert user.last_text() == "Нигоҳ дошта шуд."
    await press(harness, user, "❓ Кӯмак")
    assert user.last_text().startswith("Ман чӣ кор карда метавонам")


async def test_citizenship_region_and_discreet_mode_are_saved(harness: Harness) -> None:
    user = await subscribed_user(harness, "uz", "UZ")
    await say(harness, user, "/country")
    await press(harness, user, "🇰🇬 Qirgʻiziston")
    await press(harness, user, "📍 Hudud")
    await press(harness, user, "Tatariston")
    await press(harness, user, "🕶 Maxfiy rejimni yoqish")
    sub = await harness.services.stores.subscribers.get(chat_id=user.id)
    assert sub is not None
    assert (sub.country, sub.region, sub.discreet) == ("KG", "RU-TA", True)
    _ = gettext_in(harness, "uz")
    assert user.last_text() == settings.discreet_explained(_, discreet=True)


async def test_stop_then_start_brings_the_subscriber_back(harness: Harness) -> None:
    user = await subscribed_user(harness, "tg", "TJ")
    await say(harness, user, "/stop")
    assert await row(harness, user) == ("tg", "TJ", False)
    assert user.chat.reply_keyboard is None
    assert (await harness.services.stores.subscribers.count_active()) == []
    await say(harness, user, "/start")
    assert await row(harness, user) == ("tg", "TJ", True)
    assert user.last_text().startswith("Хуш омадед!")


async def test_forget_deletes_the_row_and_the_recent_messages(harness: Harness) -> None:
    user = await subscribed_user(harness, "ky", "KG")
    await say(harness, user, "/help")
    await say(harness, user, "/forget")
    await press(harness, user, "Жокко чыгаруу")
    assert user.last_text() == "Эч нерсе өчүрүлгөн жок."
    assert await row(harness, user) == ("ky", "KG", True)
    await say(harness, user, "/forget")
    await press(harness, user, "🗑 Ооба, баарын өчүрүү")
    assert await row(harness, user) is None
    remaining = user.visible()
    assert len(remaining) == 1
    assert remaining[0].text is not None
    assert remaining[0].text.startswith("Даяр. Бот сиз жөнүндө билгендин баары өчүрүлдү.")
    assert user.chat.reply_keyboard is None


async def test_unknown_command_and_free_text_get_a_short_answer(harness: Harness) -> None:
    user = await subscribed_user(harness, "ru", "KG")
    await say(harness, user, "/weather")
    assert user.last_text() == "Я не знаю такой команды. Смотрите /help."
    for text in ("my passport number is 123", "🙂"):  # the menu's choices inside the answer
        await say(harness, user, text)
        answer = user.bot_messages()[-1]
        assert (answer.text or "").startswith("Я не нашёл здесь повестки")
        assert [b["callback_data"] for b in answer.buttons()] == [
            "ask:law:KG",
            "ask:embassy:KG",
            "ask:callup:KG",
        ]


@pytest.mark.parametrize("data", ["sub:ky:RU", "set:lang:en", "forget:maybe", "admin:push:1", ""])
async def test_forged_button_changes_nothing_and_is_answered(harness: Harness, data: str) -> None:
    user = await subscribed_user(harness, "ru", "UZ")
    message = user.bot_messages()[-1]
    user.press_data(message, data)
    await harness.settle()
    assert await row(harness, user) == ("ru", "UZ", True)
    answers = [a for a in harness.sandbox.bot.callback_answers.values() if a]
    assert answers[-1]["text"] == "Эта кнопка устарела. Нажмите /start или /settings."


async def test_settings_buttons_of_someone_who_forgot_are_stale(harness: Harness) -> None:
    user = await subscribed_user(harness, "ru", "UZ")
    await say(harness, user, "/settings")
    settings_message = user.bot_messages()[-1]
    await harness.services.stores.subscribers.forget(chat_id=user.id)
    user.press_data(settings_message, "set:country:KG")
    await harness.settle()
    assert await row(harness, user) is None


async def test_command_menu_is_published_per_language(harness: Harness) -> None:
    commands = harness.sandbox.bot.commands
    assert {lang for _, lang in commands} == {"", "uz", "ky", "tg", "ru"}
    kyrgyz = {c["command"]: c["description"] for c in commands[("default", "ky")]}
    assert kyrgyz["start"] == "Жазылуу"
    assert kyrgyz["forget"] == "Бардык маалыматымды өчүрүү"
