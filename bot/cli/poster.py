"""`elchi poster UZ --locale uz`: a printable A4 PDF and PNG for consulates and migration
centres, in one language (or every country × language with `--all`)."""

from __future__ import annotations

from pathlib import Path

from bot.config import ConfigError, Settings
from bot.i18n import Translator
from bot.reach.poster import PosterError, poster_text
from bot.reach.printing import write_poster
from bot.storage.stores import opened
from bot.world import CAP_LANGUAGE, COUNTRY_CODES, LOCALE_CODES


async def poster_command(
    settings: Settings, country: str | None, locale: str | None, out: Path
) -> int:
    """Write COUNTRY-LOCALE.pdf and .png into `out`; every pair when country is None."""
    username = await bot_username(settings)
    pairs = (
        [(country, locale or "ru")]
        if country
        else [(c, loc) for c in COUNTRY_CODES for loc in LOCALE_CODES]
    )
    translator = Translator()
    try:
        async with opened(settings) as stores:
            for code, language in pairs:
                text = await poster_text(
                    stores.advisories, translator, country=code, locale=language, username=username
                )
                written = write_poster(
                    text, out, f"{code}-{language}", lang=CAP_LANGUAGE[language]
                )
                print("written: " + ", ".join(str(path) for path in written))
    except PosterError as error:
        raise ConfigError(str(error)) from None
    return 0


async def bot_username(settings: Settings) -> str:
    """BOT_USERNAME, else the username Telegram gives the token (getMe)."""
    if settings.bot_username:
        return settings.bot_username.lstrip("@")
    if settings.bot_token is None:
        raise ConfigError(
            "BOT_USERNAME: set the bot's username (without @), or BOT_TOKEN to ask Telegram"
        )
    from bot.delivery.telegram_api import BotApiClient

    async with BotApiClient(api_url=settings.bot_api_url, token=settings.token()) as api:
        username = await api.username()
    if username is None:
        raise ConfigError("BOT_USERNAME: Telegram did not give the bot's username; set it here")
    return username
