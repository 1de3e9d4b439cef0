"""Composing an advisory in Telegram: which question comes next (`bot.admin.answers` takes
the answers).

A draft's answers (`DraftAnswers`) are stored as JSON, so a restart loses nothing. The next
question is always the first one not yet answered, which makes editing simple: an edit puts a
group of questions in front (`edit`), and each of them offers to keep its current answer.
Nothing here knows Telegram; `bot.telegram.handlers.compose` asks the questions.
"""

from __future__ import annotations

from bot.storage.drafts import DONE_BY_BUTTON, DraftAnswers
from bot.world import ASKED_LOCALES, REQUIRED_LOCALE, derived_locales, written_locale

KINDS = ("alert", "update", "rumour")  # rumour: a correction of a false rumour
KIND_MODEL = {"alert": "alert", "update": "update", "rumour": "rumour_correction"}
SEVERITIES = ("extreme", "severe", "moderate", "minor")
EXPIRY_DAYS = ("7", "30", "90")
# Edit groups offered after the preview, and the questions each one asks again.
TEXT_GROUPS = tuple(f"t-{locale}" for locale in ASKED_LOCALES)  # one per written language
EDIT_GROUPS = ("meta", "audience", *TEXT_GROUPS, "sources", "expires", "voice")
CORRECTABLE = (*TEXT_GROUPS, "sources", "expires")  # after delivery


def text_locales(data: DraftAnswers) -> list[str]:
    """The written locales the audience needs (Cyrillic Uzbek comes from the Latin text)."""
    if not data.locales:
        return list(ASKED_LOCALES)  # the required language first
    wanted = {written_locale(loc) for loc in data.locales} | {REQUIRED_LOCALE}
    return [loc for loc in ASKED_LOCALES if loc in wanted]


def voice_locales(data: DraftAnswers) -> list[str]:
    """Languages that may have a voice note: those with their own text."""
    return [loc for loc in text_locales(data) if loc not in data.pending]


def text_keys(data: DraftAnswers, locale: str) -> list[str]:
    fields = ["headline", "claim", "body", "summary", "instruction"]
    if data.kind != "rumour":
        fields.remove("claim")
    if "summary" not in data.text.get(locale, {}):  # from a file: asked again when correcting
        fields.remove("summary")
    return [f"{locale}.{name}" for name in fields]


def order(data: DraftAnswers) -> list[str]:
    """Every question of this draft, in the order they are asked."""
    if data.advisory is not None:  # a whole advisory from a file: nothing to ask
        return []
    keys = ["country", "kind"]
    if data.kind == "update":
        keys.append("supersedes")
    keys += ["severity", "regions", "locales"]
    for locale in text_locales(data):
        keys += text_keys(data, locale)
    return [*keys, "sources", "expires", "voice"]


def answered(data: DraftAnswers, key: str) -> bool:
    """Whether `key` has an answer (a skipped optional question counts as answered)."""
    if "." in key:
        locale, name = key.split(".", 1)
        return locale in data.pending or name in data.text.get(locale, {})
    if key in DONE_BY_BUTTON:
        return key in data.done
    single = {
        "country": data.country,
        "kind": data.kind,
        "supersedes": data.supersedes,
        "severity": data.severity,
        "expires": data.expires,
    }
    return single.get(key) is not None


def next_question(data: DraftAnswers) -> str | None:
    """The question to ask now; None when the draft is ready for its preview."""
    queue = [k for k in data.edit if k in order(data)]
    if queue:
        return _sub(data, queue[0])
    for key in order(data):
        if not answered(data, key):
            return _sub(data, key)
    return None


def _sub(data: DraftAnswers, key: str) -> str:
    """Menus with steps: a source is a link, then its name; a voice note is recorded."""
    if key == "sources":
        if data.source_url:
            return "source.title"
        if not data.sources or data.adding_source:
            return "source.url"
    if key == "expires" and data.understood:
        return "expires.confirm"
    if key == "voice" and data.recording:
        return f"voice.{data.recording}"
    return key


def start_edit(data: DraftAnswers, group: str) -> None:
    """Ask the questions of `group` again (each offers to keep its answer)."""
    if group == "meta":
        keys = ["kind", "supersedes", "severity"]
    elif group == "audience":
        keys = ["regions", "locales"]
        data.mark_done("regions", False)
        data.mark_done("locales", False)
    elif group.startswith("t-"):
        locale = group[2:]
        keys = text_keys(data, locale)
        data.pending = [loc for loc in data.pending if loc != locale]
        data.text.setdefault(locale, {})
    elif group in ("sources", "voice"):
        keys = [group]
        data.mark_done(group, False)
    else:
        keys = [group]
    data.edit = keys


def _fields(texts: dict[str, object]) -> dict[str, object]:
    return {k: texts.get(k) for k in ("headline", "claim", "body", "instruction") if texts.get(k)}


def changed_languages(data: DraftAnswers) -> list[str]:
    """Correcting: the written languages whose text differs from the advisory's."""
    before = (data.base or {}).get("text") or {}
    return [
        loc
        for loc in ASKED_LOCALES
        if _fields(before.get(loc) or {}) != _fields(dict(data.text.get(loc) or {}))
    ]


def unconfirmed_languages(data: DraftAnswers) -> list[str]:
    """Correcting one language's text: the others, which may now say something else, not yet
    confirmed as still right (nor marked “to follow”, nor edited)."""
    changed = changed_languages(data)
    if data.base is None or not changed:
        return []
    before = data.base.get("text") or {}
    return [
        loc
        for loc in ASKED_LOCALES
        if loc in before
        and loc not in changed
        and loc not in data.pending
        and loc not in data.still_right
    ]


def settle_language(data: DraftAnswers, locale: str, choice: str) -> None:
    """An unchanged language of a correction: still right, to follow (Russian shown), or
    edit (its questions asked again)."""
    if choice == "ok":
        data.still_right.append(locale)
    elif choice == "wait":
        data.pending.append(locale)
        data.text.pop(locale, None)
        data.voice.pop(locale, None)
        for derived in derived_locales(locale):  # converted again from the new text
            data.text.pop(derived, None)
    else:
        start_edit(data, f"t-{locale}")


def draft_headline(data: DraftAnswers, locale: str) -> str:
    """The draft's headline in `locale` (else Russian), whether composed or from a file."""
    texts = data.text if data.advisory is None else (data.advisory.get("text") or {})
    chosen = texts.get(locale) or texts.get("ru") or {}
    return str(chosen.get("headline") or "")
