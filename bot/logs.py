"""Logging set up once: chat ids only as keyed hashes, secrets scrubbed from every record."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import sys
from collections.abc import Iterable

# Libraries that log request URLs (with the token in the path) or update contents at INFO/DEBUG,
# and alembic's plugin announcements (commands import their modules after logging is set up).
_NOISY = (
    "fontTools",  # a line per glyph table of each font a poster subsets
    "httpx",
    "httpcore",
    "telegram",
    "apscheduler",
    "aiohttp.access",
    "asyncio",
    "alembic.runtime.plugins",
    # Each statement with its parameters (chat ids among them) at DEBUG: never printed, even
    # at LOG_LEVEL=DEBUG, as chat ids appear in logs only as keyed hashes.
    "aiosqlite",
    "sqlalchemy.engine",
    "sqlalchemy.pool",
    "asyncpg",
)


class ChatHasher:
    """Keyed hash of a chat id: stable within one deployment, not reversible without the key."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def __call__(self, chat_id: int) -> str:
        digest = hmac.new(self._key, str(chat_id).encode(), hashlib.sha256).hexdigest()
        return f"chat#{digest[:12]}"


class RedactSecrets(logging.Filter):
    """Replaces every secret (the token, passwords) in a record's final text."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        for secret in self._secrets:
            text = text.replace(secret, "[secret]")
            if record.exc_text:
                record.exc_text = record.exc_text.replace(secret, "[secret]")
        record.msg, record.args = text, None
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line, for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_text or record.exc_info:
            entry["error"] = record.exc_text or self.formatException(record.exc_info)  # type: ignore[arg-type]
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(
    *, level: str, secrets: Iterable[str] = (), json_lines: bool = False
) -> None:
    """Send logs to stderr at `level`; third-party chatter stays at WARNING."""
    handler = logging.StreamHandler(sys.stderr)
    text = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handler.setFormatter(JsonFormatter() if json_lines else text)
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in _NOISY:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))
