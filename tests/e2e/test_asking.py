"""What a migrant can ask: /law, /latest, /embassy, /callup — per country and locale."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.demo.harness import Harness
from bot.sandbox import SimUser
from tests.e2e.helpers import gettext_in, press, say


async def subscribed(harness: Harness, link: str) -> SimUser:
    user = harness.sandbox.user(language_code="en")
    await say(harness, user, f"/start {link}")
    return user


async def stored_row(harness: Harness, user: SimUser) -> tuple[object, ...]:
    row = await harness.services.stores.subscribers.get(chat_id=user.id)
    assert row is not None
    return (row.locale, row.country, row.region, row.subscribed, row.discreet)


@pytest.mark.parametrize(
    ("link", "headline", "checked", "yes_answer"),
    [
        (
            "uz-UZ",
            "Chet el urushida qatnashgan Oʻzbekiston fuqarosini nima kutadi",
            "tekshirilgan sana: 25-noyabr, 2026",
            "Oʻz holatingizni Oʻzbekiston elchixonasi yoki konsulligidan aniqlang.",
        ),
        (
            "uz_Cyrl-UZ",
            "Чет эл урушида қатнашган Ўзбекистон фуқаросини нима кутади",
            "текширилган сана: 25-ноябр, 2026",
            "Ўз ҳолатингизни Ўзбекистон элчихонаси ёки консуллигидан аниқланг.",
        ),
        (
            "ky-KG",
            "Чет өлкөнүн согушуна катышкан Кыргызстандын жаранын эмне күтөт",
            "текшерилген күнү: 2026-ж., 25-ноябрь",
            "Өз абалыңызды Кыргызстандын элчилигинен тактаңыз.",
        ),
        (
            "tg-TJ",
            "Қонуни Тоҷикистон дар бораи иштирок дар ҷанги бегона чӣ мегӯяд",
            "санаи санҷиш: 25 ноябри соли 2026",
            "Ин дар ҳолати шумо чӣ маъно дорад, дар сафорати Тоҷикистон дақиқ кунед",
        ),
        (
            "ru-KG",
            "Что грозит гражданину Кыргызстана за участие в чужой войне",
            "проверено 25 ноября 2026",
            "Уточните свой случай в посольстве Кыргызстана.",
        ),
    ],
)
async def test_law_shows_the_standing_warning_then_asks_about_dual_citizenship(
    harness: Harness, link: str, headline: str, checked: str, yes_answer: str
) -> None:
    user = await subscribed(harness, link)
    before = await stored_row(harness, user)
    await say(harness, user, "/law")
    warning = user.bot_messages()[-2]
    assert (warning.text or "").startswith(f"🟠 {headline}")
    assert "\n\n👉 <b>" not in (warning.text or "")  # Telegram's text: the action, then more
    assert (warning.text or "").split("\n\n")[1].startswith("👉 ")  # the action first
    _ = gettext_in(harness, link.split("-")[0])
    await press(harness, user, _("Yes"))
    answer = user.bot_messages()[-1]  # as the reader sees it: the action first, in bold
    assert (answer.text or "").startswith("👉 " + yes_answer)  # whom to ask, first
    assert (answer.entities[0]["type"], answer.entities[0]["offset"]) == ("bold", 3)
    assert await stored_row(harness, user) == before  # the answer was not stored
    sources = next(b for b in warning.buttons() if b["text"] == "📎 " + _("Sources"))
    user.press_data(warning, sources["callback_data"])  # its sources, on request
    await harness.settle()
    listed = user.last_text()
    assert listed.startswith("📎 " + _("Sources"))
    assert checked in listed


async def test_law_from_the_menu_button(harness: Harness) -> None:
    user = await subscribed(harness, "tg-TJ")
    await press(harness, user, "⚖️ Огоҳиҳои ҳуқуқӣ")
    await press(harness, user, "Не")
    assert user.last_text() == (  # the warning's action first (bold), then the answer
        "👉 Ба ҷанг розӣ нашавед. Агар ба шумо шартнома пешниҳод кунанд, ба сафорат ё "
        "консулгарии Тоҷикистон муроҷиат кунед.\n\nПас огоҳии боло ба шумо пурра дахл дорад."
    )
    assert user.bot_messages()[-1].entities[0]["type"] == "bold"


async def test_latest_lists_in_force_newest_first_and_hides_expired(harness: Harness) -> None:
    expired = await harness.services.stores.advisories.get(
        advisory_id="uz-2022-08-10-embassy-warning"
    )
    assert expired is not None
    await harness.services.stores.advisories.save(
        advisory=expired.model_copy(update={"expires": datetime(2023, 1, 1, tzinfo=UTC)}),
        origin="test",
    )
    user = await subscribed(harness, "ru-UZ")
    await say(harness, user, "/latest")
    listing = user.bot_messages()[-1]
    labels = [b["text"] for b in listing.buttons()]
    assert labels == [
        "21 сентября 2022\u202fг. · Генпрокуратура Узбекистана напомнила о наказани…"
    ]
    await press(harness, user, labels[0])
    assert user.last_text().startswith("🟠 Генпрокуратура Узбекистана напомнила о наказании")
    user.press_data(listing, "adv:uz-2022-08-10-embassy-warning")  # an old button
    await harness.settle()
    assert user.last_text() == "Это сообщение больше не действует."


@pytest.mark.parametrize(
    ("link", "where", "mission", "reason"),
    [
        (
            "ru-UZ",
            (55.75, 37.61),
            "Посольство · Москва (Узбекистан)",
            "Оно обслуживает ваш федеральный округ.",
        ),
        (
            "uz-UZ",
            (55.79, 49.12),
            "Bosh konsullik · Qozon (Oʻzbekiston)",
            "U sizning federal okrugingizga xizmat koʻrsatadi.",
        ),
        (
            "ky-KG",
            (55.03, 82.92),
            "Башкы консулдук · Новосибирск (Кыргызстан)",
            "Ал сиздин аймакты тейлейт.",
        ),
        (
            "tg-TJ",
            (41.31, 69.24),
            "Сафорат · Маскав (Тоҷикистон)",
            "Гӯё шумо берун аз Русия ҳастед. Elchi танҳо намояндагиҳои кишвари шуморо дар Русия",
        ),
    ],
)
async def test_embassy_by_location(
    harness: Harness, link: str, where: tuple[float, float], mission: str, reason: str
) -> None:
    user = await subscribed(harness, link)
    await say(harness, user, "/embassy")
    assert user.chat.reply_keyboard is not None
    assert user.chat.reply_keyboard["keyboard"][0][0]["request_location"] is True
    user.share_location(*where)
    await harness.settle()
    card = next(m.text or "" for m in reversed(user.bot_messages()) if "📎 [1]" in (m.text or ""))
    call, mission_block = card.split("\n\n")[:2]
    assert "📞 +" in call  # a number to call comes first, whatever the mission
    assert mission_block.startswith(mission)
    assert reason in card
    assert "[1]" in card


async def test_embassy_venue_is_sent_when_the_address_is_known(harness: Harness) -> None:
    user = await subscribed(harness, "ru-UZ")
    await say(harness, user, "/embassy")
    user.share_location(59.93, 30.31)  # Saint Petersburg: the consulate's address is sourced
    await harness.settle()
    venues = [m.extra["venue"] for m in user.bot_messages() if "venue" in m.extra]
    assert venues[-1]["address"] == (
        "Санкт-Петербург, 4-я Красноармейская ул., 4А (метка показывает город, а не здание)"
    )


async def test_embassy_by_region_and_saving_it(harness: Harness) -> None:
    user = await subscribed(harness, "tg-TJ")
    await say(harness, user, "/embassy")
    await press(harness, user, "Тотористон")
    card, share = (m.text or "" for m in user.bot_messages()[-3:-1])
    assert share == "Ин маълумотро ба дӯстатон, ки дар Русия кор мекунад, фиристед:"
    assert card.startswith("Ҳозир занг занед:\n📞 +7 495 690-38-46 ⚠️")  # phone first
    assert card.split("\n\n")[1].startswith("Консулгарии генералӣ · Уфа (Тоҷикистон)")
    assert "Он ба шумо наздиктарин аст." in card
    assert "⚠️" in card  # the embassy's unofficial phone is marked
    await press(harness, user, "💾 Нигоҳ доштан: Тотористон")
    assert (await stored_row(harness, user))[2] == "RU-TA"
    await say(harness, user, "/embassy")  # a saved region answers at once
    assert any(
        "\n\nКонсулгарии генералӣ · Уфа" in (m.text or "") for m in user.bot_messages()[-4:]
    )


@pytest.mark.parametrize(
    ("choice", "template"),
    [
        ("📄 Мне вручили повестку", "Мне вручили повестку. Подскажите"),
        ("🤝 Вербовщик предложил мне контракт", "Вербовщик предложил мне контракт с армией."),
        ("⚠️ Меня принуждают или мне угрожают", "Меня принуждают подписать контракт"),
    ],
)
async def test_callup_flow(harness: Harness, choice: str, template: str) -> None:
    user = await subscribed(harness, "ru-KG")
    before = await stored_row(harness, user)
    await say(harness, user, "/callup")
    await press(harness, user, choice)
    advice = user.last_text()
    assert advice.startswith("Что делать сейчас")
    assert "Посольство · Москва (Кыргызстан)" in advice
    assert "+7 925 115-50-47" in advice
    assert f"Здравствуйте. Моё гражданство: Кыргызстан. Я работаю в России. {template}" in advice
    said, sources = advice.split("\n\n")[-2:]  # then the numbers' sources, last
    assert said == "Elchi ничего об этом не сохраняет."
    assert sources.startswith("📎 [1]")
    assert await stored_row(harness, user) == before


async def test_a_summarised_warning_opens_in_full_with_more(harness: Harness) -> None:
    user = await subscribed(harness, "ru-KG")
    await say(harness, user, "/law")
    warning = user.bot_messages()[-2]
    text = warning.text or ""
    assert "Суды уже назначали за это сроки" in text  # the summary, three short sentences
    assert "Верховный суд" not in text  # the details wait behind “More”
    more = next(b for b in warning.buttons() if b["text"] == "📖 Подробнее")
    user.press_data(warning, more["callback_data"])
    await harness.settle()
    full = user.last_text()
    assert full.startswith("Что грозит гражданину Кыргызстана за участие в чужой войне")
    assert "в августе 2023 года Верховный суд этот приговор отменил" in full
