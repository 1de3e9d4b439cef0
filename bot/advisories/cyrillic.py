"""Cyrillic Uzbek texts derived from the Latin ones, unless written by hand."""

from __future__ import annotations

from bot.advisories.model import Advisory, LocaleText
from bot.i18n.cyrillic import latin_to_cyrillic


def _convert(value: str | None) -> str | None:
    return None if value is None else latin_to_cyrillic(value)


def with_cyrillic(advisory: Advisory) -> Advisory:
    """The advisory with a `uz_Cyrl` text derived from `uz` where none was written."""
    latin = advisory.text.get("uz")
    if latin is None or "uz_Cyrl" in advisory.text:
        return advisory
    derived = LocaleText(
        headline=latin_to_cyrillic(latin.headline),
        body=latin_to_cyrillic(latin.body),
        instruction=_convert(latin.instruction),
        claim=_convert(latin.claim),
        summary=_convert(latin.summary),
    )
    update: dict[str, object] = {"text": {**advisory.text, "uz_Cyrl": derived}}
    for name in ("if_dual", "if_not_dual"):
        texts: dict[str, str] = getattr(advisory, name)
        if "uz" in texts and "uz_Cyrl" not in texts:
            update[name] = {**texts, "uz_Cyrl": _convert(texts["uz"])}
    return advisory.model_copy(update=update)
