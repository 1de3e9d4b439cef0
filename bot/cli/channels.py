"""`elchi channels list|add|remove`: the public channels that mirror advisories."""

from __future__ import annotations

from bot.config import ConfigError, Settings, parse_channels
from bot.storage import Database
from bot.storage.channels import ChannelRepository


async def channels_command(
    settings: Settings, action: str, chat: str | None, country: str | None, locale: str | None
) -> int:
    """List the channels (configured and added), add one, or remove an added one."""
    if action == "add":
        if chat is None or country is None or locale is None:
            raise ConfigError(
                "channels add: give CHANNEL_ID COUNTRY LANGUAGE, e.g. -1001234567890 UZ uz"
            )
        try:
            parse_channels(f"{chat}:{country}:{locale}")
        except ValueError as error:
            raise ConfigError(f"channels add: {error}") from None
    if action == "remove" and chat is None:
        raise ConfigError("channels remove: give CHANNEL_ID")
    if action == "remove" and chat in settings.channels:
        raise ConfigError(f"channels remove: {chat} is in CHANNELS; remove it there")
    database = Database(settings.database_url)
    try:
        await database.migrate()
        channels = ChannelRepository(database=database, configured=settings.channels)
        if action == "add":
            assert chat is not None and country is not None and locale is not None
            new = await channels.add(chat=chat, country=country, locale=locale)
            print(f"{chat}: mirrors {country} in {locale}" + ("" if new else " (changed)"))
        elif action == "remove":
            assert chat is not None
            gone = await channels.remove(chat=chat)
            print(f"{chat}: " + ("no longer mirrors" if gone else "was not mirroring"))
        else:
            for channel in sorted(await channels.all(), key=lambda c: (c.country, c.locale)):
                since = channel.added_at.strftime("%Y-%m-%d %H:%M UTC")
                where = "CHANNELS" if channel.chat in settings.channels else "added"
                line = f"{channel.chat}  {channel.country}  {channel.locale}  since {since}"
                print(f"{line}  ({where})")
    finally:
        await database.close()
    return 0
