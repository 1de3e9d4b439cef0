"""The prompts of /new's questions, as admins read them (staff texts, still in every language);
each question's record in `bot.admin.questions` names its prompt."""

from __future__ import annotations

from datetime import datetime

from bot.admin.text_checks import MAX_HEADLINE
from bot.admin.typed_times import example_day
from bot.storage.drafts import DraftAnswers
from bot.texts import Gettext, bold, html, language_name
from bot.texts import country as country_name
from bot.world.regions import REGION_NAMES


def text(_: Gettext, key: str, data: DraftAnswers, now: datetime) -> str:
    locale, name = key.split(".", 1)
    language = language_name(locale)
    prompts = {
        "headline": _("{language}: the headline, on one line ({limit} characters at most)."),
        "claim": _("{language}: the false claim you are correcting, on one line."),
        "body": _(
            "{language}: the text of the advisory. Leave an empty line between paragraphs. "
            "Bold, italic and links are kept."
        ),
        "instruction": _(
            "{language}: what should people do? One short sentence; it is shown first, in bold."
        ),
        "summary": _(
            "{language}: what the message shows, at most three short sentences; the whole "
            "text is behind “More”."
        ),
    }
    lines = [bold(prompts[name], language=language, limit=str(MAX_HEADLINE))]
    if name == "headline" and not data.text.get(locale):
        lines.append(
            html(
                _(
                    "Or send the whole text in one message: the headline on the first line, "
                    "what people should do on the second, then the text."
                )
            )
        )
    if name == "headline" and locale != "ru":
        lines.append(html(_("Not translated yet? Press “To follow”: Russian is shown meanwhile.")))
    current = data.text.get(locale, {}).get(name)
    if current:
        lines.append(html(_("Now: {current}"), current=_short(current)))
    return "\n\n".join(lines)


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def country(_: Gettext, key: str, data: DraftAnswers, now: datetime) -> str:
    return bold(_("New advisory. Whose citizens is it for?"))


def kind(_: Gettext, key: str, data: DraftAnswers, now: datetime) -> str:
    where = country_name(_, data.country) if data.country else ""
    asked = bold(_("New advisory for {country}. What kind is it?"), country=where)
    if not data.candidates:
        return asked
    fast = _(
        "Faster: “📋 Like …” takes the severity, audience and sources of an earlier "
        "advisory; you then send each language as one message. You can change everything "
        "in the preview."
    )
    return "\n\n".join([asked, html(fast)])


def supersedes(_: Gettext, key: str, data: DraftAnswers, now: datetime) -> str:
    return bold(_("Which advisory does it update?"))


def severity(_: Gettext, key: str, data: DraftAnswers, now: datetime) -> str:
    return "\n\n".join(
        [
            bold(_("How serious is it?")),
            html(
                _(
                    "Severe and extreme advisories ring at any hour; the others arrive silently "
                    "between 22:00 and 08:00 local time."
                )
            ),
        ]
    )


def regions(_: Gettext, key: str, data: DraftAnswers, now: datetime) -> str:
    chosen = ", ".join(_(REGION_NAMES[r]) for r in data.regions if r in REGION_NAMES)
    lines = [
        bold(_("Where in Russia? Choose regions, or everywhere.")),
        html(_("Only subscribers who saved one of these regions receive a regional advisory.")),
    ]
    if chosen:
        lines.append(html(_("Chosen: {regions}"), regions=chosen))
    return "\n\n".join(lines)


def locales(_: Gettext, key: str, data: DraftAnswers, now: datetime) -> str:
    chosen = ", ".join(language_name(code) for code in data.locales)
    lines = [
        bold(_("In which languages? Readers of other languages will not receive it.")),
        html(_("Russian is always written; it is shown where a translation is missing.")),
    ]
    if chosen:
        lines.append(html(_("Chosen: {languages}"), languages=chosen))
    return "\n\n".join(lines)


def source_url(_: Gettext, key: str, data: DraftAnswers, now: datetime) -> str:
    return "\n\n".join(
        [
            bold(_("Source: send the link to the official page this advisory is based on.")),
            html(_("Every advisory shows its sources, so people can check it.")),
        ]
    )


def source_title(_: Gettext, key: str, data: DraftAnswers, now: datetime) -> str:
    return bold(
        _("The name of this source, e.g. “Embassy of Uzbekistan: statement of 21 September”.")
    )


def sources(_: Gettext, key: str, data: DraftAnswers, now: datetime) -> str:
    lines = [bold(_("Sources"))]
    lines += [f"📎 {html(_title(s['title']))} — {html(s['url'])}" for s in data.sources]
    lines.append(html(_("Today is recorded as the day they were checked.")))
    return "\n".join(lines)


def _title(title: object) -> str:
    """A source's title as typed, or its Russian one when it has one per language."""
    if isinstance(title, dict):
        return str(title.get("ru") or next(iter(title.values()), ""))
    return str(title)


def expiry(_: Gettext, key: str, data: DraftAnswers, now: datetime) -> str:
    if data.understood:  # a typed date, read: shown back to be confirmed
        moment = datetime.fromisoformat(data.understood)
        return bold(
            _("It applies until {moment}, Moscow time. Is that right?"),
            moment=f"{moment:%d.%m.%Y %H:%M}",
        )
    return "\n\n".join(
        [
            bold(_("Until when does it apply?")),
            html(
                _(
                    "After that, people no longer see it in “Latest advisories”. Press a button "
                    "or type a date, for example {example}."
                ),
                example=example_day(now=now),
            ),
        ]
    )


def voices(_: Gettext, key: str, data: DraftAnswers, now: datetime) -> str:
    recorded = ", ".join(language_name(code) for code in data.voice)
    lines = [
        bold(_("Voice notes (optional), for people who read with difficulty.")),
        html(_("Choose a language, then record. The note is sent after the text.")),
    ]
    if recorded:
        lines.append(html(_("Recorded: {languages}"), languages=recorded))
    return "\n\n".join(lines)


def recording(_: Gettext, key: str, data: DraftAnswers, now: datetime) -> str:
    return html(
        _("Record the voice note in {language} now: hold the microphone button."),
        language=language_name(key.split(".", 1)[1]),
    )
