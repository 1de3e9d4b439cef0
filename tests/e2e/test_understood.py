"""Typed and forwarded texts answered by what they are, in the reader's language: a cry for
help, a military job offer, the embassy's own advisory, a fake in its name, anything else."""

from __future__ import annotations

import html
import re

import pytest

from bot.advisories.render import renderer
from bot.demo.harness import Harness, running_harness
from tests.e2e.helpers import gettext_in, press, say

OFFERS = {
    "ru": "Требуются водители в зону СВО, выплаты МО 195 000",
    "uz": "SVO zonasiga haydovchilar kerak, maosh 200 000 rubl, Rossiya fuqaroligi",
    "uz_Cyrl": "СВО зонасига ҳайдовчилар керак, маош 200 000 рубль, Россия фуқаролиги",
    "ky": "СВО зонасына айдоочулар керек, айлык 200 000 рубль, жарандык",
    "tg": "Ба минтақаи СВО ронандаҳо лозим, маош 200 000 рубл, шаҳрвандии Русия",
}
FAKES = {
    "ru": "Посольство Узбекистана сообщает: все, кто подписал контракт, будут помилованы",
    "uz": "Oʻzbekiston elchixonasi xabar beradi: shartnoma imzolaganlar afv etiladi",
    "uz_Cyrl": "Ўзбекистон элчихонаси хабар беради: шартнома имзолаганлар афв этилади",
    "ky": "Кыргызстандын элчилиги кабарлайт: келишимге кол койгондор кечирилет",
    "tg": "Сафорати Тоҷикистон хабар медиҳад: онҳое, ки шартнома имзо кардаанд, бахшида мешаванд",
}
COUNTRY = {"ru": "UZ", "uz": "UZ", "uz_Cyrl": "UZ", "ky": "KG", "tg": "TJ"}


@pytest.mark.parametrize("locale", list(OFFERS))
async def test_a_forwarded_military_offer_is_named_with_its_signs_and_a_phone(
    harness: Harness, locale: str
) -> None:
    _ = gettext_in(harness, locale)
    user = harness.sandbox.user(language_code="ru")
    await say(harness, user, f"/start {locale}-{COUNTRY[locale]}")
    await say(harness, user, OFFERS[locale])
    answer, consent = user.bot_messages()[-2:]  # then: send it to the embassy, without a name?
    assert [b["callback_data"] for b in consent.buttons()] == ["offer:yes", "offer:no"]
    text = answer.text or ""
    assert text.splitlines()[0] == "⚠️ " + _("This looks like military service, not a job.")
    assert "«" in text.splitlines()[2]  # the signs, quoted from the person's own words
    assert "📞 +7" in text  # a phone to call
    assert "[1]" in text  # with its source
    data = [b.get("callback_data") for b in answer.buttons()]
    assert data[:2] == [f"ask:law:{COUNTRY[locale]}", f"ask:embassy:{COUNTRY[locale]}"]
    assert answer.buttons()[2]["url"].startswith("https://t.me/share/url")


@pytest.mark.parametrize("locale", list(FAKES))
async def test_a_fake_in_an_embassys_name_is_not_among_its_advisories(
    harness: Harness, locale: str
) -> None:
    _ = gettext_in(harness, locale)
    user = harness.sandbox.user(language_code="ru")
    await say(harness, user, f"/start {locale}-{COUNTRY[locale]}")
    await say(harness, user, FAKES[locale])
    text = user.last_text()
    assert text.startswith("⚠️ " + _("This is not among your embassy's advisories."))
    assert "📞 +7" in text


async def test_a_forwarded_advisory_is_recognised_as_the_embassys_own(harness: Harness) -> None:
    advisory = await harness.services.stores.advisories.get(
        advisory_id="kg-2022-09-21-embassy-warning"
    )
    assert advisory is not None
    message = renderer(harness.services.translator)(advisory, "ky")[0]
    seen = html.unescape(re.sub(r"<[^>]+>", "", message))  # what a reader sees and copies
    forwarded = "Forwarded from Мигранттар\n" + seen
    user = harness.sandbox.user(language_code="ru")
    await say(harness, user, "/start ky-KG")
    before = len(user.bot_messages())
    await say(harness, user, forwarded)
    answers = [m.text or "" for m in user.bot_messages()[before:]]
    assert answers[0].startswith("✅ Бул элчилигиңиздин 2022-ж., 21-сентябрь күнкү билдирүүсү.")
    assert answers[1] == seen  # then the advisory itself, in their language
    doctored = forwarded.replace("дароо", "эч качан")
    await say(harness, user, doctored)
    assert user.last_text().startswith("⚠️ Бул элчилигиңиздин билдирүүлөрүнүн арасында жок.")


async def test_a_newcomer_who_picked_kyrgyz_gets_callup_in_kyrgyz(harness: Harness) -> None:
    user = harness.sandbox.user(language_code=None)
    await say(harness, user, "/start")
    await press(harness, user, "Кыргызча")
    await say(harness, user, "/callup")
    assert user.last_text() == gettext_in(harness, "ky")("Which country are you a citizen of?")
    await say(harness, user, "жардам бериңиз")
    assert user.last_text() == gettext_in(harness, "ky")("Which country are you a citizen of?")
    assert await harness.services.stores.subscribers.get(chat_id=user.id) is None  # nothing stored


async def test_a_newcomer_who_picked_cyrillic_uzbek_gets_law_in_it(harness: Harness) -> None:
    user = harness.sandbox.user(language_code=None)
    await say(harness, user, "/start")
    await press(harness, user, "Ўзбекча (кирилл)")
    await say(harness, user, "/law")
    assert user.last_text() == gettext_in(harness, "uz_Cyrl")(
        "Which country are you a citizen of?"
    )


async def test_tajik_written_in_a_russian_telegram_is_answered_in_tajik(harness: Harness) -> None:
    user = harness.sandbox.user(language_code="ru")
    await say(harness, user, "ба ман даъватнома омад")
    _ = gettext_in(harness, "tg")
    texts = [m.text or "" for m in user.bot_messages()]
    assert texts[0] == _("Which country are you a citizen of?")
    assert texts[1] == "🌐 " + _("Another language?")  # one tap to switch
    await press(harness, user, "🇹🇯 " + _("Tajikistan"))
    assert user.last_text().startswith(_("What happened?"))
    assert await harness.services.stores.subscribers.get(chat_id=user.id) is None


async def test_texts_are_counted_by_intent_never_kept(harness: Harness) -> None:
    user = harness.sandbox.user(language_code="ru")
    await say(harness, user, "/start ru-UZ")
    await say(harness, user, OFFERS["ru"])
    exposition = harness.services.metrics.exposition(subscribers={}, deliveries={})
    assert 'elchi_texts_understood_total{country="UZ",intent="military_offer"} 1.0' in exposition
    assert "СВО" not in exposition


async def test_an_offer_is_sent_to_the_embassy_only_with_consent_and_never_who(
    database_url: str,
) -> None:
    admin_id = 7001
    async with running_harness(database_url=database_url, admins={admin_id: "UZ"}) as harness:
        refuses, agrees = (harness.sandbox.user(language_code="ru") for _ in range(2))
        for person in (refuses, agrees):
            await say(harness, person, "/start ru-UZ")
            await say(harness, person, OFFERS["ru"])
            assert person.last_text().startswith("Отправить это предложение в ваше посольство")
        await press(harness, refuses, "Нет")
        assert refuses.last_text() == "Ничего не отправлено."
        assert await harness.services.stores.offers.newest(country="UZ") == []
        await press(harness, agrees, "✅ Да, отправить")
        assert agrees.last_text() == "Отправлено в ваше посольство без вашего имени. Спасибо."
        await say(harness, refuses, OFFERS["ru"])  # the same offer again, this time sent
        await press(harness, refuses, "✅ Да, отправить")
        [kept] = await harness.services.stores.offers.newest(country="UZ")
        assert (kept.text, kept.times) == (OFFERS["ru"], 2)
        admin = harness.sandbox.user(language_code="ru", user_id=admin_id)
        await say(harness, admin, "/offers")
        shown = [m.text or "" for m in admin.bot_messages()]
        assert shown[-2].startswith("Предложения работы, присланные читателями (🇺🇿 Узбекистан)")
        assert shown[-1].endswith("Сколько раз присылали: 2\n" + OFFERS["ru"])
        stranger = harness.sandbox.user(language_code="ru")
        await say(harness, stranger, "/offers")
        assert stranger.last_text() == "Я не знаю такой команды. Смотрите /help."


async def test_stats_count_texts_by_intent_never_their_words(database_url: str) -> None:
    async with running_harness(database_url=database_url, admins={7002: "KG"}) as harness:
        reader = harness.sandbox.user(language_code="ru")
        await say(harness, reader, "/start ky-KG")
        await say(harness, reader, "жардам бериңиз")
        await say(harness, reader, OFFERS["ky"])
        admin = harness.sandbox.user(language_code="ru", user_id=7002)
        await say(harness, admin, "/stats")
        stats = admin.last_text()
        assert "Прочитано текстов с запуска бота: просьбы о помощи 1, военные предложения" in stats
        assert "жардам" not in stats
