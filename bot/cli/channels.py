"""`elchi channels list|add|remove`: the public channels that mirror advisories."""

from __future__ import annotations

from bot.config import ConfigError, Settings, parse_channels
from bot.storage.stores import opened


async def channels_command(
    settings: Settings,
    action: str,
    chat: str | None,
    country: str | None,
    locale: str | None,
    *,
    yes: bool = False,
) -> int:
    """List the channels (configured and added), add one, or remove an added one. Moving a
    channel to another country or language is said and needs --yes."""
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
    if action in ("remove", "add") and chat in settings.channels:
        raise ConfigError(f"channels {action}: {chat} is in CHANNELS; change it there")
    async with opened(settings) as stores:
        channels = stores.channels
        if action == "add":
            assert chat is not None and country is not None and locale is not None
            now = await channels.get(chat=chat)
            moved = now is not None and (now.country, now.locale) != (country, locale)
            if now is not None and moved and not yes:
                raise ConfigError(
                    f"channels add: {chat} mirrors {now.country} in {now.locale}; add --yes to "
                    f"make it mirror {country} in {locale} instead (from now on)"
                )
            await channels.add(chat=chat, country=country, locale=locale)
            print(f"{chat}: mirrors {country} in {locale}" + (" from now on" if moved else ""))
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
    return 0
