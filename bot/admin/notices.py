"""What the workflow sends to admins themselves, written once for Telegram and the CLI:
approval requests (four-eyes) and tests.

Each front end passes its own way of sending a Bot API `sendMessage` body, and for approvals
the Approve / Reject keyboard (buttons belong to the Telegram layer). An approver gets the
advisory as its readers will see it, in the approver's language, then the request.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.admin.workflow import Outcome
from bot.advisories.model import Advisory
from bot.advisories.render import renderer
from bot.delivery.message import ack_markup, payload
from bot.i18n import Translator
from bot.storage.admin_profiles import AdminProfiles
from bot.storage.admins import AdminRepository
from bot.storage.drafts import Draft
from bot.texts import Gettext
from bot.texts import manage as manage_texts
from bot.world import WRITTEN_LOCALES

# (gettext, draft id, the advisory's locales) → the Approve / Reject reply_markup.
ApprovalKeyboard = Callable[[Gettext, str, list[str]], dict[str, Any]]
# A sendMessage body → whether it reached the chat (an admin who never opened the bot cannot
# be written to).
SendBody = Callable[[dict[str, Any]], Awaitable[bool]]


async def approver_locale(profiles: AdminProfiles, user_id: int, *, default: str) -> str:
    """An admin's own language (see `AdminProfiles`), else the operator's default."""
    return (await profiles.locales([user_id], default=default))[user_id]


async def ask_approvers(
    *,
    draft: Draft,
    outcome: Outcome,
    translator: Translator,
    profiles: AdminProfiles,
    default_locale: str,
    keyboard: ApprovalKeyboard,
    send: SendBody,
) -> int:
    """Send each possible approver the advisory and the request; how many were reached."""
    advisory, request = outcome.advisory, outcome.request or {}
    if advisory is None:
        return 0
    render, markup = renderer(translator), ack_markup(translator)
    locales = advisory.audience_locales()
    reached = 0
    for user_id in outcome.approvers:
        locale = await approver_locale(profiles, user_id, default=default_locale)
        _ = translator.bound(locale)
        shown = locale if locale in locales else locales[0]
        parts = render(advisory, shown)
        bodies = [payload(user_id, part, quiet=False, paid=False) for part in parts]
        bodies[-1]["reply_markup"] = markup(advisory, shown)
        text = manage_texts.approval_text(
            _,
            request,
            headline=advisory.read_in(shown).headline,
            format_date=translator.date_formatter(locale),
        )
        bodies.append(
            {
                **payload(user_id, text, quiet=False, paid=False),
                "reply_markup": keyboard(_, draft.id, locales),
            }
        )
        for body in bodies:
            if not await send(body):
                break
        else:
            reached += 1
    return reached


async def send_test(
    *,
    advisory: Advisory,
    admins: AdminRepository,
    translator: Translator,
    actor: str,
    send: SendBody,
) -> tuple[int, int]:
    """The advisory marked TEST, in each language it is written in, to its country's admins
    only (never subscribers); audited. Returns (admins reached, admins of the country)."""
    recipients = await admins.of_country(country=advisory.country)
    test = advisory.model_copy(update={"status": "test"})
    render = renderer(translator)
    locales = [locale for locale in WRITTEN_LOCALES if locale in advisory.text]
    reached = 0
    for user_id in recipients:
        bodies = [
            payload(user_id, part, quiet=False, paid=False)
            for locale in locales
            for part in render(test, locale)
        ]
        for body in bodies:
            if not await send(body):
                break
        else:
            reached += 1
    await admins.audit(
        actor=actor,
        action="test",
        country=advisory.country,
        advisory_id=advisory.id,
        audience=reached,
    )
    return reached, len(recipients)
