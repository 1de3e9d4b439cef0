"""`elchi push`: validate a file, show who gets it, ask, then send or schedule it through the
same workflow as Telegram, four-eyes included; `--test` sends it to the country's admins only."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from bot.admin.notices import send_test
from bot.admin.reports import AdminReports
from bot.advisories.content import load_content
from bot.advisories.model import Advisory
from bot.advisories.render import renderer
from bot.cli import delivery as delivery_cli
from bot.cli.prompt import confirm
from bot.cli.requests import api_sender, submit, workflow_for
from bot.config import Settings
from bot.delivery.telegram_api import BotApiClient
from bot.i18n import Translator
from bot.storage.admins import AdminRepository
from bot.storage.advisories import AdvisoryRepository
from bot.storage.stores import opened
from bot.texts.telegram_html import parse_html


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
    """Validate a file (or take a stored id), show its audience and preview, ask, then request
    it through the admin workflow: sent now, scheduled, or (past APPROVAL_THRESHOLD) put to a
    second admin in Telegram."""
    async with opened(settings) as stores:
        advisories = stores.advisories
        found = await _target(target, advisories)
        if found is None:
            return 1
        stored, from_file = found
        if test or at is None:  # this command sends it: the token before anything changes
            settings.token()
        if from_file:
            await advisories.save(advisory=stored, origin=f"file:{target}")
        if test:
            return await _send_test(settings, stored, stores.admins)
        workflow = workflow_for(settings, stores)
        by_locale = await AdminReports(stores=stores).audience_by_locale(stored)
        _print_preview(stored, by_locale)
        needed = workflow.four_eyes.needed(sum(by_locale.values()))
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
        outcome = await submit(settings, stores, workflow, stored, at=at)
        if outcome is None:
            return 1
        if outcome.kind == "scheduled" and outcome.advisory is not None:
            when = outcome.advisory.publish_at or at
            print(
                f"{stored.id}: scheduled for {when.isoformat() if when else '?'} "
                f"({outcome.audience} subscribers now); the bot process sends it then"
            )
        if outcome.kind != "sent":
            return 0
    return await delivery_cli.broadcast_command(settings, stored.id, paid=paid, yes=True)


async def _target(target: str, advisories: AdvisoryRepository) -> tuple[Advisory, bool] | None:
    """The advisory of a file (validated, not yet saved: True) or a stored id (False)."""
    path = Path(target)
    if path.suffix == ".yaml":
        advisory = await read_one(path, advisories, Translator())
        return None if advisory is None else (advisory, True)
    stored = await advisories.get(advisory_id=target)
    if stored is None:
        print(f"elchi: no advisory with id {target!r}", file=sys.stderr)
        return None
    return stored, False


def _print_preview(advisory: Advisory, by_locale: dict[str, int]) -> None:
    """Who gets it, by language, and the Russian text as readers will read it."""
    counts = ", ".join(f"{loc} {n}" for loc, n in sorted(by_locale.items())) or "nobody"
    print(f"{advisory.id}: {sum(by_locale.values())} subscribers of {advisory.country} ({counts})")
    for part in renderer(Translator())(advisory, "ru"):
        print("  | " + parse_html(part).text.replace("\n", "\n  | "))


async def _send_test(settings: Settings, advisory: Advisory, admins: AdminRepository) -> int:
    """Send the advisory, marked TEST, to the country's admins only (`bot.admin.notices`)."""
    async with BotApiClient(api_url=settings.bot_api_url, token=settings.token()) as api:
        reached, recipients = await send_test(
            advisory=advisory,
            admins=admins,
            translator=Translator(),
            actor="cli",
            send=api_sender(api),
        )
    if recipients == 0:
        print(f"elchi: no admin of {advisory.country} to send a test to", file=sys.stderr)
        return 1
    print(f"{advisory.id}: test sent to {reached} admin(s) of {advisory.country}")
    return 0 if reached == recipients else 1
