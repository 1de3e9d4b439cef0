"""Texts of /law, /latest and /callup."""

from __future__ import annotations

from html import escape

from bot.texts import Gettext, bold, html
from bot.world import COUNTRY_NAMES


def dual_question(_: Gettext) -> str:
    """Asked after a standing warning whose answer depends on dual citizenship."""
    return html(
        _(
            "Do you also hold Russian citizenship? The answer changes what applies to you. "
            "Your answer is not saved."
        )
    )


def nothing_in_force(_: Gettext) -> str:
    """/latest with nothing in force."""
    return html(
        _("There are no advisories in force for your country right now. Legal warnings: /law")
    )


def callup_question(_: Gettext) -> str:
    """The first step of /callup."""
    return bold(_("What happened?")) + "\n" + html(_("Elchi does not save anything about this."))


def callup_advice(
    _: Gettext,
    *,
    situation: str,
    country_code: str,
    mission_card: str,
    instruction: str | None,
    from_embassy: bool,
    sources: str = "",
) -> str:
    """What to do now, whom to call, what to have ready, a message to copy; the sources of
    the numbers last (footnotes must not stand between a reader and the message to send)."""
    templates = {
        "paper": _(
            "Hello. My citizenship: {country}. I work in Russia. I received a call-up "
            "paper. Please tell me what to do. My name: … My phone: …"
        ),
        "offer": _(
            "Hello. My citizenship: {country}. I work in Russia. A recruiter offered me a "
            "contract with the army. Please tell me what to do. My name: … My phone: …"
        ),
        "pressure": _(
            "Hello. My citizenship: {country}. I work in Russia. Someone is pressuring me "
            "to sign a contract with the army. Please help me. My name: … My phone: …"
        ),
    }
    message = templates[situation].format(country=_(COUNTRY_NAMES[country_code]))
    parts = [
        bold(_("What to do now")),
        "1. "
        + html(
            _(
                "Do not sign anything, even if you are promised money, a Russian passport or "
                "quick papers."
            )
        ),
        "2. " + html(_("Contact your consulate or embassy now:")) + "\n" + mission_card,
    ]
    if instruction:  # the embassy's own words only when they are; else Elchi's advice
        label = _("What your embassy says:") if from_embassy else _("Elchi's advice:")
        parts.append(bold(label) + "\n" + instruction)
    parts += [
        bold(_("What to have ready"))
        + "\n"
        + html(
            _(
                "Your passport, migration card and registration, the paper you received or a "
                "photo of it, the name and phone number of whoever approached you, and where "
                "it happened."
            )
        ),
        bold(_("A message you can send to the embassy (tap it to copy):"))
        + f"\n<code>{escape(message, quote=False)}</code>",
        html(_("Elchi does not save anything about this.")),
    ]
    return "\n\n".join([*parts, sources] if sources else parts)
