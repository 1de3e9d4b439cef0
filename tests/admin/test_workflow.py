"""The admin workflow service on both backends: send, schedule, four-eyes, cancel."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bot.admin.cancel import cancel
from bot.admin.importer import import_folder
from bot.admin.workflow import AdminWorkflow, FourEyes
from bot.config import PROJECT_ROOT
from bot.i18n import Translator
from bot.storage import Database, SubscriberRepository
from bot.storage.outbox import Outbox
from bot.storage.stores import Stores
from bot.world import MOSCOW
from tests.admin.test_compose import answer_all, full_answers
from tests.conftest import on_every_backend
from tests.support.clock import FakeClock

AUTHOR, SECOND, KG = 1, 2, 3


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator()


async def workflow_for(
    database: Database, translator: Translator, clock: FakeClock, threshold: int
) -> AdminWorkflow:
    stores = Stores.over(database, clock=clock, admins={AUTHOR: "UZ", SECOND: "UZ", KG: "KG"})
    workflow = AdminWorkflow(
        stores=stores, translator=translator, four_eyes=FourEyes(2, threshold)
    )
    report = await import_folder(
        PROJECT_ROOT / "advisories", repository=workflow.advisories, translator=translator
    )
    assert not report.problems
    subscribers = SubscriberRepository(database=database, clock=clock)
    for chat_id, locale in ((10, "uz"), (11, "ru"), (12, "ky")):
        await subscribers.subscribe(chat_id=chat_id, locale=locale, country="UZ")
    return workflow


async def composed(workflow: AdminWorkflow) -> Any:
    draft = await workflow.start(country="UZ", editor=AUTHOR)
    answer_all(draft.data, full_answers())
    return await workflow.drafts.save(draft)


@on_every_backend
async def test_below_the_threshold_it_goes_out_at_once(
    database: Database, translator: Translator
) -> None:
    clock = FakeClock()
    workflow = await workflow_for(database, translator, clock, threshold=10)
    draft = await composed(workflow)
    outcome = await workflow.request(draft, action="send", actor="tg:1", requester=AUTHOR)
    assert (outcome.kind, outcome.audience) == ("sent", 3)
    assert outcome.advisory is not None
    stored = await workflow.advisories.get(advisory_id=draft.id)
    assert stored is not None
    assert stored.publish_at == clock.now  # the worker publishes it on its next look
    assert [a.id for a in await Outbox(database=database, clock=clock).due_scheduled()] == [
        draft.id
    ]
    assert await workflow.drafts.get(draft_id=draft.id) is None
    assert [e.action for e in await workflow.admins.audit_log()] == ["send", "create"]


@on_every_backend
async def test_past_the_threshold_only_a_second_admin_of_the_country_can_approve(
    database: Database, translator: Translator
) -> None:
    clock = FakeClock()
    workflow = await workflow_for(database, translator, clock, threshold=2)
    draft = await composed(workflow)
    waiting = await workflow.request(draft, action="send", actor="tg:1", requester=AUTHOR)
    assert (waiting.kind, waiting.approvers) == ("waiting", [SECOND])
    assert await workflow.advisories.get(advisory_id=draft.id) is None  # nothing stored yet
    assert (await workflow.decide(draft.id, approver=AUTHOR, approve=True)).kind == "refused"
    assert (await workflow.decide(draft.id, approver=KG, approve=True)).kind == "refused"
    # The draft changes after approval was asked: the approver would approve something unseen.
    held = await workflow.drafts.get(draft_id=draft.id)
    assert held is not None
    held.data.text["ru"]["body"] = "Другой текст."
    await workflow.drafts.save(held)
    assert (await workflow.decide(draft.id, approver=SECOND, approve=True)).kind == "gone"
    held.data.text["ru"]["body"] = full_answers()["ru.body"]
    await workflow.drafts.save(held)
    approved = await workflow.decide(draft.id, approver=SECOND, approve=True)
    assert approved.kind == "sent"
    assert [e.action for e in await workflow.admins.audit_log()][:3] == [
        "send",
        "approve",
        "ask-approval",
    ]


@on_every_backend
async def test_a_rejected_request_leaves_the_draft_to_its_author(
    database: Database, translator: Translator
) -> None:
    clock = FakeClock()
    workflow = await workflow_for(database, translator, clock, threshold=2)
    draft = await composed(workflow)
    at = clock.now + timedelta(hours=2)
    await workflow.request(draft, action="send", actor="tg:1", requester=AUTHOR, publish_at=at)
    assert (await workflow.decide(draft.id, approver=SECOND, approve=False)).kind == "gone"
    kept = await workflow.drafts.get(draft_id=draft.id)
    assert kept is not None
    assert kept.request is None
    assert await workflow.advisories.get(advisory_id=draft.id) is None


@on_every_backend
async def test_approved_after_its_time_it_goes_out_now_not_in_the_past(
    database: Database, translator: Translator
) -> None:
    clock = FakeClock()
    workflow = await workflow_for(database, translator, clock, threshold=2)
    draft = await composed(workflow)
    at = clock.now + timedelta(minutes=10)
    await workflow.request(draft, action="send", actor="tg:1", requester=AUTHOR, publish_at=at)
    clock.advance(hours=1)  # the second admin took an hour
    approved = await workflow.decide(draft.id, approver=SECOND, approve=True)
    assert approved.kind == "sent"
    assert approved.advisory is not None
    assert approved.advisory.publish_at == clock.now


@on_every_backend
async def test_cancelling_a_scheduled_advisory_withdraws_it_and_tells_nobody(
    database: Database, translator: Translator
) -> None:
    clock = FakeClock()
    workflow = await workflow_for(database, translator, clock, threshold=10)
    draft = await composed(workflow)
    at = clock.now + timedelta(hours=3)
    scheduled = await workflow.request(
        draft, action="send", actor="tg:1", requester=AUTHOR, publish_at=at
    )
    assert scheduled.kind == "scheduled"
    cancelled = await cancel(
        stores=Stores.over(database, clock=clock), translator=translator, advisory_id=draft.id
    )
    assert (cancelled.notice, cancelled.audience) == (None, 0)
    stored = await workflow.advisories.get(advisory_id=draft.id)  # still a valid document
    assert stored is not None
    assert stored.publish_at is None
    clock.advance(hours=4)
    assert await Outbox(database=database, clock=clock).due_scheduled() == []
    assert draft.id not in [a.id for a in await workflow.advisories.in_force(country="UZ")]


@on_every_backend
async def test_nothing_overwrites_an_open_draft(
    database: Database, translator: Translator
) -> None:
    from bot.admin.workflow import DraftOpen

    clock = FakeClock()
    workflow = await workflow_for(database, translator, clock, threshold=2)
    advisory = await workflow.advisories.get(advisory_id="uz-legal-warning")
    assert advisory is not None
    held = await workflow.from_file(advisory, origin="cli")
    await workflow.request(held, action="send", actor="cli", requester=None)  # waits
    with pytest.raises(DraftOpen):
        await workflow.from_file(advisory, origin="cli")
    with pytest.raises(DraftOpen):
        await workflow.correction(advisory, editor=AUTHOR)
    kept = await workflow.drafts.get(draft_id=advisory.id)
    assert kept is not None
    assert kept.request is not None  # still waiting for its approver


async def test_checked_is_the_day_the_sources_were_confirmed_never_the_send_day(
    database: Database, translator: Translator
) -> None:
    clock = FakeClock()
    workflow = await workflow_for(database, translator, clock, threshold=10)
    draft = await composed(workflow)
    later = clock.now + timedelta(days=3)  # scheduled three days ahead
    scheduled = await workflow.request(
        draft, action="send", actor="tg:1", requester=AUTHOR, publish_at=later
    )
    assert scheduled.advisory is not None
    today = clock.now.astimezone(MOSCOW).date()
    assert {s.checked for s in scheduled.advisory.sources} == {today}  # not the send day
