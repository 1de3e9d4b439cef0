"""Understanding what people type and forward: language, intent, copied advisory, reasons.

No python-telegram-bot here: the bot's handlers and `elchi understand` both call `Reader.read`.
Language knowledge is data (`signals/<locale>.yaml`), matched by cld3-py and rapidfuzz.
"""

from bot.understand.copies import Reference
from bot.understand.reader import INTENTS, Intent, Reader, Understanding
from bot.understand.signals import Signals

__all__ = ["INTENTS", "Intent", "Reader", "Reference", "Signals", "Understanding"]
