"""Who may use a handler, decided once: wrappers for commands and for buttons.

A button handler receives the parsed press (its callback data matched the pattern it was
registered with) and returns the text of a short toast, or None; the wrapper answers the press
either way, so a phone never shows a spinning button.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram import Update

from bot.config import SUPER_ADMIN
from bot.telegram import callbacks
from bot.telegram.callbacks import Callback
from bot.telegram.commands import publish_admin_commands
from bot.telegram.context import BotContext
from bot.telegram.views.citizens import ask_country, country_of
from bot.telegram.views.replies import stale_button, unknown_command
from bot.texts import replies as reply_texts

Handler = Callable[[Update, BotContext], Coroutine[Any, Any, None]]
ButtonHandler = Callable[[Update, BotContext, Callback], Awaitable[str | None]]
ANSWERED = "\x00answered"  # a handler that answered the press itself, before its slower work


def subscribers_only(handler: Handler) -> Handler:
    """Run `handler` for subscribers; anyone else is asked to /start first."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: BotContext) -> None:
        if context.subscriber is None:
            if update.effective_message is not None:
                await update.effective_message.reply_text(context._(reply_texts.SUBSCRIBE_FIRST))
            return
        await handler(update, context)

    return guarded


def citizens(topic: str) -> Callable[[Handler], Handler]:
    """Run `handler` once the person's citizenship is known (subscribed, or tapped just now);
    otherwise ask for it with one tap (the `ask:<topic>:<country>` button answers)."""

    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(update: Update, context: BotContext) -> None:
            if country_of(context) is None:
                await ask_country(update, context, topic)
                return
            await handler(update, context)

        return guarded

    return wrap


def _actor(update: Update) -> str:
    user = update.effective_user
    return f"tg:{user.id}" if user is not None else "tg:?"


def _stranger(update: Update, context: BotContext) -> str:
    """Someone who is not an admin, in the audit as in logs: a keyed hash of the chat id
    (`/forget` removes these rows)."""
    user = update.effective_user
    return context.services.hash_chat(user.id) if user is not None else "chat#?"


async def _admin_country(update: Update, context: BotContext) -> str | None:
    """The presser's admin country (UZ, KG, TJ or *), or None for anyone else (audited).
    An admin's name is kept as their account gives it now, and the update is answered in the
    admin's own language (the one their notices come in)."""
    user = update.effective_user
    if user is None:
        return None
    country = await context.services.stores.admins.country_of(user_id=user.id)
    if country is not None:
        await speak_as_admin(context, user.id, user.full_name)
    return country


async def speak_as_admin(context: BotContext, user_id: int, name: str | None) -> None:
    """Remember the admin (name; language the first time) and answer in their language."""
    profile = await context.services.stores.profiles.remember(
        user_id=user_id, name=name, locale=context.lang
    )
    context.locale = profile.locale


async def language_chosen(context: BotContext, user_id: int, locale: str) -> None:
    """Someone chose a language: if they are an admin, their notices follow it."""
    if await context.services.stores.admins.country_of(user_id=user_id) is not None:
        await context.services.stores.profiles.choose_locale(user_id=user_id, locale=locale)


def admins_only(handler: Handler) -> Handler:
    """Run for admins; for anyone else answer as for an unknown command and write an audit row."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: BotContext) -> None:
        context.actor = _actor(update)
        country = await _admin_country(update, context)
        if country is None:
            message = update.effective_message
            command = (message.text or "").split()[0] if message and message.text else ""
            await context.services.actions.refused(
                actor=_stranger(update, context), attempted=command
            )
            await unknown_command(update, context)
            return
        context.admin_country = country
        services, user = context.services, update.effective_user
        if user is not None and user.id not in services.admin_menus:
            services.admin_menus.add(user.id)
            await publish_admin_commands(
                context.bot,
                services.translator,
                chat_id=user.id,
                locale=context.lang,
                super_admin=country == SUPER_ADMIN,
            )
        await handler(update, context)

    return guarded


def _button(button: ButtonHandler, *, who: str) -> Handler:
    @functools.wraps(button)
    async def pressed(update: Update, context: BotContext) -> None:
        query = update.callback_query
        assert query is not None
        press = callbacks.parse(query.data)
        if press is None or query.message is None:
            await stale_button(update, context)
            return
        context.actor = _actor(update)
        if who == "admin":
            context.admin_country = await _admin_country(update, context)
            if context.admin_country is None:
                await context.services.actions.refused(
                    actor=_stranger(update, context), attempted=f"button {press.action}"
                )
                await stale_button(update, context)
                return
        elif who == "subscriber" and context.subscriber is None:
            await stale_button(update, context)
            return
        said = await button(update, context, press)
        if said != ANSWERED:
            await query.answer(said)

    return pressed


def anyone_button(button: ButtonHandler) -> Handler:
    """A button anyone may press (onboarding, /forget, "I understand")."""
    return _button(button, who="anyone")


def subscriber_button(button: ButtonHandler) -> Handler:
    """A button for subscribers; for anyone else it is out of date."""
    return _button(button, who="subscriber")


def admin_button(button: ButtonHandler) -> Handler:
    """A button for admins; anyone else's press is audited and answered as out of date.
    The handler checks the country of what the button acts on."""
    return _button(button, who="admin")
