"""Keyboards of the admin workflow: questions, preview, edits, schedule, approval, the list."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.admin.compose import CORRECTABLE, EXPIRY_DAYS, SEVERITIES, text_locales, voice_locales
from bot.callbacks import data
from bot.config import COUNTRIES
from bot.i18n.locales import LOCALES
from bot.regions import REGIONS
from bot.texts import N_, Gettext, country, language_name

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
EDIT_LABELS = {
    "meta": N_("Kind and seriousness"),
    "audience": N_("Regions and languages"),
    "sources": N_("Sources"),
    "expires": N_("Until when"),
    "voice": N_("Voice notes"),
}


def _rows(buttons: list[Button], width: int) -> list[list[Button]]:
    return [buttons[i : i + width] for i in range(0, len(buttons), width)]


def _mark(chosen: bool, label: str) -> str:
    return ("✅ " if chosen else "") + label


def question(
    _: Gettext, key: str, answers: dict[str, Any], draft: str, candidates: list[tuple[str, str]]
) -> InlineKeyboardMarkup | None:
    """The buttons of one question (None: the answer is typed)."""

    def button(label: str, code: str, value: str) -> Button:
        return Button(label, callback_data=data("c", draft, code, value))

    if key == "country":
        rows = [[button(country(_, c), "co", c)] for c in COUNTRIES]
    elif key == "kind":
        rows = [
            [button(_mark(answers.get("kind") == k, f"{e} {_(label)}"), "ki", k)]
            for k, (e, label) in KIND_LABELS.items()
        ]
    elif key == "supersedes":
        rows = [[button(label, "su", value)] for value, label in candidates]
    elif key == "severity":
        rows = [
            [
                button(
                    _mark(answers.get("severity") == s, f"{e} {_(SEVERITY_LABELS[s][1])}"), "se", s
                )
            ]
            for s in SEVERITIES
            for e in [SEVERITY_LABELS[s][0]]
        ]
    elif key in ("regions", "locales"):
        rows = _choices(_, key, answers, button)
    elif "." in key and not key.startswith(("source.", "voice.")):
        rows = _text_buttons(_, key, answers, button)
    elif key == "sources":
        rows = [
            [button("➕ " + _("Add another source"), "so", "add")],
            [
                button("✔️ " + _("Done"), "so", "done"),
                button("🗑 " + _("Remove all"), "so", "clear"),
            ],
        ]
    elif key == "expires":
        days = [button(_("{days} days").format(days=d), "ex", d) for d in EXPIRY_DAYS]
        rows = [days, [button(_("No end date"), "ex", "none")]]
    elif key == "voice":
        recorded = answers.get("voice", {})
        choices = [
            button(_mark(loc in recorded, "🎙 " + language_name(loc)), "vo", loc)
            for loc in voice_locales(answers)
        ]
        rows = [*_rows(choices, 2), [button("✔️ " + _("Done"), "vo", "done")]]
    elif key.startswith("voice."):
        rows = [[button("« " + _("Back"), "vr", "back")]]
    else:  # typed answers: a link, a title
        return None
    return InlineKeyboardMarkup(rows) if rows else None


def _choices(_: Gettext, key: str, answers: dict[str, Any], button: Any) -> list[list[Button]]:
    chosen = answers.get(key, [])
    code = "re" if key == "regions" else "lo"
    names = {r: _(n) for r, n in REGIONS.items()} if key == "regions" else dict(LOCALES)
    options = [button(_mark(v in chosen, name), code, v) for v, name in names.items()]
    everyone = _("Everywhere in Russia") if key == "regions" else _("All languages")
    rows = [*_rows(options, 2), [button("🌍 " + everyone, code, "all")]]
    if chosen:
        rows.append([button("✔️ " + _("Done"), code, "done")])
    return rows


def _text_buttons(
    _: Gettext, key: str, answers: dict[str, Any], button: Any
) -> list[list[Button]]:
    locale, name = key.split(".", 1)
    rows = []
    if name in answers.get("text", {}).get(locale, {}):
        rows.append([button("✔️ " + _("Keep as it is"), "tx", "keep")])
    if name == "headline" and locale != "ru":
        rows.append([button("⏳ " + _("To follow (Russian meanwhile)"), "tx", "pending")])
    if name == "instruction":
        rows.append([button(_("No instruction"), "tx", "skip")])
    return rows


def views(draft: str, locales: list[str]) -> list[list[Button]]:
    """One button a language: show the advisory exactly as its readers will see it."""
    return _rows(
        [Button("👁 " + LOCALES[loc], callback_data=data("v", draft, loc)) for loc in locales], 3
    )


def preview(
    _: Gettext, draft: str, locales: list[str], *, correcting: bool
) -> InlineKeyboardMarkup:
    """Under the preview: what to do with the draft."""

    def act(label: str, action: str) -> Button:
        return Button(label, callback_data=data("p", draft, action))

    if correcting:
        rows = [
            [act("✅ " + _("Correct the delivered messages"), "fix")],
            [act("✅ " + _("Correct them and tell readers"), "fixn")],
            [act("✏️ " + _("Edit"), "edit"), act("🗑 " + _("Discard the changes"), "drop")],
        ]
    else:
        rows = [
            [act("🚀 " + _("Send now"), "send"), act("🕘 " + _("Schedule"), "sched")],
            [act("🧪 " + _("Send as test"), "test"), act("✏️ " + _("Edit"), "edit")],
            [act("🗑 " + _("Discard"), "drop")],
        ]
    return InlineKeyboardMarkup(rows + views(draft, locales))


def edits(
    _: Gettext, draft: str, answers: dict[str, Any], *, correcting: bool
) -> InlineKeyboardMarkup:
    """What to change: a group of questions is asked again."""
    groups: list[tuple[str, str]] = [(g, _(EDIT_LABELS[g])) for g in ("meta", "audience")]
    groups += [(f"t-{loc}", "✍️ " + language_name(loc)) for loc in text_locales(answers)]
    groups += [(g, _(EDIT_LABELS[g])) for g in ("sources", "expires", "voice")]
    if correcting:
        groups = [(g, label) for g, label in groups if g in CORRECTABLE]
    buttons = [Button(label, callback_data=data("e", draft, g)) for g, label in groups]
    back = Button("« " + _("Back to the preview"), callback_data=data("e", draft, "back"))
    return InlineKeyboardMarkup([*_rows(buttons, 2), [back]])


def schedule(_: Gettext, draft: str) -> InlineKeyboardMarkup:
    """When to send."""

    def at(label: str, when: str) -> Button:
        return Button(label, callback_data=data("t", draft, when))

    return InlineKeyboardMarkup(
        [
            [at(_("In 1 hour"), "1h"), at(_("In 3 hours"), "3h")],
            [at(_("Tomorrow at 09:00 Moscow time"), "9am")],
            [at("⌨️ " + _("Type a date and time"), "type")],
        ]
    )


def approval(_: Gettext, draft: str, locales: list[str]) -> InlineKeyboardMarkup:
    """For the second admin."""
    rows = [
        [
            Button("✅ " + _("Approve"), callback_data=data("ap", draft, "yes")),
            Button("❌ " + _("Reject"), callback_data=data("ap", draft, "no")),
        ]
    ]
    return InlineKeyboardMarkup(rows + views(draft, locales))


def listing(items: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    """/advisories: one button an advisory or draft, (short id, label)."""
    return InlineKeyboardMarkup(
        [[Button(label, callback_data=data("ad", item, "open"))] for item, label in items]
    )


def manage(_: Gettext, item: str, actions: list[str]) -> InlineKeyboardMarkup:
    """The buttons under one advisory's report."""
    labels = {
        "cont": "✏️ " + _("Continue"),
        "drop": "🗑 " + _("Discard"),
        "send": "🚀 " + _("Send now"),
        "fix": "✏️ " + _("Correct"),
        "cancel": "⛔ " + _("Cancel it"),
        "resume": "▶️ " + _("Resume sending"),
    }
    buttons = [Button(labels[a], callback_data=data("ad", item, a)) for a in actions]
    back = Button("« " + _("All advisories"), callback_data=data("adl", "all"))
    return InlineKeyboardMarkup([*_rows(buttons, 2), [back]])


def cancel_confirm(_: Gettext, item: str) -> InlineKeyboardMarkup:
    """Before cancelling: sure?"""
    return InlineKeyboardMarkup(
        [
            [Button("⛔ " + _("Yes, cancel it"), callback_data=data("ad", item, "cancelyes"))],
            [Button("« " + _("No, go back"), callback_data=data("ad", item, "open"))],
        ]
    )


def as_dict(markup: InlineKeyboardMarkup) -> dict[str, Any]:
    """The Bot API form, for the CLI's own client."""
    return markup.to_dict()
