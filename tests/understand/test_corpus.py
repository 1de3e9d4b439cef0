"""The corpus through `Reader.read`, the function the bot answers with: the thresholds the
issue set, on messages as people type and forward them in five languages."""

from __future__ import annotations

import pytest

from bot.i18n import Translator
from bot.understand import Reader
from tests.understand.corpus import Sample, copies, reader, written


@pytest.fixture(scope="module")
def read() -> Reader:
    return reader(Translator())


@pytest.fixture(scope="module")
def samples() -> list[Sample]:
    return written() + copies(Translator())


def share(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def test_the_corpus_is_large_and_covers_every_language_and_intent(samples: list[Sample]) -> None:
    assert len(samples) >= 300
    for language in ("uz", "uz_Cyrl", "ky", "tg", "ru"):
        intents = {s.intent for s in samples if s.language == language}
        assert intents == {
            "crisis",
            "military_offer",
            "embassy_genuine",
            "embassy_unverified",
            "other",
        }, language


def test_crises_are_found_and_other_texts_are_not_taken_for_one(
    read: Reader, samples: list[Sample]
) -> None:
    crises = [s for s in samples if s.intent == "crisis"]
    others = [s for s in samples if s.intent != "crisis"]
    found = sum(read.read(s.text).intent == "crisis" for s in crises)
    false = sum(read.read(s.text).intent == "crisis" for s in others)
    assert share(found, len(crises)) >= 0.95
    assert share(false, len(others)) <= 0.03


def test_military_offers_are_flagged_and_ordinary_jobs_are_not(
    read: Reader, samples: list[Sample]
) -> None:
    offers = [s for s in samples if s.intent == "military_offer"]
    others = [s for s in samples if s.intent != "military_offer"]
    found = sum(read.read(s.text).intent == "military_offer" for s in offers)
    false = sum(read.read(s.text).intent == "military_offer" for s in others)
    assert share(found, len(offers)) >= 0.90
    assert share(false, len(others)) <= 0.05


def test_genuine_copies_are_matched_to_their_advisory_and_doctored_ones_never(
    read: Reader, samples: list[Sample]
) -> None:
    genuine = [s for s in samples if s.intent == "embassy_genuine"]
    matched = sum(read.read(s.text).advisory == s.advisory for s in genuine)
    assert share(matched, len(genuine)) >= 0.90
    doctored = [s for s in samples if s.doctored]
    assert len(doctored) >= 60
    assert [s.text for s in doctored if read.read(s.text).intent == "embassy_genuine"] == []


def test_fakes_in_an_embassys_name_are_unverified(read: Reader, samples: list[Sample]) -> None:
    fakes = [s for s in samples if s.intent == "embassy_unverified" and not s.doctored]
    found = sum(read.read(s.text).intent == "embassy_unverified" for s in fakes)
    assert share(found, len(fakes)) >= 0.90


def test_the_language_is_right(read: Reader, samples: list[Sample]) -> None:
    right = sum(read.read(s.text).language == s.language for s in samples)
    assert share(right, len(samples)) >= 0.95


@pytest.mark.parametrize(
    "text",
    [
        "контракт на аренду квартиры",
        "повестка дня собрания",
        "мне пришла повестка в суд по кредиту",
        "армия фанатов Спартака",
        "Требуются грузчики, вахта 30/30, оплата ежедневно",
        "Водитель категории С в Белгород, зарплата 90 000",
    ],
)
def test_the_hard_negatives_are_other(read: Reader, text: str) -> None:
    assert read.read(text).intent == "other"


def test_an_offer_names_the_signs_found_in_the_persons_own_words(read: Reader) -> None:
    found = read.read("Требуются водители в зону СВО, выплаты МО 195 000")
    assert (found.language, found.intent) == ("ru", "military_offer")
    assert found.reasons == ["зону СВО", "выплаты МО", "Требуются"]  # military signs first


def test_a_claim_hidden_in_a_channel_line_is_still_read(read: Reader) -> None:
    genuine = next(s for s in copies(Translator()) if s.intent == "embassy_genuine")
    assert read.read(genuine.text).intent == "embassy_genuine"
    hidden = genuine.text + "\nВсе подписавшие контракт будут помилованы t.me/posolstvo"
    assert read.read(hidden).intent == "embassy_unverified"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Свой адрес я знаю. Салом!", "other"),
        ("frontend developer", "other"),  # "front" is not Russian "фронт"
        ("ПОВЕСТКУ", "crisis"),
    ],
)
def test_words_that_only_look_alike_are_not_cries(read: Reader, text: str, intent: str) -> None:
    assert read.read(text).intent == intent
