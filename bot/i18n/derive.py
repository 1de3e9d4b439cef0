"""Build step: write the uz_Cyrl catalog by transliterating the uz one (`make i18n-compile`).

Hand-written overrides in `locales/uz_Cyrl-overrides.po` win over the derivation.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from bot.i18n.cyrillic import latin_to_cyrillic
from bot.i18n.translator import DEFAULT_DIR


def _read(path: Path, locale: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def derive(directory: Path = DEFAULT_DIR) -> Path:
    """Write `uz_Cyrl/LC_MESSAGES/messages.po` from `uz`; return its path."""
    source = _read(directory / "uz" / "LC_MESSAGES" / "messages.po", "uz")
    overrides_path = directory / "uz_Cyrl-overrides.po"
    overrides = _read(overrides_path, "uz_Cyrl") if overrides_path.is_file() else Catalog()
    target = Catalog(locale="uz_Cyrl", project="Elchi", fuzzy=False)
    for message in source:
        if not message.id:
            continue
        override = overrides.get(message.id)
        if override is not None and override.string:
            string = override.string
        elif isinstance(message.string, (tuple, list)):
            string = tuple(latin_to_cyrillic(s) for s in message.string)
        else:
            string = latin_to_cyrillic(message.string or "")
        target.add(message.id, string, auto_comments=["derived from uz by bot.i18n.derive"])
    out = directory / "uz_Cyrl" / "LC_MESSAGES" / "messages.po"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        write_po(handle, target, width=0)
    return out


if __name__ == "__main__":
    print(f"derived {derive(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR)}")
