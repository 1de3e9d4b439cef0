"""Everything that touches python-telegram-bot: the application, handlers, keyboards, buttons."""
