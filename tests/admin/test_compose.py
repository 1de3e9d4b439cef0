"""The composition rules: question order, answers taken or refused, edits, the validator."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.admin import compose
from bot.admin.answers import Answer, Press, Rejected, Voice, keep
from bot.admin.build import build, from_advisory, new_id
from bot.admin.questions import take
from bot.advisories.model import Advisory
from bot.i18n import Translator
from bot.storage.drafts import DraftAnswers

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TEXTS = {
    "ru": ("Вербовщики на рынке", "Не подписывайте контракт.", "Звоните в консульство."),
    "uz": ("Bozordagi yollovchilar", "Shartnoma imzolamang.", None),
    "ky": ("Базардагы жалдоочулар", "Келишимге кол койбоңуз.", None),
    "tg": ("Ҷалбкунандагон дар бозор", "Шартномаро имзо накунед.", None),
}


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator()


def answer_all(data: DraftAnswers, answers: dict[str, Answer], locale: str = "ru") -> list[str]:
    """Answer each question as it comes; returns the questions in the order they were asked."""
    asked = []
    while (key := compose.next_question(data)) is not None:
        asked.append(key)
        assert len(asked) < 60, asked
        assert take(data, key, answers[key], now=NOW, locale=locale) is None, key
    return asked


def full_answers() -> dict[str, Answer]:
    answers: dict[str, Answer] = {
        "kind": Press("alert"),
        "severity": Press("severe"),
        "regions": Press("all"),
        "locales": Press("all"),
        "source.url": "https://uzembassy.ru/news/2026-12-01-warning",
        "source.title": "Embassy of Uzbekistan: news",
        "sources": Press("done"),
        "expires": Press("30"),
        "voice": Press("done"),
    }
    for locale, (headline, body, instruction) in TEXTS.items():
        answers[f"{locale}.headline"] = headline
        answers[f"{locale}.body"] = body
        answers[f"{locale}.instruction"] = instruction or Press("skip")
    return answers


def test_questions_come_in_order_and_build_a_valid_advisory(translator: Translator) -> None:
    data = DraftAnswers(country="UZ")
    asked = answer_all(data, full_answers())
    assert asked[:4] == ["kind", "severity", "regions", "locales"]
    assert asked[4:8] == ["ru.headline", "ru.body", "ru.instruction", "uz.headline"]
    assert asked[-5:] == ["source.url", "source.title", "sources", "expires", "voice"]
    advisory, problems = build(
        data,
        advisory_id="uz-2026-12-01-ab12",
        effective=NOW,
        translator=translator,
        known_ids=frozenset(),
    )
    assert problems == []
    assert advisory is not None
    assert advisory.text["ru"].instruction == "Звоните в консульство."
    assert advisory.text["uz_Cyrl"].headline == "Бозордаги ёлловчилар"  # derived, as for files
    assert advisory.sources[0].checked.isoformat() == "2026-12-01"
    assert advisory.expires == datetime(2026, 12, 31, 9, 0, tzinfo=UTC)
    assert advisory.pending == []


def test_a_super_admin_is_asked_the_country_first() -> None:
    assert compose.next_question(DraftAnswers()) == "country"
    data = DraftAnswers()
    assert take(data, "country", Press("XX")) == Rejected("Please use the buttons.", {})
    assert take(data, "country", Press("KG")) is None
    assert compose.next_question(data) == "kind"


def test_targeting_two_languages_asks_only_their_texts(translator: Translator) -> None:
    data = DraftAnswers(country="KG", kind="alert", severity="minor")
    assert take(data, "regions", Press("RU-MOW")) is None  # a toggle: still on regions
    assert compose.next_question(data) == "regions"
    assert take(data, "regions", Press("done")) is None
    for code in ("ky", "ru"):
        assert take(data, "locales", Press(code)) is None
    assert take(data, "locales", Press("done")) is None
    answers = full_answers()
    asked = answer_all(data, answers)
    assert [k for k in asked if k.endswith(".headline")] == ["ru.headline", "ky.headline"]
    advisory, problems = build(
        data,
        advisory_id="kg-2026-12-01-0001",
        effective=NOW,
        translator=translator,
        known_ids=frozenset(),
    )
    assert problems == []
    assert advisory is not None
    assert advisory.targeting.regions == ["RU-MOW"]
    assert advisory.pending == ["uz", "tg"]  # nobody reads them: Russian would be shown


def test_to_follow_shows_russian_meanwhile(translator: Translator) -> None:
    answers = full_answers()
    answers["tg.headline"] = Press("pending")
    data = DraftAnswers(country="TJ")
    asked = answer_all(data, answers)
    assert "tg.body" not in asked
    advisory, problems = build(
        data,
        advisory_id="tj-2026-12-01-0001",
        effective=NOW,
        translator=translator,
        known_ids=frozenset(),
    )
    assert problems == []
    assert advisory is not None
    assert advisory.pending == ["tg"]
    assert take(DraftAnswers(), "ru.headline", Press("pending")) == Rejected(
        "Please type the text, or use the buttons.", {}
    )


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("ru.headline", "x" * 161, "The headline has {length} characters; {limit} at most."),
        ("ru.claim", "two\nlines", "Please write it on one line."),
        (
            "ru.headline",
            "Посольство\x1b\x0bсообщает",
            "The text holds an invisible control character ({code}); please type it again.",
        ),
        ("ru.body", "  ", "Please type the text, or use the buttons."),
        ("ru.body", "\u200b", "Please type the text, or use the buttons."),  # zero-width space
        ("ru.body", "<b></b>", "Please type the text, or use the buttons."),
        ("ru.headline", ".", "Please type the text, or use the buttons."),
        (
            "ru.instruction",
            "Звоните. " * 556,  # 5,004 characters: refused here, not blamed on a paragraph later
            "What people should do has {length} characters; {limit} at most: one short sentence.",
        ),
        (
            "source.url",
            "https://uzembassy.ru/",  # `elchi validate` refuses a home page: so does /new
            "This is a home page or a section. Give the link of the page that says it "
            "(the article itself).",
        ),
        (
            "ru.headline",
            "Заголовок\n.\nТекст",  # one message for the language: each part checked
            "Please type the text, or use the buttons.",
        ),
        ("source.url", "embassy", "This is not a link. It starts with https:// or http://"),
        (
            "expires",
            "on Tuesday week",
            "I cannot read this date. Press a button, or type a date like {example}.",
        ),
        ("voice.ru", "text instead", "Please send a voice message (hold the microphone button)."),
    ],
)
def test_bad_answers_are_refused_and_change_nothing(key: str, value: str, message: str) -> None:
    data = DraftAnswers(country="UZ", kind="alert")
    before = data.model_copy(deep=True)
    rejected = take(data, key, value)
    assert rejected is not None
    assert rejected.message == message
    assert data == before


def test_a_rumour_correction_asks_the_false_claim_in_every_language(
    translator: Translator,
) -> None:
    answers = full_answers()
    answers["kind"] = Press("rumour")
    for locale in TEXTS:
        answers[f"{locale}.claim"] = "Гражданство за три месяца"
    data = DraftAnswers(country="UZ")
    asked = answer_all(data, answers)
    assert [k for k in asked if k.endswith(".claim")] == [
        "ru.claim",
        "uz.claim",
        "ky.claim",
        "tg.claim",
    ]
    advisory, problems = build(
        data,
        advisory_id="uz-2026-12-01-0002",
        effective=NOW,
        translator=translator,
        known_ids=frozenset(),
    )
    assert problems == []
    assert advisory is not None
    assert advisory.kind == "rumour_correction"


def test_editing_a_language_keeps_what_is_not_retyped() -> None:
    data = DraftAnswers(country="UZ")
    answer_all(data, full_answers())
    compose.start_edit(data, "t-ky")
    assert compose.next_question(data) == "ky.headline"
    assert keep(data, "ky.headline") is None
    assert take(data, "ky.body", "Жаңы текст.") is None
    assert keep(data, "ky.instruction") is None
    assert compose.next_question(data) is None  # back to the preview
    assert data.text["ky"] == {
        "headline": "Базардагы жалдоочулар",
        "body": "Жаңы текст.",
        "instruction": None,
    }


def test_sources_and_voice_notes_are_small_menus() -> None:
    data = DraftAnswers(country="UZ")
    answers = full_answers()
    while (key := compose.next_question(data)) != "voice":
        assert key is not None
        assert take(data, key, answers[key]) is None
    assert take(data, "voice", Press("ru")) is None
    assert compose.next_question(data) == "voice.ru"
    assert take(data, "voice.ru", Voice("AwACAgIAAxkBAAIB")) is None
    assert compose.next_question(data) == "voice"  # the menu again: another language, or done
    assert take(data, "voice", Press("done")) is None
    assert data.voice == {"ru": "AwACAgIAAxkBAAIB"}
    compose.start_edit(data, "sources")
    assert compose.next_question(data) == "sources"
    assert take(data, "sources", Press("add")) is None
    assert compose.next_question(data) == "source.url"
    assert take(data, "source.url", "https://kabar.kg/news/2026-12-01-warning") is None
    assert compose.next_question(data) == "source.title"
    assert take(data, "source.title", "Kabar") is None
    assert take(data, "sources", Press("done")) is None
    assert [s["title"] for s in data.sources] == ["Embassy of Uzbekistan: news", "Kabar"]
    assert compose.next_question(data) is None


def rebuilt(data: DraftAnswers, advisory_id: str, translator: Translator) -> Advisory:
    """The corrected advisory, which must pass every check."""
    corrected, problems = build(
        data, advisory_id=advisory_id, effective=NOW, translator=translator, known_ids=frozenset()
    )
    assert problems == []
    assert corrected is not None
    return corrected


def test_a_stored_advisory_opens_fully_answered_for_correction(translator: Translator) -> None:
    from bot.advisories.content import load_content
    from bot.config import PROJECT_ROOT

    content, problems = load_content(PROJECT_ROOT / "advisories", translator=translator)
    assert problems == []
    original = next(a for a in content.advisories if a.id == "uz-2022-09-21-prosecutor-warning")
    data = from_advisory(original)
    assert compose.next_question(data) is None
    compose.start_edit(data, "t-ru")
    keep(data, "ru.headline")
    take(data, "ru.body", original.text["ru"].body + "\n\nИсправлено.")
    keep(data, "ru.instruction")
    corrected = rebuilt(data, original.id, translator)
    assert corrected.effective == original.effective  # a correction keeps its date
    assert corrected.sources == original.sources
    assert corrected.text["uz_Cyrl"] == original.text["uz_Cyrl"]
    assert corrected.text["ru"].body.endswith("Исправлено.")


def test_new_ids_name_the_country_and_day_and_never_collide() -> None:
    first = new_id(country="UZ", now=NOW, taken=frozenset())
    assert first.startswith("uz-2026-12-01-")
    assert new_id(country="UZ", now=NOW, taken=frozenset({first})) != first


@pytest.mark.parametrize(
    ("typed", "locale"),
    [("2027-01-31", "ru"), ("31.01.2027", "ru"), ("31 января", "ru"), ("31-yanvar", "uz"),
     ("31-январь", "ky"), ("31 январи 2027", "tg")],
)  # fmt: skip
def test_a_typed_end_date_is_shown_back_then_means_midnight_moscow(
    translator: Translator, typed: str, locale: str
) -> None:
    answers = full_answers()
    answers["expires"] = typed
    answers["expires.confirm"] = Press("yes")
    data = DraftAnswers(country="UZ")
    asked = answer_all(data, answers, locale)  # typed in the admin's language
    assert asked[-3:] == ["expires", "expires.confirm", "voice"]
    advisory, problems = build(
        data,
        advisory_id="uz-2026-12-01-0003",
        effective=NOW,
        translator=translator,
        known_ids=frozenset(),
    )
    assert problems == []
    assert advisory is not None
    assert advisory.expires == datetime(2027, 1, 30, 21, 0, tzinfo=UTC)


def test_an_end_date_read_wrong_is_typed_again() -> None:
    data = DraftAnswers(country="UZ")
    assert take(data, "expires", "31.01.2027", now=NOW) is None
    assert data.understood == "2027-01-31T00:00:00+03:00"  # shown back, not yet taken
    assert data.expires is None
    assert take(data, "expires.confirm", Press("no"), now=NOW) is None
    assert data.understood is None  # asked again
    assert data.expires is None


@pytest.mark.parametrize(
    ("typed", "message", "values"),
    [
        ("10.08.2022", "{date} has already passed. Type a later date, like {example}.",
         {"date": "10.08.2022", "example": "31.12.2026"}),
        ("01.01.2030", "{date} is more than a year away. Type a date within a year, like "
         "{example}.", {"date": "01.01.2030", "example": "31.12.2026"}),
        ("30.02.2027", "I cannot read this date. Press a button, or type a date like {example}.",
         {"example": "31.12.2026"}),
    ],
)  # fmt: skip
def test_an_end_date_is_checked_against_today_when_it_is_typed(
    typed: str, message: str, values: dict[str, str]
) -> None:
    data = DraftAnswers(country="UZ")
    rejected = take(data, "expires", typed, now=NOW)  # NOW: 1 December 2026
    assert rejected == Rejected(message, values)  # type: ignore[arg-type]
    assert data.understood is None


def test_a_typed_word_is_never_taken_for_a_button() -> None:
    data = DraftAnswers(country="UZ")
    assert take(data, "ky.headline", "pending") is None  # typed: a (strange) headline
    assert take(data, "ru.instruction", "skip") is None
    assert data.text == {"ky": {"headline": "pending"}, "ru": {"instruction": "skip"}}
    assert data.pending == []


def test_a_link_without_https_as_people_copy_it_is_taken() -> None:
    data = DraftAnswers(country="UZ")
    assert take(data, "source.url", "uzembassy.ru/news/2026-12-01-warning") is None
    assert data.source_url == "https://uzembassy.ru/news/2026-12-01-warning"
    assert take(DraftAnswers(), "source.url", "see the embassy site") == Rejected(
        "This is not a link. It starts with https:// or http://", {}
    )


def test_correcting_one_language_asks_about_each_other_until_settled(
    translator: Translator,
) -> None:
    from bot.advisories.content import load_content
    from bot.config import PROJECT_ROOT

    content, _ = load_content(PROJECT_ROOT / "advisories", translator=translator)
    original = next(a for a in content.advisories if a.id == "uz-2022-09-21-prosecutor-warning")
    data = from_advisory(original)
    assert compose.unconfirmed_languages(data) == []  # nothing changed: nothing to ask
    data.text["ru"]["body"] = "Исправлено."
    assert compose.changed_languages(data) == ["ru"]
    assert compose.unconfirmed_languages(data) == ["uz", "ky", "tg"]
    compose.settle_language(data, "uz", "ok")
    compose.settle_language(data, "ky", "wait")  # to follow: Russian shown meanwhile
    assert compose.unconfirmed_languages(data) == ["tg"]
    compose.settle_language(data, "tg", "edit")
    assert compose.next_question(data) == "tg.headline"  # its questions again
    assert data.pending == ["ky"]
    corrected = rebuilt(data, original.id, translator)
    assert "ky" not in corrected.text
    assert "ky" in corrected.pending


def test_one_message_gives_a_language_its_headline_instruction_and_text() -> None:
    data = DraftAnswers(country="UZ", kind="alert", severity="severe")
    typed = "Вербовщики у центра\nНе подписывайте ничего.\nПервый абзац.\n\nВторой <b>абзац</b>."
    assert take(data, "ru.headline", typed) is None
    assert data.text["ru"] == {
        "headline": "Вербовщики у центра",
        "instruction": "Не подписывайте ничего.",
        "body": "Первый абзац.\n\nВторой <b>абзац</b>.",
    }


def test_choosing_uzbek_takes_cyrillic_uzbek_along() -> None:
    data = DraftAnswers(country="UZ")
    assert take(data, "locales", Press("uz")) is None
    assert sorted(data.locales) == ["uz", "uz_Cyrl"]
    assert take(data, "locales", Press("uz_Cyrl")) is None  # one choice: both go
    assert data.locales == []
