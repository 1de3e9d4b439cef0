"""Message objects in the shape the Bot API returns them (and validation of what is sent)."""

from __future__ import annotations

from typing import Any

from bot.sandbox.errors import bad_request, forbidden
from bot.sandbox.world import SimBot, SimChat, SimMessage, World
from bot.texts.telegram_html import HtmlError, parse_html, utf16_len

MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64


def as_message(message: SimMessage, chat: SimChat, bot: SimBot) -> dict[str, Any]:
    """The Message object for `message`."""
    sender = bot.user if message.from_bot else chat.user
    body: dict[str, Any] = {
        "message_id": message.message_id,
        "date": message.date,
        "chat": chat.as_chat(),
    }
    if chat.channel is None:  # a channel's posts are signed by the channel, not a user
        body["from"] = sender
    else:
        body["sender_chat"] = chat.as_chat()
    if message.text is not None:
        body["text"] = message.text
        if message.entities:
            body["entities"] = message.entities
    if message.inline_keyboard is not None:
        body["reply_markup"] = {"inline_keyboard": message.inline_keyboard}
    if message.edited:
        body["edit_date"] = message.date
    body.update({k: v for k, v in message.extra.items() if k != "reply_markup"})
    return body


def target_chat(world: World, params: dict[str, Any]) -> SimChat:
    """The private chat named by chat_id: 400 if unknown, 403 if the user blocked the bot."""
    raw = params["chat_id"]
    try:
        chat_id = int(raw)
    except (TypeError, ValueError):
        raise bad_request("chat not found") from None
    chat = world.chat(chat_id)
    if chat is None:
        raise bad_request("chat not found")
    if chat.blocked:
        raise forbidden("bot was blocked by the user")
    if chat.channel is not None and not chat.bot_is_admin:
        raise forbidden("bot is not a member of the channel chat")
    return chat


def render_text(params: dict[str, Any], *, key: str = "text") -> tuple[str, list[dict[str, Any]]]:
    """Text after entity parsing, checked for Telegram's empty and length limits."""
    raw = str(params[key])
    mode = str(params.get("parse_mode") or "").lower()
    if mode == "html":
        try:
            parsed = parse_html(raw)
        except HtmlError as error:
            raise bad_request(str(error)) from None
        text, entities = parsed.text, parsed.entities
    elif mode:
        raise bad_request(f"unsupported parse_mode {params['parse_mode']!r} in the sandbox")
    else:
        text, entities = raw, list(params.get("entities") or [])
    if not text.strip():
        raise bad_request("message text is empty")
    if utf16_len(text) > MAX_TEXT:
        raise bad_request("message is too long")
    return text, entities


def inline_keyboard(params: dict[str, Any]) -> list[list[dict[str, Any]]] | None:
    """The inline keyboard of reply_markup, with callback_data checked (1-64 bytes)."""
    markup = params.get("reply_markup") or {}
    rows = markup.get("inline_keyboard")
    if rows is None:
        return None
    for button in (b for row in rows for b in row):
        data = button.get("callback_data")
        if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA:
            raise bad_request("BUTTON_DATA_INVALID")
        if not str(button.get("text", "")).strip():
            raise bad_request("text buttons are unallowed in the inline keyboard")
    return list(rows)


def apply_reply_keyboard(chat: SimChat, params: dict[str, Any]) -> None:
    """A reply keyboard stays under the input field until removed or replaced."""
    markup = params.get("reply_markup") or {}
    if "keyboard" in markup:
        chat.reply_keyboard = markup
    elif markup.get("remove_keyboard"):
        chat.reply_keyboard = None
