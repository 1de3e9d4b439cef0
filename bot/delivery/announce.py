"""What the delivery worker tells the admins of a country: a broadcast started (and whether
it is late), how it ended, and that a correction went through. Counts only; each admin in
their own language (`locale` is the operator's, for an admin who never wrote to the bot)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, timedelta

from bot.advisories.model import Advisory
from bot.clock import Clock
from bot.delivery.corrections import Corrections
from bot.delivery.outbox import Outbox
from bot.delivery.report import corrected, final_report, started
from bot.i18n import Translator
from bot.storage.admin_profiles import AdminProfiles
from bot.storage.admins import AdminRepository
from bot.storage.channels import Channel
from bot.storage.db import Database
from bot.texts import Gettext, html
from bot.world import COUNTRY_NAMES, LOCALE_NAMES, MOSCOW

LATE_AFTER = timedelta(minutes=5)


async def admins_by_locale(
    database: Database, configured: dict[int, str] | None, country: str, *, default: str
) -> dict[str, list[int]]:
    """The admins of `country` (and super-admins), grouped by the language they read."""
    ids = await AdminRepository(database=database, configured=configured or {}).of_country(
        country=country
    )
    locales = await AdminProfiles(database=database).locales(ids, default=default)
    groups: dict[str, list[int]] = {}
    for user_id in ids:
        groups.setdefault(locales[user_id], []).append(user_id)
    return groups


def announcer(
    database: Database,
    translator: Translator,
    send_text: Callable[[int, str], Awaitable[object]],
    clock: Clock,
    *,
    locale: str,
    configured: dict[int, str] | None = None,
) -> Callable[[Advisory], Awaitable[None]]:
    """Tell every admin of the country that a broadcast started (and whether it is late)."""

    async def announce(advisory: Advisory) -> None:
        total = (await Outbox(database=database).progress(advisory.id)).total
        late = None
        if advisory.publish_at is not None and clock() - advisory.publish_at > LATE_AFTER:
            moscow = advisory.publish_at.astimezone(MOSCOW).strftime("%Y-%m-%d %H:%M")
            utc = advisory.publish_at.astimezone(UTC).strftime("%H:%M")
            late = f"{moscow} MSK ({utc} UTC)"
        groups = await admins_by_locale(database, configured, advisory.country, default=locale)
        for shown, user_ids in groups.items():
            message = started(
                translator.bound(shown),
                headline=advisory.read_in(shown).headline,
                country_code=advisory.country,
                audience=total,
                late_since=late,
            )
            for user_id in user_ids:
                await send_text(user_id, message)

    return announce


Compose = Callable[[Advisory, Gettext, str], Awaitable[str | None]]


def _teller(
    database: Database,
    translator: Translator,
    send_text: Callable[[int, str], Awaitable[object]],
    compose: Compose,
    *,
    locale: str,
    configured: dict[int, str] | None,
) -> Callable[[Advisory], Awaitable[None]]:
    """advisory → `compose` one message per language (the headline in it too), sent to the
    country's admins who read that language."""

    async def tell(advisory: Advisory) -> None:
        groups = await admins_by_locale(database, configured, advisory.country, default=locale)
        for shown, user_ids in groups.items():
            headline = advisory.read_in(shown).headline
            message = await compose(advisory, translator.bound(shown), headline)
            if message is None:
                return
            for user_id in user_ids:
                await send_text(user_id, message)

    return tell


def reporter(
    database: Database,
    translator: Translator,
    send_text: Callable[[int, str], Awaitable[object]],
    *,
    locale: str,
    configured: dict[int, str] | None = None,
) -> Callable[[Advisory], Awaitable[None]]:
    """Tell the admins of an advisory's country how its broadcast ended."""

    async def compose(advisory: Advisory, _: Gettext, headline: str) -> str:
        progress = await Outbox(database=database).progress(advisory.id)
        return final_report(_, headline=headline, progress=progress)

    return _teller(database, translator, send_text, compose, locale=locale, configured=configured)


def correction_reporter(
    database: Database,
    translator: Translator,
    send_text: Callable[[int, str], Awaitable[object]],
    *,
    locale: str,
    configured: dict[int, str] | None = None,
) -> Callable[[Advisory], Awaitable[None]]:
    """Tell the admins of an advisory's country that its correction went through."""

    async def compose(advisory: Advisory, _: Gettext, headline: str) -> str | None:
        state = await Corrections(database=database).get(advisory_id=advisory.id)
        if state is None:
            return None
        return corrected(
            _,
            headline=headline,
            edited=state.edited,
            gone=state.gone,
            failed=state.failed,
        )

    return _teller(database, translator, send_text, compose, locale=locale, configured=configured)


def channel_refusal_teller(
    database: Database,
    translator: Translator,
    send_text: Callable[[int, str], Awaitable[object]],
    *,
    locale: str,
    configured: dict[int, str] | None = None,
) -> Callable[[Channel], Awaitable[None]]:
    """Tell the admins of a channel's country, once, that the channel refuses the bot."""

    async def tell(channel: Channel) -> None:
        groups = await admins_by_locale(database, configured, channel.country, default=locale)
        for shown, user_ids in groups.items():
            _ = translator.bound(shown)
            message = html(
                _(
                    "The channel {channel} ({country}, {language}) refuses Elchi's posts. Make "
                    "the bot an admin of the channel who may post messages; Elchi tries again "
                    "later."
                ),
                channel=channel.chat,
                country=_(COUNTRY_NAMES[channel.country]),
                language=LOCALE_NAMES[channel.locale],
            )
            for user_id in user_ids:
                await send_text(user_id, message)

    return tell
