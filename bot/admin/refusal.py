"""An answer an admin gave that cannot be taken, said as a msgid the front end translates."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rejected:
    """An answer that cannot be taken: a msgid to show and its placeholder values."""

    message: str
    values: dict[str, str | int]
