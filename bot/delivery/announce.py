"""What the delivery worker tells the admins of a country: a broadcast started (and whether
it is late), how it ended, that a correction went through, that a channel refuses the bot.
Counts only; each admin in their own language (`locale` is the operator's, for an admin who
never wrote to the bot). The repositories are built once, with the worker's clock."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, timedelta

from bot.advisories.model import Advisory
from bot.clock import Clock
from bot.delivery.report import corrected, final_report, started
from bot.i18n import Translator
from bot.storage.admin_profiles import AdminProfiles
from bot.storage.admins import AdminRepository
from bot.storage.channels import Channel
from bot.storage.corrections import Corrections
from bot.storage.outbox import Outbox
from bot.texts import Gettext, html
from bot.world import COUNTRY_NAMES, LOCALE_NAMES, MOSCOW

LATE_AFTER = timedelta(minutes=5)
SendText = Callable[[int, str], Awaitable[object]]


class AdminTeller:
    """Tells a country's admins, one message per language they read."""

    def __init__(
        self,
        *,
        admins: AdminRepository,
        profiles: AdminProfiles,
        outbox: Outbox,
        corrections: Corrections,
        translator: Translator,
        send_text: SendText,
        clock: Clock,
        locale: str,
    ) -> None:
        self._admins, self._profiles, self._outbox = admins, profiles, outbox
        self._corrections, self._translator, self._send = corrections, translator, send_text
        self._now, self._locale = clock, locale

    async def published(self, advisory: Advisory) -> None:
        """A broadcast started (and whether it is late)."""
        total = (await self._outbox.progress(advisory.id)).total
        late = None
        if advisory.publish_at is not None and self._now() - advisory.publish_at > LATE_AFTER:
            moscow = advisory.publish_at.astimezone(MOSCOW).strftime("%Y-%m-%d %H:%M")
            utc = advisory.publish_at.astimezone(UTC).strftime("%H:%M")
            late = f"{moscow} MSK ({utc} UTC)"

        async def compose(_: Gettext, shown: str) -> str | None:
            return started(
                _,
                headline=advisory.read_in(shown).headline,
                country_code=advisory.country,
                audience=total,
                late_since=late,
            )

        await self._tell(advisory.country, compose)

    async def finished(self, advisory: Advisory) -> None:
        """How its broadcast ended."""
        progress = await self._outbox.progress(advisory.id)

        async def compose(_: Gettext, shown: str) -> str | None:
            headline = advisory.read_in(shown).headline
            return final_report(_, headline=headline, progress=progress)

        await self._tell(advisory.country, compose)

    async def corrected(self, advisory: Advisory) -> None:
        """Its correction went through."""
        state = await self._corrections.get(advisory_id=advisory.id)
        if state is None:
            return

        async def compose(_: Gettext, shown: str) -> str | None:
            headline = advisory.read_in(shown).headline
            return corrected(
                _, headline=headline, edited=state.edited, gone=state.gone, failed=state.failed
            )

        await self._tell(advisory.country, compose)

    async def channel_refused(self, channel: Channel) -> None:
        """Once: the channel refuses the bot's posts."""

        async def compose(_: Gettext, shown: str) -> str | None:
            return html(
                _(
                    "The channel {channel} ({country}, {language}) refuses Elchi's posts. Make "
                    "the bot an admin of the channel who may post messages; Elchi tries again "
                    "later."
                ),
                channel=channel.chat,
                country=_(COUNTRY_NAMES[channel.country]),
                language=LOCALE_NAMES[channel.locale],
            )

        await self._tell(channel.country, compose)

    async def _tell(
        self, country: str, compose: Callable[[Gettext, str], Awaitable[str | None]]
    ) -> None:
        for shown, user_ids in (await self._by_locale(country)).items():
            message = await compose(self._translator.bound(shown), shown)
            if message is None:
                return
            for user_id in user_ids:
                await self._send(user_id, message)

    async def _by_locale(self, country: str) -> dict[str, list[int]]:
        """The admins of `country` (and super-admins), grouped by the language they read."""
        ids = await self._admins.of_country(country=country)
        locales = await self._profiles.locales(ids, default=self._locale)
        groups: dict[str, list[int]] = {}
        for user_id in ids:
            groups.setdefault(locales[user_id], []).append(user_id)
        return groups
