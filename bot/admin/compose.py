"""Composing an advisory in Telegram: which question comes next (`bot.admin.answers` takes
the answers).

A draft's answers live in a plain dict (stored as JSON), so a restart loses nothing. The next
question is always the first one not yet answered, which makes editing simple: an edit puts a
group of questions in front (`edit`), and each of them offers to keep its current answer.
Nothing here knows Telegram; `bot.telegram.handlers.compose` asks the questions.
"""

from __future__ import annotations

from typing import Any

KINDS = ("alert", "update", "rumour")  # rumour: a correction of a false rumour
KIND_MODEL = {"alert": "alert", "update": "update", "rumour": "rumour_correction"}
SEVERITIES = ("extreme", "severe", "moderate", "minor")
EXPIRY_DAYS = ("7", "30", "90")
# Edit groups offered after the preview, and the questions each one asks again.
EDIT_GROUPS = ("meta", "audience", "t-ru", "t-uz", "t-ky", "t-tg", "sources", "expires", "voice")
CORRECTABLE = ("t-ru", "t-uz", "t-ky", "t-tg", "sources", "expires")  # after delivery


def text_locales(data: dict[str, Any]) -> list[str]:
    """The written locales the audience needs (Cyrillic Uzbek comes from the Latin text)."""
    chosen = data.get("locales") or []
    if not chosen:
        return ["ru", "uz", "ky", "tg"]  # Russian first: it is required
    wanted = {"uz" if loc == "uz_Cyrl" else loc for loc in chosen} | {"ru"}
    return [loc for loc in ("ru", "uz", "ky", "tg") if loc in wanted]


def voice_locales(data: dict[str, Any]) -> list[str]:
    """Languages that may have a voice note: those with their own text."""
    return [loc for loc in text_locales(data) if loc not in data.get("pending", [])]


def text_keys(data: dict[str, Any], locale: str) -> list[str]:
    fields = ["headline", "claim", "body", "instruction"]
    if data.get("kind") != "rumour":
        fields.remove("claim")
    return [f"{locale}.{name}" for name in fields]


def order(data: dict[str, Any]) -> list[str]:
    """Every question of this draft, in the order they are asked."""
    if data.get("advisory") is not None:  # a whole advisory from a file: nothing to ask
        return []
    keys = ["country", "kind"]
    if data.get("kind") == "update":
        keys.append("supersedes")
    keys += ["severity", "regions", "locales"]
    for locale in text_locales(data):
        keys += text_keys(data, locale)
    return [*keys, "sources", "expires", "voice"]


def answered(data: dict[str, Any], key: str) -> bool:
    """Whether `key` has an answer (a skipped optional question counts as answered)."""
    if "." in key:
        locale, name = key.split(".", 1)
        if locale in data.get("pending", []):
            return True
        return name in data.get("text", {}).get(locale, {})
    flags = {"regions": "regions_done", "locales": "locales_done", "sources": "sources_done"}
    if key in flags:
        return bool(data.get(flags[key]))
    if key == "voice":
        return bool(data.get("voice_done"))
    return key in data


def next_question(data: dict[str, Any]) -> str | None:
    """The question to ask now; None when the draft is ready for its preview."""
    queue = [k for k in data.get("edit", []) if k in order(data)]
    if queue:
        return _sub(data, queue[0])
    for key in order(data):
        if not answered(data, key):
            return _sub(data, key)
    return None


def _sub(data: dict[str, Any], key: str) -> str:
    """Menus with steps: a source is a link, then its name; a voice note is recorded."""
    if key == "sources":
        if data.get("source_url"):
            return "source.title"
        if not data.get("sources") or data.get("adding_source"):
            return "source.url"
    if key == "voice" and data.get("recording"):
        return f"voice.{data['recording']}"
    return key


def start_edit(data: dict[str, Any], group: str) -> None:
    """Ask the questions of `group` again (each offers to keep its answer)."""
    if group == "meta":
        keys = ["kind", "supersedes", "severity"]
    elif group == "audience":
        keys = ["regions", "locales"]
        data["regions_done"] = data["locales_done"] = False
    elif group.startswith("t-"):
        keys = text_keys(data, group[2:])
        data["pending"] = [loc for loc in data.get("pending", []) if loc != group[2:]]
        data.setdefault("text", {}).setdefault(group[2:], {})
    elif group == "sources":
        keys, data["sources_done"] = ["sources"], False
    elif group == "voice":
        keys, data["voice_done"] = ["voice"], False
    else:
        keys = [group]
    data["edit"] = keys
