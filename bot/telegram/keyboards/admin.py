"""Keyboards of the admin workflow: preview, edits, schedule, approval, the list.

The questions of /new have theirs in `bot.telegram.keyboards.questions`."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.admin.compose import CORRECTABLE, text_locales
from bot.admin.report_actions import BY_CODE
from bot.storage.drafts import DraftAnswers
from bot.telegram.callbacks import data, short
from bot.texts import Gettext, language_name
from bot.world import LOCALE_NAMES, N_

Button = InlineKeyboardButton
EDIT_LABELS = {
    "meta": N_("Kind and seriousness"),
    "audience": N_("Regions and languages"),
    "sources": N_("Sources"),
    "expires": N_("Until when"),
    "voice": N_("Voice notes"),
}


def _rows(buttons: list[Button], width: int) -> list[list[Button]]:
    return [buttons[i : i + width] for i in range(0, len(buttons), width)]


def views(draft: str, locales: list[str]) -> list[list[Button]]:
    """One button a language: show the advisory exactly as its readers will see it."""
    return _rows(
        [Button("👁 " + LOCALE_NAMES[loc], callback_data=data("v", draft, loc)) for loc in locales],
        3,
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
    _: Gettext, draft: str, answers: DraftAnswers, *, correcting: bool
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


def unchanged(_: Gettext, draft: str, locale: str) -> InlineKeyboardMarkup:
    """A correction's unchanged language: still right, to follow, or edit it."""

    def choose(label: str, choice: str) -> Button:
        return Button(label, callback_data=data("cl", draft, locale, choice))

    return InlineKeyboardMarkup(
        [
            [choose("✅ " + _("Still right"), "ok")],
            [choose("⏳ " + _("Mark as to follow"), "wait")],
            [choose("✏️ " + _("Edit it"), "edit")],
        ]
    )


def schedule_confirm(_: Gettext, draft: str) -> InlineKeyboardMarkup:
    """The typed time, as read: right, or type another."""
    return InlineKeyboardMarkup(
        [
            [Button("✅ " + _("Yes, at that time"), callback_data=data("t", draft, "ok"))],
            [Button("⌨️ " + _("Type another time"), callback_data=data("t", draft, "type"))],
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


def listing(items: list[tuple[str, str, str]]) -> InlineKeyboardMarkup:
    """/advisories: one button an item, (short id, "draft" or "open", label) — a correction's
    draft has its advisory's id, so the action tells them apart."""
    return InlineKeyboardMarkup(
        [[Button(label, callback_data=data("ad", item, kind))] for item, kind, label in items]
    )


def manage(_: Gettext, item: str, actions: list[str]) -> InlineKeyboardMarkup:
    """The buttons under one advisory's report."""
    buttons = [
        Button(f"{BY_CODE[a].emoji} {_(BY_CODE[a].label)}", callback_data=data("ad", item, a))
        for a in actions
    ]
    back = Button("« " + _("All advisories"), callback_data=data("adl", "all"))
    return InlineKeyboardMarkup([*_rows(buttons, 2), [back]])


def confirm(_: Gettext, item: str, action: str) -> InlineKeyboardMarkup:
    """Before an action that asks first (bot.admin.report_actions): sure?"""
    asked = BY_CODE[action]
    assert asked.confirm is not None
    yes = f"{asked.emoji} {_(asked.yes)}"
    return InlineKeyboardMarkup(
        [
            [Button(yes, callback_data=data("ad", item, asked.confirm))],
            [Button("« " + _("No, go back"), callback_data=data("ad", item, "open"))],
        ]
    )


def approval_json(_: Gettext, draft_id: str, locales: list[str]) -> dict[str, Any]:
    """Approve / Reject (and a view per language) as Bot API JSON, for domain notices."""
    return approval(_, short(draft_id), locales).to_dict()
