"""Asking the person at the terminal before something that cannot be undone."""

from __future__ import annotations

import asyncio


async def confirm(question: str, *, yes: bool) -> bool:
    """True if `--yes` was given or the person answers y (read without blocking the loop)."""
    if yes:
        return True
    try:
        answer = await asyncio.to_thread(input, f"{question} [y/N] ")
    except EOFError:  # no terminal (a script, cron): no answer is no
        print()
        return False
    return answer.strip().lower() in ("y", "yes")
