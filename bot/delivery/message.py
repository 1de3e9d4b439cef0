"""One advisory to one chat: its parts, "I understand" on the last one, then its voice note."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot.advisories.model import Advisory
from bot.delivery.budget import Budget
from bot.delivery.sender import Proceed, budgeted
from bot.delivery.telegram_api import SendResult
from bot.i18n import Translator
from bot.storage import message_ids
from bot.world import N_
from bot.world.links import friend_share_url

Send = Callable[[dict[str, Any]], Awaitable[SendResult]]
Markup = Callable[[Advisory, str], dict[str, Any] | None]
# The "I understand" action in callback data (handled by `bot.telegram.handlers.ack`).
ACK_ACTION = "ack"
ACK_LABEL = N_("I understand")
# "ask:embassy:<country>" (`bot.telegram.handlers.embassy.ask_button`); the label is the menu's.
CONTACTS_ACTION = "ask"
CONTACTS_LABEL = N_("Embassy contacts")
# "src:<advisory id>" (`bot.telegram.handlers.sources`): the advisory's sources, on request.
SOURCES_ACTION = "src"
SOURCES_LABEL = N_("Sources")
# "more:<advisory id>" (`bot.telegram.handlers.sources`): the whole text of a summarised one.
MORE_ACTION = "more"
MORE_LABEL = N_("More")
# "Send to a friend": Telegram's share link with a short text in the sender's language and the
# link that subscribes the friend in that language and country (`bot.world.links`).
SHARE_LABEL = N_("Send to a friend")
SHARE_TEXT = N_("{headline}. Your embassy's warnings in your language, free:")
# One object for every message (never changed): the client encodes a broadcast's body once.
NO_PREVIEW: dict[str, bool] = {"is_disabled": True}
CORRECTED = N_(
    "The embassy has corrected this advisory: the message above now shows the new text."
)


@dataclass(frozen=True)
class Delivered:
    """The last answer (sent, or why not) and the ids of what reached the chat."""

    result: SendResult
    first_id: int | None = None
    later_ids: list[int] = field(default_factory=list)  # the second and third part
    voice_ids: list[int] = field(default_factory=list)
    ambiguous: bool = False  # a part may have arrived twice (a connection dropped after it)

    @property
    def more(self) -> str | None:
        return message_ids.join(self.later_ids, self.voice_ids)


def ack_data(advisory_id: str) -> str:
    """The callback data of the "I understand" button (`bot.telegram.callbacks` parses it)."""
    return f"{ACK_ACTION}:{advisory_id}"


def contacts_data(country: str) -> str:
    """The callback data of the "Embassy contacts" button (`/embassy` for that country)."""
    return f"{CONTACTS_ACTION}:embassy:{country}"


def reading_rows(
    translator: Translator, advisory: Advisory, locale: str, username: str | None = None
) -> list[list[dict[str, str]]]:
    """Under every advisory: the whole text (when the message is a summary) and the sources,
    then how to reach the embassy (never a dead end), then "Send to a friend" (when the bot's
    username is known). They stay after "I understand"."""
    more = "📖 " + translator.gettext(MORE_LABEL, locale=locale)
    sources = "📎 " + translator.gettext(SOURCES_LABEL, locale=locale)
    label = "🏛 " + translator.gettext(CONTACTS_LABEL, locale=locale)
    reading = [{"text": sources, "callback_data": f"{SOURCES_ACTION}:{advisory.id}"}]
    if advisory.read_in(locale).summary:
        reading.insert(0, {"text": more, "callback_data": f"{MORE_ACTION}:{advisory.id}"})
    rows = [reading, [{"text": label, "callback_data": contacts_data(advisory.country)}]]
    if username:
        text = translator.gettext(SHARE_TEXT, locale=locale).format(
            headline=advisory.read_in(locale).headline
        )
        url = friend_share_url(username, text=text, locale=locale, country=advisory.country)
        rows.append([{"text": "📨 " + translator.gettext(SHARE_LABEL, locale=locale), "url": url}])
    return rows


def ack_markup(translator: Translator, username: str | None = None) -> Markup:
    """advisory, locale → "I understand", the reading buttons and "Send to a friend", in the
    reader's language."""

    def markup(advisory: Advisory, locale: str) -> dict[str, Any]:
        label = "✅ " + translator.gettext(ACK_LABEL, locale=locale)
        ack = [{"text": label, "callback_data": ack_data(advisory.id)}]
        rows = reading_rows(translator, advisory, locale, username)
        return {"inline_keyboard": [ack, *rows]}

    return markup


def corrected_notice(translator: Translator) -> Callable[[str], str]:
    """locale → the short reply sent under a corrected advisory (when the admin asks for it)."""
    return lambda locale: "✏️ " + translator.gettext(CORRECTED, locale=locale)


def payload(chat_id: int, text: str, *, quiet: bool, paid: bool) -> dict[str, Any]:
    """sendMessage parameters for one HTML message."""
    body: dict[str, Any] = {
        "chat_id": chat_id,
        "text": text,
        "parse_mode": "HTML",
        "link_preview_options": NO_PREVIEW,
    }
    if quiet:
        body["disable_notification"] = True
    if paid:
        body["allow_paid_broadcast"] = True
    return body


async def send_parts(
    *,
    send: Send,
    send_voice: Send | None,
    budget: Budget,
    chat_id: int,
    parts: list[str],
    markup: dict[str, Any] | None,
    voice: str | None,
    quiet: bool,
    paid: bool,
    priority: int,
    queue: str = "",
    delivered: list[int] | None = None,
    proceed: Proceed | None = None,
    on_part: Callable[[list[int]], Awaitable[None]] | None = None,
) -> Delivered | None:
    """Send every part not yet delivered, in order; stop at the first that does not go through.

    `delivered`: the ids of the parts an earlier try got through; sending resumes at the next
    part, so nobody gets part 1 twice. `on_part` keeps the ids of the parts sent so far after
    each part but the last (a crash between parts then resumes after them too). None: `proceed`
    said no when the budget allowed the first send, so nothing was sent.
    """
    ids = list(delivered or [])
    result, ambiguous = SendResult("sent"), False
    for index in range(len(ids), len(parts)):
        body = payload(chat_id, parts[index], quiet=quiet, paid=paid)
        if markup is not None and index == len(parts) - 1:
            body["reply_markup"] = markup
        first = index == len(delivered or [])
        answer = await budgeted(
            budget,
            send,
            body,
            priority=priority,
            queue=queue,
            paid=paid,
            proceed=proceed if first else None,
        )
        if answer is None:
            return None
        result = answer
        ambiguous |= result.ambiguous
        if result.kind != "sent":
            return Delivered(result, ids[0] if ids else None, ids[1:], ambiguous=ambiguous)
        ids.append(result.message_id or 0)
        if on_part is not None and index < len(parts) - 1:
            await on_part(ids)
    voices: list[int] = []
    if voice is not None and send_voice is not None:
        body = {"chat_id": chat_id, "voice": voice, "disable_notification": True}
        spoken = await budgeted(budget, send_voice, body, priority=priority, queue=queue)
        # The text arrived: a voice note that fails is not worth a second copy of the text.
        if spoken is not None and spoken.kind == "sent" and spoken.message_id:
            voices.append(spoken.message_id)
    return Delivered(result, ids[0] if ids else None, ids[1:], voices, ambiguous)
