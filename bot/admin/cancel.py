"""Cancelling an advisory: stop what is pending, withdraw it, tell those who received it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.advisories.model import Advisory, LocaleText
from bot.i18n import Translator
from bot.storage.stores import Stores
from bot.world import N_, WRITTEN_LOCALES

HEADLINE = N_("Cancelled: {headline}")
NOTICE_SHOWN_FOR = timedelta(days=30)  # in /latest; the notice itself is sent once
BODY = N_("The embassy has withdrawn this advisory of {date}. Do not act on it any more.")


class CancelError(Exception):
    """The advisory cannot be cancelled; the message says why."""


@dataclass(frozen=True)
class Cancelled:
    """What a cancellation did: the advisory withdrawn, its notice (None when nobody had
    received it) and how many the notice goes to."""

    original: Advisory
    notice: Advisory | None
    audience: int


def withdrawn(advisory: Advisory, *, now: datetime) -> Advisory:
    """The advisory no longer in force from `now`, and never to be published any more.

    A scheduled one is not in force yet: it ends before it began (and `expires` must come
    after `effective`, or the stored document would no longer validate)."""
    effective = min(advisory.effective, now - timedelta(seconds=1))
    return Advisory.model_validate(
        {
            **advisory.model_dump(),
            "effective": effective,
            "expires": now,
            "publish_at": None,
        }
    )


def cancel_id(advisory_id: str) -> str:
    """The id of the cancellation notice (ids are at most 48 characters)."""
    return f"{advisory_id[:41]}-cancel"


async def cancel(*, stores: Stores, translator: Translator, advisory_id: str) -> Cancelled:
    """Withdraw the advisory and schedule its notice now (with its audience so far).

    Nobody received it yet (scheduled, or only ever shown in /latest): no notice.
    """
    advisories, outbox, clock = stores.advisories, stores.outbox, stores.clock
    original = await advisories.get(advisory_id=advisory_id)
    if original is None:
        raise CancelError(f"no advisory with id {advisory_id!r}")
    if original.kind == "cancel":
        raise CancelError(f"{advisory_id} is itself a cancellation")
    now = clock()
    if await advisories.get(advisory_id=cancel_id(advisory_id)) is not None or (
        original.expires is not None and original.expires <= now
    ):
        raise CancelError(f"{advisory_id} is already cancelled or no longer in force")
    await outbox.cancel(advisory_id=advisory_id)
    await stores.corrections.stop(advisory_id=advisory_id, state="cancelled")
    await advisories.save(advisory=withdrawn(original, now=now), origin="cancel")
    # Readers who got it, or a channel that shows it: they must learn it is withdrawn.
    if not await outbox.received_by_anyone(advisory_id) and not await stores.channels.posted(
        advisory_id=advisory_id
    ):
        return Cancelled(original, None, 0)
    texts = {}
    for locale in WRITTEN_LOCALES:
        _ = translator.bound(locale)
        headline = original.read_in(locale).headline
        texts[locale] = LocaleText(
            headline=_(HEADLINE).format(headline=headline)[:160],
            # A date that ends with a dot ("2 декабря 2026 г.") ends the sentence itself.
            body=_(BODY)
            .format(date=translator.date(original.effective.date(), locale=locale))
            .replace("..", "."),
        )
    notice = Advisory(
        id=cancel_id(advisory_id),
        country=original.country,
        status=original.status,
        kind="cancel",
        severity=original.severity,
        urgency="immediate",
        certainty="observed",
        category=original.category,
        effective=now,
        expires=now + NOTICE_SHOWN_FOR,
        # Published by the delivery worker's next pass, after it has stopped sending the
        # original: everyone who got the original by then gets the notice.
        publish_at=now,
        supersedes=advisory_id,
        sources=original.sources,
        text=texts,
    )
    await advisories.save(advisory=notice, origin="cancel")
    return Cancelled(original, notice, await outbox.audience_size(notice))
