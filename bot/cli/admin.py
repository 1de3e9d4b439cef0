"""`elchi admins`, `elchi audit`, `elchi halt`, `elchi cancel`, `elchi advisories`: the
operator's and admins' CLI (the actions themselves are `bot.admin`'s, as in Telegram)."""

from __future__ import annotations

import sys

from bot.admin.actions import AdminActions
from bot.admin.cancel import CancelError
from bot.admin.reports import AdminReports
from bot.admin.states import advisory_state
from bot.cli.prompt import confirm
from bot.clock import utcnow
from bot.config import Settings
from bot.i18n import Translator
from bot.storage.stores import Stores, opened
from bot.world import COUNTRY_CODES


async def admins_command(
    settings: Settings,
    action: str,
    user_id: int | None,
    country: str | None,
    *,
    yes: bool = False,
) -> int:
    """add USER COUNTRY | remove USER | list. Moving an admin to another country is said
    and needs --yes (it changes whose citizens they reach)."""
    async with opened(settings) as stores:
        repository = stores.admins
        if action == "add" and user_id is not None and country is not None:
            now = (await repository.all()).get(user_id)
            if user_id in settings.admins and now != country:
                print(f"elchi: {user_id} is an admin of {now} by ADMINS; change it there",
                      file=sys.stderr)  # fmt: skip
                return 2
            if now is not None and now != country and not yes:
                print(f"elchi: admins add: {user_id} is an admin of {now}; add --yes to make "
                      f"them an admin of {country} instead", file=sys.stderr)  # fmt: skip
                return 2
            await repository.add(user_id=user_id, country=country)
            await repository.audit(
                actor="cli", action="admin-add", country=country, detail=f"user {user_id}"
            )
        elif action == "remove" and user_id is not None:
            if not await repository.remove(user_id=user_id):
                print(f"elchi: {user_id} is not an admin in the database", file=sys.stderr)
                return 1
            await repository.audit(actor="cli", action="admin-remove", detail=f"user {user_id}")
        for user, where in sorted((await repository.all()).items()):
            source = "ADMINS" if user in settings.admins else "database"
            print(f"{user}\t{where}\t{source}")
    return 0


async def audit_command(settings: Settings, limit: int, *, admins_only: bool = False) -> int:
    """Print the newest audit entries (with `admins_only`, admins' actions alone)."""
    async with opened(settings) as stores:
        repository = stores.admins
        for entry in await repository.audit_log(limit=limit, admins_only=admins_only):
            print(
                "\t".join(
                    str(v) if v is not None else "-"
                    for v in (
                        entry.at.isoformat(timespec="seconds"),
                        entry.actor,
                        entry.action,
                        entry.country,
                        entry.advisory_id,
                        entry.audience,
                        entry.detail,
                    )
                )
            )
    return 0


def actions_for(stores: Stores) -> AdminActions:
    """The admin actions of this command (no worker to wake: the running bot polls)."""
    return AdminActions(stores=stores, translator=Translator())


async def halt_command(settings: Settings, country: str) -> int:
    """Stop all sending for `country` at once."""
    async with opened(settings) as stores:
        halted = await actions_for(stores).halt(countries=[country], actor="cli")
    print(f"halted {len(halted)} broadcast(s) of {country}: {', '.join(halted) or 'none'}")
    return 0


async def cancel_command(settings: Settings, advisory_id: str, *, yes: bool) -> int:
    """Withdraw an advisory: pending sends stop; those who got it receive a notice."""
    if not await confirm(f"cancel {advisory_id}?", yes=yes):
        print("nothing changed")
        return 1
    async with opened(settings) as stores:
        try:
            cancelled = await actions_for(stores).cancel(advisory_id, actor="cli")
        except CancelError as error:
            print(f"elchi: {error}", file=sys.stderr)
            return 1
    if cancelled.notice is None:
        print(f"{advisory_id}: cancelled; nobody had received it, so no notice is sent")
        return 0
    print(
        f"{advisory_id}: cancelled; notice {cancelled.notice.id} to those who received it "
        f"({cancelled.audience} so far)"
    )
    print("the delivery worker (the running bot, or `elchi deliver`) sends it now")
    return 0


async def advisories_command(settings: Settings, country: str | None) -> int:
    """Drafts and advisories with their state, schedule and counts (never chat ids)."""
    async with opened(settings) as stores:
        reports = AdminReports(stores=stores)
        for code in [country] if country else list(COUNTRY_CODES):
            for draft in await reports.drafts(country=code):
                state = "waiting-approval" if draft.request else "draft"
                print(f"{draft.id}\t{code}\t{state}\t-\t-\t-")
            for advisory in await stores.advisories.all(country=code):
                broadcast = await reports.broadcast_state(advisory.id)
                state = advisory_state(advisory, broadcast=broadcast, now=utcnow())
                when = (
                    advisory.publish_at.isoformat(timespec="minutes")
                    if advisory.publish_at
                    else "-"
                )
                progress = await reports.progress(advisory.id)
                understood = sum((await reports.acknowledged(advisory.id)).values())
                sent = f"sent {progress.by_status.get('sent', 0)}/{progress.total}"
                print(f"{advisory.id}\t{code}\t{state}\t{when}\t{sent}\tunderstood {understood}")
    return 0
