"""`elchi admins`, `elchi audit`, `elchi halt`, `elchi push`: the operator's and admins' CLI."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path

from bot.admin.cancel import CancelError, cancel
from bot.advisories.content import load_content
from bot.advisories.model import WRITTEN_LOCALES, Advisory
from bot.clock import utcnow
from bot.config import Settings
from bot.delivery import cli as delivery_cli
from bot.delivery.corrections import Corrections
from bot.delivery.outbox import Outbox
from bot.delivery.service import renderer
from bot.delivery.telegram_api import BotApiClient
from bot.i18n import Translator
from bot.prompt import confirm
from bot.storage import Database
from bot.storage.admins import AdminRepository
from bot.storage.advisories import AdvisoryRepository


@asynccontextmanager
async def _database(settings: Settings) -> AsyncIterator[Database]:
    database = Database(settings.database_url)
    try:
        await database.migrate()
        yield database
    finally:
        await database.close()


async def _read_one(
    path: Path,
    advisories: AdvisoryRepository,
    translator: Translator,
    *,
    expected_id: str | None = None,
) -> Advisory | None:
    """The one advisory in `path`, validated like `elchi validate`; None after printing why."""
    if not path.is_file():  # noqa: ASYNC240 - a CLI command; one stat blocks nothing
        print(f"{path}: no such file", file=sys.stderr)
        return None
    content, problems = load_content(
        path.parent, translator=translator, known_ids=await advisories.ids()
    )
    problems = [p for p in problems if p.file == str(path)]
    mine = [a for a in content.advisories if content.origin[a.id].startswith(str(path))]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return None
    if not mine or (expected_id is not None and mine[0].id != expected_id):
        wanted = "advisory" if expected_id is None else f"advisory with id {expected_id!r}"
        print(f"{path}: no {wanted} in this file", file=sys.stderr)
        return None
    return mine[0]


async def admins_command(
    settings: Settings, action: str, user_id: int | None, country: str | None
) -> int:
    """add USER COUNTRY | remove USER | list."""
    async with _database(settings) as database:
        repository = AdminRepository(database=database, configured=settings.admins)
        if action == "add" and user_id is not None and country is not None:
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


async def audit_command(settings: Settings, limit: int) -> int:
    """Print the newest audit entries."""
    async with _database(settings) as database:
        repository = AdminRepository(database=database, configured=settings.admins)
        for entry in await repository.audit_log(limit=limit):
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


async def halt_command(settings: Settings, country: str) -> int:
    """Stop all sending for `country` at once."""
    async with _database(settings) as database:
        halted = await Outbox(database=database).halt(country=country)
        await AdminRepository(database=database, configured=settings.admins).audit(
            actor="cli", action="halt", country=country, detail=",".join(halted) or None
        )
    print(f"halted {len(halted)} broadcast(s) of {country}: {', '.join(halted) or 'none'}")
    return 0


async def push_command(
    settings: Settings,
    target: str,
    *,
    at: datetime | None,
    yes: bool,
    paid: bool,
    test: bool = False,
) -> int:
    """Validate a file (or take a stored id), import it, then send now or schedule it."""
    async with _database(settings) as database:
        advisories = AdvisoryRepository(database=database)
        advisory_id = target
        path = Path(target)
        if path.suffix == ".yaml":
            advisory = await _read_one(path, advisories, Translator())
            if advisory is None:
                return 1
            if at is not None:
                advisory = advisory.model_copy(update={"publish_at": at})
            await advisories.save(advisory=advisory, origin=f"file:{path}")
            advisory_id = advisory.id
        stored = await advisories.get(advisory_id=advisory_id)
        if stored is None:
            print(f"elchi: no advisory with id {advisory_id!r}", file=sys.stderr)
            return 1
        admins = AdminRepository(database=database, configured=settings.admins)
        if test:
            return await _send_test(settings, stored, admins)
        if at is not None:
            if stored.publish_at != at:
                await advisories.save(
                    advisory=stored.model_copy(update={"publish_at": at}), origin="cli"
                )
            audience = await Outbox(database=database).audience_size(stored)
            await admins.audit(
                actor="cli",
                action="schedule",
                country=stored.country,
                advisory_id=stored.id,
                audience=audience,
                detail=at.isoformat(),
            )
            print(
                f"{stored.id}: scheduled for {at.isoformat()} ({audience} subscribers now); "
                "the bot process sends it then"
            )
            return 0
        audience = await Outbox(database=database).audience_size(stored)
    result = await delivery_cli.broadcast_command(settings, advisory_id, paid=paid, yes=yes)
    if result == 0:  # sent: audited once it happened, not when it was asked for
        async with _database(settings) as database:
            await AdminRepository(database=database, configured=settings.admins).audit(
                actor="cli",
                action="send",
                country=stored.country,
                advisory_id=stored.id,
                audience=audience,
            )
    return result


async def _send_test(settings: Settings, advisory: Advisory, admins: AdminRepository) -> int:
    """Send the advisory, marked TEST, to the country's admins only, in every written locale."""
    recipients = await admins.of_country(country=advisory.country)
    if not recipients:
        print(f"elchi: no admin of {advisory.country} to send a test to", file=sys.stderr)
        return 1
    test = advisory.model_copy(update={"status": "test"})
    render = renderer(Translator())
    async with BotApiClient(api_url=settings.bot_api_url, token=settings.token()) as api:
        for user_id in recipients:
            for locale in WRITTEN_LOCALES:
                for part in render(test, locale):
                    result = await api.send_message(
                        {
                            "chat_id": user_id,
                            "text": part,
                            "parse_mode": "HTML",
                            "link_preview_options": {"is_disabled": True},
                        }
                    )
                    if result.kind != "sent":
                        print(f"elchi: test to {user_id} failed: {result.error}", file=sys.stderr)
                        return 1
    await admins.audit(
        actor="cli",
        action="test",
        country=advisory.country,
        advisory_id=advisory.id,
        audience=len(recipients),
    )
    print(f"{advisory.id}: test sent to {len(recipients)} admin(s) of {advisory.country}")
    return 0


async def cancel_command(settings: Settings, advisory_id: str, *, yes: bool) -> int:
    """Withdraw an advisory: pending sends stop; those who got it receive a notice."""
    if not await confirm(f"cancel {advisory_id}?", yes=yes):
        print("nothing changed")
        return 1
    async with _database(settings) as database:
        try:
            notice, total = await cancel(
                database=database, translator=Translator(), clock=utcnow, advisory_id=advisory_id
            )
        except CancelError as error:
            print(f"elchi: {error}", file=sys.stderr)
            return 1
        await AdminRepository(database=database, configured=settings.admins).audit(
            actor="cli",
            action="cancel",
            country=None if notice is None else notice.country,
            advisory_id=advisory_id,
            audience=total,
        )
    if notice is None:
        print(f"{advisory_id}: cancelled; nobody had received it, so no notice is sent")
        return 0
    print(
        f"{advisory_id}: cancelled; notice {notice.id} to those who received it ({total} so far)"
    )
    print("the delivery worker (the running bot, or `elchi deliver`) sends it now")
    return 0


async def correct_command(
    settings: Settings, advisory_id: str, path: Path, *, yes: bool, notice: bool = False
) -> int:
    """Replace an advisory with the corrected file and edit every delivered message in place."""
    async with _database(settings) as database:
        advisories = AdvisoryRepository(database=database)
        corrected = await _read_one(path, advisories, Translator(), expected_id=advisory_id)
        if corrected is None:
            return 1
        if not await confirm(f"correct {advisory_id}?", yes=yes):
            print("nothing changed")
            return 1
        await advisories.save(advisory=corrected, origin="correct")
        corrections = Corrections(database=database)
        total = await corrections.request(advisory_id=advisory_id, notice=notice)
        await AdminRepository(database=database, configured=settings.admins).audit(
            actor="cli",
            action="correct",
            country=corrected.country,
            advisory_id=advisory_id,
            audience=total,
        )
    print(f"{advisory_id}: correcting {total} delivered message(s)")
    await delivery_cli.deliver_or_watch(settings, done=_correction_ended(advisory_id))
    async with _database(settings) as database:
        state = await Corrections(database=database).get(advisory_id=advisory_id)
    assert state is not None
    print(
        f"{advisory_id}: corrected; {state.edited} messages edited, {state.gone} gone, "
        f"{state.failed} failed" + ("" if state.state == "done" else f" ({state.state})")
    )
    return 0 if state.failed == 0 and state.state == "done" else 1


def _correction_ended(advisory_id: str) -> delivery_cli.Finished:
    async def ended(database: Database) -> bool:
        state = await Corrections(database=database).state(advisory_id=advisory_id)
        return state != "pending"

    return ended
