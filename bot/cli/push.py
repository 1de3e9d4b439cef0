"""`elchi push` and `elchi correct`: validate a file, show who gets it, ask, then send,
schedule or correct — through the same workflow as Telegram, four-eyes included."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from bot.admin.workflow import Action, AdminWorkflow, DraftOpen, FourEyes
from bot.advisories.content import load_content
from bot.advisories.model import Advisory
from bot.cli import delivery as delivery_cli
from bot.cli.admin import database_for
from bot.cli.approvals import ask_approvers
from bot.cli.prompt import confirm
from bot.config import Settings
from bot.delivery.message import payload
from bot.delivery.service import renderer
from bot.delivery.telegram_api import BotApiClient
from bot.i18n import Translator
from bot.storage import Database
from bot.storage.admins import AdminRepository
from bot.storage.advisories import AdvisoryRepository
from bot.texts.telegram_html import parse_html
from bot.world import WRITTEN_LOCALES


async def read_one(
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


async def push_command(
    settings: Settings,
    target: str,
    *,
    at: datetime | None,
    yes: bool,
    paid: bool,
    test: bool = False,
) -> int:
    """Validate a file (or take a stored id), show its audience and preview, ask, then send
    now or schedule it — or, past APPROVAL_THRESHOLD, ask a second admin in Telegram."""
    async with database_for(settings) as database:
        advisories = AdvisoryRepository(database=database)
        stored = await _target(target, advisories)
        if stored is None:
            return 1
        admins = AdminRepository(database=database, configured=settings.admins)
        if test:
            return await _send_test(settings, stored, admins)
        workflow = workflow_for(settings, database, admins)
        by_locale = await workflow.outbox.audience_by_locale(stored)
        audience = sum(by_locale.values())
        _print_preview(stored, by_locale)
        needed = workflow.four_eyes.needed(audience)
        if needed:
            settings.token()  # the approvers are asked in Telegram: fail before changing anything
            print(
                f"more than {settings.approval_threshold}: a second admin of {stored.country} "
                "must approve it in Telegram"
            )
        question = "ask for approval?" if needed else ("schedule?" if at else "send?")
        if not await confirm(question, yes=yes):
            print("nothing changed")
            return 1
        if needed:
            return await request_approval(settings, database, workflow, stored, at=at)
        if at is not None:
            return await _schedule(advisories, admins, stored, at, audience)
    result = await delivery_cli.broadcast_command(settings, stored.id, paid=paid, yes=True)
    if result == 0:  # sent: audited once it happened, not when it was asked for
        async with database_for(settings) as database:
            await AdminRepository(database=database, configured=settings.admins).audit(
                actor="cli",
                action="send",
                country=stored.country,
                advisory_id=stored.id,
                audience=audience,
            )
    return result


async def _target(target: str, advisories: AdvisoryRepository) -> Advisory | None:
    """The advisory of a file (validated and imported) or a stored id."""
    path = Path(target)
    if path.suffix == ".yaml":
        advisory = await read_one(path, advisories, Translator())
        if advisory is None:
            return None
        await advisories.save(advisory=advisory, origin=f"file:{path}")
        target = advisory.id
    stored = await advisories.get(advisory_id=target)
    if stored is None:
        print(f"elchi: no advisory with id {target!r}", file=sys.stderr)
    return stored


DRAFT_OPEN = "elchi: {id}: a draft of it is open in Telegram (/advisories); finish or discard it"


def _mode(action: Action) -> str:
    return "correct" if action == "correct" else "new"


def workflow_for(settings: Settings, database: Database, admins: AdminRepository) -> AdminWorkflow:
    return AdminWorkflow(
        database=database,
        translator=Translator(),
        admins=admins,
        four_eyes=FourEyes(settings.approvals, settings.approval_threshold),
    )


def _print_preview(advisory: Advisory, by_locale: dict[str, int]) -> None:
    """Who gets it, by language, and the Russian text as readers will read it."""
    counts = ", ".join(f"{loc} {n}" for loc, n in sorted(by_locale.items())) or "nobody"
    print(f"{advisory.id}: {sum(by_locale.values())} subscribers of {advisory.country} ({counts})")
    for part in renderer(Translator())(advisory, "ru"):
        print("  | " + parse_html(part).text.replace("\n", "\n  | "))


async def _schedule(
    advisories: AdvisoryRepository,
    admins: AdminRepository,
    stored: Advisory,
    at: datetime,
    audience: int,
) -> int:
    if stored.publish_at != at:
        await advisories.save(advisory=stored.model_copy(update={"publish_at": at}), origin="cli")
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


async def request_approval(
    settings: Settings,
    database: Database,
    workflow: AdminWorkflow,
    advisory: Advisory,
    *,
    at: datetime | None,
    action: Action = "send",
    notice: bool = False,
) -> int:
    """Hold it as a draft and ask the country's admins in Telegram; the bot does the rest."""
    try:
        draft = await workflow.from_file(
            advisory, origin="correct" if action == "correct" else "cli", mode=_mode(action)
        )
    except DraftOpen:
        print(DRAFT_OPEN.format(id=advisory.id), file=sys.stderr)
        return 1
    outcome = await workflow.request(
        draft, action=action, actor="cli", requester=None, publish_at=at, notice=notice
    )
    if outcome.kind == "invalid":
        for problem in outcome.problems:
            print(f"elchi: {problem}", file=sys.stderr)
        return 1
    asked = await ask_approvers(settings, database, draft, outcome)
    print(
        f"{advisory.id}: waiting for approval; {asked} admin(s) of {advisory.country} asked in "
        "Telegram (the running bot carries it out once one approves)"
    )
    return 0


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
                        payload(user_id, part, quiet=False, paid=False)
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
