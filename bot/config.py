"""Settings from the environment and `.env`, validated once at start (never at import)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.world import COUNTRY_CODES, LANGUAGES, LOCALE_NAMES, Locale

# The default: the volunteers who run Elchi, in each reader's language.
OPERATOR_NAMES: dict[str, str] = {language.code: language.operator for language in LANGUAGES}

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SUPER_ADMIN = "*"

# Drivers the storage layer is written and tested for; anything else is a configuration error.
_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
}


class ConfigError(Exception):
    """A setting is missing or wrong; the message names the variable."""


def cannot_listen(variable: str, where: str, error: OSError, *, turns_off: str) -> ConfigError:
    """An address that cannot be listened on (taken, not ours), said in one line."""
    reason = os.strerror(error.errno).lower() if error.errno else "cannot bind"
    return ConfigError(
        f"{variable}: cannot listen on {where} ({reason}); choose a free port, or leave it "
        f"empty to turn {turns_off} off"
    )


class Settings(BaseSettings):
    """Everything the operator configures; see README "Configuration"."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    bot_token: SecretStr | None = None
    bot_api_url: str = "https://api.telegram.org"
    database_url: str = "sqlite+aiosqlite:///data/elchi.db"
    admins: Annotated[dict[int, str], NoDecode] = Field(default_factory=dict)
    secret_key: SecretStr | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    default_locale: Locale = "ru"
    # Who runs the bot, as subscribers read it: a name in each language (JSON in OPERATOR_NAME,
    # e.g. {"ru": "Волонтёры Elchi", "uz": "Elchi koʻngillilari"}), or one name for all.
    operator_name: Annotated[dict[str, str], NoDecode] = Field(
        default_factory=lambda: dict(OPERATOR_NAMES)
    )
    # The bot's @username for links (shares, the poster, the public page); with a token the
    # bot asks Telegram (getMe) when this is empty.
    bot_username: str = ""
    # Public channels that mirror advisories: `-1001234567890:UZ:uz,…` (the channel's id, its
    # country and language); more with `elchi channels add`; the union counts.
    channels: Annotated[dict[str, tuple[str, str]], NoDecode] = Field(default_factory=dict)
    advisories_dir: Path = PROJECT_ROOT / "advisories"
    cap_sender: str = "elchi"
    log_format: Literal["text", "json"] = "text"
    webhook_url: str = ""  # empty: long polling
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0:8080"
    # /healthz and /metrics (never on the public port): loopback unless the operator opens it
    # (in Docker Compose, on the internal network); empty: off.
    metrics_listen: str = "127.0.0.1:8081"
    # The public page, in a process of its own (`elchi page`); empty: off.
    page_listen: str = "127.0.0.1:8082"
    health_port: int | None = None  # replaced by METRICS_LISTEN and PAGE_LISTEN: refused
    # Four-eyes: with 2, a broadcast or correction reaching more than the threshold waits for a
    # second admin of the same country (or a super-admin). 1 turns it off.
    approvals: Annotated[int, Field(ge=1, le=2)] = 2
    approval_threshold: Annotated[int, Field(ge=0)] = 1000

    @field_validator("bot_api_url")
    @classmethod
    def _api_root(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https:// (the server root)")
        root = value.rstrip("/")
        if re.search(r"/bot[^/]*$", root):  # ".../bot" or ".../bot<token>": a path, not a root
            raise ValueError(
                "give the server root without /bot at the end, e.g. https://api.telegram.org"
            )
        return root

    @field_validator("database_url")
    @classmethod
    def _database(cls, value: str) -> str:
        return normalise_database_url(value).render_as_string(hide_password=False)

    @field_validator("admins", mode="before")
    @classmethod
    def _admins(cls, value: object) -> dict[int, str]:
        if isinstance(value, dict):
            return value
        return parse_admins(str(value or ""))

    @field_validator("channels", mode="before")
    @classmethod
    def _channels(cls, value: object) -> dict[str, tuple[str, str]]:
        if isinstance(value, dict):
            return value
        return parse_channels(str(value or ""))

    @field_validator("operator_name", mode="before")
    @classmethod
    def _operator(cls, value: object) -> dict[str, str]:
        if isinstance(value, dict):
            return {str(k): str(v) for k, v in value.items()}
        text = str(value or "").strip()
        if text.startswith("{"):
            names = json.loads(text)
            if not isinstance(names, dict) or not names:
                raise ValueError('a JSON object of names, e.g. {"ru": "Волонтёры Elchi"}')
            return {str(k): str(v) for k, v in names.items()}
        return {"*": text} if text else dict(OPERATOR_NAMES)

    def operator_in(self, locale: str) -> str:
        """The operator's name for readers of `locale` (the Russian one where none is given)."""
        names = self.operator_name
        return names.get(locale) or names.get("*") or names.get("ru") or next(iter(names.values()))

    @field_validator("webhook_url")
    @classmethod
    def _webhook(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://127.", "http://localhost")):
            raise ValueError("must be an https:// URL (Telegram posts only to HTTPS)")
        return value

    @field_validator("webhook_listen")
    @classmethod
    def _listen(cls, value: str) -> str:
        host, _, port = value.rpartition(":")
        if not host or not port.isdigit():
            raise ValueError("must be HOST:PORT, e.g. 0.0.0.0:8080")
        return value

    @field_validator("metrics_listen", "page_listen")
    @classmethod
    def _optional_listen(cls, value: str) -> str:
        value = value.strip()
        host, _, port = value.rpartition(":")
        if value and (not host or not port.isdigit() or int(port) > 65535):
            raise ValueError("must be HOST:PORT, e.g. 127.0.0.1:8081, or empty for off")
        return value

    @field_validator("health_port")
    @classmethod
    def _moved(cls, value: int | None) -> int | None:
        if value is not None:
            raise ValueError(
                "replaced: /healthz and /metrics are on METRICS_LISTEN (127.0.0.1:8081), the "
                "public page on PAGE_LISTEN (127.0.0.1:8082); remove HEALTH_PORT"
            )
        return value

    def webhook_secret_value(self) -> str:
        """The secret Telegram sends with every update; required in webhook mode."""
        secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
        if len(secret) < 16 or not secret.replace("_", "").replace("-", "").isalnum():
            raise ConfigError("WEBHOOK_SECRET: 16+ characters of A-Z, a-z, 0-9, _ or -")
        return secret

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    def listen(self, name: Literal["metrics", "page"]) -> tuple[str, int] | None:
        """(host, port) of METRICS_LISTEN or PAGE_LISTEN, or None when it is off."""
        value = self.metrics_listen if name == "metrics" else self.page_listen
        host, _, port = value.rpartition(":")
        return (host.strip("[]"), int(port)) if value else None

    def token(self) -> str:
        """The bot token, or a ConfigError naming BOT_TOKEN."""
        if self.bot_token is None or not self.bot_token.get_secret_value().strip():
            raise ConfigError("BOT_TOKEN: missing; get one from @BotFather (or try `make demo`)")
        return self.bot_token.get_secret_value().strip()

    def key(self) -> bytes:
        """The HMAC key for hashing chat ids in logs, or a ConfigError naming SECRET_KEY."""
        if self.secret_key is None:
            raise ConfigError("SECRET_KEY: missing; set a random string of 32+ characters")
        value = self.secret_key.get_secret_value()
        if len(value) < 32 or value.lower() in {"changeme", "secret", "change-me"}:
            raise ConfigError("SECRET_KEY: too short or a placeholder; use 32+ random characters")
        return value.encode()


def normalise_database_url(value: str) -> URL:
    """Parse DATABASE_URL and pin the async driver; ValueError says what is wrong."""
    from sqlalchemy.engine import make_url  # only when a database is used: `elchi --help`
    from sqlalchemy.exc import ArgumentError  # and `elchi validate` start faster without it

    try:
        url = make_url(value)
    except ArgumentError:
        raise ValueError(
            "not a database URL (expected e.g. sqlite+aiosqlite:///data/elchi.db)"
        ) from None
    driver = _DRIVERS.get(url.drivername)
    if driver is None:
        raise ValueError(f"unsupported driver {url.drivername!r}; use sqlite or postgresql")
    url = url.set(drivername=driver)
    if driver.startswith("sqlite") and not url.database:
        raise ValueError("a SQLite URL needs a file path, e.g. sqlite+aiosqlite:///data/elchi.db")
    if driver.startswith("postgresql") and not (url.host or url.query.get("host")):
        raise ValueError("a PostgreSQL URL needs a host, e.g. postgresql://user:pw@db/elchi")
    return url


def parse_channels(text: str) -> dict[str, tuple[str, str]]:
    """`-1001:UZ:uz,-1002:KG:ky` → {"-1001": ("UZ", "uz"), …}; ValueError names the entry."""
    channels: dict[str, tuple[str, str]] = {}
    for entry in filter(None, (part.strip() for part in text.split(","))):
        parts = entry.split(":")
        chat, country, locale = [*parts, "", ""][:3]
        # A channel's id: -100 and up to 13 more ASCII digits (never another script's digits).
        if len(parts) != 3 or not re.fullmatch(r"-100[0-9]{5,13}", chat):
            raise ValueError(f"bad entry {entry!r}; expected -100…:UZ|KG|TJ:LANGUAGE")
        if country not in COUNTRY_CODES:
            raise ValueError(f"bad entry {entry!r}: the country must be UZ, KG or TJ")
        if locale not in LOCALE_NAMES:
            raise ValueError(
                f"bad entry {entry!r}: the language must be uz, uz_Cyrl, ky, tg or ru"
            )
        if chat in channels:
            raise ValueError(f"{chat} is given twice; give each channel once")
        channels[chat] = (country, locale)
    return channels


MAX_USER_ID = 2**52 - 1  # Telegram: a user id has at most 52 significant bits


def user_id_problem(value: str) -> str | None:
    """Why `value` is not a Telegram user id (digits, 1 to 2**52 - 1), or None."""
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_USER_ID:
        return (
            f"{value!r} is not a Telegram user id (a whole number from 1 to {MAX_USER_ID}; "
            "the person can see theirs with @userinfobot)"
        )
    return None


def parse_admins(text: str) -> dict[int, str]:
    """`123:UZ,456:*` → {123: "UZ", 456: "*"}; ValueError names the bad entry."""
    admins: dict[int, str] = {}
    for entry in filter(None, (part.strip() for part in text.split(","))):
        user, _, country = entry.partition(":")
        country = country.strip().upper()
        if user_id_problem(user) is not None or country not in (*COUNTRY_CODES, SUPER_ADMIN):
            raise ValueError(f"bad entry {entry!r}; expected USER_ID:UZ|KG|TJ|*")
        if int(user) in admins:
            raise ValueError(
                f"{int(user)} is given twice ({admins[int(user)]} and {country}); give each "
                "admin once"
            )
        admins[int(user)] = country
    return admins


def load_settings(env_file: Path | None = Path(".env")) -> Settings:
    """Build Settings, turning pydantic's report into one line that names the variable."""
    try:
        return Settings(_env_file=env_file)
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]).upper() if error["loc"] else "settings"
        message = str(error["msg"]).removeprefix("Value error, ")
        raise ConfigError(f"{name}: {message}") from None
