"""What the delivery worker tells the admins of a country: a broadcast started (and whether
it is late), how it ended, and that a correction went through. Counts only."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, timedelta

from bot.advisories.model import Advisory
from bot.clock import Clock
from bot.delivery.corrections import Corrections
from bot.delivery.outbox import Outbox
from bot.delivery.report import corrected, final_report, started
from bot.i18n import Translator
from bot.storage.admins import AdminRepository
from bot.storage.channels import Channel
from bot.storage.db import Database
from bot.texts import Gettext, html
from bot.world import COUNTRY_NAMES, LOCALE_NAMES, MOSCOW

LATE_AFTER = timedelta(minutes=5)


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
        repository = AdminRepository(database=database, configured=configured or {})
        total = (await Outbox(database=database).progress(advisory.id)).total
        late = None
        if advisory.publish_at is not None and clock() - advisory.publish_at > LATE_AFTER:
            moscow = advisory.publish_at.astimezone(MOSCOW).strftime("%Y-%m-%d %H:%M")
            utc = advisory.publish_at.astimezone(UTC).strftime("%H:%M")
            late = f"{moscow} MSK ({utc} UTC)"
        message = started(
            translator.bound(locale),
            headline=advisory.read_in(locale).headline,
            country_code=advisory.country,
            audience=total,
            late_since=late,
        )
        for user_id in await repository.of_country(country=advisory.country):
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
    """advisory → `compose` one message (headline in `locale`), sent to its country's admins."""

    async def tell(advisory: Advisory) -> None:
        headline = advisory.read_in(locale).headline
        message = await compose(advisory, translator.bound(locale), headline)
        if message is None:
            return
        repository = AdminRepository(database=database, configured=configured or {})
        for user_id in await repository.of_country(country=advisory.country):
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
        _ = translator.bound(locale)
        message = html(
            _(
                "The channel {channel} ({country}, {language}) refuses Elchi's posts. Make the "
                "bot an admin of the channel who may post messages; Elchi tries again later."
            ),
            channel=channel.chat,
            country=_(COUNTRY_NAMES[channel.country]),
            language=LOCALE_NAMES[channel.locale],
        )
        repository = AdminRepository(database=database, configured=configured or {})
        for user_id in await repository.of_country(country=channel.country):
            await send_text(user_id, message)

    return tell
