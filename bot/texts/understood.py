"""What the bot says about a text someone typed or forwarded (`bot.understand`): the action
first, the person's own words quoted, whose claim each sentence is."""

from __future__ import annotations

from html import escape

from bot.texts import Gettext, bold, html
from bot.world import N_


def _quoted(words: list[str]) -> str:
    return ", ".join(f"«{escape(w, quote=False)}»" for w in words)


def said_by(_: Gettext, instruction: str | None, *, from_embassy: bool) -> str:
    """The standing warning's action, under the name of whoever says it."""
    if not instruction:
        return ""
    label = _("What your embassy says:") if from_embassy else _("Elchi's advice:")
    return f"{bold(label)}\n👉 {html(instruction)}"


def military_offer(
    _: Gettext, *, signs: list[str], instruction: str | None, from_embassy: bool
) -> str:
    """A job offer that reads like a military contract."""
    parts = [
        "⚠️ " + bold(_("This looks like military service, not a job.")),
        html(_("Signs of it in this message: {signs}."), signs="\0").replace(
            "\0", _quoted(signs)
        ),  # the person's words are escaped by _quoted, the sentence by html
        html(_("Elchi cannot check this offer. Do not sign anything you cannot read.")),
    ]
    advice = said_by(_, instruction, from_embassy=from_embassy)
    return "\n\n".join([*parts, advice] if advice else parts)


def genuine(_: Gettext, *, issued: str, headline: str) -> str:
    """A forwarded copy of the embassy's own advisory (the advisory follows)."""
    return (
        "✅ "
        + bold(_("This is your embassy's advisory of {date}."), date=issued)
        + ("\n" + html(headline))
    )


def unverified(
    _: Gettext, *, changed: list[str], instruction: str | None, from_embassy: bool
) -> str:
    """A text in an embassy's name that is none of its advisories, or one changed."""
    parts = ["⚠️ " + bold(_("This is not among your embassy's advisories."))]
    if changed:
        lead = html(_("It looks like an advisory, but these words are not in the original:"))
        parts.append(lead + "\n" + "\n".join(f"«{escape(c, quote=False)}»" for c in changed))
    parts.append(html(_("Do not act on it before you check it with the embassy by phone.")))
    advice = said_by(_, instruction, from_embassy=from_embassy)
    return "\n\n".join([*parts, advice] if advice else parts)


def not_understood(_: Gettext) -> str:
    """Anything else: what the bot can do, with its buttons in the same message."""
    return html(
        _(
            "I did not find a call-up paper, a job offer or an embassy message in this. "
            "Choose what you need:"
        )
    )


def consent_question(_: Gettext) -> str:
    """Asked under an offer's answer; nothing is kept unless they say yes."""
    return html(
        _(
            "Send this offer to your embassy, without your name? It helps the embassy warn "
            "others. Only the text is sent."
        )
    )


def offers_list(_: Gettext, *, country: str, offers: list[tuple[str, int, str]]) -> list[str]:
    """Flagged offers for admins, newest first: (date, times, text); one message each."""
    if not offers:
        return [html(_("No job offers were sent in for {country}."), country=country)]
    head = bold(
        _("Job offers readers sent in for {country}, newest first (never who sent them):"),
        country=country,
    )
    lines = [head]
    for last, times, text in offers:
        count = html(_("Times it came in: {count}"), count=str(times))  # no plural forms
        lines.append(f"<b>{html(last)} · {count}</b>\n{html(text)}")
    return lines


INTENT_LABELS = {  # /stats: what texts were read as
    "crisis": N_("cries for help"),
    "military_offer": N_("military job offers"),
    "embassy_genuine": N_("copies of the embassy's advisories"),
    "embassy_unverified": N_("texts not among the embassy's advisories"),
    "other": N_("other texts"),
}


def understood_line(_: Gettext, counts: dict[str, int]) -> str:
    """/stats: texts read since this process started, by intent (counts only)."""
    said = ", ".join(f"{_(INTENT_LABELS[i])} {n}" for i, n in counts.items() if n)
    return html(_("Texts read since the bot started: {counts}"), counts=said or "0")
