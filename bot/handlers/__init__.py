"""`register` is the one place where handlers are added to the Application."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CommandHandler

from bot.handlers import errors, user


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Add every handler; group numbers and order are explained where they matter."""
    application.add_handler(CommandHandler("start", user.start_command))
    application.add_error_handler(errors.error_handler)
