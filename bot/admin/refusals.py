"""Refused commands of people who are not admins, written so that strangers cannot flood the
audit log (120 `/halt` from 4 strangers once made 120 rows and hid every admin action): a
stranger's first refusal in an hour is written, the rest are counted and summarised."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

WINDOW = timedelta(hours=1)
STRANGERS = "strangers"  # the actor of a summary row (no chat, so /forget has nothing there)


def is_stranger(actor: str) -> bool:
    """A keyed hash of a chat (`chat#…`), as the guards name non-admins."""
    return actor.startswith("chat#")


class Refusals:
    """In memory: when each stranger was last written, and what was counted since."""

    def __init__(self) -> None:
        self._written: dict[str, datetime] = {}
        self._counted: Counter[str] = Counter()
        self._since: datetime | None = None

    def write(self, actor: str, now: datetime) -> bool:
        """Whether this refusal is written (else it is counted for the summary)."""
        last = self._written.get(actor)
        if last is None or now - last >= WINDOW:
            self._written[actor] = now
            return True
        self._since = self._since or now
        self._counted[actor] += 1
        return False

    def summary(self, now: datetime) -> str | None:
        """What was counted and not written, as one line, then forgotten (None: nothing)."""
        self._written = {a: t for a, t in self._written.items() if now - t < WINDOW}
        if not self._counted:
            return None
        since = self._since.strftime("%Y-%m-%d %H:%M") if self._since else "?"
        line = (
            f"{sum(self._counted.values())} refused commands from {len(self._counted)} "
            f"non-admins since {since} UTC, not written one by one"
        )
        self._counted, self._since = Counter(), None
        return line
