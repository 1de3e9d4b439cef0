"""Uzbek Latin → Cyrillic, pair by pair: what admins type and what the content holds.

alifbo does the transliteration; `bot/i18n/cyrillic.py` overrides where it is wrong (ts at a
suffix boundary, ъ after a prefix, loanwords whose ц the Latin spelling hides) and protects
what must not change (links, domains, e-mails, numbers, names).
"""

from __future__ import annotations

import pytest

from bot.advisories.model import pick
from bot.i18n.cyrillic import latin_to_cyrillic

PAIRS = [
    # ts before a suffix is т + с; a loanword's ts stays ц
    ("ketsa", "кетса"), ("aytsa", "айтса"), ("otsiz", "отсиз"), ("Muddatsiz", "Муддатсиз"),
    ("MUDDATSIZ", "МУДДАТСИЗ"), ("ketsangiz", "кетсангиз"), ("bitsa", "битса"),
    ("tutsa", "тутса"), ("yetsa", "етса"), ("aytsin", "айтсин"), ("ketsin", "кетсин"),
    ("haqsiz", "ҳақсиз"), ("militsiya", "милиция"), ("politsiya", "полиция"),
    ("Tsentr", "Центр"), ("tsirk", "цирк"), ("ofitser", "офицер"), ("tsement", "цемент"),
    ("koeffitsiyent", "коэффициент"), ("vaksinatsiya", "вакцинация"),
    # ъ after a prefix
    ("obyekt", "объект"), ("Obyektlar", "Объектлар"), ("subyekt", "субъект"),
    ("podyezd", "подъезд"), ("syezd", "съезд"), ("inyeksiya", "инъекция"),
    ("ob’yekt", "объект"), ("maʼlumot", "маълумот"), ("ma'lumot", "маълумот"),
    ("mas'ul", "масъул"), ("a'lo", "аъло"), ("Is'hoq", "Исҳоқ"),
    # loanwords written with s for ц
    ("aksiya", "акция"), ("Aksiyalar", "Акциялар"), ("stansiya", "станция"),
    ("stansiyada", "станцияда"), ("STANSIYA", "СТАНЦИЯ"), ("sex", "цех"), ("sexda", "цехда"),
    ("sirk", "цирк"), ("konsert", "концерт"), ("vaksina", "вакцина"), ("reaksiya", "реакция"),
    ("fraksiya", "фракция"), ("kvitansiya", "квитанция"), ("prinsip", "принцип"),
    ("sement", "цемент"), ("pensiya", "пенсия"), ("Rossiya", "Россия"), ("versiya", "версия"),
    # apostrophes as people type them: ASCII, typographic, backtick, modifier letters
    ("qo'ng'iroq", "қўнғироқ"), ("qo’ng’iroq", "қўнғироқ"), ("qo‘ng‘iroq", "қўнғироқ"),
    ("qo`ng`iroq", "қўнғироқ"), ("qoʻngʻiroq", "қўнғироқ"), ("o'zbek", "ўзбек"),
    ("Oʻzbekiston", "Ўзбекистон"), ("g'alaba", "ғалаба"), ("gʻoya", "ғоя"), ("yo'l", "йўл"),
    ("Qo‘ng‘iroq qiling", "Қўнғироқ қилинг"), ("o‘z", "ўз"),
    # everyday words
    ("elchixona", "элчихона"), ("eshik", "эшик"), ("ekran", "экран"), ("aeroport", "аэропорт"),
    ("poezd", "поэзд"), ("shoir", "шоир"), ("yarim", "ярим"), ("yelka", "елка"),
    ("Yevropa", "Европа"), ("ming", "минг"), ("singil", "сингил"), ("Shanxay", "Шанхай"),
    ("yoz", "ёз"), ("harbiy", "ҳарбий"), ("jinoyat", "жиноят"), ("shartnoma", "шартнома"),
    ("chaqiruv", "чақирув"), ("fuqarolik", "фуқаролик"), ("sentabr", "сентябр"),
    ("oktabr", "октябр"), ("yanvar", "январ"), ("prezident", "президент"),
    ("Tashqi ishlar vazirligi", "Ташқи ишлар вазирлиги"), ("konsul", "консул"),
    # what must not change: links, domains, e-mails, numbers, commands, names
    ("t.me/elchi_bot", "t.me/elchi_bot"), ("https://", "https://"),
    ("https://t.me/uzembassy", "https://t.me/uzembassy"),
    ("uzembassy.ru/news/1", "uzembassy.ru/news/1"), ("mfa.uz", "mfa.uz"),
    ("www.gov.uz/oz", "www.gov.uz/oz"), ("elchi@mail.ru", "elchi@mail.ru"),
    ("consul@mfa.uz", "consul@mfa.uz"), ("+7 495 123-45-67", "+7 495 123-45-67"),
    ("+998 71 233 28 28", "+998 71 233 28 28"), ("1-iyul", "1-июл"),
    ("2026-yil 25-noyabr", "2026-йил 25-ноябр"), ("12:30", "12:30"), ("100 000", "100 000"),
    ("154-modda", "154-модда"), ("/start", "/start"), ("Elchi", "Elchi"),
    ("Telegram", "Telegram"), ("Telegramda oling", "Telegramда олинг"),
    ("Imorat", "Иморат"), ("lentasi (Atom)", "лентаси (Atom)"),
    ("WhatsApp orqali", "WhatsApp орқали"), ("{count} ta", "{count} та"),
    ("<b>Diqqat</b>", "<b>Диққат</b>"), ("&amp;", "&amp;"),
    ('<a href="https://mfa.uz/ru">sayt</a>', '<a href="https://mfa.uz/ru">сайт</a>'),
    ("Elchi botiga yozing", "Elchi ботига ёзинг"),
    # publishers, apps and foreign names kept as written (#27), case endings in Cyrillic
    ("The Moscow Times", "The Moscow Times"), ("The Diplomat", "The Diplomat"),
    ("RFE/RL", "RFE/RL"), ("Asia-Plus", "Asia-Plus"), ("Eurasianet", "Eurasianet"),
    ("Azattyk", "Azattyk"), ("Tashkent Times", "Tashkent Times"),
    ("Atlas of Wars", "Atlas of Wars"), ("Eurasian Star", "Eurasian Star"),
    ("Kun.uzda", "Kun.uzда"), ("QR kod", "QR код"), ("Pogorelskiy", "Pogorelskiy"),
    ("Facebookdagi", "Facebookдаги"), ("Instagramda", "Instagramда"),
    ("YouTubeda", "YouTubeда"), ("@uzembassy", "@uzembassy"),
    # loanwords: ц, ь and the like the Latin spelling does not show; "sirka" is vinegar
    ("sirka", "сирка"), ("sirkda", "циркда"), ("sanksiya", "санкция"),
    ("instruksiya", "инструкция"), ("konvensiya", "конвенция"), ("funksiya", "функция"),
    ("batalyon", "батальон"), ("ulitsa", "улица"),
]  # fmt: skip


def test_the_table_is_large_enough_to_mean_something() -> None:
    assert len(PAIRS) >= 100


@pytest.mark.parametrize(("latin", "cyrillic"), PAIRS)
def test_pair(latin: str, cyrillic: str) -> None:
    assert latin_to_cyrillic(latin) == cyrillic


def test_pick_derives_cyrillic_the_same_way_names_included() -> None:
    texts = {"ru": "Звоните", "uz": "Elchi orqali qo'ng'iroq qiling, muddatsiz"}
    assert pick(texts, "uz_Cyrl") == "Elchi орқали қўнғироқ қилинг, муддатсиз"
