"""Moments an admin typed (an end date, a send time), checked against today and the draft."""

from __future__ import annotations

from datetime import datetime

from bot.admin.build import expiry
from bot.admin.refusal import Rejected
from bot.admin.typed_times import LATEST, Understood, example, example_day
from bot.storage.drafts import DraftAnswers
from bot.world import N_


def outside_the_coming_year(
    moment: datetime, *, now: datetime, shown: str, example: str
) -> Rejected | None:
    """Passed already, or more than a year away (a typo such as 2062): said with the moment."""
    if moment <= now:
        return Rejected(
            N_("{date} has already passed. Type a later date, like {example}."),
            {"date": shown, "example": example},
        )
    if moment > now + LATEST:
        return Rejected(
            N_("{date} is more than a year away. Type a date within a year, like {example}."),
            {"date": shown, "example": example},
        )
    return None


def end_date_refusal(read: Understood | None, *, now: datetime) -> Rejected | None:
    """Why a typed end date cannot be taken, or None: unreadable, passed or too far."""
    typed = example_day(now=now)
    if read is None:
        return Rejected(
            N_("I cannot read this date. Press a button, or type a date like {example}."),
            {"example": typed},
        )
    shown = f"{read.moment:%d.%m.%Y}"
    return outside_the_coming_year(read.moment, now=now, shown=shown, example=typed)


def send_time_refusal(
    data: DraftAnswers, read: Understood | None, *, now: datetime
) -> Rejected | None:
    """Why a typed send time cannot be taken, or None: unreadable, passed, too far, after the
    advisory stops applying, or a day without its time."""
    typed = example(now=now)
    if read is None:
        return Rejected(
            N_("I cannot read this time. Type it like {example} (Moscow time)."),
            {"example": typed},
        )
    shown = f"{read.moment:%d.%m.%Y %H:%M}"
    refused = outside_the_coming_year(read.moment, now=now, shown=shown, example=typed)
    if refused is not None:
        return refused
    ends = expiry(data, read.moment)
    if ends is not None and ends <= read.moment:
        return Rejected(
            N_(
                "It would go out after it stops applying ({end}). Type an earlier time, like "
                "{example}, or change “Until when”."
            ),
            {"end": f"{ends:%d.%m.%Y %H:%M}", "example": typed},
        )
    if not read.with_time:
        return Rejected(N_("Please add the time too, for example {example}."), {"example": typed})
    return None
