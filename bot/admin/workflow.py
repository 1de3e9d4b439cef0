"""What admins do with drafts: preview, send, schedule, correct, discard — four-eyes included.

Shared by the Telegram handlers and the CLI; it knows nothing of Telegram. Every action is
written to the audit log with the actor (`tg:<user id>` or `cli`). `wake` tells the delivery
worker of this process that something is due (the CLI has none: the running bot polls).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from bot.admin.build import build, from_advisory, new_id
from bot.advisories.model import Advisory
from bot.config import SUPER_ADMIN
from bot.i18n import Translator
from bot.storage.drafts import Draft, DraftAnswers
from bot.storage.stores import Stores

Action = Literal["send", "correct"]


@dataclass(frozen=True)
class FourEyes:
    """APPROVALS and APPROVAL_THRESHOLD."""

    required: int = 2
    threshold: int = 1000

    def needed(self, audience: int) -> bool:
        return self.required >= 2 and audience > self.threshold


@dataclass(frozen=True)
class Outcome:
    """What a request led to."""

    kind: Literal["sent", "scheduled", "corrected", "waiting", "invalid", "gone", "refused"]
    advisory: Advisory | None = None
    audience: int = 0
    approvers: list[int] = field(default_factory=list)  # asked to approve (kind "waiting")
    problems: list[str] = field(default_factory=list)  # kind "invalid"
    request: dict[str, Any] | None = None


class DraftOpen(Exception):
    """A draft of this advisory is open (a correction, or a request waiting for approval):
    nothing may overwrite it."""


def digest(data: DraftAnswers) -> str:
    """What an approver approves: the draft exactly as it was when approval was asked."""
    return hashlib.sha256(json.dumps(data.as_json(), sort_keys=True).encode()).hexdigest()


class AdminWorkflow:
    """Drafts through to the delivery engine; keyword arguments only."""

    def __init__(
        self,
        *,
        stores: Stores,
        translator: Translator,
        four_eyes: FourEyes,
        wake: Callable[[], None] = lambda: None,
    ) -> None:
        self.drafts, self.profiles = stores.drafts, stores.profiles
        self.advisories, self.outbox = stores.advisories, stores.outbox
        self.corrections, self.admins = stores.corrections, stores.admins
        self.four_eyes = four_eyes
        self._translator, self._now, self._wake = translator, stores.clock, wake

    async def start(self, *, country: str | None, editor: int) -> Draft:
        """A new draft (a super-admin's has no country yet: it is the first question)."""
        taken = await self.advisories.ids() | await self.drafts.ids()
        now = self._now()
        draft = Draft(
            id=new_id(country=country or "xx", now=now, taken=taken),
            country=country or "",
            mode="new",
            data=DraftAnswers(country=country),
            editor=editor,
        )
        await self.admins.audit(actor=f"tg:{editor}", action="create", country=country)
        return await self.drafts.save(draft)

    async def save(self, draft: Draft) -> Draft:
        """Keep the draft's answers and the question it is waiting for."""
        return await self.drafts.save(draft)

    async def composing(self, *, editor: int) -> Draft | None:
        """The draft whose question `editor` is answering, if any."""
        return await self.drafts.asking(editor=editor)

    async def set_country(self, draft: Draft, country: str) -> Draft:
        """A super-admin chose the country: the draft gets an id naming it."""
        taken = await self.advisories.ids() | await self.drafts.ids()
        renamed = Draft(
            id=new_id(country=country, now=self._now(), taken=taken),
            country=country,
            mode=draft.mode,
            data=draft.data,
            editor=draft.editor,
            asking=draft.asking,
        )
        await self.drafts.delete(draft_id=draft.id)
        return await self.drafts.save(renamed)

    async def correction(self, advisory: Advisory, *, editor: int) -> Draft:
        """A draft holding a stored advisory's answers, to correct it (same id); an unfinished
        correction is taken up again. DraftOpen if another draft holds the id."""
        existing = await self.drafts.get(draft_id=advisory.id)
        if existing is not None:
            if existing.request is not None or existing.mode != "correct":
                raise DraftOpen(advisory.id)
            existing.editor = editor
            return existing
        data = from_advisory(advisory)
        draft = Draft(id=advisory.id, country=advisory.country, mode="correct", data=data)
        draft.editor = editor
        return await self.drafts.save(draft)

    async def from_file(self, advisory: Advisory, *, origin: str, mode: str = "new") -> Draft:
        """A whole advisory (a file, or a stored one sent now) held as a draft while it is
        requested; DraftOpen if a draft already holds its id."""
        if await self.drafts.get(draft_id=advisory.id) is not None:
            raise DraftOpen(advisory.id)
        data = DraftAnswers(advisory=advisory.model_dump(mode="json"), origin=origin)
        draft = Draft(id=advisory.id, country=advisory.country, mode=mode, data=data)
        return await self.drafts.save(draft)

    async def preview(
        self, draft: Draft, *, at: datetime | None = None
    ) -> tuple[Advisory | None, list[str]]:
        """The advisory as it would go out (at `at`, else now), or what is wrong with it."""
        known = await self.advisories.ids()
        now = self._now()
        return build(
            draft.data,
            advisory_id=draft.id,
            effective=at or now,
            translator=self._translator,
            known_ids=known,
            checked=now,  # the sources were checked today, even for a later send
        )

    async def audience(self, advisory: Advisory, *, action: Action = "send") -> int:
        """Subscribers it would reach now; for a correction, the copies to edit."""
        if action == "correct":
            return await self.corrections.to_edit(advisory_id=advisory.id)
        return await self.outbox.audience_size(advisory)

    async def request(
        self,
        draft: Draft,
        *,
        action: Action,
        actor: str,
        requester: int | None,
        publish_at: datetime | None = None,
        notice: bool = False,
    ) -> Outcome:
        """Send, schedule or apply a correction, or ask a second admin first."""
        advisory, problems = await self.preview(draft, at=publish_at)
        if advisory is None:
            return Outcome("invalid", problems=problems)
        audience = await self.audience(advisory, action=action)
        request = {
            "action": action,
            "actor": actor,
            "requester": requester,
            "publish_at": publish_at.isoformat() if publish_at else None,
            "notice": notice,
            "audience": audience,
            "digest": digest(draft.data),
            "at": self._now().isoformat(),
        }
        profile = await self.profiles.get(requester) if requester is not None else None
        if profile is not None and profile.name:  # as the account showed it when asking
            request["name"] = profile.name
        if not self.four_eyes.needed(audience):
            return await self._commit(draft, request, approved_by=None, built=advisory)
        draft.request, draft.asking = request, None
        await self.drafts.save(draft)
        await self.admins.audit(
            actor=actor,
            action="ask-approval",
            country=draft.country,
            advisory_id=draft.id,
            audience=audience,
            detail=action,
        )
        approvers = [
            user
            for user in await self.admins.of_country(country=draft.country)
            if user != requester
        ]
        return Outcome("waiting", advisory, audience, approvers=approvers, request=request)

    async def decide(self, draft_id: str, *, approver: int, approve: bool) -> Outcome:
        """A second admin approves (the request is carried out) or rejects (the draft stays)."""
        draft = await self.drafts.get(draft_id=draft_id)
        if draft is None or draft.request is None or draft.request["digest"] != digest(draft.data):
            return Outcome("gone")
        request = draft.request
        country = await self.admins.country_of(user_id=approver)
        if approver == request["requester"] or country not in (draft.country, SUPER_ADMIN):
            return Outcome("refused", request=request)  # four eyes means two people
        await self.admins.audit(
            actor=f"tg:{approver}",
            action="approve" if approve else "reject",
            country=draft.country,
            advisory_id=draft.id,
            audience=request["audience"],
            detail=f"asked by {request['actor']}",
        )
        if not approve:
            draft.request = None
            await self.drafts.save(draft)
            return Outcome("gone", request=request)
        return await self._commit(draft, request, approved_by=f"tg:{approver}")

    async def _commit(
        self,
        draft: Draft,
        request: dict[str, Any],
        *,
        approved_by: str | None,
        built: Advisory | None = None,
    ) -> Outcome:
        """Carry the request out; `built` is the advisory `request` just validated, if any
        (an approval comes later: it is built again, at the time it now goes out)."""
        now = self._now()
        wanted = request["publish_at"]
        publish_at = max(datetime.fromisoformat(wanted), now) if wanted else now
        advisory = built
        if advisory is None:
            advisory, problems = await self.preview(draft, at=publish_at)
            if advisory is None:
                return Outcome("invalid", problems=problems)
        detail = f"approved by {approved_by}" if approved_by else None
        if request["action"] == "correct":
            before = await self.advisories.get(advisory_id=advisory.id)
            revision = (before.revision if before else 0) + 1
            advisory = advisory.model_copy(update={"revision": revision, "corrected_at": now})
            await self.advisories.save(advisory=advisory, origin="correct")
            audience = await self.corrections.to_edit(advisory_id=advisory.id)
            if audience:
                await self.corrections.request(advisory_id=advisory.id, notice=request["notice"])
            kind: Literal["corrected", "sent", "scheduled"] = "corrected"
        else:
            update: dict[str, object] = {"publish_at": publish_at}
            if advisory.effective > publish_at:  # scheduled for later, sent now: dated now
                update["effective"] = publish_at
            advisory = advisory.model_copy(update=update)
            origin = draft.data.origin or "admin"
            await self.advisories.save(advisory=advisory, origin=origin)
            audience = await self.outbox.audience_size(advisory)
            kind = "scheduled" if publish_at > now else "sent"
        await self.drafts.delete(draft_id=draft.id)
        await self.admins.audit(
            actor=request["actor"],
            action={"corrected": "correct", "sent": "send", "scheduled": "schedule"}[kind],
            country=advisory.country,
            advisory_id=advisory.id,
            audience=audience,
            detail=detail or (publish_at.isoformat() if kind == "scheduled" else None),
        )
        self._wake()  # the delivery worker of this process looks now
        return Outcome(kind, advisory, audience, request=request)

    async def discard(self, draft_id: str, *, actor: str) -> bool:
        """Drop a draft (an advisory already sent is not touched)."""
        draft = await self.drafts.get(draft_id=draft_id)
        if draft is None:
            return False
        await self.drafts.delete(draft_id=draft_id)
        await self.admins.audit(
            actor=actor, action="discard", country=draft.country, advisory_id=draft_id
        )
        return True
