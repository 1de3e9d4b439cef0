"""The buttons of /new's questions, as (label, value) rows: choices, toggles, keep / to follow /
skip, menus. `bot.telegram.keyboards.questions` makes Telegram's buttons of them, each
carrying its question's code (`bot.admin.questions`)."""

from __future__ import annotations

from bot.admin.compose import EXPIRY_DAYS, SEVERITIES, voice_locales
from bot.storage.drafts import DraftAnswers
from bot.texts import Gettext, country, language_name
from bot.world import COUNTRY_CODES, LOCALE_NAMES, N_
from bot.world.regions import REGION_NAMES

Rows = list[list[tuple[str, str]]]  # (label, value) a button; a list a row
Candidates = list[tuple[str, str]]  # earlier advisories offered: (value, headline)
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


def _rows(buttons: list[tuple[str, str]], width: int) -> Rows:
    return [buttons[i : i + width] for i in range(0, len(buttons), width)]


def _mark(chosen: bool, label: str) -> str:
    return ("✅ " if chosen else "") + label


def countries(_: Gettext, key: str, data: DraftAnswers, offered: Candidates) -> Rows:
    return [[(country(_, c), c)] for c in COUNTRY_CODES]


def kinds(_: Gettext, key: str, data: DraftAnswers, offered: Candidates) -> Rows:
    rows = [
        [(_mark(data.kind == k, f"{e} {_(label)}"), k)] for k, (e, label) in KIND_LABELS.items()
    ]
    like = _("Like: {headline}")  # the fast path: start from an earlier advisory
    return rows + [[("📋 " + like.format(headline=label), f"like-{v}")] for v, label in offered]


def earlier(_: Gettext, key: str, data: DraftAnswers, offered: Candidates) -> Rows:
    return [[(label, value)] for value, label in offered]


def severities(_: Gettext, key: str, data: DraftAnswers, offered: Candidates) -> Rows:
    return [
        [(_mark(data.severity == s, f"{SEVERITY_LABELS[s][0]} {_(SEVERITY_LABELS[s][1])}"), s)]
        for s in SEVERITIES
    ]


def choices(_: Gettext, key: str, data: DraftAnswers, offered: Candidates) -> Rows:
    """Regions or languages, each toggled; everyone; done once one is chosen."""
    chosen = data.regions if key == "regions" else data.locales
    names = {r: _(n) for r, n in REGION_NAMES.items()} if key == "regions" else dict(LOCALE_NAMES)
    options = [(_mark(v in chosen, name), v) for v, name in names.items()]
    everyone = _("Everywhere in Russia") if key == "regions" else _("All languages")
    rows = [*_rows(options, 2), [("🌍 " + everyone, "all")]]
    if chosen:
        rows.append([("✔️ " + _("Done"), "done")])
    return rows


def text(_: Gettext, key: str, data: DraftAnswers, offered: Candidates) -> Rows:
    """Keep the current text, Russian meanwhile, or no instruction."""
    locale, name = key.split(".", 1)
    rows: Rows = []
    if name in data.text.get(locale, {}):
        rows.append([("✔️ " + _("Keep as it is"), "keep")])
    if name == "headline" and locale != "ru":
        rows.append([("⏳ " + _("To follow (Russian meanwhile)"), "pending")])
    if name == "instruction":
        rows.append([(_("No instruction"), "skip")])
    return rows


def sources(_: Gettext, key: str, data: DraftAnswers, offered: Candidates) -> Rows:
    return [
        [("➕ " + _("Add another source"), "add")],
        [("✔️ " + _("Done"), "done"), ("🗑 " + _("Remove all"), "clear")],
    ]


def expiry(_: Gettext, key: str, data: DraftAnswers, offered: Candidates) -> Rows:
    days = [(_("{days} days").format(days=d), d) for d in EXPIRY_DAYS]
    return [days, [(_("No end date"), "none")]]


def confirm_expiry(_: Gettext, key: str, data: DraftAnswers, offered: Candidates) -> Rows:
    return [[("✅ " + _("Yes, right"), "yes")], [("✏️ " + _("No, type again"), "no")]]


def voices(_: Gettext, key: str, data: DraftAnswers, offered: Candidates) -> Rows:
    """A language to record (✅ once recorded), then done."""
    options = [
        (_mark(loc in data.voice, "🎙 " + language_name(loc)), loc) for loc in voice_locales(data)
    ]
    return [*_rows(options, 2), [("✔️ " + _("Done"), "done")]]


def recording(_: Gettext, key: str, data: DraftAnswers, offered: Candidates) -> Rows:
    return [[("« " + _("Back"), "back")]]
