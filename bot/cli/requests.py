"""Requests from the command line go through the admin workflow, as they do from Telegram:
the file is held as a draft, requested, carried out or put to a second admin in Telegram."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Any

from bot.admin.notices import SendBody, ask_approvers
from bot.admin.workflow import Action, AdminWorkflow, DraftOpen, FourEyes, Outcome
from bot.advisories.model import Advisory
from bot.config import Settings
from bot.delivery.budget import Budget, Priority
from bot.delivery.sender import budgeted
from bot.delivery.telegram_api import BotApiClient
from bot.i18n import Translator
from bot.storage.stores import Stores
from bot.telegram.keyboards.admin import approval_json

DRAFT_OPEN = "elchi: {id}: a draft of it is open in Telegram (/advisories); finish or discard it"


def workflow_for(settings: Settings, stores: Stores) -> AdminWorkflow:
    """The admin workflow of this command (it has no worker to wake: the running bot polls)."""
    return AdminWorkflow(
        stores=stores,
        translator=Translator(),
        four_eyes=FourEyes(settings.approvals, settings.approval_threshold),
    )


def api_sender(api: BotApiClient) -> SendBody:
    """Domain `sendMessage` bodies through the lean Bot API client, paced by a budget of this
    command (one chat's pacing, a 429 waited out and the message sent again)."""
    budget = Budget()

    async def send(body: dict[str, Any]) -> bool:
        result = await budgeted(budget, api.send_message, body, priority=Priority.NORMAL)
        return result is not None and result.kind == "sent"

    return send


async def submit(
    settings: Settings,
    stores: Stores,
    workflow: AdminWorkflow,
    advisory: Advisory,
    *,
    at: datetime | None,
    action: Action = "send",
    notice: bool = False,
    origin: str = "cli",
) -> Outcome | None:
    """Request it as `cli`; None (and a line on stderr) when it cannot be requested."""
    mode = "correct" if action == "correct" else "new"
    try:
        draft = await workflow.from_file(advisory, origin=origin, mode=mode)
    except DraftOpen:
        print(DRAFT_OPEN.format(id=advisory.id), file=sys.stderr)
        return None
    outcome = await workflow.request(
        draft, action=action, actor="cli", requester=None, publish_at=at, notice=notice
    )
    if outcome.kind == "invalid":
        for problem in outcome.problems:
            print(f"elchi: {problem}", file=sys.stderr)
        await workflow.discard(draft.id, actor="cli")
        return None
    if outcome.kind == "waiting":
        async with BotApiClient(api_url=settings.bot_api_url, token=settings.token()) as api:
            asked = await ask_approvers(
                draft=draft,
                outcome=outcome,
                translator=Translator(),
                profiles=stores.profiles,
                default_locale=settings.default_locale,
                keyboard=approval_json,
                send=api_sender(api),
            )
        print(
            f"{advisory.id}: waiting for approval; {asked} admin(s) of {advisory.country} "
            "asked in Telegram (the running bot carries it out once one approves)"
        )
    return outcome
