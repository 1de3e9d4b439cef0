"""From a draft's answers to an Advisory, validated exactly like an advisory file."""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta
from typing import Any

from bot.admin.compose import EXPIRY_DAYS, KIND_MODEL, KINDS
from bot.advisories.content import check_document
from bot.advisories.model import Advisory
from bot.i18n import Translator
from bot.storage.drafts import DONE_BY_BUTTON, DraftAnswers
from bot.world import MOSCOW, WRITTEN_LOCALES, with_derived


def new_id(*, country: str, now: datetime, taken: frozenset[str]) -> str:
    """`uz-2026-12-01-3f9a`: the country, the day (Moscow) and a short random part."""
    day = now.astimezone(MOSCOW).date().isoformat()
    while True:
        candidate = f"{country.lower()}-{day}-{secrets.token_hex(2)}"
        if candidate not in taken:
            return candidate


def from_advisory(advisory: Advisory) -> DraftAnswers:
    """The answers of a stored advisory, to correct it: every question already answered."""
    kind = next((k for k, v in KIND_MODEL.items() if v == advisory.kind), "alert")
    expires = "none" if advisory.expires is None else advisory.expires.astimezone(MOSCOW)
    texts: dict[str, dict[str, str | None]] = {
        str(loc): {
            "headline": t.headline,
            "body": t.body,
            "instruction": t.instruction,
            **({"claim": t.claim} if t.claim else {}),
            **({"summary": t.summary} if t.summary else {}),
        }
        for loc, t in advisory.text.items()
    }
    return DraftAnswers(
        base=advisory.model_dump(mode="json"),
        country=advisory.country,
        kind=kind if kind in KINDS else "alert",
        supersedes=advisory.supersedes,
        severity=advisory.severity,
        regions=list(advisory.targeting.regions),
        locales=[str(loc) for loc in advisory.targeting.locales],
        text=texts,
        pending=[str(loc) for loc in advisory.pending],
        sources=[  # as stored: a title in each language stays one
            {k: v for k, v in s.model_dump(mode="json").items() if v is not None}
            for s in advisory.sources
        ],
        expires=expires if isinstance(expires, str) else expires.date().isoformat(),
        voice={str(k): v for k, v in advisory.voice.items()},
        done=sorted(DONE_BY_BUTTON),
    )


def document(
    data: DraftAnswers, *, advisory_id: str, effective: datetime, today: date
) -> dict[str, Any]:
    """The advisory as a file would hold it."""
    if data.advisory is not None:  # pushed from a file: taken as it is
        return dict(data.advisory)
    base = dict(data.base or {})
    pending = set(data.pending)
    texts = {
        loc: {name: value for name, value in fields.items() if value is not None}
        for loc, fields in data.text.items()
        if loc not in pending and fields
    }
    written = [loc for loc in WRITTEN_LOCALES if loc in texts]
    start = datetime.fromisoformat(base["effective"]) if base.get("effective") else effective
    return {
        **base,
        "id": advisory_id,
        "country": data.country,
        "status": base.get("status", "actual"),
        "kind": KIND_MODEL.get(str(data.kind), data.kind),
        "severity": data.severity,
        "effective": start.isoformat(),
        "supersedes": data.supersedes,
        "targeting": {"regions": data.regions, "locales": _locales(data.locales)},
        "sources": [{"checked": today.isoformat(), **s} for s in data.sources],
        "text": texts,
        "pending": [loc for loc in WRITTEN_LOCALES if loc not in written],
        "voice": {loc: v for loc, v in data.voice.items() if loc not in pending},
        "expires": _expires(data.expires, start),
    }


def _locales(chosen: list[str]) -> list[str]:
    """Cyrillic Uzbek readers always get what Latin Uzbek readers get (drafts stored before
    the two became one choice may name only one)."""
    return with_derived(chosen)


def expiry(data: DraftAnswers, start: datetime) -> datetime | None:
    """When the draft stops applying if it goes out at `start` (None: no end)."""
    if data.advisory is not None:
        value = data.advisory.get("expires")
    else:
        value = _expires(data.expires, start)
    if not isinstance(value, str):
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=MOSCOW)


def _expires(answer: object, start: datetime) -> str | None:
    if answer in EXPIRY_DAYS:
        return (start + timedelta(days=int(str(answer)))).isoformat()
    if isinstance(answer, str) and answer != "none":
        return answer  # a moment; a bare date is midnight Moscow time, as in files
    return None


def build(
    data: DraftAnswers,
    *,
    advisory_id: str,
    effective: datetime,
    translator: Translator,
    known_ids: frozenset[str],
    checked: datetime | None = None,
) -> tuple[Advisory | None, list[str]]:
    """The advisory, or the problems the file validator finds (`field: what is wrong`).
    `checked`: when the admin confirmed the sources (now); never after the advisory goes out."""
    today = min(checked or effective, effective).astimezone(MOSCOW).date()
    raw = document(data, advisory_id=advisory_id, effective=effective, today=today)
    advisory, problems = check_document(
        raw, origin=f"draft:{advisory_id}", translator=translator, known_ids=known_ids
    )
    return advisory, [f"{p.field}: {p.message}" for p in problems]
