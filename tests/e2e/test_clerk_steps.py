"""The clerk's steps that used to stop them: a time typed at “When?” without ⌨️, the groups a
narrower choice of languages leaves out, Sources under a preview, a correction left unsent."""

from __future__ import annotations

from tests.e2e.helpers import eventually, press, say
from tests.e2e.test_admin_workflow import (
    TEXTS,
    UZ_ADMIN,
    admin,
    compose,
    got,
    staff,
    subscribers,
)
from tests.support.clock import FakeClock


async def test_a_time_typed_at_when_is_read_without_pressing_the_keyboard_first(
    database_url: str,
) -> None:
    async with staff(database_url, clock=FakeClock()) as harness:  # 26 Nov 2026, 12:00 MSK
        author = admin(harness)
        await compose(harness, author)
        await press(harness, author, "🕘 Запланировать")
        await say(harness, author, "завтра в 10")  # no ⌨️ first
        assert author.last_text() == "Отправить 27.11.2026 10:00 по Москве?"
        await say(harness, author, "когда-нибудь")  # not a time: said, and the choices again
        assert author.last_text().startswith("❗ ")
        labels = [b["text"] for b in author.bot_messages()[-1].buttons()]
        assert "Через 1 час" in labels


async def test_the_preview_names_the_language_groups_that_get_nothing(database_url: str) -> None:
    async with staff(database_url) as harness:
        await subscribers(harness)  # one citizen of Uzbekistan in each language
        author = admin(harness)
        await say(harness, author, "/new")
        await press(harness, author, "⚠️ Новое предупреждение")
        await press(harness, author, "🟠 Серьёзно")
        await press(harness, author, "🌍 По всей России")
        await press(harness, author, "Oʻzbekcha (lotin)")  # Cyrillic Uzbek comes along
        await press(harness, author, "Русский")
        await press(harness, author, "✔️ Готово")
        for locale in ("ru", "uz"):
            headline, body = TEXTS[locale]
            await say(harness, author, f"{headline}\nЗвоните в посольство.\n{body}")
        await say(harness, author, "https://uzembassy.ru/news/2026-12-01-warning")
        await say(harness, author, "Посольство Узбекистана: новости")
        await press(harness, author, "✔️ Готово")
        await press(harness, author, "30 дней")
        await press(harness, author, "✔️ Готово")
        summary = author.last_text()
        assert "• Ўзбекча (кирилл) (1): Миграция маркази олдида ёлловчилар" in summary
        assert "🚫 Ничего не получат: Кыргызча (1), Тоҷикӣ (1)." in summary
        await press(harness, author, "📎 Источники")  # under the preview: the draft's sources
        assert author.last_text().startswith("📎 Источники\n1. Посольство Узбекистана: новости")


async def test_an_unsent_correction_is_listed_and_its_editor_reminded_once(
    database_url: str,
) -> None:
    clock = FakeClock()
    async with staff(database_url, clock=clock) as harness:
        author = admin(harness)
        await say(harness, author, "/advisories")
        await press(harness, author, "📰 Генпрокуратура Узбекистана напомнила о наказани…")
        await press(harness, author, "✏️ Исправить")
        reports = harness.services.reports
        assert await reports.forgotten_corrections() == []  # not yet: 30 minutes
        clock.advance(minutes=31)
        [forgotten] = await reports.forgotten_corrections()
        assert forgotten.editor == UZ_ADMIN
        forgotten.data.reminded = True
        await harness.services.workflow.save(forgotten)
        assert await reports.forgotten_corrections() == []  # once


async def test_i_understand_is_answered_at_once_while_the_edit_waits_its_turn(
    database_url: str,
) -> None:
    async with staff(database_url) as harness:
        people = await subscribers(harness)
        author = admin(harness)
        await compose(harness, author)
        await press(harness, author, "🚀 Отправить сейчас")
        reader = people["ru-UZ"]
        await eventually(lambda: got(reader, "Вербовщики у миграционного центра"))
        delivered = next(m for m in reader.bot_messages() if "миграционного" in (m.text or ""))
        harness.services.budget.hold(2.0)  # every message waits (as behind a flood of sends)
        answers = harness.sandbox.bot.callback_answers
        reader.press("✅ Понятно")
        await eventually(lambda: any(a and a.get("text") for a in answers.values()))
        assert "✅ Понятно" in [b["text"] for b in delivered.buttons()]  # not edited yet
        await harness.settle()  # the press is handled: it no longer waits for its edit
        assert "✅ Понятно" in [b["text"] for b in delivered.buttons()]
        await eventually(lambda: "✅ Понятно" not in [b["text"] for b in delivered.buttons()])
