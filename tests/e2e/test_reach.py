"""How a warning travels: a reader shares it, the friend subscribes through the link."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from bot.demo.harness import Harness, running_harness
from tests.e2e.helpers import press, say

KG_ADMIN = 9003


def shared(url: str) -> tuple[str, str]:
    """What Telegram's share screen gets from a "Send to a friend" button: text and link."""
    query = parse_qs(urlparse(url).query)
    return query["text"][0], query["url"][0]


async def test_a_friend_subscribes_through_a_shared_warning_in_its_language_and_country(
    database_url: str,
) -> None:
    async with running_harness(database_url=database_url, admins={KG_ADMIN: "KG"}) as harness:
        reader = harness.sandbox.user(language_code="ru")
        await say(harness, reader, "/start ky-KG")
        await say(harness, reader, "/law")
        warning = reader.bot_messages()[-2]
        share = next(b for b in warning.buttons() if b["text"] == "📨 Досуңузга жөнөтүү")
        text, link = shared(share["url"])
        assert text.startswith("Чет өлкөнүн согушуна катышкан Кыргызстандын жаранын эмне күтөт.")
        assert link == "https://t.me/elchi_sandbox_bot?start=ky-KG-share"  # nothing of the sender
        friend = harness.sandbox.user(language_code="ru")  # Telegram in Russian, reads Kyrgyz
        friend.open_link(link)
        await harness.settle()
        row = await harness.services.stores.subscribers.get(chat_id=friend.id)
        assert row is not None
        assert (row.locale, row.country) == ("ky", "KG")
        assert "Кыргызстан" in friend.bot_messages()[0].text  # subscribed, in Kyrgyz
        again = harness.sandbox.user(language_code="ru")
        again.open_link(link)
        await harness.settle()
        friend.open_link(link)  # already subscribed: not counted twice
        await harness.settle()
        counts = await harness.services.stores.arrivals.counts(country="KG")
        assert counts == {("KG", "ky", "share"): 2}
        admin = harness.sandbox.user(user_id=KG_ADMIN, language_code="ru")
        await say(harness, admin, "/stats")
        assert (
            "Подписки, пришедшие по ссылке (не люди): по ссылке от друга 2 (Кыргызча 2)"
            in admin.last_text()
        )


async def test_the_embassy_card_can_be_sent_to_a_friend(harness: Harness) -> None:
    reader = harness.sandbox.user(language_code="uz")
    await say(harness, reader, "/start uz-UZ")
    await say(harness, reader, "/embassy")
    await press(harness, reader, "Tatariston")
    offer = next(m for m in reader.bot_messages() if m.text and m.text.startswith("Bu maʼlumot"))
    text, link = shared(offer.buttons()[0]["url"])
    assert text.startswith("🇺🇿 Oʻzbekiston: Rossiyadagi elchixona — telefonlari")
    assert link == "https://t.me/elchi_sandbox_bot?start=uz-UZ-share"


async def test_a_forged_or_old_start_link_starts_as_usual_and_counts_nothing(
    harness: Harness,
) -> None:
    for parameter in ("ky-KG-friend42", "ky-XX-share", "en-KG", "ky-KG-share-extra"):
        user = harness.sandbox.user(language_code="ru")
        await say(harness, user, f"/start {parameter}")
        assert await harness.services.stores.subscribers.get(chat_id=user.id) is None
        assert user.bot_messages()  # answered: the language or citizenship question
    assert await harness.services.stores.arrivals.counts() == {}


async def test_an_inline_query_in_a_group_offers_the_legal_warning_in_the_askers_language(
    harness: Harness,
) -> None:
    member = harness.sandbox.user(language_code="ru")
    await say(harness, member, "/start tg-TJ")  # reads Tajik, though Telegram is in Russian
    query_id = member.inline_query("", chat_type="group")
    await harness.settle()
    results = member.inline(query_id)
    # Their country's; its newest advisory is older than a year: named as /latest names it.
    assert [r["id"] for r in results] == ["law-TJ", "card-TJ", "earlier-TJ"]
    assert results[2]["title"] == "Огоҳии пешина, бо санааш · 🇹🇯 Тоҷикистон"
    law = results[0]
    assert law["title"] == "Огоҳии ҳуқуқӣ · 🇹🇯 Тоҷикистон"
    text = law["input_message_content"]["message_text"]
    assert text.startswith("🟠 <b>Қонуни Тоҷикистон дар бораи иштирок дар ҷанги бегона")
    assert "👉 <b>Ба ҷанг розӣ нашавед." in text  # the action within the first lines
    [[subscribe]] = law["reply_markup"]["inline_keyboard"]
    assert subscribe["url"] == "https://t.me/elchi_sandbox_bot?start=tg-TJ-inline"
    card = results[1]["input_message_content"]["message_text"]
    assert card.startswith("<b>Ҳозир занг занед:</b>\n📞 +7 495 690-38-46")


async def test_an_inline_query_names_a_country_in_any_language(harness: Harness) -> None:
    stranger = harness.sandbox.user(language_code="uz")  # not subscribed: Telegram's language
    for typed, country in (("kg", "KG"), ("Кыргызстан", "KG"), ("oʻzbek", "UZ"), ("тоҷик", "TJ")):
        query_id = stranger.inline_query(typed)
        await harness.settle()
        results = stranger.inline(query_id)
        assert {r["id"].split("-")[1] for r in results} == {country}, typed
    everything = stranger.inline_query("salom")  # no country named, none saved: all three
    await harness.settle()
    ids = [r["id"] for r in stranger.inline(everything)]
    assert [i for i in ids if i.startswith("law-")] == ["law-UZ", "law-KG", "law-TJ"]
    assert (
        await harness.services.stores.subscribers.get(chat_id=stranger.id) is None
    )  # nothing kept


async def test_inline_queries_are_limited_per_person_and_answers_kept(harness: Harness) -> None:
    typist, other = harness.sandbox.user(language_code="ky"), harness.sandbox.user()
    queries = [typist.inline_query(text) for text in ("k", "kg", "kg ", "kg 1", "kg 12", "kg 123")]
    await harness.settle()
    answered = [bool(typist.inline(q)) for q in queries]
    assert answered == [True] * 5 + [False]  # five at once, then one every two seconds
    asked = other.inline_query("kg")  # another person is not held back by the first
    await harness.settle()
    assert [r["id"] for r in other.inline(asked)] == ["law-KG", "card-KG", "earlier-KG"]
