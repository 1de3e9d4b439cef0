"""What an admin can do from /advisories, each action declared once: its button, the states whose
report offers it, and whether it asks first. The button data's shape, the buttons under a report
and the check of a press derive from here; `bot.telegram.handlers.manage` maps each code to what
it does, and a test holds the two together.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.world import N_

UNSENT = "unsent"  # the report of a draft nobody has asked approval for yet
SENDABLE = frozenset({"scheduled", "published"})
CORRECTABLE = SENDABLE | {"done", "halted"}
CANCELLABLE = CORRECTABLE | {"filling", "sending"}


@dataclass(frozen=True)
class ReportAction:
    """One button under a report."""

    code: str
    emoji: str
    label: str  # marked with N_, translated on the button
    offered: frozenset[str]  # the states (bot.admin.states, or UNSENT) whose report shows it
    confirm: str | None = None  # it asks first; the "Yes" press carries this code
    question: str = ""  # what it asks first (marked with N_)
    yes: str = ""  # the label of its "Yes" button (marked with N_)


# In the order the buttons appear, two a row.
REPORT_ACTIONS: tuple[ReportAction, ...] = (
    ReportAction("cont", "✏️", N_("Continue"), frozenset({UNSENT})),
    ReportAction("drop", "🗑", N_("Discard"), frozenset({UNSENT})),
    ReportAction("resume", "▶️", N_("Resume sending"), frozenset({"halted"})),
    ReportAction(
        "send", "🚀", N_("Send now"), SENDABLE, confirm="sendyes",
        question=N_(
            "Send it now, before its time? Everyone it is for receives it at once; it is dated "
            "now."
        ),
        yes=N_("Yes, send it now"),
    ),
    ReportAction("fix", "✏️", N_("Correct"), CORRECTABLE),
    ReportAction(
        "cancel", "⛔", N_("Cancel it"), CANCELLABLE, confirm="cancelyes",
        question=N_(
            "Cancel it? Sending stops at once, it is no longer shown, and those who received it "
            "get a short cancellation notice."
        ),
        yes=N_("Yes, cancel it"),
    ),
)  # fmt: skip
OPENING = ("draft", "open")  # a listing's press: a draft's report, an advisory's report
BY_CODE = {action.code: action for action in REPORT_ACTIONS}
CODES = frozenset(
    {*OPENING, *BY_CODE, *(action.confirm for action in REPORT_ACTIONS if action.confirm)}
)


def offered(state: str) -> list[str]:
    """The buttons under a report in `state`."""
    return [action.code for action in REPORT_ACTIONS if state in action.offered]


def allowed(state: str) -> set[str]:
    """The presses a report in `state` takes: opening it, its buttons, and their "Yes"."""
    actions = [BY_CODE[code] for code in offered(state)]
    return {"open", *(a.code for a in actions), *(a.confirm for a in actions if a.confirm)}
