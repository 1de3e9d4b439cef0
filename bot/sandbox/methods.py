"""The Bot API methods the sandbox implements, each `(world, bot, params) -> result`."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

from bot.sandbox import messages as msg
from bot.sandbox.errors import ApiError, bad_request
from bot.sandbox.world import SimBot, SimChat, SimMessage, World, now

Method = Callable[[World, SimBot, dict[str, Any]], Awaitable[Any]]
SENDING = {"sendMessage", "sendLocation", "sendVenue", "sendVoice"}


async def get_me(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    return bot.user


async def get_updates(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    if bot.webhook is not None:
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first",
        )
    offset = int(params.get("offset") or 0)
    if offset:
        bot.confirm(offset)
    bot.polls += 1
    bot.poll_after_delivery = True
    allowed = params.get("allowed_updates")
    deadline = asyncio.get_running_loop().time() + float(params.get("timeout") or 0)
    while True:
        ready = [u for u in bot.updates if not allowed or any(k in u for k in allowed)]
        remaining = deadline - asyncio.get_running_loop().time()
        if ready or remaining <= 0 or world.closing:
            break
        bot.changed.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(bot.changed.wait(), remaining)
    batch = ready[: int(params.get("limit") or 100)]
    if batch:
        bot.delivered_up_to = max(bot.delivered_up_to, batch[-1]["update_id"])
        bot.poll_after_delivery = False
    return batch


async def set_webhook(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    if not str(params["url"]).startswith(("http://127.", "http://localhost", "https://")):
        raise bad_request("bad webhook: the sandbox posts only to loopback or https URLs")
    bot.webhook = {
        "url": params["url"],
        "secret_token": params.get("secret_token"),
        "allowed_updates": params.get("allowed_updates"),
    }
    if params.get("drop_pending_updates"):
        bot.updates.clear()
    bot.changed.set()  # a long poll in progress ends
    bot.webhook_wake.set()
    return True


async def delete_webhook(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    bot.webhook = None
    if params.get("drop_pending_updates"):
        bot.updates.clear()
    return True


async def get_webhook_info(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    url = bot.webhook["url"] if bot.webhook else ""
    return {"url": url, "has_custom_certificate": False, "pending_update_count": bot.pending()}


def _store(world: World, bot: SimBot, chat: SimChat, message: SimMessage) -> dict[str, Any]:
    bot.stats.sent += 1
    bot.stats.per_chat[chat.id] = bot.stats.per_chat.get(chat.id, 0) + 1
    if world.store_messages:
        chat.add(message)
    return msg.as_message(message, chat, bot)


def _new(chat: SimChat, params: dict[str, Any], **fields: Any) -> SimMessage:
    return SimMessage(
        message_id=chat.new_id(),
        chat_id=chat.id,
        from_bot=True,
        date=now(),
        silent=bool(params.get("disable_notification")),
        **fields,
    )


async def send_message(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    chat = msg.target_chat(world, params)
    text, entities = msg.render_text(params)
    keyboard = msg.inline_keyboard(params)
    msg.apply_reply_keyboard(chat, params)
    message = _new(chat, params, text=text, entities=entities, inline_keyboard=keyboard)
    return _store(world, bot, chat, message)


async def send_location(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    chat = msg.target_chat(world, params)
    location = {"latitude": params["latitude"], "longitude": params["longitude"]}
    return _store(world, bot, chat, _new(chat, params, extra={"location": location}))


async def send_venue(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    chat = msg.target_chat(world, params)
    location = {"latitude": params["latitude"], "longitude": params["longitude"]}
    venue = {"location": location, "title": params["title"], "address": params["address"]}
    extra = {"venue": venue, "location": location}
    return _store(world, bot, chat, _new(chat, params, extra=extra))


async def send_voice(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    chat = msg.target_chat(world, params)
    voice = {"file_id": f"voice-{chat.next_message_id}", "file_unique_id": "v", "duration": 1}
    return _store(world, bot, chat, _new(chat, params, extra={"voice": voice}))


def _own_message(world: World, params: dict[str, Any]) -> tuple[SimChat, SimMessage]:
    chat = msg.target_chat(world, params)
    message = chat.find(int(params["message_id"]))
    if message is None or not message.from_bot:
        raise bad_request("message to edit not found")
    return chat, message


async def edit_message_text(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    chat, message = _own_message(world, params)
    text, entities = msg.render_text(params)
    keyboard = msg.inline_keyboard(params)
    if (
        text == message.text
        and entities == message.entities
        and keyboard == message.inline_keyboard
    ):
        raise bad_request(
            "message is not modified: specified new message content and reply "
            "markup are exactly the same as a current content and reply markup "
            "of the message"
        )
    message.text, message.entities, message.inline_keyboard = text, entities, keyboard
    message.edited = True
    return msg.as_message(message, chat, bot)


async def edit_message_reply_markup(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    chat, message = _own_message(world, params)
    message.inline_keyboard = msg.inline_keyboard(params)
    message.edited = True
    return msg.as_message(message, chat, bot)


async def delete_message(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    chat = msg.target_chat(world, params)
    message = chat.find(int(params["message_id"]))
    if message is None:
        raise bad_request("message to delete not found")
    if message.from_bot and now() - message.date > 48 * 3600:
        raise bad_request("message can't be deleted for everyone")
    message.deleted = True
    return True


async def delete_messages(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    chat = msg.target_chat(world, params)
    for message_id in params["message_ids"]:
        message = chat.find(int(message_id))
        if message is not None:
            message.deleted = True
    return True


async def answer_callback_query(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    query_id = str(params["callback_query_id"])
    if query_id not in bot.callback_answers or bot.callback_answers[query_id] is not None:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    bot.callback_answers[query_id] = {k: v for k, v in params.items() if k != "callback_query_id"}
    return True


MAX_INLINE_RESULTS = 50


async def answer_inline_query(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    """Telegram's checks: a known, unanswered query; at most 50 results with unique ids of at
    most 64 bytes; each text a valid message (entities parsed, length)."""
    query_id = str(params["inline_query_id"])
    if query_id not in bot.inline_answers or bot.inline_answers[query_id] is not None:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    results = params["results"]
    if len(results) > MAX_INLINE_RESULTS:
        raise bad_request("RESULTS_TOO_MUCH")
    ids = [str(r["id"]) for r in results]
    if len(set(ids)) != len(ids) or any(not 1 <= len(i.encode()) <= 64 for i in ids):
        raise bad_request("RESULT_ID_INVALID")
    for result in results:
        content = result.get("input_message_content") or {}
        if "message_text" in content:
            msg.render_text(content, key="message_text")
        msg.inline_keyboard({"reply_markup": result.get("reply_markup") or {}})
    bot.inline_answers[query_id] = params
    return True


def _scope_key(params: dict[str, Any]) -> tuple[str, str]:
    scope = params.get("scope") or {"type": "default"}
    kind = str(scope.get("type"))
    if kind == "chat":  # one chat's own menu (Elchi gives admins theirs)
        kind = f"chat:{scope.get('chat_id')}"
    return kind, str(params.get("language_code") or "")


async def set_my_commands(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    language = str(params.get("language_code") or "")
    if language and (len(language) != 2 or not language.isalpha()):
        raise bad_request("invalid language code specified")
    bot.commands[_scope_key(params)] = list(params["commands"])
    return True


async def get_my_commands(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    return bot.commands.get(_scope_key(params), [])


async def delete_my_commands(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    bot.commands.pop(_scope_key(params), None)
    return True


async def set_chat_menu_button(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    bot.menu_button = params.get("menu_button") or {"type": "default"}
    return True


async def get_chat_menu_button(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    return bot.menu_button


async def accept(world: World, bot: SimBot, params: dict[str, Any]) -> Any:
    """Methods whose effect the sandbox does not model (descriptions, logOut …)."""
    return True


# fmt: off
METHODS: dict[str, Method] = {
    "getMe": get_me, "getUpdates": get_updates, "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook, "getWebhookInfo": get_webhook_info,
    "sendMessage": send_message, "sendLocation": send_location, "sendVenue": send_venue,
    "sendVoice": send_voice, "editMessageText": edit_message_text,
    "editMessageReplyMarkup": edit_message_reply_markup, "deleteMessage": delete_message,
    "deleteMessages": delete_messages, "answerCallbackQuery": answer_callback_query,
    "answerInlineQuery": answer_inline_query,
    "setMyCommands": set_my_commands, "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands, "setChatMenuButton": set_chat_menu_button,
    "getChatMenuButton": get_chat_menu_button, "setMyDescription": accept,
    "setMyShortDescription": accept, "setMyName": accept, "logOut": accept, "close": accept,
}
# fmt: on
