"""Storage: SQLAlchemy models, repositories and Alembic migrations; knows nothing of Telegram."""

from bot.storage.db import Database, DatabaseError
from bot.storage.models import Subscriber
from bot.storage.subscribers import SubscriberRepository

__all__ = ["Database", "DatabaseError", "Subscriber", "SubscriberRepository"]
