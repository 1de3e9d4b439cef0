"""`elchi correct ID FILE`: replace an advisory and edit every delivered copy in place."""

from __future__ import annotations

from pathlib import Path

from bot.cli import delivery as delivery_cli
from bot.cli.prompt import confirm
from bot.cli.push import read_one
from bot.cli.requests import submit, workflow_for
from bot.config import Settings
from bot.i18n import Translator
from bot.storage.stores import Stores, opened


async def correct_command(
    settings: Settings, advisory_id: str, path: Path, *, yes: bool, notice: bool = False
) -> int:
    """Replace an advisory with the corrected file and edit every delivered message in place
    (past APPROVAL_THRESHOLD copies, a second admin approves in Telegram first)."""
    async with opened(settings) as stores:
        corrected = await read_one(path, stores.advisories, Translator(), expected_id=advisory_id)
        if corrected is None:
            return 1
        workflow = workflow_for(settings, stores)
        copies = await workflow.audience(corrected, action="correct")
        print(f"{advisory_id}: {copies} delivered message(s) to edit in place")
        needed = workflow.four_eyes.needed(copies)
        if needed:
            settings.token()
            print(
                f"more than {settings.approval_threshold}: a second admin of "
                f"{corrected.country} must approve it in Telegram"
            )
        if not await confirm(f"correct {advisory_id}?", yes=yes):
            print("nothing changed")
            return 1
        outcome = await submit(
            settings,
            stores,
            workflow,
            corrected,
            at=None,
            action="correct",
            notice=notice,
            origin="correct",
        )
        if outcome is None:
            return 1
        if outcome.kind != "corrected":
            return 0  # waiting for a second admin in Telegram
    print(f"{advisory_id}: correcting {copies} delivered message(s)")
    await delivery_cli.deliver_or_watch(settings, done=_correction_ended(advisory_id))
    async with opened(settings) as stores:
        state = await stores.corrections.get(advisory_id=advisory_id)
    if state is None:  # nothing had been delivered: the new text is simply in place
        print(f"{advisory_id}: corrected; nothing had been delivered yet")
        return 0
    print(
        f"{advisory_id}: corrected; {state.edited} messages edited, {state.gone} gone, "
        f"{state.failed} failed" + ("" if state.state == "done" else f" ({state.state})")
    )
    return 0 if state.failed == 0 and state.state == "done" else 1


def _correction_ended(advisory_id: str) -> delivery_cli.Finished:
    async def ended(stores: Stores) -> bool:
        state = await stores.corrections.state(advisory_id=advisory_id)
        return state != "pending"

    return ended
