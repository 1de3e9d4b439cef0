"""What admins read on the Telegram screens and in the reports the bot sends them: the
sentences the handlers, steps and views say, each a named msgid translated where it is said."""

from __future__ import annotations

from bot.world import N_

OUT_OF_DATE = N_("This button is out of date. Use /advisories.")
COMMAND_NEW = N_("Compose a new advisory")
COMMAND_ADVISORIES = N_("Drafts, scheduled and sent advisories")
COMMAND_STATS = N_("Subscriber and delivery counts")
COMMAND_HALT = N_("Stop all sending at once")
COMMAND_OFFERS = N_("Job offers readers sent in")
COMMAND_AUDIT = N_("Who did what (audit log)")
SUBSCRIBERS = N_("Subscribers")
RECENT_ADVISORIES = N_("Recent advisories")
AUDIT_LOG_SUPER_ADMINS_ONLY = N_("Only super-admins can read the audit log.")
HALTED = N_("Sending stopped. Broadcasts halted: {count}.")
NO_ENTRIES = N_("No entries.")
REQUEST_CLOSED = N_("This request is no longer open (it was decided, or the draft changed).")
NOT_YOUR_OWN_APPROVAL = N_("You asked for it yourself: another admin must approve it.")
REJECTED = N_("Rejected. The author is told.")
SENDING_RESUMED = N_("Sending resumed.")
DISCARDED = N_("Discarded. Nothing was sent.")
CANCELLED_UNSEEN = N_("Cancelled. Nobody had received it, so no notice is sent.")
DRAFT_OPEN = N_("A draft of this advisory is open: finish or discard it first.")
WAITING_FOR_APPROVAL = N_("Waiting for approval: {requester} asked.")
WHAT_TO_CHANGE = N_("What do you want to change?")
CORRECTION_UNSENT = N_("Correction: not sent yet. Readers still have the old text.")
DRAFT_UNSENT = N_("Draft: not sent yet.")
CANCELLED_WITH_NOTICE = N_("Cancelled. A notice goes to those who received it: {count}.")
NOT_PASSING_CHECKS = N_("The advisory does not pass the checks yet:")
TEST_SENT = N_("Test sent. Admins reached: {count}.")
WHEN_TO_SEND = N_("When should it be sent?")
CHOOSE_OR_TYPE_WHEN = N_("Choose below, or type the date and time (Moscow), e.g. {example}.")
TYPE_WHEN = N_("Type the date and time, Moscow time, for example {example}.")
APPROVED_AS_ASKED = N_("{approver} approved “{headline}”; it goes out as you asked.")
REJECTED_DRAFT_KEPT = N_(
    "{approver} rejected “{headline}”. The draft is kept: change it in /advisories."
)
SEND_ON = N_("Send it on {moment}, Moscow time?")
NOBODY_WOULD_RECEIVE = N_(
    "Nobody would receive it: none of the {count} subscribers of this country is in "
    "the chosen regions and languages. Change the audience."
)
SENDING_NOW = N_(
    "Sending now. Subscribers: {audience}. Every admin of the country is told, and "
    "you get a report when it is finished."
)
CORRECTING = N_("Correcting the delivered messages: {count}. You get a report when it is done.")
SCHEDULED = N_("Scheduled for {time}. Subscribers now: {audience}. It is sent then, once.")
WAITING_FOR_SECOND_ADMIN = N_(
    "Waiting for a second admin of {country}. Asked to approve: {count}."
)
NO_APPROVER = N_(
    "No other admin of {country} can approve it. Ask the operator to add one, or a super-admin."
)
NEW_ADVISORY = N_("New advisory")
NO_ADVISORIES = N_("No advisories.")
ADVISORIES_LISTED = N_("Advisories: open one for its report.")
CHANGED_LANGUAGES = N_("You changed the text in: {changed}.")
STILL_THE_SAME = N_(
    "The text in {language} was not changed. Does it still say the same? If not yet "
    "translated, readers see the Russian text meanwhile."
)
CORRECTION_FORGOTTEN = N_(
    "Your correction of “{headline}” has not gone out: readers still have the old "
    "text. Open /advisories to send or discard it."
)
BROADCAST_FINISHED = N_("Broadcast finished")
BROADCAST_STARTED = N_("Broadcast started: “{headline}” ({country}). Subscribers: {audience}.")
CORRECTION_FINISHED = N_("Correction finished")
BROADCAST_COUNTS = N_("Sent: {sent}. Blocked: {blocked}. Failed: {failed}. Skipped: {skipped}.")
CORRECTION_COUNTS = N_("Edited: {edited}. Deleted by readers: {gone}. Failed: {failed}.")
LATE_BECAUSE_STOPPED = N_("It was due at {time} while the bot was not running; it is sent now.")
