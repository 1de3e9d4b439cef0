"""One advisory for one locale as Telegram HTML messages (≤4096 characters each)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from html import escape

from bot.advisories.model import Advisory, LocaleText, Source, pick
from bot.i18n import Translator
from bot.texts import Gettext, html
from bot.texts.telegram_html import parse_html, utf16_len
from bot.world import COUNTRY_NAMES, FLAGS, MOSCOW, N_

MAX_MESSAGE = 4096
DateFormat = Callable[[date], str]  # a date in the reader's locale
SEVERITY_ICON = {"extreme": "🔴", "severe": "🟠", "moderate": "🟡", "minor": "🔵"}
KIND_NOTE = {
    "update": N_("Update of an earlier advisory"),
    "cancel": N_("Cancellation of an earlier advisory"),
    "rumour_correction": N_("Correction of a false rumour"),
}
SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")  # a sentence ends before a space or the end


def render(
    advisory: Advisory,
    *,
    locale: str,
    gettext: Gettext,
    format_date: DateFormat,
    format_month: DateFormat | None = None,
) -> list[str]:
    """The messages to send, in order; paragraphs are never cut."""
    _ = gettext
    text = advisory.text_for(locale)
    paragraphs: list[str] = []
    if text is None:  # a locale still pending: Russian, with a note in the reader's language
        text = advisory.text["ru"]
        paragraphs.append(
            "ℹ️ "
            + html(
                _("This advisory is not yet translated into your language. Here it is in Russian.")
            )
        )
    issued = issued_on(advisory, format_date=format_date, format_month=format_month)
    paragraphs.append(_header(advisory, text, _, issued))
    if text.instruction:  # the action first: some read no further
        paragraphs.append("👉 <b>" + text.instruction.strip() + "</b>")
    if advisory.kind == "rumour_correction" and text.claim:
        paragraphs.append("❌ " + html(_("False claim: {claim}"), claim=text.claim))
    if text.summary:  # short for readers; the whole text behind "More" (`more_text`)
        paragraphs.extend(_paragraphs(text.summary))
    else:
        paragraphs.extend(_paragraphs(text.body))
    return pack(paragraphs)  # the sources: behind the "Sources" button (`sources_list`)


def issued_on(
    advisory: Advisory, *, format_date: DateFormat, format_month: DateFormat | None = None
) -> str:
    """The day it is dated by, in Moscow, as readers see it (only the month where the
    source gives only the month)."""
    issued = advisory.effective.astimezone(MOSCOW).date()
    if advisory.date_precision == "month" and format_month is not None:
        return format_month(issued)
    return format_date(issued)


def more_text(advisory: Advisory, *, locale: str) -> list[str]:
    """What "More" under a summarised advisory shows: the whole text, in as few messages as
    fit; empty when the advisory has no summary (the message already holds everything)."""
    text = advisory.read_in(locale)
    if not text.summary:
        return []
    headline = f"<b>{escape(text.headline, quote=False)}</b>"
    return pack([headline, *_paragraphs(text.body)])


def dual_answer(advisory: Advisory, *, dual: bool, locale: str) -> str | None:
    """The answer to "Do you also hold Russian citizenship?", its action first: for dual
    citizens the answer's own first sentence (whom to ask), for the others the warning's action."""
    answers = advisory.if_dual if dual else advisory.if_not_dual
    text = pick(answers, locale)
    if not text:
        return None
    if not dual:
        action = advisory.read_in(locale).instruction
        lead = f"👉 <b>{escape(action.strip(), quote=False)}</b>\n\n" if action else ""
        return lead + html(text)
    first = SENTENCE_END.search(text)
    cut = first.end() if first else len(text)
    rest = text[cut:].strip()
    return f"👉 <b>{escape(text[:cut], quote=False)}</b>" + (f"\n\n{html(rest)}" if rest else "")


def _paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n\n") if p.strip()]


def sources_list(
    advisory: Advisory, *, locale: str, gettext: Gettext, format_date: DateFormat
) -> str:
    """What the "Sources" button under an advisory shows: each source, in the reader's
    language, with when it was published and checked."""
    lines = [f"📎 <b>{html(gettext('Sources'))}</b>"]
    lines += [
        f"{number}. " + source_text(s, gettext, format_date, locale=locale)
        for number, s in enumerate(advisory.sources, 1)
    ]
    return "\n".join(lines)


def _header(advisory: Advisory, text: LocaleText, _: Gettext, issued: str) -> str:
    lines = [f"{SEVERITY_ICON[advisory.severity]} <b>{escape(text.headline, quote=False)}</b>"]
    country = f"{FLAGS[advisory.country]} {_(COUNTRY_NAMES[advisory.country])}"
    lines.append(html(f"{country} · {issued}"))
    if advisory.kind in KIND_NOTE:
        lines.append("<i>" + html(_(KIND_NOTE[advisory.kind])) + "</i>")
    if advisory.status != "actual":
        lines.append("<b>" + html(_("TEST — this is not a real advisory.")) + "</b>")
    return "\n".join(lines)


def source_text(source: Source, _: Gettext, format_date: DateFormat, *, locale: str) -> str:
    """The linked title, when it was published and checked, and whether the page was found."""
    title = escape(source.title_in(locale), quote=False)
    link = f'<a href="{escape(source.url)}">{title}</a>'
    if source.published is not None:
        said = _("{source}, published on {published}, checked on {date}")
    else:
        said = _("{source}, checked on {date}")
    published = format_date(source.published) if source.published else ""
    text = html(said, source="\0", published=published, date=format_date(source.checked))
    text = text.replace("\0", link)
    if not source.found:
        note = _(
            "The page that says this was not found: the link is only the publisher's or the "
            "mission's own site."
        )
        text += f" ({html(note)})"
    return text


def pack(paragraphs: list[str]) -> list[str]:
    """Join paragraphs into as few messages as fit Telegram's limit after entity parsing."""
    messages: list[str] = []
    current = ""
    for paragraph in paragraphs:
        candidate = f"{current}\n\n{paragraph}" if current else paragraph
        if current and visible_length(candidate) > MAX_MESSAGE:
            messages.append(current)
            candidate = paragraph
        current = candidate
    if current:
        messages.append(current)
    return messages


def visible_length(markup: str) -> int:
    """Length as Telegram counts it after parsing the HTML."""
    return utf16_len(parse_html(markup).text)


def renderer(translator: Translator) -> Callable[[Advisory, str], list[str]]:
    """advisory, locale → its messages in that locale's words and dates: the one way every
    message, page copy and comparison (`bot.understand`) renders an advisory."""

    def render_for(advisory: Advisory, locale: str) -> list[str]:
        return render(
            advisory,
            locale=locale,
            gettext=translator.bound(locale),
            format_date=translator.date_formatter(locale),
            format_month=translator.month_formatter(locale),
        )

    return render_for
