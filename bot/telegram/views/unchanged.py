"""A correction that changes some languages: each unchanged one is asked about, one at a time
(it may now say something else): still right, to follow, or edit."""

from __future__ import annotations

from bot.admin import compose
from bot.storage.drafts import Draft
from bot.telegram.callbacks import short
from bot.telegram.context import BotContext
from bot.telegram.keyboards import admin as admin_keyboards
from bot.texts import bold, html, language_name
from bot.texts import staff as staff_texts


async def ask_unchanged(context: BotContext, chat_id: int, draft: Draft) -> bool:
    """Ask about the first unchanged language not yet settled; False if none is left."""
    left = compose.unconfirmed_languages(draft.data)
    if not left:
        return False
    changed = ", ".join(language_name(loc) for loc in compose.changed_languages(draft.data))
    text = "\n\n".join(
        [
            bold(
                context._(staff_texts.CHANGED_LANGUAGES),
                changed=changed,
            ),
            html(
                context._(staff_texts.STILL_THE_SAME),
                language=language_name(left[0]),
            ),
        ]
    )
    keyboard = admin_keyboards.unchanged(context._, short(draft.id), left[0])
    await context.bot.send_message(chat_id, text, parse_mode="HTML", reply_markup=keyboard)
    return True
