"""The buttons of /new's questions: choices, toggles, keep / to follow / skip, menus."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.admin.compose import EXPIRY_DAYS, SEVERITIES, button_code, voice_locales
from bot.storage.drafts import DraftAnswers
from bot.telegram.callbacks import data
from bot.texts import Gettext, country, language_name
from bot.world import COUNTRY_CODES, LOCALE_NAMES, N_
from bot.world.regions import REGION_NAMES

Button = InlineKeyboardButton
KIND_LABELS = {
    "alert": ("⚠️", N_("New warning")),
    "update": ("🔄", N_("Update of an earlier advisory")),
    "rumour": ("❌", N_("Correction of a false rumour")),
}
SEVERITY_LABELS = {
    "extreme": ("🔴", N_("Extreme: danger to life or freedom")),
    "severe": ("🟠", N_("Severe")),
    "moderate": ("🟡", N_("Moderate")),
    "minor": ("🔵", N_("Minor")),
}


def _rows(buttons: list[Button], width: int) -> list[list[Button]]:
    return [buttons[i : i + width] for i in range(0, len(buttons), width)]


def _mark(chosen: bool, label: str) -> str:
    return ("✅ " if chosen else "") + label


def question(
    _: Gettext, key: str, answers: DraftAnswers, draft: str, candidates: list[tuple[str, str]]
) -> InlineKeyboardMarkup | None:
    """The buttons of one question (None: the answer is typed)."""

    def button(label: str, value: str) -> Button:  # every button of it carries its code
        return Button(label, callback_data=data("c", draft, button_code(key), value))

    if key == "country":
        rows = [[button(country(_, c), c)] for c in COUNTRY_CODES]
    elif key == "kind":
        rows = [
            [button(_mark(answers.kind == k, f"{e} {_(label)}"), k)]
            for k, (e, label) in KIND_LABELS.items()
        ]
        rows += [
            [button("📋 " + _("Like: {headline}").format(headline=label), f"like-{value}")]
            for value, label in candidates
        ]
    elif key == "supersedes":
        rows = [[button(label, value)] for value, label in candidates]
    elif key == "severity":
        rows = [
            [button(_mark(answers.severity == s, f"{e} {_(SEVERITY_LABELS[s][1])}"), s)]
            for s in SEVERITIES
            for e in [SEVERITY_LABELS[s][0]]
        ]
    elif key in ("regions", "locales"):
        rows = _choices(_, key, answers, button)
    elif key == "expires.confirm":
        rows = [
            [button("✅ " + _("Yes, right"), "yes")],
            [button("✏️ " + _("No, type again"), "no")],
        ]
    elif "." in key and not key.startswith(("source.", "voice.")):
        rows = _text_buttons(_, key, answers, button)
    elif key == "sources":
        rows = [
            [button("➕ " + _("Add another source"), "add")],
            [
                button("✔️ " + _("Done"), "done"),
                button("🗑 " + _("Remove all"), "clear"),
            ],
        ]
    elif key == "expires":
        days = [button(_("{days} days").format(days=d), d) for d in EXPIRY_DAYS]
        rows = [days, [button(_("No end date"), "none")]]
    elif key == "voice":
        recorded = answers.voice
        choices = [
            button(_mark(loc in recorded, "🎙 " + language_name(loc)), loc)
            for loc in voice_locales(answers)
        ]
        rows = [*_rows(choices, 2), [button("✔️ " + _("Done"), "done")]]
    elif key.startswith("voice."):
        rows = [[button("« " + _("Back"), "back")]]
    else:  # typed answers: a link, a title
        return None
    return InlineKeyboardMarkup(rows) if rows else None


def _choices(_: Gettext, key: str, answers: DraftAnswers, button: Any) -> list[list[Button]]:
    chosen = answers.regions if key == "regions" else answers.locales
    names = {r: _(n) for r, n in REGION_NAMES.items()} if key == "regions" else dict(LOCALE_NAMES)
    options = [button(_mark(v in chosen, name), v) for v, name in names.items()]
    everyone = _("Everywhere in Russia") if key == "regions" else _("All languages")
    rows = [*_rows(options, 2), [button("🌍 " + everyone, "all")]]
    if chosen:
        rows.append([button("✔️ " + _("Done"), "done")])
    return rows


def _text_buttons(_: Gettext, key: str, answers: DraftAnswers, button: Any) -> list[list[Button]]:
    locale, name = key.split(".", 1)
    rows = []
    if name in answers.text.get(locale, {}):
        rows.append([button("✔️ " + _("Keep as it is"), "keep")])
    if name == "headline" and locale != "ru":
        rows.append([button("⏳ " + _("To follow (Russian meanwhile)"), "pending")])
    if name == "instruction":
        rows.append([button(_("No instruction"), "skip")])
    return rows
