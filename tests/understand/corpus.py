"""The corpus: hand-written messages (`corpus/*.yaml`) and copies of the shipped advisories made
as people forward them (whole, in part, with channel lines around; doctored: one word changed, a
sentence added)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml

from bot.advisories.content import load_content
from bot.advisories.model import Advisory
from bot.advisories.render import render
from bot.i18n import Translator
from bot.understand import Reader, Signals
from bot.understand.references import references
from bot.world import LOCALE_CODES

FOLDER = Path(__file__).with_name("corpus")
SHIPPED = Path(__file__).parents[2] / "advisories"
FILES = {"crisis.yaml": "crisis", "offers.yaml": "military_offer",
         "fakes.yaml": "embassy_unverified", "other.yaml": "other"}  # fmt: skip
# What Elchi's own sentences of a doctored copy say instead (one word changed, one added).
ADDED = {
    "ru": "Те, кто уже подписал контракт, будут помилованы.",
    "uz": "Shartnoma imzolaganlar afv etiladi.",
    "uz_Cyrl": "Шартнома имзолаганлар афв этилади.",
    "ky": "Келишимге кол койгондор кечирилет.",
    "tg": "Онҳое, ки шартнома имзо кардаанд, бахшида мешаванд.",
}
CHANNEL = {
    "ru": ["Переслано от Новости мигрантов", "Подписывайтесь на наш канал: t.me/migrant_news"],
    "uz": ["Forwarded from Migrantlar uchun", "Kanalimizga obuna boʻling 👉 @migrant_uz"],
    "uz_Cyrl": ["Forwarded from Мигрантлар", "Каналимизга обуна бўлинг 👉 @migrant_uz"],
    "ky": ["Forwarded from Мигранттар", "Каналга жазылыңыз 👉 @migrant_kg"],
    "tg": ["Forwarded from Муҳоҷирон", "Ба канали мо обуна шавед 👉 @migrant_tj"],
}


@dataclass(frozen=True)
class Sample:
    text: str
    language: str
    intent: str
    advisory: str | None = None
    doctored: bool = False


def written() -> list[Sample]:
    """The hand-written messages, each with the language and intent it must get."""
    samples = []
    for name, intent in FILES.items():
        for language, text in yaml.safe_load((FOLDER / name).read_text(encoding="utf-8")):
            samples.append(Sample(text=text, language=language, intent=intent))
    return samples


def shipped(translator: Translator) -> list[Advisory]:
    content, problems = load_content(SHIPPED, translator=translator)
    assert problems == []
    return content.advisories


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def copies(translator: Translator) -> list[Sample]:
    """Forwarded copies of every advisory in every language: whole with channel lines, its
    first paragraphs only, and two doctored ones."""
    samples = []
    for advisory in shipped(translator):
        for locale in LOCALE_CODES:
            message = _plain(
                "\n".join(
                    render(
                        advisory,
                        locale=locale,
                        gettext=translator.bound(locale),
                        format_date=translator.date_formatter(locale),
                        format_month=translator.month_formatter(locale),
                    )
                )
            )
            language = locale if locale in advisory.text else "ru"
            head, *channel_tail = CHANNEL[locale]
            whole = "\n".join([head, message, *channel_tail])
            part = "\n\n".join(message.split("\n\n")[:3])
            samples += [
                Sample(whole, language, "embassy_genuine", advisory.id),
                Sample(part, language, "embassy_genuine", advisory.id),
            ]
            lines = message.splitlines()
            action = next((i for i, line in enumerate(lines) if line.startswith("👉")), None)
            if action is not None:  # the action's last two words swapped ("do not" → "not do")
                words = lines[action].split()
                lines[action] = " ".join([*words[:-2], words[-1], words[-2]])
                doctored = "\n".join(lines)
                assert doctored != message
                samples.append(Sample(doctored, language, "embassy_unverified", doctored=True))
            samples.append(
                Sample(
                    f"{message}\n\n{ADDED[locale]}", language, "embassy_unverified", doctored=True
                )
            )
    return samples


def reader(translator: Translator) -> Reader:
    """The reader the bot builds, over the shipped advisories."""
    now = datetime.now(UTC)
    return Reader(
        signals=Signals.load(),
        references=references(shipped(translator), translator=translator, now=now),
    )
