"""Rendering one advisory for one locale: sources and dates, pending locales, splitting."""

from __future__ import annotations

from datetime import date

from bot.advisories.cyrillic import with_cyrillic
from bot.advisories.model import Advisory, LocaleText, Source
from bot.advisories.render import MAX_MESSAGE, more_text, render, sources_list, visible_length
from bot.i18n import Translator


def advisory(**changes: object) -> Advisory:
    base = {
        "id": "kg-test",
        "country": "KG",
        "status": "actual",
        "kind": "alert",
        "severity": "severe",
        "effective": date(2026, 11, 25),
        "sources": [Source(url="https://mfa.gov.kg/", title="MFA", checked=date(2026, 11, 25))],
        "text": {
            "ru": LocaleText(
                headline="Заголовок", body="Первый.\n\nВторой.", instruction="Звоните."
            ),
            "uz": LocaleText(
                headline="Sarlavha", body="Birinchi oʻrin.", instruction="Qoʻngʻiroq."
            ),
            "ky": LocaleText(headline="Аталыш", body="Биринчи."),
            "tg": LocaleText(headline="Сарлавҳа", body="Якум."),
        },
    }
    return Advisory.model_validate({**base, **changes})


def show(item: Advisory, locale: str, translator: Translator) -> list[str]:
    return render(
        item,
        locale=locale,
        gettext=translator.bound(locale),
        format_date=translator.date_formatter(locale),
    )


def test_russian_rendering_has_headline_then_the_action_then_the_body(
    translator: Translator,
) -> None:
    [message] = show(advisory(), "ru", translator)
    assert message == (
        "🟠 <b>Заголовок</b>\n🇰🇬 Кыргызстан · 25 ноября 2026\u202fг.\n\n"
        "👉 <b>Звоните.</b>\n\nПервый.\n\nВторой."
    )  # the sources: behind the "Sources" button (`sources_list`)


def test_pending_locale_gets_russian_with_a_note_in_its_own_language(
    translator: Translator,
) -> None:
    item = advisory(text={"ru": advisory().text["ru"]}, pending=["uz", "ky", "tg"])
    [message] = show(item, "tg", translator)
    assert message.startswith("ℹ️ Ин паём ҳоло ба забони шумо тарҷума нашудааст.")
    assert "<b>Заголовок</b>" in message


def test_cyrillic_uzbek_is_derived_from_latin(translator: Translator) -> None:
    [message] = show(with_cyrillic(advisory()), "uz_Cyrl", translator)
    assert "<b>Сарлавҳа</b>" in message
    assert "Биринчи ўрин." in message
    assert "👉 <b>Қўнғироқ.</b>" in message


def test_long_text_is_split_between_paragraphs(translator: Translator) -> None:
    paragraphs = [f"{n}. " + "слово " * 300 for n in range(6)]  # ~1800 characters each
    texts = dict(advisory().text)
    texts["ru"] = LocaleText(headline="Длинное", body="\n\n".join(paragraphs))
    messages = show(advisory(text=texts), "ru", translator)
    assert len(messages) == 3
    assert all(visible_length(m) <= MAX_MESSAGE for m in messages)
    joined = "\n\n".join(messages)
    for paragraph in paragraphs:
        assert paragraph.strip() in joined  # no paragraph was cut


def test_test_status_is_marked(translator: Translator) -> None:
    [message] = show(advisory(status="test"), "ky", translator)
    assert "<b>СЫНОО — бул чыныгы билдирүү эмес.</b>" in message


def test_rumour_correction_states_the_false_claim(translator: Translator) -> None:
    texts = {
        loc: t.model_copy(update={"claim": "Паспорт дадут за неделю"})
        for loc, t in advisory().text.items()
    }
    [message] = show(advisory(kind="rumour_correction", text=texts), "ru", translator)
    assert "<i>Опровержение ложного слуха</i>" in message
    assert "❌ Ложное утверждение: Паспорт дадут за неделю" in message


def test_a_source_shows_when_it_was_published_and_says_when_its_page_was_not_found(
    translator: Translator,
) -> None:
    sources = [
        Source(
            url="https://www.azattyk.org/a/33682300.html",
            title="Азаттык",
            published=date(2026, 3, 2),
            checked=date(2026, 12, 2),
        ),
        Source(url="https://mfa.gov.kg/", title="МИД", checked=date(2026, 12, 2), found=False),
    ]

    def listed(locale: str) -> str:
        return sources_list(
            advisory(sources=sources),
            locale=locale,
            gettext=translator.bound(locale),
            format_date=translator.date_formatter(locale),
        )

    assert listed("ru") == (
        "📎 <b>Источники</b>\n"
        '1. <a href="https://www.azattyk.org/a/33682300.html">Азаттык</a>, '
        "опубликовано 2 марта 2026\u202fг., проверено 2 декабря 2026\u202fг.\n"
        '2. <a href="https://mfa.gov.kg/">МИД</a>, проверено 2 декабря 2026\u202fг. '
        "(Страница, где это сказано, не найдена: ссылка ведёт только на сайт издания или "
        "представительства.)"
    )
    assert "санаи нашр: 2 марти соли 2026" in listed("tg")


def test_a_summarised_advisory_shows_the_summary_and_keeps_the_text_for_more(
    translator: Translator,
) -> None:
    texts = {
        loc: text.model_copy(update={"summary": f"Кратко ({loc})."})
        for loc, text in advisory().text.items()
    }
    item = advisory(text=texts)
    [message] = show(item, "ru", translator)
    assert message.endswith("👉 <b>Звоните.</b>\n\nКратко (ru).")
    assert "Первый." not in message
    assert more_text(item, locale="ru") == ["<b>Заголовок</b>\n\nПервый.\n\nВторой."]
    assert more_text(advisory(), locale="ru") == []  # nothing more to show
